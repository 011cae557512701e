import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createDataSource, TimersRepository } from '#libs/persistence';
import { createRuntime, SYSTEM_ACTOR } from '#libs/runtime';
import type { DataSource } from 'typeorm';
import { redisUrl, type QueueKind } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { eventually } from './support/eventually.js';
import { startNode, type RunningProcess } from './support/process.js';

const WORKER = 'dist/apps/worker/src/main.js';

/** A case that waits for its deadline (at `hanLuc`), and takes a note meanwhile without leaving its state. */
const definition = {
  key: 'test-timer-batch',
  title: { vi: 'Hẹn giờ theo lô (kiểm thử)', en: 'Timer batches (test)' },
  inputSchema: { type: 'object', required: ['hanLuc'], properties: { hanLuc: { type: 'string' } } },
  events: {
    HET_HAN: { label: { vi: 'Hết hạn', en: 'Expired' }, kind: 'timer' },
    GHI_CHU: { label: { vi: 'Ghi chú', en: 'Note' }, kind: 'system' },
  },
  machine: {
    id: 'test-timer-batch',
    initial: 'cho',
    states: {
      cho: {
        meta: { label: { vi: 'Chờ', en: 'Waiting' }, deadlines: [{ key: 'han', after: { duration: 'PT0S' }, from: { context: 'hanLuc' }, event: 'HET_HAN' }] },
        on: { HET_HAN: { target: 'hetHan' }, GHI_CHU: {} },
      },
      hetHan: { type: 'final', meta: { label: { vi: 'Đã hết hạn', en: 'Expired' } } },
    },
  },
};

/**
 * Due deadlines fired in batches: one transaction applies many timers' transitions, each exactly
 * once; an instance that moved meanwhile is left to the one-timer path; a batch that fails commits
 * nothing of itself.
 */
describe('timer batches', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let runtime: ReturnType<typeof createRuntime>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 16 }).initialize();
    runtime = createRuntime(ds);
    await runtime.definitions.publish(definition);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** `n` cases whose deadlines are all due at `dueAt`. */
  const startCases = async (n: number, dueAt: Date): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await runtime.commands.start({ definitionKey: definition.key, input: { hanLuc: dueAt.toISOString() } }, { actor: SYSTEM_ACTOR })).body.id);
    }
    return ids;
  };

  const deadlineTimers = async (ids: string[]) =>
    (await ds.query(`SELECT id, instance_id, job_id, status FROM timers WHERE instance_id = ANY($1) AND kind = 'deadline' ORDER BY id`, [ids])) as Array<{
      id: string;
      instance_id: string;
      job_id: string;
      status: string;
    }>;

  const counts = async (ids: string[]) => {
    const [row] = await ds.query(
      `SELECT (SELECT count(*)::int FROM timers WHERE instance_id = ANY($1) AND status = 'fired') AS fired,
              (SELECT count(*)::int FROM timers WHERE instance_id = ANY($1) AND status = 'pending') AS pending,
              (SELECT count(*)::int FROM workflow_history WHERE instance_id = ANY($1) AND event_type = 'HET_HAN') AS deadline_rows,
              (SELECT count(*)::int FROM workflow_instances WHERE id = ANY($1) AND status = 'done') AS done`,
      [ids],
    );
    return row as { fired: number; pending: number; deadline_rows: number; done: number };
  };

  it('many deadlines due at once: concurrent batches apply each exactly once, in few commits, and their jobs then find nothing to do', async () => {
    const dueAt = new Date(Date.now() - 60_000);
    const ids = await startCases(400, dueAt);
    const now = new Date();
    // Four batches at a time, as concurrent jobs would run them, until none finds a due deadline.
    const outcomes: Array<Map<string, string>> = [];
    for (;;) {
      const round = await Promise.all(Array.from({ length: 4 }, () => runtime.timers.fireBatch(now, undefined, 60)));
      outcomes.push(...round);
      if (round.every((m) => m.size === 0)) break;
    }
    const fired = outcomes.flatMap((m) => [...m.entries()].filter(([, o]) => o === 'fired').map(([id]) => id));
    expect(new Set(fired).size).toBe(fired.length);
    expect(fired).toHaveLength(400);
    expect(await counts(ids)).toEqual({ fired: 400, pending: 0, deadline_rows: 400, done: 400 });
    // One transition each: started, then the deadline.
    expect((await ds.query(`SELECT count(*)::int AS n FROM workflow_instances WHERE id = ANY($1) AND revision = 2`, [ids]))[0].n).toBe(400);
    // No batch took more than its limit: 400 deadlines took at least 7 of them.
    expect(outcomes.filter((m) => m.size > 0).length).toBeGreaterThanOrEqual(7);
    expect(Math.max(...outcomes.map((m) => m.size))).toBeLessThanOrEqual(60);
    for (const t of (await deadlineTimers(ids)).slice(0, 20)) expect(await runtime.timers.fireDue(t.id, t.job_id, () => now)).toBe('stale');
    expect(await counts(ids)).toEqual({ fired: 400, pending: 0, deadline_rows: 400, done: 400 });
  });

  it('an instance another writer holds is left out of the batch, then fired once by its own job after that writer', async () => {
    const ids = await startCases(5, new Date(Date.now() - 60_000));
    const [moved] = ids;
    // Another writer holds the case's row, and a person's note waits behind it.
    const holder = ds.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT id FROM workflow_instances WHERE id = $1 FOR UPDATE`, [moved]);
    const note = runtime.commands.send(moved, { type: 'GHI_CHU' }, { actor: SYSTEM_ACTOR });
    await eventually(
      async () =>
        Number((await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE workflow_instances%'`))[0].n) >= 1 ||
        undefined,
      15000,
      'the note to wait for the row',
    );
    // The batch neither waits for the held row nor writes the case from what it read before the note.
    let outcomes: Map<string, string>;
    try {
      outcomes = await runtime.timers.fireBatch(new Date(), undefined, 50);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    await note;

    const timers = await deadlineTimers(ids);
    const mine = timers.find((t) => t.instance_id === moved)!;
    expect(outcomes.has(mine.id)).toBe(false);
    expect(mine.status).toBe('pending');
    expect(timers.filter((t) => t.status === 'fired').map((t) => t.instance_id).sort()).toEqual(ids.slice(1).sort());

    // Its own job: the batch has nothing else due, so the one-timer path applies it, after the note.
    expect(await runtime.timers.fireDue(mine.id, mine.job_id, () => new Date())).toBe('fired');
    expect(await runtime.timers.fireDue(mine.id, mine.job_id, () => new Date())).toBe('stale');
    const history = (await ds.query(`SELECT seq, event_type FROM workflow_history WHERE instance_id = $1 ORDER BY seq`, [moved])) as Array<{ seq: number; event_type: string }>;
    expect(history.map((h) => h.event_type)).toEqual([expect.any(String), 'GHI_CHU', 'HET_HAN']);
    expect(await counts(ids)).toEqual({ fired: 5, pending: 0, deadline_rows: 5, done: 5 });
  });

  it('a batch that fails part-way commits nothing; its jobs fire each timer alone, and a later batch the rest, each once', async () => {
    const ids = await startCases(30, new Date(Date.now() - 60_000));
    const failing = ids[17];
    // A real statement failure inside the batch's transaction, on the 18th case's write.
    await ds.query(`CREATE FUNCTION test_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await ds.query(`CREATE TRIGGER test_refuse_write BEFORE UPDATE ON workflow_instances FOR EACH ROW WHEN (OLD.id = '${failing}'::uuid) EXECUTE FUNCTION test_refuse_write()`);
    try {
      await expect(runtime.timers.fireBatch(new Date(), undefined, 100)).rejects.toThrow('refused for the test');
      expect(await counts(ids)).toEqual({ fired: 0, pending: 30, deadline_rows: 0, done: 0 });
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM workflow_history WHERE instance_id = ANY($1)`, [ids]);
      expect(n).toBe(30);

      // A job whose batch fails fires its own timer through the one-timer path, and only that one.
      const own = (await deadlineTimers(ids)).find((t) => t.instance_id === ids[0])!;
      expect(await runtime.timers.fireDue(own.id, own.job_id, () => new Date())).toBe('fired');
      expect((await counts(ids)).fired).toBe(1);
    } finally {
      await ds.query(`DROP TRIGGER test_refuse_write ON workflow_instances`);
      await ds.query(`DROP FUNCTION test_refuse_write()`);
    }
    const again = await runtime.timers.fireBatch(new Date(), undefined, 100);
    expect([...again.values()].filter((o) => o === 'fired')).toHaveLength(29);
    expect(await counts(ids)).toEqual({ fired: 30, pending: 0, deadline_rows: 30, done: 30 });
  });

  it('the claim skips timers another batch holds, so concurrent batches never take the same timer', async () => {
    const ids = await startCases(10, new Date(Date.now() - 60_000));
    const repo = new TimersRepository();
    const a = ds.createQueryRunner();
    await a.connect();
    await a.startTransaction();
    try {
      const first = await repo.claimDueDeadlines(a.manager, new Date(), 4);
      const second = await ds.transaction((m) => repo.claimDueDeadlines(m, new Date(), 100));
      const taken = new Set(first.map((c) => c.timer.id));
      expect(first).toHaveLength(4);
      expect(second.filter((c) => ids.includes(c.instance.id))).toHaveLength(6);
      expect(second.some((c) => taken.has(c.timer.id))).toBe(false);
    } finally {
      await a.rollbackTransaction();
      await a.release();
    }
    await runtime.timers.fireBatch(new Date());
    expect(await counts(ids)).toEqual({ fired: 10, pending: 0, deadline_rows: 10, done: 10 });
  });
});

/** The worker as a real process on each queue backend: a burst of due deadlines is applied in batches, each once. */
describe.each<QueueKind>(['postgres', 'redis'])('timer batches in a worker on the %s queue backend', (kind) => {
  const TIMERS = 600;
  let db: TestDatabase;
  let ds: DataSource;
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 8 }).initialize();
    await createRuntime(ds).definitions.publish(definition);
  });
  afterAll(async () => {
    if (worker && worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await ds.destroy();
    await db.drop();
  });

  it(`${TIMERS} deadlines due at one instant are applied in batches, each exactly once`, async () => {
    const { commands } = createRuntime(ds);
    const dueAt = new Date(Date.now() - 1000);
    const ids: string[] = [];
    for (let i = 0; i < TIMERS; i++) ids.push((await commands.start({ definitionKey: definition.key, input: { hanLuc: dueAt.toISOString() } }, { actor: SYSTEM_ACTOR })).body.id);
    worker = startNode(WORKER, {
      DATABASE_URL: db.url,
      ...(kind === 'redis' ? { REDIS_URL: redisUrl() } : {}),
      QUEUE_PREFIX: `phoihop-batch-${randomBytes(4).toString('hex')}`,
      SKIP_MIGRATIONS: 'true',
      OUTBOX_POLL_MS: '200',
      SWEEP_INTERVAL_MS: '1000',
      WORKER_CONCURRENCY: '8',
      DB_POOL_SIZE: '12',
      LOG_LEVEL: 'warn',
    });
    await eventually(
      async () => Number((await ds.query(`SELECT count(*)::int AS n FROM timers WHERE instance_id = ANY($1) AND status = 'fired'`, [ids]))[0].n) === TIMERS || undefined,
      60000,
      'every deadline to fire',
    );
    const [row] = await ds.query(
      `SELECT (SELECT count(*)::int FROM timers WHERE instance_id = ANY($1) AND status = 'pending') AS pending,
              (SELECT count(*)::int FROM workflow_history WHERE instance_id = ANY($1) AND event_type = 'HET_HAN') AS deadline_rows,
              (SELECT count(DISTINCT instance_id)::int FROM workflow_history WHERE instance_id = ANY($1) AND event_type = 'HET_HAN') AS instances_fired,
              (SELECT count(*)::int FROM workflow_instances WHERE id = ANY($1) AND status = 'done' AND revision = 2) AS done,
              (SELECT count(DISTINCT fired_at)::int FROM timers WHERE instance_id = ANY($1)) AS commits`,
      [ids],
    );
    expect({ ...row, commits: undefined }).toEqual({ pending: 0, deadline_rows: TIMERS, instances_fired: TIMERS, done: TIMERS, commits: undefined });
    // One job per timer would give each its own instant; batches share theirs.
    expect(row.commits).toBeLessThan(TIMERS / 2);
  });
});
