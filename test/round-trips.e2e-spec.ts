import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { PrincipalCache } from '#libs/identity';
import { Database } from '#libs/persistence';
import { eventually } from './support/eventually.js';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';

/**
 * How many statements one request sends to PostgreSQL (issue 19: one round trip for a read, one
 * for a transition). Counted on the pool's connections themselves, so that every path (TypeORM,
 * prepared statements, transactions: BEGIN and COMMIT count) is seen. The app has no scheduler, so
 * nothing else talks to the database while a request runs. Before issue 19 item 2 an admin's read
 * took 3 (the user and session, the case, its children), a clerk's 4 (and whether they may see the
 * case); an event 2 and 3 (the caller, the visibility, the write).
 */
describe('database round trips per request', () => {
  let t: TestApp;
  let statements: string[] = [];
  let counting = false;
  /** Every pooled connection that ran a named statement: asked below how PostgreSQL planned it. */
  const connections = new Set<{ query(text: string): Promise<{ rows: Array<Record<string, unknown>> }> }>();

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
    const pool = ((t.app.get(Database) as unknown as DataSource).driver as unknown as { master: { connect(): Promise<{ release(): void }> } }).master;
    const client = await pool.connect();
    // The class every pooled connection is an instance of: counted below it, whichever module loaded it.
    const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
    client.release();
    const query = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      if (typeof args[0] === 'object' && (args[0] as { name?: string }).name) connections.add(this as never);
      if (counting) {
        const config = args[0] as string | { text?: string; name?: string };
        statements.push(typeof config === 'string' ? config : (config.name ?? config.text ?? '?'));
      }
      return query.apply(this, args);
    };
    // The cache serves once this process LISTENs for changes (it starts on the first request).
    await t.http.get('/api/v1/me').expect(200);
    await eventually(async () => t.app.get(PrincipalCache).live, 10_000, 'the principal cache to listen');
  });
  afterAll(async () => {
    await t.close();
  });

  /** The statements one request sent (run twice first: caches warm, as under load). */
  const counted = async (run: () => Promise<unknown>): Promise<string[]> => {
    await run();
    await run();
    statements = [];
    counting = true;
    try {
      await run();
    } finally {
      counting = false;
    }
    return statements;
  };

  const cases = async (agent: TestAgent) => {
    const started = await agent.post('/api/v1/instances').send({ definitionKey: 'test-counter' }).expect(201);
    const id = started.body.id as string;
    const read = await counted(() => agent.get(`/api/v1/instances/${id}`).expect(200));
    const event = await counted(() => agent.post(`/api/v1/instances/${id}/events`).send({ type: 'TANG' }).expect(200));
    return { read, event };
  };

  /** The principal cache's empty statement on the LISTEN connection (LiveChannel.sync), apart from the statements proper. */
  const split = (sent: string[]) => ({ statements: sent.filter((q) => q !== ';'), syncs: sent.filter((q) => q === ';').length });

  it('an admin: one statement to read a case, one to move it (and the cache’s one empty round trip on the LISTEN connection)', async () => {
    const { read, event } = await cases(t.http);
    console.log(`admin: GET ${read.length} [${read.join(', ')}]; POST events ${event.length} [${event.join(', ')}]`);
    expect(split(read)).toEqual({ statements: ['phoihop_visible_instance_all'], syncs: 1 });
    expect(split(event)).toEqual({ statements: ['phoihop_apply_1r'], syncs: 1 });
  });

  it('a start: the version to start on (its id, not its source, which the compiled machine cache already holds), then one write', async () => {
    const sent = split(await counted(() => t.http.post('/api/v1/instances').send({ definitionKey: 'test-counter' }).expect(201))).statements;
    console.log(`admin: POST instances ${sent.length} [${sent.join(', ')}]`);
    expect(sent).toEqual(['phoihop_definition_latest', expect.stringMatching(/^phoihop_start_/)]);
  });

  it('a clerk who started the case (visibility checked): one statement to read it, two to move it', async () => {
    const clerk = await t.as('can-bo-dem', [{ role: 'chuyen-vien', unit: 'phuong-an-phong' }]);
    const { read, event } = await cases(clerk);
    console.log(`clerk: GET ${read.length} [${read.join(', ')}]; POST events ${event.length} [${event.join(', ')}]`);
    expect(split(read)).toEqual({ statements: ['phoihop_visible_instance'], syncs: 1 });
    expect(split(event)).toEqual({ statements: ['phoihop_can_see_instance', expect.stringMatching(/^phoihop_apply_/)], syncs: 1 });
  });

  it('a task’s answer: its open tasks read without locks and one write that checks them (no transaction, no row locks taken first)', async () => {
    const author = await t.as('tac-gia-dem', [{ role: 'chuyen-vien', unit: 'phuong-an-phong' }]);
    const head = await t.as('truong-phong-dem', [{ role: 'truong-phong', unit: 'phuong-an-phong' }]);
    const id = (await author.post('/api/v1/instances').send({ definitionKey: 'example-document-approval', input: { trichYeu: 'Báo cáo sơ kết' } }).expect(201)).body.id as string;
    await author.post(`/api/v1/instances/${id}/events`).send({ type: 'TRINH' }).expect(200);
    await head.get('/api/v1/me').expect(200); // the head's principal in the cache, as under load
    statements = [];
    counting = true;
    try {
      await head.post(`/api/v1/instances/${id}/events`).send({ type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(200);
    } finally {
      counting = false;
    }
    const sent = split(statements).statements;
    console.log(`task answer: POST events ${sent.length} [${sent.join(', ')}]`);
    // Before: BEGIN, the instance and its open tasks locked, the write, COMMIT (and may the head see it).
    // (The write is from the case as this process committed it: the form that answers the row if it moved.)
    expect(sent).toEqual(['phoihop_can_see_instance', 'phoihop_tasks_open_of', expect.stringMatching(/^phoihop_apply_\w+kr$/)]);
  });

  it('a case another api process moved since: the failed write answers the case as it is, written again from it without the lock (two statements, not a locked transaction)', async () => {
    const other = await startTestApp({ workflowsDir: 'test/fixtures/workflows', shareDatabaseOf: t });
    try {
      const id = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-counter' }).expect(201)).body.id as string;
      const send = (app: TestApp) => app.http.post(`/api/v1/instances/${id}/events`).send({ type: 'TANG' }).expect(200);
      await send(t); // this process keeps the case as it committed it
      await send(other); // and the other process moves it on
      statements = [];
      counting = true;
      let moved: Awaited<ReturnType<typeof send>>;
      try {
        moved = await send(t);
      } finally {
        counting = false;
      }
      // (The other app's principal cache may start listening meanwhile: its LISTEN is not this request's.)
      const sent = split(statements).statements.filter((q) => !q.startsWith('LISTEN'));
      console.log(`after another process: POST events ${sent.length} [${sent.join(', ')}]`);
      // The write from the kept record finds another revision and answers the case as it is; the write again from that.
      expect(sent).toEqual([expect.stringMatching(/^phoihop_apply_\w+r$/), expect.stringMatching(/^phoihop_apply_\w*[^r]$/)]);
      expect(sent).not.toContain('BEGIN');
      expect(moved.body.revision).toBe(4);
    } finally {
      await other.close();
    }
  });

  it('reading a case and a clerk’s visibility check are planned once per connection, not at every execution (a generic plan after the first five)', async () => {
    connections.clear(); // (the other app of the test before closed its own)
    const clerk = await t.as('can-bo-doc', [{ role: 'chuyen-vien', unit: 'phuong-an-phong' }]);
    const id = (await clerk.post('/api/v1/instances').send({ definitionKey: 'test-counter' }).expect(201)).body.id as string;
    for (let i = 0; i < 40; i++) {
      await t.http.get(`/api/v1/instances/${id}`).expect(200);
      await clerk.get(`/api/v1/instances/${id}`).expect(200);
      await clerk.post(`/api/v1/instances/${id}/events`).send({ type: 'TANG' }).expect(200);
    }
    // PostgreSQL plans a prepared statement's first five executions for their values, then keeps a
    // generic plan unless a custom one looks cheaper: one that did at every execution re-planned
    // every read (0.4 ms of the server's CPU, four times the read itself).
    const plans = new Map<string, { generic: number; custom: number }>();
    const replanned: string[] = [];
    for (const connection of connections) {
      const { rows } = await connection.query(`SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'phoihop_visible_instance%' OR name = 'phoihop_can_see_instance'`);
      for (const row of rows) {
        const seen = plans.get(row.name as string) ?? { generic: 0, custom: 0 };
        seen.generic += Number(row.generic_plans);
        // Five custom plans at most per connection: more means PostgreSQL re-plans this statement.
        if (Number(row.custom_plans) > 5) replanned.push(`${row.name as string}: ${row.custom_plans as string} custom plans`);
        seen.custom += Number(row.custom_plans);
        plans.set(row.name as string, seen);
      }
    }
    console.log(`plans: ${JSON.stringify(Object.fromEntries(plans))}`);
    expect(replanned).toEqual([]);
    expect([...plans.keys()].sort()).toEqual(['phoihop_can_see_instance', 'phoihop_visible_instance', 'phoihop_visible_instance_all']);
    for (const seen of plans.values()) expect(seen.generic).toBeGreaterThan(0);
  });
});
