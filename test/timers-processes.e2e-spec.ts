import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createDataSource } from '#libs/persistence';
import { createRuntime, SYSTEM_ACTOR } from '#libs/runtime';
import type { DataSource } from 'typeorm';
import { redisUrl, type QueueKind } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { eventually } from './support/eventually.js';
import { startNode, type RunningProcess } from './support/process.js';

const WORKER = 'dist/apps/worker/src/main.js';
const TIMERS = 1000;

/**
 * The worker as a real process: killed with SIGKILL while timers are due, or two of them on one
 * queue. Every timer must fire exactly once into its instance, none lost.
 */
describe.each<QueueKind>(['postgres', 'redis'])('worker processes on the %s queue backend', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  const running: RunningProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 16 }).initialize();
    const source = JSON.parse(await readFile('test/fixtures/workflows/test-timer-load.json', 'utf8'));
    await createRuntime(ds).definitions.publish(source);
  });
  afterEach(async () => {
    for (const p of running.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    }
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const prefix = `phoihop-proc-${randomBytes(4).toString('hex')}`;
  const worker = () => {
    const p = startNode(WORKER, {
      DATABASE_URL: db.url,
      ...(kind === 'redis' ? { REDIS_URL: redisUrl() } : {}),
      QUEUE_PREFIX: prefix,
      SKIP_MIGRATIONS: 'true',
      OUTBOX_POLL_MS: '200',
      SWEEP_INTERVAL_MS: '1000',
      JOB_LOCK_MS: '2000',
      WORKER_CONCURRENCY: '16',
      DB_POOL_SIZE: '20',
      LOG_LEVEL: 'warn',
    });
    running.push(p);
    return p;
  };

  /** Starts `TIMERS` instances whose deadlines all come due a few seconds from now. */
  const startInstances = async (tag: string): Promise<string[]> => {
    const { commands: instances } = createRuntime(ds);
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < TIMERS) {
          const i = next++;
          ids.push((await instances.start({ definitionKey: 'test-timer-load', businessKey: `${tag}-${i}` }, { actor: SYSTEM_ACTOR })).body.id);
        }
      }),
    );
    return ids;
  };

  const counts = async (ids: string[]) => {
    const [row] = await ds.query(
      `SELECT (SELECT count(*)::int FROM timers WHERE instance_id = ANY($1) AND status = 'fired') AS fired,
              (SELECT count(*)::int FROM timers WHERE instance_id = ANY($1) AND status = 'pending') AS pending,
              (SELECT count(*)::int FROM workflow_history WHERE instance_id = ANY($1) AND event_type = 'HET_HAN') AS deadline_rows,
              (SELECT count(DISTINCT instance_id)::int FROM workflow_history WHERE instance_id = ANY($1) AND event_type = 'HET_HAN') AS instances_fired,
              (SELECT count(*)::int FROM workflow_instances WHERE id = ANY($1) AND status = 'done') AS done`,
      [ids],
    );
    return row as { fired: number; pending: number; deadline_rows: number; instances_fired: number; done: number };
  };

  it(`SIGKILL of the worker while ${TIMERS} timers are due: after a restart every timer fires exactly once`, async () => {
    const ids = await startInstances('kill');
    const first = worker();
    await eventually(async () => (await counts(ids)).fired >= 50, 30000, 'the first timers to fire');
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await counts(ids);
    expect(atKill.pending).toBeGreaterThan(0); // it really died mid-work

    worker();
    const final = await eventually(async () => {
      const c = await counts(ids);
      return c.fired === TIMERS ? c : undefined;
    }, 60000, 'every timer to fire after the restart');
    expect(final).toEqual({ fired: TIMERS, pending: 0, deadline_rows: TIMERS, instances_fired: TIMERS, done: TIMERS });
    process.stdout.write(`[${kind}] SIGKILL at ${atKill.fired}/${TIMERS} fired; after restart ${final.fired}/${TIMERS}, ${final.deadline_rows} deadline rows\n`);
  });

  it(`two workers on one queue apply each of ${TIMERS} timers once`, async () => {
    const ids = await startInstances('two');
    const [a, b] = [worker(), worker()];
    const final = await eventually(async () => {
      const c = await counts(ids);
      return c.fired === TIMERS ? c : undefined;
    }, 60000, 'every timer to fire');
    // Let any duplicate delivery land before counting.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await counts(ids)).toEqual({ fired: TIMERS, pending: 0, deadline_rows: TIMERS, instances_fired: TIMERS, done: TIMERS });
    expect(final.fired).toBe(TIMERS);
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  });
});
