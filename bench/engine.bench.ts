import 'reflect-metadata';
import pg from 'pg';
import { compileWorkflow, start, step, type Actor, type PersistedState } from '#libs/engine';
import { createDataSource, runMigrations } from '#libs/persistence';
import { createRuntime } from '#libs/runtime';
import { benchDefinition, benchEvents } from '../libs/engine/src/bench-fixture.js';
import { benchDatabase, flag, fmt, machine, rawTransactionsPerSecond, runFor } from './support.js';

/**
 * npm run bench:engine — prints, from one run:
 *  1. pure engine step() calls per second (no I/O);
 *  2. persisted transitions per second through InstancesService (lock, step, one write statement, commit);
 *  3. raw PostgreSQL transactions per second of the same write shape (BEGIN; UPDATE; INSERT; COMMIT via pg),
 *     on the same server with the same concurrency, and the ratio persisted/raw.
 *  4. the same transitions with work on a schema without the indexes and trigger that only serve reads
 *     (on the bench's throwaway database only): what those cost a transition.
 * Flags: --seconds N (default 10), --concurrency N (default 16).
 */
const SECONDS = flag('seconds', 10);
const CONCURRENCY = flag('concurrency', 16);
const actor: Actor = { id: 'bench', roles: ['chuyen-vien', 'truong-phong'], units: ['ubnd'] };

function benchPure(): number {
  const wf = compileWorkflow(benchDefinition);
  const at = '2026-03-02T02:00:00.000Z';
  const events = benchEvents;
  let state: PersistedState = start(wf, undefined, { actor, at }).state;
  let i = 0;
  const warm = performance.now() + 500;
  while (performance.now() < warm) {
    const e = events[i++ % events.length];
    state = e === null ? start(wf, undefined, { actor, at }).state : step(wf, state, e, { actor, at }).state;
  }
  let steps = 0;
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  while (performance.now() < end) {
    for (let k = 0; k < 1000; k++) {
      const e = events[i++ % events.length];
      state = e === null ? start(wf, undefined, { actor, at }).state : step(wf, state, e, { actor, at }).state;
      steps++;
    }
  }
  return steps / ((performance.now() - t0) / 1000);
}

/** The same write shape as the raw measure: a transition that opens no task and arms no timer (state + history row). */
const leanDefinition = {
  key: 'bench-lean',
  title: { vi: 'Đếm (đo hiệu năng)', en: 'Counter (benchmark)' },
  context: { dem: 0 },
  events: {
    TANG: { label: { vi: 'Tăng', en: 'Increment' }, kind: 'human', schema: { type: 'object', properties: { ghiChu: { type: 'string' } } } },
    DONG: { label: { vi: 'Đóng', en: 'Close' }, kind: 'human' },
  },
  machine: {
    id: 'bench-lean',
    initial: 'mo',
    states: {
      mo: { meta: { label: { vi: 'Mở', en: 'Open' } }, on: { TANG: { actions: [{ type: 'increment', params: { path: 'dem' } }] }, DONG: 'dong' } },
      dong: { type: 'final', meta: { label: { vi: 'Đã đóng', en: 'Closed' } } },
    },
  },
};
const leanEvents = [{ type: 'TANG', payload: { ghiChu: 'Bổ sung số liệu' } }];

async function benchPersisted(url: string, definition: object = benchDefinition, events: Array<{ type: string; payload?: Record<string, unknown> } | null> = benchEvents): Promise<number> {
  const ds = await createDataSource({ url, poolSize: CONCURRENCY + 2, applicationName: 'bench' }).initialize();
  await runMigrations(ds);
  const { definitions, commands: instances } = createRuntime(ds);
  await definitions.publish(definition);
  const key = (definition as { key: string }).key;
  const ids: string[] = [];
  const cursor: number[] = [];
  for (let lane = 0; lane < CONCURRENCY; lane++) {
    ids.push((await instances.start({ definitionKey: key }, { actor })).body.id);
    cursor.push(0);
  }
  const next = async (lane: number) => {
    const e = events[cursor[lane]++ % events.length];
    if (e === null) ids[lane] = (await instances.start({ definitionKey: key }, { actor })).body.id;
    else await instances.send(ids[lane], e, { actor });
  };
  await runFor(1, CONCURRENCY, next);
  const { ops, elapsed } = await runFor(SECONDS, CONCURRENCY, next);
  await ds.destroy();
  return ops / elapsed;
}


/**
 * What the indexes and the trigger that only serve reads cost a transition with work: everything a
 * transition's own statement needs (primary keys, unique constraints, the per-instance task and timer
 * lookups) stays; the inbox's, the lists', the search's, the audit search's, the sweep's and the relay's
 * indexes and the live stream's trigger go. Only on the bench's own throwaway database.
 */
const READ_ONLY_STRUCTURES = [
  'DROP INDEX tasks_access, tasks_open_access, tasks_open_due, tasks_open_assignee',
  'DROP INDEX timers_pending_due',
  'DROP INDEX workflow_instances_state_paths, workflow_instances_created, workflow_instances_list, workflow_instances_next_due',
  'DROP INDEX workflow_history_at, workflow_history_actor',
  'DROP INDEX instance_search_created, instance_search_terms',
  'DROP INDEX outbox_unpublished, idempotency_keys_created',
  'DROP TRIGGER tasks_live ON tasks',
];

async function dropReadOnlyStructures(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of READ_ONLY_STRUCTURES) await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The same write shape through pgbench (C, libpq, no driver or event loop of ours) on the same server
 * and concurrency: the database's own ceiling for it. Undefined when no pgbench is installed.
 */
async function benchPgbench(url: string): Promise<number | undefined> {
  const bin = process.env.PGBENCH ?? 'pgbench';
  const { execFile } = await import('node:child_process');
  const { writeFile, mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const run = (args: string[]) =>
    new Promise<string>((resolve, reject) => execFile(bin, args, { maxBuffer: 1 << 24 }, (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout + stderr))));
  try {
    await run(['--version']);
  } catch {
    return undefined;
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await pool.query(`DROP TABLE IF EXISTS bench_raw_log; DROP TABLE IF EXISTS bench_raw;
    CREATE TABLE bench_raw (id int PRIMARY KEY, revision int NOT NULL, state jsonb NOT NULL, context jsonb NOT NULL, updated_at timestamptz NOT NULL);
    CREATE TABLE bench_raw_log (id int NOT NULL, seq int NOT NULL, event text NOT NULL, payload jsonb, at timestamptz NOT NULL, hash text NOT NULL, PRIMARY KEY (id, seq));`);
  await pool.query(`INSERT INTO bench_raw SELECT g, 0, '"soanThao"', '{}', now() FROM generate_series(0, $1::int - 1) g`, [CONCURRENCY]);
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-pgbench-'));
  const script = join(dir, 'transition.sql');
  const context = JSON.stringify({ trichYeu: 'Kế hoạch tuyên truyền năm 2026', soLanTraLai: 1, yKien: ['Bổ sung số liệu'] });
  await writeFile(
    script,
    [
      '\\set id :client_id',
      'BEGIN;',
      `UPDATE bench_raw SET revision = revision + 1, state = '"choDuyet"', context = '${context}'::jsonb, updated_at = now() WHERE id = :id RETURNING revision \\gset`,
      `INSERT INTO bench_raw_log VALUES (:id, :revision, 'QUYET_DINH', '{"ketQua":"tra-lai"}', now(), '${'f'.repeat(64)}');`,
      'END;',
      '',
    ].join('\n'),
  );
  try {
    const out = await run(['-n', '-f', script, '-c', String(CONCURRENCY), '-j', '2', '-T', String(SECONDS), '-M', 'prepared', url]);
    return Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  } finally {
    await pool.query('DROP TABLE bench_raw_log; DROP TABLE bench_raw');
    await pool.end();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`bench:engine on ${machine()}; ${SECONDS} s per measure, concurrency ${CONCURRENCY}`);
  const pure = benchPure();
  console.log(`pure step():             ${fmt(pure)} steps/s`);
  const db = await benchDatabase();
  console.log(`database:                ${db.label}`);
  try {
    const lean = await benchPersisted(db.url, leanDefinition, leanEvents);
    console.log(`persisted, same shape:   ${fmt(lean)} /s  (a transition that writes state + history only, ${CONCURRENCY} instances in parallel)`);
    const persisted = await benchPersisted(db.url);
    console.log(`persisted, with work:    ${fmt(persisted)} /s  (the fixture: tasks opened/closed, deadlines armed/cancelled, outbox, starts)`);
    const raw = await rawTransactionsPerSecond(db.url, CONCURRENCY, SECONDS);
    console.log(`raw pg transactions:     ${fmt(raw)} /s  (BEGIN; UPDATE; INSERT; COMMIT)`);
    const bench = await benchPgbench(db.url);
    if (bench) console.log(`pgbench, same shape:     ${fmt(bench)} /s  (libpq, prepared, ${CONCURRENCY} clients, 2 threads)`);
    else console.log('pgbench:                 not installed (set PGBENCH or install postgresql-client)');
    console.log(`same shape / raw:        ${((lean / raw) * 100).toFixed(1)} %`);
    console.log(`with work / raw:         ${((persisted / raw) * 100).toFixed(1)} %`);
    if (bench) console.log(`same shape / pgbench:    ${((lean / bench) * 100).toFixed(1)} %   (raw pg / pgbench: ${((raw / bench) * 100).toFixed(1)} %)`);
    if (db.throwaway) {
      // Last: it changes the schema of the bench's own database.
      await dropReadOnlyStructures(db.url);
      const trimmed = await benchPersisted(db.url, { ...benchDefinition, key: 'bench-document-approval-trimmed' });
      console.log(`with work, read indexes and live trigger dropped: ${fmt(trimmed)} /s (${((trimmed / raw) * 100).toFixed(1)} % of raw; ${((trimmed / persisted - 1) * 100).toFixed(0)} % more than with them)`);
    } else console.log('with work, read indexes dropped: not measured on DATABASE_URL (it drops indexes)');
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
