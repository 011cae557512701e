import { createDataSource, runMigrations } from '#libs/persistence';
import { withDatabase } from '../database.js';

export async function migrate(): Promise<number> {
  return withDatabase(async (url) => {
    const dataSource = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const applied = await runMigrations(dataSource);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    } finally {
      await dataSource.destroy();
    }
  });
}
