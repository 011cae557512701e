import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { createRuntime, SYSTEM_ACTOR } from '#libs/runtime';
import { benchDatabase, migratedDatabase, flag, fmt, machine, pct, redisForBench, rssMb } from './support.js';

/**
 * npm run bench:timers [-- --count 100000] — arms N timers (default 10,000) due at the same
 * moment, then runs a real worker process (dist/apps/worker) on each queue backend in turn and
 * prints how fast they were applied and how late: fired/s, lateness p50/p99/max (fired_at − due),
 * and the worker's resident memory (start, peak, end). Redis: REDIS_URL, or a redis-server started
 * here on loopback. BENCH_WORKER_NODE_ARGS passes node flags to the worker (e.g. --cpu-prof).
 */
const COUNT = flag('count', 10_000);
const CONCURRENCY = flag('concurrency', 32);

const definition = {
  key: 'bench-timers',
  title: { vi: 'Đo hẹn giờ', en: 'Timer benchmark' },
  inputSchema: { type: 'object', required: ['hanLuc'], properties: { hanLuc: { type: 'string' } } },
  events: { HET_HAN: { label: { vi: 'Hết hạn', en: 'Expired' }, kind: 'timer' } },
  machine: {
    id: 'bench-timers',
    initial: 'cho',
    states: {
      cho: {
        meta: { label: { vi: 'Chờ', en: 'Waiting' }, deadlines: [{ key: 'han', after: { duration: 'PT0S' }, from: { context: 'hanLuc' }, event: 'HET_HAN' }] },
        on: { HET_HAN: { target: 'hetHan' } },
      },
      hetHan: { type: 'final', meta: { label: { vi: 'Hết hạn', en: 'Expired' } } },
    },
  },
};

async function run(kind: 'postgres' | 'redis', adminUrl: string, redisUrl: string) {
  const { url, ds } = await migratedDatabase(adminUrl, `bench_timers_${kind}`);
  const { definitions, commands: instances } = createRuntime(ds);
  await definitions.publish(definition);

  // Every timer is due at the same instant, far enough ahead for the instances to be created and queued.
  const dueAt = new Date(Date.now() + Math.max(30_000, COUNT * 2 + 20_000));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < COUNT) {
        next++;
        await instances.start({ definitionKey: 'bench-timers', input: { hanLuc: dueAt.toISOString() } }, { actor: SYSTEM_ACTOR });
      }
    }),
  );
  const created = (performance.now() - t0) / 1000;

  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const worker: ChildProcess = spawn(process.execPath, [...nodeArgs, 'dist/apps/worker/src/main.js'], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url.toString(),
      ...(kind === 'redis' ? { REDIS_URL: redisUrl } : {}),
      SKIP_MIGRATIONS: 'true',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      DB_POOL_SIZE: String(CONCURRENCY + 8),
      OUTBOX_POLL_MS: '200',
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
  // The machine is often shared: the load around the firing says how much of it the run had.
  const loadAtStart = loadavg()[0];
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(rssMb(worker.pid!)), 250);
  const count = async () => Number((await ds.query(`SELECT count(*)::int AS n FROM timers WHERE status = 'fired'`))[0].n);
  let exited = false;
  worker.once('exit', () => (exited = true));
  const deadline = dueAt.getTime() + 600_000;
  while ((await count()) < COUNT && Date.now() < deadline) {
    if (exited) throw new Error('the worker process exited before every timer fired');
    await new Promise((r) => setTimeout(r, 250));
  }
  clearInterval(sampler);
  const loadAtEnd = loadavg()[0];
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));

  const rows: Array<{ late: number }> = await ds.query(
    `SELECT extract(epoch FROM (fired_at - fire_at)) * 1000 AS late FROM timers WHERE status = 'fired' ORDER BY 1`,
  );
  const late = rows.map((r) => Number(r.late));
  const [{ span, first, commits }] = await ds.query(
    `SELECT extract(epoch FROM (max(fired_at) - $1::timestamptz)) AS span, extract(epoch FROM (min(fired_at) - $1::timestamptz)) AS first,
            count(DISTINCT fired_at)::int AS commits FROM timers`,
    [dueAt],
  );
  await ds.destroy();
  const fired = late.length;
  console.log(
    `${kind.padEnd(8)} ${fmt(fired)}/${fmt(COUNT)} applied; all within ${Number(span).toFixed(2)} s of the due time (${fmt(fired / Math.max(Number(span), 0.001))} fired/s); ` +
      `first at ${Number(first).toFixed(2)} s; ${fmt(commits)} firing instants (a batch shares one); lateness p50 ${fmt(pct(late, 50))} ms, p99 ${fmt(pct(late, 99))} ms, max ${fmt(late[late.length - 1])} ms; ` +
      `worker RSS start ${memory[0] ?? 0} MB, peak ${Math.max(...memory)} MB, end ${memory[memory.length - 1] ?? 0} MB; setup ${created.toFixed(1)} s; ` +
      `load average ${loadAtStart.toFixed(2)} → ${loadAtEnd.toFixed(2)} (worker start → all applied)`,
  );
}

async function main() {
  console.log(`bench:timers on ${machine()}; ${fmt(COUNT)} timers due at one instant; worker concurrency ${CONCURRENCY}`);
  const db = await benchDatabase();
  const r = await redisForBench('bench:timers');
  try {
    const only = process.argv.includes('--redis-only') ? ['redis'] : process.argv.includes('--postgres-only') ? ['postgres'] : ['postgres', 'redis'];
    for (const kind of only as Array<'postgres' | 'redis'>) await run(kind, db.url, r.url);
  } finally {
    r.stop();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
