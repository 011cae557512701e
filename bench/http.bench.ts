import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { CpuMeter, postgresPids } from './cpu-time.js';
import { openLoop } from './open-loop.js';
import { flag, fmt, freePort, machine, rawTransactionsPerSecond } from './support.js';

/**
 * npm run bench:http — events/s and latency through the real HTTP API (POST …/events on many
 * instances, signed in, on PostgreSQL + Redis processes on loopback), with 1 and with 2 api
 * processes, next to a bare NestJS endpoint on the same adapter. For each: the saturating rate
 * (closed loop, --connections), then p50/p99 at half that rate (open loop: evenly spaced requests,
 * latency counted from each one's due time; see open-loop.ts for why not autocannon's rate).
 * Each saturating measure also prints the CPU each part spent per request (ms: the api processes,
 * PostgreSQL's processes, the worker, Redis, the load generator): on two shared cores a rate says
 * how the cores were shared, CPU per request what each part costs.
 * Flags: --seconds N (default 10), --connections N (default 32), --processes 1,2 (api process
 * counts to measure, default both), --only events|reads (default both).
 */
const SECONDS = flag('seconds', 10);
const CONNECTIONS = flag('connections', 32);
const listFlag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return (i > 0 ? process.argv[i + 1] : fallback).split(',');
};
const PROCESSES = listFlag('processes', '1,2').map(Number);
const ONLY = listFlag('only', 'events,reads');

type Pid = { pid?: number };
type Topology = {
  apiUrls: string[];
  databaseUrl: string;
  apis: Pid[];
  workers: Pid[];
  redis?: Pid;
  pg?: { dataDir: string };
  createAdmin(): Promise<{ username: string; password: string }>;
  stop(): Promise<void>;
};
const topologyModule = new URL('../../scripts/topology.mjs', import.meta.url).href;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function cannon(urls: string[], opts: { token?: string; paths: string[]; method: 'GET' | 'POST'; body?: string; rate?: number }): Promise<Run> {
  const perUrl = Math.max(1, Math.floor(CONNECTIONS / urls.length));
  const results = await Promise.all(
    urls.map((url, u) => {
      let i = u;
      return autocannon({
        url,
        connections: perUrl,
        duration: SECONDS,
        ...(opts.rate ? { overallRate: Math.max(1, Math.floor(opts.rate / urls.length)) } : {}),
        requests: [
          {
            method: opts.method,
            headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
            body: opts.body,
            setupRequest: (req: Record<string, unknown>) => ({ ...req, path: opts.paths[i++ % opts.paths.length] }),
          },
        ],
      });
    }),
  );
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    rps: total / SECONDS,
    // With several api processes, the worst process's percentile (a conservative figure).
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  };
}

async function measure(label: string, urls: string[], opts: Parameters<typeof cannon>[1], meter: CpuMeter) {
  await cannon(urls, { ...opts }); // warm up (JIT, pools, plans)
  meter.start();
  const saturated = await cannon(urls, opts);
  const cpu = meter.perRequest(saturated.rps * SECONDS);
  const half = await openLoop(
    urls,
    { method: opts.method, body: opts.body, paths: opts.paths, headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) } },
    saturated.rps / 2,
    SECONDS,
    CONNECTIONS,
  );
  console.log(
    `${label.padEnd(34)} saturating ${fmt(saturated.rps).padStart(6)} req/s (p99 ${saturated.p99} ms) | at ${fmt(saturated.rps / 2)} req/s: p50 ${half.p50} ms, p99 ${half.p99} ms` +
      (saturated.errors + saturated.non2xx + half.errors + half.non2xx ? `  [errors ${saturated.errors + half.errors}, non-2xx ${saturated.non2xx + half.non2xx}]` : ''),
  );
  console.log(`${''.padEnd(34)} CPU per request: ${Object.entries(cpu).map(([part, ms]) => `${part} ${ms.toFixed(3)}`).join(', ')} ms`);
  return { saturated, half, cpu };
}

const pidsOf = (processes: Pid[]) => processes.map((p) => p.pid).filter((pid): pid is number => pid !== undefined);

async function bare() {
  const port = await freePort();
  const child = spawn(process.execPath, [new URL('./bare-nest.js', import.meta.url).pathname], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  try {
    const meter = new CpuMeter({ bare: () => pidsOf([child]) });
    const get = await measure('bare NestJS GET /ping', [`http://127.0.0.1:${port}`], { method: 'GET', paths: ['/ping'] }, meter);
    const post = await measure('bare NestJS POST /echo', [`http://127.0.0.1:${port}`], { method: 'POST', paths: ['/echo'], body: JSON.stringify({ type: 'TANG' }) }, meter);
    return { get: get.saturated.rps, post: post.saturated.rps };
  } finally {
    child.kill('SIGTERM');
  }
}

async function api(processes: number) {
  const { startTopology } = (await import(topologyModule)) as { startTopology(o: object): Promise<Topology> };
  // The topology waits for each process's ready line (logged at the default level).
  const quiet = { RATE_LIMIT_WRITES_PER_MINUTE: '0', RATE_LIMIT_LOGIN_PER_MINUTE: '0', DB_POOL_SIZE: '16' };
  // Durable, as npm start runs PostgreSQL: no aim may be met with fsync off.
  const topology = await startTopology({ api: processes, workers: 1, redis: true, durable: true, apiEnv: quiet });
  try {
    const admin = await topology.createAdmin();
    const base = topology.apiUrls[0];
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const ids: string[] = [];
    for (let i = 0; i < 256; i++) {
      const res = await fetch(`${base}/api/v1/instances`, { method: 'POST', headers: auth, body: JSON.stringify({ definitionKey: 'test-counter' }) });
      ids.push(((await res.json()) as { id: string }).id);
    }
    const meter = new CpuMeter({
      api: () => pidsOf(topology.apis),
      postgres: () => (topology.pg ? postgresPids(topology.pg.dataDir) : []),
      worker: () => pidsOf(topology.workers),
      redis: () => pidsOf(topology.redis ? [topology.redis] : []),
    });
    const events = ONLY.includes('events')
      ? await measure(`api x${processes} POST …/events`, topology.apiUrls, { method: 'POST', token: accessToken, paths: ids.map((id) => `/api/v1/instances/${id}/events`), body: JSON.stringify({ type: 'TANG' }) }, meter)
      : undefined;
    const reads = ONLY.includes('reads')
      ? await measure(`api x${processes} GET …/instances/:id`, topology.apiUrls, { method: 'GET', token: accessToken, paths: ids.map((id) => `/api/v1/instances/${id}`) }, meter)
      : undefined;
    if (events) {
      // The database's own rate for a transition's write shape, on the same server with as many lanes as connections.
      const raw = await rawTransactionsPerSecond(topology.databaseUrl, CONNECTIONS, SECONDS);
      console.log(`${`raw pg (same server, ${CONNECTIONS} lanes)`.padEnd(34)} ${fmt(raw).padStart(6)} transactions/s; events = ${((events.saturated.rps / raw) * 100).toFixed(1)} % of raw (aim ≥ 50 %)`);
    }
    return { events, reads };
  } finally {
    await topology.stop();
  }
}

async function main() {
  console.log(`bench:http on ${machine()}; ${SECONDS} s per measure, ${CONNECTIONS} connections; PostgreSQL (embedded, durable) + Redis + 1 worker on loopback`);
  const reference = await bare();
  const runs = new Map<number, Awaited<ReturnType<typeof api>>>();
  for (const processes of PROCESSES) runs.set(processes, await api(processes));
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
  const one = runs.get(1);
  const two = runs.get(2);
  console.log('');
  if (one?.reads) console.log(`reads x1 / bare GET: ${pct(one.reads.saturated.rps, reference.get)} (aim ≥ 40 %)`);
  if (one?.events) console.log(`events x1 at half rate: p99 ${one.events.half.p99} ms (aim < 25 ms)`);
  if (one?.events && two?.events) console.log(`events x2 / x1: ${pct(two.events.saturated.rps, one.events.saturated.rps)} (aim ≥ 100 %)`);
  if (one?.reads && two?.reads) console.log(`reads x2 / x1: ${pct(two.reads.saturated.rps, one.reads.saturated.rps)} (aim ≥ 100 %)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
