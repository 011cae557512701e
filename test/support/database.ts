import { randomBytes } from 'node:crypto';
import { runMigrations as runQueueMigrations } from 'bullmq';
import pg from 'pg';
import { createDataSource, runMigrations } from '#libs/persistence';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.PHOIHOP_TEST_ADMIN_URL;
  if (!url) throw new Error('PHOIHOP_TEST_ADMIN_URL is not set: run the tests through jest (its globalSetup starts PostgreSQL)');
  return url;
}

/** One migrated template per test run; test files run in parallel workers, so its creation is serialised by an advisory lock. */
const templateName = () => `phoihop_tpl_${process.env.PHOIHOP_TEST_RUN ?? 'local'}`;

function urlOf(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function ensureTemplate(admin: pg.Client): Promise<string> {
  const name = templateName();
  await admin.query(`SELECT pg_advisory_lock(hashtextextended('phoihop-test-template', 0))`);
  try {
    const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate`, [name]);
    if (found.rowCount) return name;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    const dataSource = await createDataSource({ url: urlOf(name), poolSize: 1 }).initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    // BullMQ's PostgreSQL schema too, so that test apps on the PostgreSQL queue backend start fast.
    const client = new pg.Client({ connectionString: urlOf(name) });
    await client.connect();
    try {
      await runQueueMigrations(client);
    } finally {
      await client.end();
    }
    await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true`);
    return name;
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtextextended('phoihop-test-template', 0))`);
  }
}

/** A fresh, migrated database of this test file's own, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `phoihop_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const template = await ensureTemplate(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlOf(name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
