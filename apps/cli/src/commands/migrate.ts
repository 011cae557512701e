import { createDataSource, runMigrations } from '#libs/persistence';
import { EXIT, run, UsageError } from '../cli.js';
import { withDatabase } from '../database.js';
import { migrate as spec } from '../specs.js';

/** `phoihop migrate`: the database's pending migrations; `phoihop migrate --plan FILE`: running instances to another version, on the server. */
export async function migrate(args: string[]): Promise<number> {
  return run(spec, args, async ({ values }) => {
    if (values.plan !== undefined) return (await import('./remote.js')).migratePlan({ plan: values.plan, dryRun: values['dry-run'] === true, server: values.server });
    // Without a plan these would be ignored, and the database migrated for real.
    if (values['dry-run'] || values.server !== undefined) throw new UsageError(`${values['dry-run'] ? '--dry-run' : '--server'} goes with --plan FILE (database migrations have no dry run)`);
    return migrateDatabase();
  });
}

async function migrateDatabase(): Promise<number> {
  return withDatabase(async (url) => {
    const dataSource = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const applied = await runMigrations(dataSource);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return EXIT.ok;
    } finally {
      await dataSource.destroy();
    }
  });
}
