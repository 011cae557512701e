import { MigrationExecutor, type DataSource, type Migration, type QueryRunner } from 'typeorm';
// Held by runMigrations() too: no process migrates this database while a restore runs.
import { createDataSource, MIGRATION_LOCK } from '../data-source.js';
import { SESSION_SETTINGS } from './backup.js';
import { applicationSequences, applicationTables, quoteIdent, type Sql, type TableInfo } from './catalog.js';
import { BackupError, type BackupHeader, type SequenceValue, type TableStart } from './format.js';
import { knownMigrations, readBackup, type BackupContents } from './read.js';

/** Rows per INSERT, or fewer when their text passes BATCH_BYTES. */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;


/** Holds only the engine's records: a database with any of these rows is never restored over. */
export const RECORD_TABLES: readonly string[] = ['workflow_instances', 'workflow_history'];

export interface RestoreOptions {
  /**
   * Restore into a database that is "empty by design": it holds no workflow instances and no history,
   * only what a first start seeds (org units, users, published definitions, their audit rows and
   * ledger entries). Those rows are erased, in the restore's transaction, and replaced by the backup's.
   */
  force?: boolean;
  applicationName?: string;
  /** Called after each table is loaded. */
  onTable?: (table: string, rows: number) => void;
  /** How long to wait (ms) for other sessions on the target database to go away before refusing; 3000 by default. */
  sessionWaitMs?: number;
}

export interface RestoreResult extends BackupContents {
  /** Migrations run on the target: before loading (up to the backup's) and after (newer ones of this build). */
  migrated: { before: string[]; after: string[] };
  /** Tables emptied by --force. */
  cleared: string[];
  ms: number;
}

/** A migration executor limited to some of the build's migrations: the target is brought to the backup's schema first. */
class SubsetMigrationExecutor extends MigrationExecutor {
  constructor(
    dataSource: DataSource,
    queryRunner: QueryRunner,
    private readonly only: ReadonlySet<string>,
  ) {
    super(dataSource, queryRunner);
    this.transaction = 'all';
  }

  protected override getMigrations(): Migration[] {
    return super.getMigrations().filter((m) => this.only.has(m.name));
  }
}

/**
 * Restores a backup written by writeBackup into the database at `url`, in ONE transaction: the
 * migrations up to the backup's, every row, this build's newer migrations, then the sequences. Any
 * failure (a refusal, a damaged or truncated file, a constraint) rolls all of it back.
 *
 * Refuses a target that holds workflow instances, one with other rows unless `force` (see
 * RestoreOptions), one with other sessions connected, one migrated past the backup, and a backup with
 * migrations this build does not know.
 */
export async function restoreBackup(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const started = Date.now();
  let dataSource: DataSource | undefined;
  let runner: QueryRunner | undefined;
  const migrated = { before: [] as string[], after: [] as string[] };
  let cleared: string[] = [];
  let target = new Map<string, TableInfo>();
  let current: { start: TableStart; table: TableInfo; insert: string; columns: Array<Array<string | null>>; bytes: number } | undefined;
  let sequences: SequenceValue[] = [];

  const flush = async () => {
    if (!current || !current.columns[0]?.length) return;
    const batch = current;
    await step(`loading the rows of ${batch.table.name}`, () => runner!.query(batch.insert, batch.columns));
    current.columns = current.start.columns.map(() => []);
    current.bytes = 0;
  };

  try {
    const contents = await readBackup(file, {
      // The header is valid and this build knows its migrations: only now is the target touched.
      header: async (header) => {
        dataSource = await createDataSource({ url, poolSize: 1, applicationName: options.applicationName ?? 'phoihop-restore' }).initialize();
        runner = dataSource.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        const sql: Sql = (text, params) => runner!.query(text, params);
        for (const s of SESSION_SETTINGS) await sql(s);
        await sql(`SELECT pg_advisory_xact_lock(hashtextextended('phoihop-restore', 0))`);
        await sql(`SELECT pg_advisory_xact_lock($1)`, [MIGRATION_LOCK.toString()]);
        cleared = await prepareTarget(sql, header, options);
        const wanted = new Set(header.migrations.map((m) => m.name));
        const executor = new SubsetMigrationExecutor(dataSource, runner, wanted);
        migrated.before = (await step("migrating the database to the backup's schema", () => executor.executePendingMigrations())).map((m) => m.name);
        target = new Map((await applicationTables(sql)).map((t) => [t.name, t]));
      },
      tableStart: async (start) => {
        const table = target.get(start.table);
        if (!table) throw new BackupError(`the backup has a table ${start.table} that this database does not have after its migrations`);
        for (const c of start.columns) {
          const here = table.columns.find((x) => x.name === c.name);
          if (!here) throw new BackupError(`the backup's ${start.table}.${c.name} has no column here`);
          if (here.type !== c.type) throw new BackupError(`${start.table}.${c.name} is ${c.type} in the backup but ${here.type} here`);
        }
        // Casts use this database's type names (never text from the file); values go in as text arrays, one per column.
        const types = start.columns.map((c) => table.columns.find((x) => x.name === c.name)!.type);
        const insert =
          `INSERT INTO ${quoteIdent(table.name)} (${start.columns.map((c) => quoteIdent(c.name)).join(', ')})` +
          `${table.identityAlways ? ' OVERRIDING SYSTEM VALUE' : ''}` +
          ` SELECT ${types.map((t, i) => `u.c${i}::${t}`).join(', ')}` +
          ` FROM unnest(${types.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${types.map((_, i) => `c${i}`).join(', ')})`;
        current = { start, table, insert, columns: start.columns.map(() => []), bytes: 0 };
      },
      row: async (values) => {
        const c = current!;
        for (let i = 0; i < values.length; i++) {
          c.columns[i].push(values[i]);
          c.bytes += values[i]?.length ?? 0;
        }
        if (c.columns[0].length >= BATCH_ROWS || c.bytes >= BATCH_BYTES) await flush();
      },
      tableEnd: async (table, rows) => {
        await flush();
        current = undefined;
        options.onTable?.(table, rows);
      },
      sequences: async (values) => {
        sequences = values;
      },
    });
    if (!runner || !dataSource) throw new BackupError(`${file} has no header`);
    const sql: Sql = (text, params) => runner!.query(text, params);

    // This build's newer migrations now run over the restored rows, as they would have on the source.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'all';
    migrated.after = (await step("running this build's newer migrations over the restored rows", () => executor.executePendingMigrations())).map((m) => m.name);

    // Last: setval is not undone by a rollback, so nothing that can fail comes after it but COMMIT.
    const present = new Set(await applicationSequences(sql));
    const missing = sequences.filter((s) => !present.has(s.name));
    if (missing.length) throw new BackupError(`the backup has sequences this database does not: ${missing.map((s) => s.name).join(', ')}`);
    for (const s of sequences) await sql(`SELECT setval($1::regclass, $2::bigint, $3::boolean)`, [quoteIdent(s.name), s.lastValue, s.isCalled]);
    await runner.commitTransaction();

    // Fresh planner statistics for the loaded tables (outside the transaction; a failure here changes nothing).
    for (const name of contents.header.tables) await sql(`ANALYZE ${quoteIdent(name)}`).catch(() => undefined);
    return { ...contents, migrated, cleared, ms: Date.now() - started };
  } catch (error) {
    if (runner?.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner?.release().catch(() => undefined);
    await dataSource?.destroy().catch(() => undefined);
  }
}

/** A database error while restoring, told as the step that failed (the transaction is then rolled back). */
async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const e = error as { message?: string; driverError?: { detail?: string }; detail?: string };
    const detail = e.driverError?.detail ?? e.detail;
    throw new BackupError(`${what} failed: ${e.message}${detail ? ` (${detail})` : ''}; nothing was restored`);
  }
}

/**
 * Checks the target before anything is written: its migrations must be a subset of the backup's,
 * it must hold no instances, and no other rows unless `force` (then they are erased here).
 * Returns the tables erased.
 */
async function prepareTarget(sql: Sql, header: BackupHeader, options: RestoreOptions): Promise<string[]> {
  const [{ db, migrated }] = await sql(`SELECT current_database() AS db, to_regclass('public.migrations') IS NOT NULL AS migrated`);
  if (migrated) {
    const applied: string[] = (await sql(`SELECT name FROM migrations ORDER BY "timestamp", id`)).map((r) => r.name);
    const known = new Set(knownMigrations());
    const newer = applied.filter((n) => !known.has(n));
    if (newer.length) throw new BackupError(`the database ${db} was migrated by a newer Phối Hợp (${newer.join(', ')}): restore with that version`);
    const inBackup = new Set(header.migrations.map((m) => m.name));
    const beyond = applied.filter((n) => !inBackup.has(n));
    if (beyond.length) {
      throw new BackupError(
        `the database ${db} is already migrated past the backup (${beyond.join(', ')} is newer than the backup): ` +
          `restore into a new, empty database (or a new DATA_DIR); restore migrates it to the backup's level, loads the rows, then applies the newer migrations`,
      );
    }
  }

  const tables = await applicationTables(sql);
  const filledTables = async () => {
    const filled: string[] = [];
    for (const t of tables) if ((await sql(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t.name)}) AS x`))[0].x) filled.push(t.name);
    return filled;
  };
  const filled = await filledTables();
  const records = filled.filter((t) => RECORD_TABLES.includes(t));
  if (records.length) {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM workflow_instances`);
    throw new BackupError(
      `refusing to restore: the database ${db} already holds workflow records (${n} instances; ${records.join(', ')} not empty). ` +
        `Restore only into a new, empty database (or a new DATA_DIR); nothing was changed`,
    );
  }
  if (filled.length && !options.force) {
    throw new BackupError(
      `refusing to restore: the database ${db} is not empty (rows in ${filled.join(', ')}). ` +
        `It holds no workflow instances: if these rows are only what a first start seeded (org units, demo users, published definitions), ` +
        `run restore again with --force to erase them and restore the backup in their place. Nothing was changed`,
    );
  }
  await otherSessions(sql, options.sessionWaitMs ?? 3000);
  if (!tables.length) return [];
  // No one writes to these tables until the restore commits; then look again, under the lock.
  await sql(`LOCK TABLE ${tables.map((t) => quoteIdent(t.name)).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const now = await filledTables();
  if (now.some((t) => !filled.includes(t))) throw new BackupError(`refusing to restore: rows were written to ${now.join(', ')} while the restore started; nothing was changed`);
  if (!filled.length) return [];
  // --force on a database that is empty by design: erase everything (one TRUNCATE, so foreign keys between the
  // tables do not matter), with the append-only tables' TRUNCATE guards lifted for this transaction only.
  const guarded = tables.filter((t) => t.truncateTriggers.length);
  for (const t of guarded) for (const g of t.truncateTriggers) await sql(`ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER ${quoteIdent(g)}`);
  await sql(`TRUNCATE ${tables.map((t) => quoteIdent(t.name)).join(', ')}`);
  for (const t of guarded) for (const g of t.truncateTriggers) await sql(`ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER ${quoteIdent(g)}`);
  return filled;
}

/** Refuses while other sessions use the target database (a running server or worker would see, and write, a half-restored database). */
async function otherSessions(sql: Sql, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    // A transaction keeps its first view of the statistics: clear it to see sessions that have just closed.
    await sql(`SELECT pg_stat_clear_snapshot()`);
    const [row] = await sql(
      `SELECT count(*)::int AS n, string_agg(DISTINCT coalesce(nullif(application_name, ''), 'unnamed'), ', ') AS apps
         FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    if (row.n === 0) return;
    if (Date.now() >= deadline) {
      throw new BackupError(
        `refusing to restore: ${row.n} other session${row.n === 1 ? ' is' : 's are'} connected to this database (${row.apps}). ` +
          `Stop the server and workers first; nothing was changed`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
