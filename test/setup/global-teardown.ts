import pg from 'pg';
import { stopTestDatabase } from './global-setup.ts';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.PHOIHOP_TEST_ADMIN_URL;
  if (adminUrl && process.env.DATABASE_URL) {
    // On a server we do not own, leave no test databases behind.
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'phoihop\\_tpl\\_%' OR datname LIKE 'phoihop\\_test\\_%'`);
    for (const { datname } of stale.rows) {
      await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(datname)} WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
    }
    await admin.end();
  }
  await stopTestDatabase();
}
