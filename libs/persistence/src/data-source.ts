import { DataSource, MigrationExecutor } from 'typeorm';
import { migrations } from '#migrations';
import { dataSourceOf, type Database } from './database.js';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one way to build a DataSource: a pool and the migrations (raw SQL), no entities (the
 * repositories write SQL), synchronize never on.
 */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    applicationName: settings.applicationName ?? 'phoihop',
    extra: { max: settings.poolSize ?? 10 },
  });
}

/** Any fixed 64-bit number works; this one spells "phoihop" so it is recognisable in pg_locks. */
export const MIGRATION_LOCK = 0x70686f69686f70n;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several processes
 * booting at once against one database apply each migration exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    // The executor runs on the connection that holds the lock, so a pool of one is enough.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]).catch(() => undefined);
    await runner.release();
  }
}

/** Runs `work` while holding a named advisory lock on one connection (boot-time jobs across processes). */
export async function withAdvisoryLock<T>(database: Database, name: string, work: () => Promise<T>): Promise<T> {
  const runner = dataSourceOf(database).createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).catch(() => undefined);
    await runner.release();
  }
}
