import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '#libs/identity';
import type { DataSource } from 'typeorm';
import { createRuntime, SYSTEM_ACTOR } from '#libs/runtime';
import { benchDatabase, migratedDatabase, flag, fmt, freePort, machine, pct, redisForBench, rssMb } from './support.js';

/**
 * npm run bench:notify [-- --count 10000 --recipients 2 --redis] — N deadlines (default 10,000) due
 * at one instant, each escalating its open task to the chairmen of the task's unit, run by a real
 * worker process (dist/apps/worker) with a real api process (dist/apps/api) serving one chairman's
 * live stream. Prints, in the same run:
 * - the reference: N plain deadlines with no one to tell (what bench:timers measures), fired/s;
 * - the escalations: fired/s, notifications written and notifications/s, delivery lag
 *   (notification created − its timer fired) p50/p99/max and how many arrived within 5 s;
 * - the stream: commit of a notification → its event read by a client of the api process, p50/p99/max.
 * Queues on PostgreSQL by default; `--redis` adds a run on Redis (REDIS_URL or a local redis-server).
 */
const COUNT = flag('count', 10_000);
const RECIPIENTS = flag('recipients', 2);
const CONCURRENCY = flag('concurrency', 32);
const UNIT = 'ubnd';
const PASSWORD = `Bench-${randomBytes(9).toString('base64url')}-9`;

const label = (vi: string, en: string) => ({ vi, en });
const deadlineDefinition = (key: string, escalate?: object) => ({
  key,
  title: label('Đo thông báo', 'Notification benchmark'),
  roles: { 'can-bo': label('Cán bộ', 'Officer'), 'chu-tich': label('Chủ tịch', 'Chairman') },
  inputSchema: { type: 'object', required: ['hanLuc'], properties: { hanLuc: { type: 'string' } } },
  events: {
    XONG: { label: label('Xong', 'Done'), kind: 'human', sentBy: { roles: ['can-bo'] }, schema: { type: 'object', additionalProperties: false } },
  },
  machine: {
    id: key,
    initial: 'cho',
    states: {
      cho: {
        meta: {
          label: label('Chờ xử lý', 'Waiting'),
          task: { title: label('Xử lý việc đo', 'Handle the benchmark case'), roles: ['can-bo'], units: [UNIT], outcomes: ['XONG'] },
          deadlines: [{ key: 'han', label: label('Hạn xử lý', 'Due'), after: { duration: 'PT0S' }, from: { context: 'hanLuc' }, ...(escalate ? { escalate } : {}) }],
        },
        on: { XONG: { target: 'xong' } },
      },
      xong: { type: 'final', meta: { label: label('Xong', 'Done') } },
    },
  },
});

const REFERENCE = deadlineDefinition('bench-deadlines');
const ESCALATING = deadlineDefinition('bench-escalations', {
  priority: 'urgent',
  addRoles: ['chu-tich'],
  notify: { roles: ['chu-tich'], message: label('Việc đo đã quá hạn xử lý', 'The benchmark case is overdue') },
});

interface Processes {
  worker: ChildProcess;
  api: ChildProcess;
  apiUrl: string;
  stop(): Promise<void>;
}

async function startProcesses(databaseUrl: string, redisUrl: string | undefined): Promise<Processes> {
  const shared = { PATH: process.env.PATH, DATABASE_URL: databaseUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), SKIP_MIGRATIONS: 'true', LOG_LEVEL: 'warn', WORKFLOWS_DIR: '' };
  const worker = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
    env: { ...shared, WORKER_CONCURRENCY: String(CONCURRENCY), DB_POOL_SIZE: String(CONCURRENCY + 8), OUTBOX_POLL_MS: '200' },
    stdio: 'inherit',
  });
  const port = await freePort();
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...shared, RUN_WORKER: 'false', HOST: '127.0.0.1', PORT: String(port), JWT_SECRET: randomBytes(32).toString('hex'), RATE_LIMIT_LOGIN_PER_MINUTE: '0' },
    stdio: 'inherit',
  });
  const apiUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (api.exitCode !== null || worker.exitCode !== null) throw new Error('the api or worker process exited at start');
    const up = await fetch(`${apiUrl}/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 600) throw new Error('the api process did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const stopOne = (child: ChildProcess) => (child.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))));
  return { worker, api, apiUrl, stop: async () => void (await Promise.all([stopOne(worker), stopOne(api)])) };
}

/** Opens a chairman's live stream as the web app does (ticket, then the stream) and records each notification's delay. */
async function openStream(apiUrl: string, username: string): Promise<{ delays: number[]; close(): void }> {
  const login = await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in as ${username}: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const ticket = await fetch(`${apiUrl}/api/v1/me/stream/ticket`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
  const { ticket: value } = (await ticket.json()) as { ticket: string };
  const abort = new AbortController();
  const res = await fetch(`${apiUrl}/api/v1/me/stream?ticket=${encodeURIComponent(value)}`, { signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`stream: ${res.status}`);
  const delays: number[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const received = Date.now();
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event === 'ready') ready();
          if (event === 'notification' && data) delays.push(received - Date.parse((JSON.parse(data) as { createdAt: string }).createdAt));
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  await isReady;
  return { delays, close: () => abort.abort() };
}

async function startCases(ds: DataSource, definitionKey: string, dueAt: Date): Promise<number> {
  const { commands } = createRuntime(ds);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < COUNT) {
        next++;
        await commands.start({ definitionKey, input: { hanLuc: dueAt.toISOString() } }, { actor: SYSTEM_ACTOR });
      }
    }),
  );
  return (performance.now() - t0) / 1000;
}

async function waitFor(what: string, until: number, done: () => Promise<boolean>, processes: Processes): Promise<void> {
  while (!(await done())) {
    if (processes.worker.exitCode !== null) throw new Error(`the worker exited while waiting for ${what}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const firedCount = async (ds: DataSource, key: string) =>
  Number((await ds.query(`SELECT count(*)::int AS n FROM timers t JOIN workflow_instances i ON i.id = t.instance_id WHERE t.status = 'fired' AND i.definition_key = $1`, [key]))[0].n);

/** How fast one definition's deadlines fired: all-applied span after the due instant, and fired/s. */
async function firing(ds: DataSource, key: string, dueAt: Date) {
  const [{ span }] = await ds.query(
    `SELECT extract(epoch FROM (max(t.fired_at) - $2::timestamptz)) AS span FROM timers t JOIN workflow_instances i ON i.id = t.instance_id WHERE i.definition_key = $1`,
    [key, dueAt],
  );
  return { span: Number(span), perSecond: COUNT / Math.max(Number(span), 0.001) };
}

async function run(kind: 'postgres' | 'redis', adminUrl: string, redisUrl?: string) {
  const { url, ds } = await migratedDatabase(adminUrl, `bench_notify_${kind}`);
  const { definitions } = createRuntime(ds);
  await definitions.publish(REFERENCE);
  await definitions.publish(ESCALATING);
  await ds.query(`INSERT INTO org_units (key, name) VALUES ($1, '{"vi":"Ủy ban nhân dân phường","en":"Ward People''s Committee"}') ON CONFLICT DO NOTHING`, [UNIT]);
  const hash = await hashPassword(PASSWORD);
  for (let i = 1; i <= RECIPIENTS; i++) {
    const [{ id }] = await ds.query(`INSERT INTO users (username, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [`chu-tich-${i}`, `Chủ tịch ${i}`, hash]);
    await ds.query(`INSERT INTO user_roles (user_id, role, unit_key) VALUES ($1, 'chu-tich', $2)`, [id, UNIT]);
  }

  const processes = await startProcesses(url.toString(), kind === 'redis' ? redisUrl : undefined);
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(rssMb(processes.worker.pid!)), 250);
  try {
    // The reference: the same deadlines with nobody to tell, fired by the same worker.
    const lead = Math.max(30_000, COUNT * 3 + 20_000);
    let dueAt = new Date(Date.now() + lead);
    const setupReference = await startCases(ds, REFERENCE.key, dueAt);
    await waitFor('the reference deadlines', dueAt.getTime() + 600_000, async () => (await firedCount(ds, REFERENCE.key)) >= COUNT, processes);
    const reference = await firing(ds, REFERENCE.key, dueAt);

    const stream = await openStream(processes.apiUrl, 'chu-tich-1');
    dueAt = new Date(Date.now() + lead);
    const setup = await startCases(ds, ESCALATING.key, dueAt);
    const expected = COUNT * RECIPIENTS;
    const escalations = async () => Number((await ds.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'escalation'`))[0].n);
    await waitFor('the escalations', dueAt.getTime() + 600_000, async () => (await escalations()) >= expected, processes);
    const escalated = await firing(ds, ESCALATING.key, dueAt);
    const rows: Array<{ lag: number }> = await ds.query(
      `SELECT extract(epoch FROM (n.created_at - t.fired_at)) * 1000 AS lag
         FROM notifications n JOIN timers t ON t.instance_id = n.instance_id AND t.status = 'fired'
        WHERE n.kind = 'escalation' ORDER BY 1`,
    );
    const lag = rows.map((r) => Number(r.lag));
    const [{ first, last }] = await ds.query(
      `SELECT (SELECT min(t.fired_at) FROM timers t JOIN workflow_instances i ON i.id = t.instance_id WHERE i.definition_key = $1) AS first,
              (SELECT max(created_at) FROM notifications WHERE kind = 'escalation') AS last`,
      [ESCALATING.key],
    );
    const deliverySpan = (Date.parse(last) - Date.parse(first)) / 1000;
    // The stream's last events may still be in flight: give it a moment, then read what arrived.
    const streamUntil = Date.now() + 10_000;
    while (stream.delays.length < COUNT && Date.now() < streamUntil) await new Promise((r) => setTimeout(r, 100));
    stream.close();
    const delays = [...stream.delays].sort((a, b) => a - b);

    const within5s = lag.filter((l) => l <= 5000).length;
    console.log(`${kind.padEnd(8)} reference  ${fmt(COUNT)} deadlines, nobody to tell: all applied within ${reference.span.toFixed(2)} s of the due time (${fmt(reference.perSecond)} fired/s); setup ${setupReference.toFixed(1)} s`);
    console.log(`${kind.padEnd(8)} escalate   ${fmt(COUNT)} deadlines escalated to ${RECIPIENTS} chairmen: all applied within ${escalated.span.toFixed(2)} s (${fmt(escalated.perSecond)} fired/s); setup ${setup.toFixed(1)} s`);
    console.log(
      `${kind.padEnd(8)} notify     ${fmt(lag.length)}/${fmt(expected)} notifications in ${deliverySpan.toFixed(2)} s from the first firing (${fmt(lag.length / Math.max(deliverySpan, 0.001))}/s); ` +
        `lag after firing p50 ${fmt(pct(lag, 50))} ms, p99 ${fmt(pct(lag, 99))} ms, max ${fmt(lag[lag.length - 1])} ms; within 5 s: ${fmt(within5s)} (${((100 * within5s) / Math.max(lag.length, 1)).toFixed(1)} %)`,
    );
    console.log(
      `${kind.padEnd(8)} stream     ${fmt(delays.length)}/${fmt(COUNT)} events to one chairman's stream on the api process; commit → read p50 ${fmt(pct(delays, 50))} ms, p99 ${fmt(pct(delays, 99))} ms, max ${fmt(delays[delays.length - 1] ?? 0)} ms`,
    );
    console.log(`${kind.padEnd(8)} worker RSS start ${memory[0] ?? 0} MB, peak ${Math.max(...memory)} MB, end ${memory[memory.length - 1] ?? 0} MB`);
  } finally {
    clearInterval(sampler);
    await processes.stop();
    await ds.destroy();
  }
}

async function main() {
  console.log(`bench:notify on ${machine()}; ${fmt(COUNT)} deadlines per phase, ${RECIPIENTS} recipients each, worker concurrency ${CONCURRENCY}`);
  const db = await benchDatabase();
  const redis = process.argv.includes('--redis') ? await redisForBench('bench:notify --redis') : undefined;
  try {
    await run('postgres', db.url);
    if (redis) await run('redis', db.url, redis.url);
  } finally {
    redis?.stop();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
