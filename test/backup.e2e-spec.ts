import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import request from 'supertest';
import { LedgerService } from '#libs/audit';
import {
  applicationSequences,
  applicationTables,
  createDataSource,
  EmbeddedPostgres,
  IdentityRepository,
  readBackup,
  restoreBackup,
  runMigrations,
  verifyHistoryChains,
  writeBackup,
} from '#libs/persistence';
import { migrations } from '#migrations';
import { createApp } from '../apps/api/src/create-app.js';
import { initForRequests, startTestApp, TEST_AUTH, TEST_PASSWORD, type TestApp } from './support/app.js';
import { freePort, startNode } from './support/process.js';

const CLI = 'dist/apps/cli/src/main.js';
const FIXTURES = 'test/fixtures/workflows';
const UNIT = 'phong-van-hoa-xa-hoi';

/** Text that JSON, jsonb, arrays and the file format must all carry unchanged. */
const TRICKY = 'Báo cáo "quý III" \\ C:\\tmp\t{a,b} \'nháy\' 🎉 — xuống dòng\nhết';

/** A database with nothing in it (not even migrations), dropped after the run. */
async function emptyDatabase(dropLater: Array<() => Promise<void>>): Promise<string> {
  const admin = new pg.Client({ connectionString: process.env.PHOIHOP_TEST_ADMIN_URL });
  await admin.connect();
  const name = `phoihop_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  dropLater.push(async () => {
    const c = new pg.Client({ connectionString: process.env.PHOIHOP_TEST_ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(process.env.PHOIHOP_TEST_ADMIN_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every application table as the text of each row (every column, as PostgreSQL prints it), sorted; and every sequence. */
async function contents(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (c) => {
    const sql = async (text: string, params?: unknown[]) => (await c.query(text, params)).rows;
    const out: Record<string, string[]> = {};
    for (const t of await applicationTables(sql)) out[t.name] = (await sql(`SELECT r::text AS x FROM "${t.name}" AS r ORDER BY 1`)).map((r) => r.x);
    for (const s of await applicationSequences(sql)) out[`sequence ${s}`] = (await sql(`SELECT last_value::text || ' ' || is_called AS x FROM "${s}"`)).map((r) => r.x);
    return out;
  });
}

async function counts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const n = async (q: string) => Number((await c.query(q)).rows[0].n);
    return {
      instances: await n(`SELECT count(*) AS n FROM workflow_instances`),
      children: await n(`SELECT count(*) AS n FROM workflow_instances WHERE parent_id IS NOT NULL`),
      history: await n(`SELECT count(*) AS n FROM workflow_history`),
      tasks: await n(`SELECT count(*) AS n FROM tasks`),
      taskEvents: await n(`SELECT count(*) AS n FROM task_events`),
      pendingTimers: await n(`SELECT count(*) AS n FROM timers WHERE status = 'pending'`),
      users: await n(`SELECT count(*) AS n FROM users`),
      audit: await n(`SELECT count(*) AS n FROM audit_log`),
      ledger: await n(`SELECT count(*) AS n FROM ledger`),
    };
  });
}

async function publicTables(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n));
}

async function cli(args: string[], env: Record<string, string>) {
  const p = startNode(CLI, env, args);
  const { code } = await p.exited;
  return { code, output: p.output() };
}

/**
 * The application on a restored database: the admin of the source signs in with their password, the
 * global ledger verifies, and every instance's chain verifies and replays to its stored state.
 */
async function verifyThroughApp(url: string, instanceIds: string[]): Promise<void> {
  const app: NestFastifyApplication = await createApp({ auth: TEST_AUTH, databaseUrl: url, poolSize: 4, runMigrations: true, logLevel: 'error', webDir: false });
  await initForRequests(app);
  try {
    const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: TEST_PASSWORD }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const ledger = await request(app.getHttpServer()).get('/api/v1/audit/verify').set(auth).expect(200);
    expect(ledger.body).toMatchObject({ ok: true });
    expect(ledger.body.checked).toBeGreaterThan(0);
    for (const id of instanceIds) {
      const v = await request(app.getHttpServer()).get(`/api/v1/instances/${id}/history/verify`).set(auth).expect(200);
      expect({ id, ...v.body }).toMatchObject({ id, ok: true });
    }
  } finally {
    await app.close();
  }
}

describe('phoihop backup and restore', () => {
  let t: TestApp;
  let work: string;
  let file: string;
  let source: Record<string, string[]>;
  let sourceCounts: Record<string, number>;
  let instanceIds: string[];
  const cleanup: Array<() => Promise<void>> = [];

  const start = async (definitionKey: string, input?: Record<string, unknown>) => (await (await t.officer()).post('/api/v1/instances').send({ definitionKey, input }).expect(201)).body;
  const send = async (id: string, type: string, payload?: Record<string, unknown>) =>
    (await (await t.officer()).post(`/api/v1/instances/${id}/events`).send({ type, payload }).expect(200)).body;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'phoihop-backup-'));
    await chmod(work, 0o755); // the embedded PostgreSQL runs as its own user when we are root
    t = await startTestApp({ workflowsDir: FIXTURES });

    // Instances in every stage: drafting (a task), awaiting approval (a task, a deadline and its reminder
    // pending), decided (done); a campaign with children (instances that reference instances).
    await t.as('truong-phong-1', [{ role: 'truong-phong', unit: UNIT }]);
    for (let i = 0; i < 12; i++) {
      const created = await start('example-document-approval', { trichYeu: `${TRICKY} #${i}`, soTrang: i + 1 });
      if (i % 3 === 0) await send(created.id, 'TRINH', { ghiChu: `Kính trình ${TRICKY}` });
      if (i % 3 === 1) {
        await send(created.id, 'TRINH');
        await send(created.id, 'QUYET_DINH', { ketQua: i % 2 ? 'dong-y' : 'tra-lai', yKien: 'Đồng ý "về nguyên tắc"' });
      }
    }
    const campaign = await start('test-campaign');
    await send(campaign.id, 'DANG_KY', { models: [{ ten: 'Mô hình “Dân vận khéo”', donVi: 'mttq' }, { ten: 'Ngõ phố văn minh' }, { ten: 'Chính quyền thân thiện' }] });
    // A comment (by the admin) and a claim (by a candidate of the task's roles and units): task events.
    const [task] = (await withClient(t.database.url, (c) => c.query(`SELECT id, candidate_roles, candidate_units FROM tasks WHERE status = 'open' AND state = 'soanThao' ORDER BY id LIMIT 1`))).rows;
    await t.http.post(`/api/v1/tasks/${task.id}/comments`).send({ text: `Ghi chú ${TRICKY}` }).expect(201);
    const officer = await t.as('chuyen-vien-1', [{ role: task.candidate_roles[0], unit: task.candidate_units[0] ?? UNIT }]);
    await officer.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    await t.http.put('/api/v1/calendar/overrides/2026-12-24').send({ kind: 'day-off', name: { vi: 'Nghỉ bù', en: 'Day off in lieu' } }).expect(200);
    await t.http.post('/api/v1/me/tokens').send({ name: 'tích hợp' }).expect(201);
    // A sealed ledger over all of it, then a few rows written after the seal (as in any live database).
    expect(await t.app.get(LedgerService).seal(new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    await send((await start('example-document-approval', { trichYeu: 'Sau khi niêm phong' })).id, 'TRINH');

    const backup = await cli(['backup', '--out', join(work, 'source.backup.gz')], { DATABASE_URL: t.database.url });
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toContain('✓ backup of');
    file = join(work, 'source.backup.gz');
    source = await contents(t.database.url);
    sourceCounts = await counts(t.database.url);
    instanceIds = (await withClient(t.database.url, (c) => c.query(`SELECT id FROM workflow_instances ORDER BY id`))).rows.map((r) => r.id);
    console.log(`test data: ${JSON.stringify(sourceCounts)}; backup ${(await stat(file)).size} bytes\n${backup.output}`);
  });

  afterAll(async () => {
    await t?.close();
    for (const drop of cleanup) await drop().catch(() => undefined);
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('has data of every kind to restore', () => {
    expect(sourceCounts.instances).toBe(17);
    expect(sourceCounts.children).toBe(3);
    expect(sourceCounts.tasks).toBeGreaterThan(10);
    expect(sourceCounts.taskEvents).toBeGreaterThan(0);
    expect(sourceCounts.pendingTimers).toBeGreaterThan(4);
    expect(sourceCounts.ledger).toBeGreaterThan(0);
    expect(source.calendar_overrides).toHaveLength(1);
    expect(source.api_tokens).toHaveLength(1);
  });

  it('restores into a new empty database (DATABASE_URL): every row and sequence equal, every hash chain verifies', async () => {
    const url = await emptyDatabase(cleanup);
    const restored = await cli(['restore', '--in', file], { DATABASE_URL: url });
    expect(restored).toMatchObject({ code: 0 });
    console.log(restored.output);
    expect(restored.output).toContain('migrations run before loading: EngineCore');
    expect(restored.output).toMatch(/✓ history: 17 instances, \d+ rows, every hash chain intact/);
    expect(restored.output).toContain('✓ ledger:');
    expect(await contents(url)).toEqual(source);
    expect(await counts(url)).toEqual(sourceCounts);
    const verified = await cli(['audit', 'verify'], { DATABASE_URL: url });
    expect(verified).toMatchObject({ code: 0 });
    await verifyThroughApp(url, instanceIds);
  });

  it('restores into a NEW embedded data directory (no DATABASE_URL): a fresh cluster with the same rows', async () => {
    const env = { DATA_DIR: join(work, 'new-data-dir'), EMBEDDED_PG_PORT: String(await freePort()) };
    const restored = await cli(['restore', '--in', file], env);
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.output).toMatch(/✓ history: 17 instances, \d+ rows, every hash chain intact/);
    expect(restored.output).toContain('✓ ledger:');
    expect(await stat(join(env.DATA_DIR, 'pg', 'postmaster.pid')).catch(() => undefined)).toBeUndefined(); // the CLI stopped what it started

    const server = await EmbeddedPostgres.start({ dataDir: join(env.DATA_DIR, 'pg'), port: Number(env.EMBEDDED_PG_PORT), database: 'phoihop' });
    try {
      expect(await contents(server.url)).toEqual(source);
      await verifyThroughApp(server.url, instanceIds);
    } finally {
      await server.stop();
    }
  });

  it('refuses a target that holds instances, and leaves it unchanged', async () => {
    const refused = await cli(['restore', '--in', file, '--force'], { DATABASE_URL: t.database.url });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('refusing to restore: the database');
    expect(refused.output).toContain('already holds workflow records (17 instances');
    expect(await contents(t.database.url)).toEqual(source);
  });

  it('refuses a seeded target without --force; with --force replaces the seed', async () => {
    const url = await emptyDatabase(cleanup);
    // Migrated by this build (as a first start would) and seeded: no instances, but rows.
    const ds = await createDataSource({ url, poolSize: 1 }).initialize();
    await runMigrations(ds);
    const ward = JSON.parse(await readFile('workflows/seed/ward.json', 'utf8')) as { units: Array<{ key: string; name: unknown; parentKey: string | null }> };
    for (const u of ward.units) await new IdentityRepository().upsertUnit(ds.manager, u as never);
    await ds.destroy();
    await expect(restoreBackup(url, file)).rejects.toThrow(/is not empty \(rows in org_units\).*--force/);
    const forced = await cli(['restore', '--in', file, '--force'], { DATABASE_URL: url });
    expect(forced).toMatchObject({ code: 0 });
    expect(forced.output).toContain('--force: erased the rows that were there in org_units');
    expect(await contents(url)).toEqual(source);
  });

  it('refuses a truncated, a corrupt and a tampered file, and leaves the target empty', async () => {
    const bytes = await readFile(file);
    const truncated = join(work, 'truncated.gz');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const corrupt = join(work, 'corrupt.gz');
    const flipped = Buffer.from(bytes);
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 16; i++) flipped[i] ^= 0x5a;
    await writeFile(corrupt, flipped);
    const tampered = join(work, 'tampered.gz');
    const text = gunzipSync(bytes).toString('utf8');
    expect(text).toContain('Sau khi niêm phong');
    await writeFile(tampered, gzipSync(Buffer.from(text.replace('Sau khi niêm phong', 'Sau khi niêm phonG'))));
    const future = join(work, 'future.gz');
    await writeFile(future, gzipSync(Buffer.from(text.replace('"migrations":[', '"migrations":[{"timestamp":1999999999999,"name":"FromTheFuture1999999999999"},'))));

    // The command: exit code 1, the reason in one line, no stack trace, and the new database left without even its tables.
    const url = await emptyDatabase(cleanup);
    const refused = await cli(['restore', '--in', truncated], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toMatch(/^✗ .*truncated.*; nothing was restored$/);
    expect(await publicTables(url)).toBe(0);
    const checked = await cli(['restore', '--in', file, '--check'], {});
    expect(checked).toMatchObject({ code: 0 });
    expect(checked.output).toContain('is complete and intact');

    // The same refusals through the library the command calls: each leaves its target empty.
    const cases = [
      [truncated, /damaged or truncated|is truncated/],
      [corrupt, /is damaged/],
      [tampered, /is damaged: its contents do not match its checksum/],
      [future, /comes from a newer Phối Hợp: .*FromTheFuture1999999999999/],
    ] as const;
    for (const [bad, message] of cases) {
      await expect(readBackup(bad, {})).rejects.toThrow(message);
      const target = await emptyDatabase(cleanup);
      await expect(restoreBackup(target, bad)).rejects.toThrow(message);
      expect(await publicTables(target)).toBe(0); // the migrations were rolled back with the rows
    }
  });

  it('restores a backup of an older schema: migrates to its level, loads, then runs the newer migrations', async () => {
    const older = await emptyDatabase(cleanup);
    const ds = createDataSource({ url: older, poolSize: 1 }).setOptions({ migrations: migrations.slice(0, -1) });
    await ds.initialize();
    await runMigrations(ds);
    await ds.query(`INSERT INTO workflow_definitions (key, version, status, title, source, checksum) VALUES ('cu', 1, 'published', '{"vi":"Cũ"}', '{}', 'x') `);
    await ds.query(
      `INSERT INTO workflow_instances (id, definition_id, definition_key, definition_version, status, state_value, state_paths, context, snapshot, revision, last_hash, started_by, created_at, updated_at)
       SELECT gen_random_uuid(), id, key, 1, 'active', '"a"', '{a}', '{}', '{}', 0, 'x', 'admin', now(), now() FROM workflow_definitions`,
    );
    await ds.destroy();
    const out = join(work, 'older.gz');
    const written = await writeBackup(older, out);
    expect(written.header.migrations.map((m) => m.name)).toEqual(migrations.slice(0, -1).map((M) => new M().name));

    const url = await emptyDatabase(cleanup);
    const result = await restoreBackup(url, out);
    expect(result.migrated.before).toHaveLength(migrations.length - 1);
    expect(result.migrated.after).toEqual([new migrations[migrations.length - 1]().name]);
    expect(await withClient(url, async (c) => (await c.query(`SELECT definition_key, parent_id FROM workflow_instances`)).rows)).toEqual([{ definition_key: 'cu', parent_id: null }]);
    expect(await withClient(url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM migrations`)).rows[0].n))).toBe(migrations.length);

    // The other way round — a target already migrated past the backup — is refused, and left alone.
    const ahead = await emptyDatabase(cleanup);
    const migrated = await createDataSource({ url: ahead, poolSize: 1 }).initialize();
    await runMigrations(migrated);
    await migrated.destroy();
    await expect(restoreBackup(ahead, out)).rejects.toThrow(`already migrated past the backup (${new migrations[migrations.length - 1]().name} is newer`);
  });

  it('takes one snapshot: rows committed while the backup runs are in no table of it', async () => {
    const before = await counts(t.database.url);
    const ids = (await withClient(t.database.url, (c) => c.query(`SELECT id FROM workflow_instances ORDER BY id`))).rows.map((r) => r.id);
    const drafting = (await withClient(t.database.url, (c) => c.query(`SELECT id FROM workflow_instances i WHERE state_paths @> ARRAY['soanThao']
           AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = i.id AND t.status = 'open' AND t.assignee IS NOT NULL) ORDER BY id LIMIT 2`))).rows;
    const out = join(work, 'during-writes.gz');
    let wrote = false;
    await writeBackup(t.database.url, out, {
      // After the first table (audit_log) is written, and before every other: new instances, history
      // rows, tasks, timers, an audit row and a calendar override, all committed.
      onTable: async (table) => {
        if (wrote) return;
        wrote = true;
        expect(table).toBe('audit_log');
        await start('example-document-approval', { trichYeu: 'Viết trong lúc sao lưu' });
        for (const d of drafting) await send(d.id, 'TRINH');
        await t.http.put('/api/v1/calendar/overrides/2026-12-25').send({ kind: 'day-off', name: { vi: 'Nghỉ', en: 'Off' } }).expect(200);
      },
    });
    const after = await counts(t.database.url);
    expect(after.instances).toBe(before.instances + 1);
    expect(after.history).toBe(before.history + 1 + drafting.length);

    const url = await emptyDatabase(cleanup);
    const result = await restoreBackup(url, out);
    expect(result.perTable.workflow_instances).toBe(before.instances);
    expect(await counts(url)).toEqual(before);
    expect((await withClient(url, (c) => c.query(`SELECT id FROM workflow_instances ORDER BY id`))).rows.map((r) => r.id)).toEqual(ids);
    expect((await contents(url)).calendar_overrides).toHaveLength(1);
    expect(await verifyHistoryChains(url)).toMatchObject({ ok: true, instances: before.instances, rows: before.history });
  });
});
