#!/usr/bin/env node
// The scaled-out topology on loopback: one PostgreSQL, one Redis, N api processes and M workers,
// each a real process started from dist/ (run `node scripts/build.mjs` first).
//
//   node scripts/topology.mjs --api 2 --workers 2        prints the URLs, runs until Ctrl-C
//   node scripts/topology.mjs --help                     every option
//
// The fault-injection suite (test/faults) imports it as a module: startTopology() returns handles
// that stop, start, restart and kill each piece. Nothing listens on anything but 127.0.0.1.
import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: processes run from here, so that relative paths (workflows, dist) resolve. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_MAIN = 'dist/apps/api/src/main.js';
const WORKER_MAIN = 'dist/apps/worker/src/main.js';
const CLI_MAIN = 'dist/apps/cli/src/main.js';
const OUTPUT_TAIL = 256 * 1024;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function portOpen(port) {
  return new Promise((resolveOpen) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolveOpen(true);
    });
    socket.on('error', () => resolveOpen(false));
  });
}

/** Runs a node script (or `-e` code) to completion; rejects with its output when it fails. */
function runNode(script, args, env) {
  return new Promise((resolveRun, reject) => {
    execFile(process.execPath, [...(Array.isArray(script) ? script : [script]), ...args], { cwd: ROOT, env: baseEnv(env), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${[script].flat().join(' ').slice(0, 200)} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolveRun(stdout);
    });
  });
}

function baseEnv(env) {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...env };
}

/**
 * One node process of the topology (an api or a worker), restartable with other settings. Its
 * output goes to `<dir>/logs/<name>.log` (all runs, appended) and a tail is kept in memory.
 */
export class NodeProcess {
  /**
   * @param {string} name e.g. api-1
   * @param {'api' | 'worker'} role
   * @param {Record<string, string>} env
   * @param {{ logDir: string, appDir: string, port?: number, echo?: boolean }} options
   */
  constructor(name, role, env, options) {
    this.name = name;
    this.role = role;
    this.env = env;
    this.port = options.port;
    this.url = options.port ? `http://127.0.0.1:${options.port}` : undefined;
    this.logFile = join(options.logDir, `${name}.log`);
    this.appDir = options.appDir;
    this.echo = options.echo ?? false;
    this.child = undefined;
    this.exited = Promise.resolve({ code: null, signal: null });
    this.runs = 0;
    this.tail = '';
    /** Settings added for the current run only (a failpoint, a clock offset). */
    this.extraEnv = {};
  }

  get pid() {
    return this.child?.pid;
  }

  get running() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What this run printed so far (the tail). */
  output() {
    return this.tail;
  }

  /**
   * Starts the process (it must not be running). `extraEnv` applies to this run only.
   * @param {{ env?: Record<string, string>, wait?: boolean, timeoutMs?: number }} [options]
   */
  async start(options = {}) {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    this.extraEnv = options.env ?? {};
    this.tail = '';
    this.runs++;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n===== ${this.name} run ${this.runs} at ${new Date().toISOString()} ${JSON.stringify(this.extraEnv)}\n`);
    // PHOIHOP_CPU_PROF_DIR: each api process writes a V8 CPU profile there when it exits (bench:http --profile).
    const profile = this.role === 'api' && process.env.PHOIHOP_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PHOIHOP_CPU_PROF_DIR}`] : [];
    const child = spawn(process.execPath, ['--enable-source-maps', ...profile, join(this.appDir, this.role === 'api' ? API_MAIN : WORKER_MAIN)], {
      cwd: ROOT,
      env: baseEnv({ ...this.env, ...this.extraEnv }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk) => {
      log.write(chunk);
      if (this.echo) process.stdout.write(`[${this.name}] ${chunk}`);
      this.tail = (this.tail + chunk).slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    this.exited = new Promise((resolveExit) =>
      child.on('exit', (code, signal) => {
        log.end(`===== ${this.name} exited: code ${code} signal ${signal}\n`);
        resolveExit({ code, signal });
      }),
    );
    if (options.wait !== false) await this.ready(options.timeoutMs);
    return this;
  }

  /** Resolves when the api answers /health with 200, or the worker has said it is ready. */
  async ready(timeoutMs = 120000) {
    const deadline = Date.now() + timeoutMs;
    let gone = false;
    void this.exited.then(() => (gone = true));
    while (Date.now() < deadline) {
      if (gone || !this.child) throw new Error(`${this.name} exited before it was ready (log: ${this.logFile}):\n${this.tail.slice(-4000)}`);
      if (this.role === 'api') {
        try {
          const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
          if (res.status === 200) return;
        } catch {
          // not listening yet
        }
      } else if (this.tail.includes('worker ready')) {
        return;
      }
      await sleep(100);
    }
    throw new Error(`${this.name} (pid ${this.pid}) was not ready within ${timeoutMs} ms (log: ${this.logFile}):\n${this.tail.slice(-4000)}`);
  }

  /** Sends `signal` and waits for the exit. */
  async kill(signal = 'SIGKILL') {
    if (!this.running) return this.exited;
    this.child.kill(signal);
    return this.exited;
  }

  /** A clean stop (SIGTERM), or SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 15000) {
    if (!this.running) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }

  /**
   * Stops (or kills, with `signal`) and starts again; `env` applies to the new run only.
   * @param {{ env?: Record<string, string>, signal?: NodeJS.Signals, downMs?: number, wait?: boolean }} [options]
   */
  async restart(options = {}) {
    if (options.signal) await this.kill(options.signal);
    else await this.stop();
    if (options.downMs) await sleep(options.downMs);
    return this.start({ env: options.env, wait: options.wait });
  }
}

/** A redis-server on a free loopback port, its append-only file in `dir` (so that a restart keeps the queues). */
export class RedisServer {
  constructor(dir, port) {
    this.dir = dir;
    this.port = port;
    this.url = `redis://127.0.0.1:${port}`;
    this.child = undefined;
    this.exited = Promise.resolve({ code: null, signal: null });
  }

  get pid() {
    return this.child?.pid;
  }

  get running() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 15000) {
    if (this.running) throw new Error('redis-server is already running');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', this.dir, '--maxmemory-policy', 'noeviction'];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (error) => (stderr += `${error.message} (is redis-server on PATH? apt-get install redis-server)`));
    this.child = child;
    this.exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`redis-server exited: ${stderr}`);
      if (await portOpen(this.port)) return this;
      await sleep(50);
    }
    throw new Error(`redis-server did not listen on ${this.port}: ${stderr}`);
  }

  /** SIGTERM (Redis flushes its append-only file and exits) or SIGKILL. */
  async stop(signal = 'SIGTERM') {
    if (!this.running) return this.exited;
    this.child.kill(signal);
    return this.exited;
  }

  /** @param {{ signal?: NodeJS.Signals, downMs?: number }} [options] */
  async restart(options = {}) {
    await this.stop(options.signal ?? 'SIGTERM');
    if (options.downMs) await sleep(options.downMs);
    return this.start();
  }
}

/** The embedded PostgreSQL (the repository's EmbeddedPostgres), restartable on the same port and data. */
export class PostgresServer {
  /** @param {boolean} [durable] fsync as npm start runs it (benchmarks); otherwise a throwaway cluster without it. */
  constructor(dataDir, port, log, appDir = ROOT, durable = false) {
    this.durable = durable;
    this.appDir = appDir;
    this.dataDir = dataDir;
    this.port = port;
    this.log = log;
    this.server = undefined;
    this.url = undefined;
  }

  get running() {
    return !!this.server;
  }

  async start() {
    if (this.server) throw new Error('PostgreSQL is already running');
    const { EmbeddedPostgres } = await import(pathToFileURL(join(this.appDir, 'dist/libs/persistence/src/embedded-postgres.js')).href);
    this.server = await EmbeddedPostgres.start({
      dataDir: this.dataDir,
      port: this.port,
      database: 'phoihop',
      // A throwaway cluster: durability against power loss is not what the tests test. A benchmark
      // measures the server as npm start runs it (fsync on), since no aim may be met without it.
      // PHOIHOP_PG_SETTINGS (JSON) adds settings for a profiling run, e.g. pg_stat_statements.
      settings: {
        ...(this.durable
          ? { max_connections: '200', shared_buffers: (await import(pathToFileURL(join(this.appDir, 'dist/libs/persistence/src/embedded-memory.js')).href)).embeddedSharedBuffers('auto') }
          : { fsync: 'off', full_page_writes: 'off', max_connections: '200' }),
        ...JSON.parse(process.env.PHOIHOP_PG_SETTINGS ?? '{}'),
      },
      log: this.log,
    });
    this.url = this.server.url;
    return this;
  }

  /** Immediate shutdown (SIGQUIT to the postmaster), synchronous: for a process that is exiting. */
  killNow() {
    if (!this.server) return;
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
  }

  /** pg_ctl stop -m fast: open connections are terminated, new ones refused until start(). */
  async stop() {
    if (!this.server) return;
    await this.server.stop();
    this.server = undefined;
  }

  /** @param {{ downMs?: number }} [options] */
  async restart(options = {}) {
    await this.stop();
    if (options.downMs) await sleep(options.downMs);
    return this.start();
  }
}

/**
 * Starts PostgreSQL (embedded, unless `databaseUrl`), Redis (unless `redis: false`: queues on
 * PostgreSQL), runs the migrations once, then the api processes (one first, so that the shipped
 * workflows are published once) and the workers.
 *
 * @param {{
 *   api?: number, workers?: number, databaseUrl?: string, redis?: boolean, durable?: boolean,
 *   workflowsDir?: string, apiEnv?: Record<string, string>, workerEnv?: Record<string, string>,
 *   dir?: string, log?: (message: string) => void, echo?: boolean, snapshot?: boolean,
 * }} [options]
 */
export async function startTopology(options = {}) {
  const log = options.log ?? (() => undefined);
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'phoihop-topology-')));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when we are root
  const logDir = join(dir, 'logs');
  await mkdir(logDir, { recursive: true });
  const topology = new Topology(dir, logDir, log);
  live.add(topology);
  if (!exitHooked) {
    // A caller that exits without stop() (a crashed script, a test run cut short) leaves nothing running.
    exitHooked = true;
    process.on('exit', () => {
      for (const t of live) t.killNow();
    });
  }
  try {
    topology.appDir = options.snapshot === false ? ROOT : await snapshotDist(dir, log);
    if (options.databaseUrl) {
      topology.databaseUrl = options.databaseUrl;
    } else {
      topology.pg = new PostgresServer(join(dir, 'pg'), await freePort(), log, topology.appDir, options.durable === true);
      await topology.pg.start();
      topology.databaseUrl = topology.pg.url;
    }
    if (options.redis !== false) {
      const redisDir = join(dir, 'redis');
      await mkdir(redisDir, { recursive: true });
      topology.redis = await new RedisServer(redisDir, await freePort()).start();
    }
    log(`migrating ${redact(topology.databaseUrl)}`);
    await runNode(join(topology.appDir, CLI_MAIN), ['migrate'], { DATABASE_URL: topology.databaseUrl });

    const queuePrefix = `phoihop-${randomBytes(3).toString('hex')}`;
    const shared = {
      DATABASE_URL: topology.databaseUrl,
      ...(topology.redis ? { REDIS_URL: topology.redis.url } : {}),
      SKIP_MIGRATIONS: 'true',
      QUEUE_PREFIX: queuePrefix,
      DB_POOL_SIZE: '10',
      LOG_LEVEL: 'log',
    };
    topology.queuePrefix = queuePrefix;
    topology.jwtSecret = randomBytes(32).toString('hex');
    const apiEnv = {
      ...shared,
      RUN_WORKER: 'false',
      HOST: '127.0.0.1',
      JWT_SECRET: topology.jwtSecret,
      WORKFLOWS_DIR: options.workflowsDir ?? 'test/fixtures/workflows',
      ...options.apiEnv,
    };
    const workerEnv = {
      ...shared,
      OUTBOX_POLL_MS: '250',
      SWEEP_INTERVAL_MS: '1000',
      JOB_LOCK_MS: '5000',
      WORKER_CONCURRENCY: '8',
      LEDGER_SEAL_INTERVAL_MS: '5000',
      CHECKPOINT_DIR: join(dir, 'checkpoints'),
      AUDIT_SIGNING_KEY_FILE: join(dir, 'audit-signing-key.pem'),
      ...options.workerEnv,
    };
    for (let i = 1; i <= (options.api ?? 2); i++) {
      const port = await freePort();
      topology.apis.push(new NodeProcess(`api-${i}`, 'api', { ...apiEnv, PORT: String(port) }, { logDir, appDir: topology.appDir, port, echo: options.echo }));
    }
    for (let i = 1; i <= (options.workers ?? 2); i++) {
      topology.workers.push(new NodeProcess(`worker-${i}`, 'worker', workerEnv, { logDir, appDir: topology.appDir, echo: options.echo }));
    }
    // The first api publishes the workflows of WORKFLOWS_DIR; the others then find them unchanged.
    if (topology.apis.length) await topology.apis[0].start();
    await Promise.all([...topology.apis.slice(1), ...topology.workers].map((p) => p.start()));
    log(`up: ${topology.describe().join('; ')}`);
    return topology;
  } catch (error) {
    await topology.stop({ keepDir: true }).catch(() => undefined);
    throw error instanceof Error ? new Error(`${error.message}\n(logs in ${logDir})`) : error;
  }
}

/**
 * A private copy of dist/ (without the web app) next to a copy of package.json (for the `#libs/*`
 * imports) and a link to node_modules: processes restarted mid-run keep running the code the run
 * started with, even if dist/ is rebuilt meanwhile (a build empties it first). The copy is checked by
 * importing the api, worker and migration modules; a copy taken mid-build is taken again.
 */
async function snapshotDist(dir, log) {
  const app = join(dir, 'app');
  const web = join(ROOT, 'dist', 'web');
  const check = [
    `await import('reflect-metadata');`,
    ...['dist/apps/api/src/app.module.js', 'dist/apps/worker/src/worker.module.js', 'dist/apps/cli/src/commands/migrate.js', 'dist/apps/cli/src/commands/user.js'].map(
      (m) => `await import(${JSON.stringify(pathToFileURL(join(app, m)).href)});`,
    ),
  ].join('\n');
  for (let attempt = 1; ; attempt++) {
    await rm(app, { recursive: true, force: true });
    await mkdir(app, { recursive: true });
    await cp(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true, filter: (src) => src !== web && !src.startsWith(web + '/') });
    await copyFile(join(ROOT, 'package.json'), join(app, 'package.json'));
    await symlink(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
    try {
      await runNode(['--input-type=module', '-e', check], [], {});
      return app;
    } catch (error) {
      if (attempt >= 10) throw new Error(`dist/ could not be copied whole (is it being rebuilt? run node scripts/build.mjs): ${error.message}`);
      log(`dist/ copy ${attempt} incomplete (a build in progress?); copying again`);
      await sleep(1500);
    }
  }
}

/** Topologies started and not stopped yet, killed if this process exits first. */
const live = new Set();
let exitHooked = false;

function redact(url) {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export class Topology {
  constructor(dir, logDir, log) {
    this.dir = dir;
    this.logDir = logDir;
    this.log = log;
    /** @type {PostgresServer | undefined} */
    this.pg = undefined;
    /** @type {RedisServer | undefined} */
    this.redis = undefined;
    /** @type {NodeProcess[]} */
    this.apis = [];
    /** @type {NodeProcess[]} */
    this.workers = [];
    this.databaseUrl = '';
    /** Where the processes' dist/ is: a private copy (see snapshotDist) or the repository. */
    this.appDir = ROOT;
    this.queuePrefix = '';
    this.jwtSecret = '';
  }

  /** Base URLs of the api processes. */
  get apiUrls() {
    return this.apis.map((a) => a.url);
  }

  describe() {
    return [
      `PostgreSQL ${redact(this.databaseUrl)}${this.pg ? ' (embedded)' : ''}`,
      ...(this.redis ? [`Redis ${this.redis.url} (queue prefix ${this.queuePrefix})`] : ['queues on PostgreSQL']),
      ...this.apis.map((a) => `${a.name} ${a.url} (pid ${a.pid})`),
      ...this.workers.map((w) => `${w.name} pid ${w.pid}`),
      `logs ${this.logDir}`,
    ];
  }

  /**
   * Loads the ward's org units and creates an admin account (the CLI, as an operator would).
   * @param {{ username?: string, password?: string }} [options]
   */
  async createAdmin(options = {}) {
    const username = options.username ?? 'quan-tri-kiem-thu';
    const password = options.password ?? `Kt-${randomBytes(12).toString('base64url')}-9`;
    await runNode(join(this.appDir, CLI_MAIN), ['units', 'load', 'workflows/seed/ward.json'], { DATABASE_URL: this.databaseUrl });
    await runNode(join(this.appDir, CLI_MAIN), ['user', 'create', '--username', username, '--role', 'admin', '--unit', 'phuong-an-phong'], {
      DATABASE_URL: this.databaseUrl,
      PHOIHOP_PASSWORD: password,
    });
    return { username, password };
  }

  /**
   * Stops every process (workers first, then apis, Redis, PostgreSQL) and removes the directory.
   * @param {{ keepDir?: boolean }} [options]
   */
  /** SIGKILLs every process at once, synchronously (an exit handler's last resort). */
  killNow() {
    for (const p of [...this.workers, ...this.apis]) if (p.running) p.child.kill('SIGKILL');
    if (this.redis?.running) this.redis.child.kill('SIGKILL');
    this.pg?.killNow();
  }

  async stop(options = {}) {
    live.delete(this);
    await Promise.all(this.workers.map((w) => w.stop().catch(() => undefined)));
    await Promise.all(this.apis.map((a) => a.stop().catch(() => undefined)));
    await this.redis?.stop().catch(() => undefined);
    await this.pg?.stop().catch(() => undefined);
    if (!options.keepDir) await rm(this.dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

const HELP = `usage: node scripts/topology.mjs [options]

  --api N            api processes (default 2)
  --workers M        worker processes (default 2)
  --database-url URL use this PostgreSQL instead of starting the embedded one (also DATABASE_URL)
  --no-redis         queues on PostgreSQL instead of a redis-server
  --workflows DIR    WORKFLOWS_DIR of the apis (default test/fixtures/workflows)
  --admin            load the ward's units and create an admin account (printed)
  --echo             copy every process's output to this terminal
  --keep             keep the temporary directory (logs, data) after Ctrl-C

Builds nothing: run node scripts/build.mjs first. Ctrl-C stops everything.`;

async function cli(argv) {
  const opts = { api: 2, workers: 2, redis: true, admin: false, keep: false, echo: false, databaseUrl: process.env.DATABASE_URL || undefined, workflowsDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--api') opts.api = Number(value());
    else if (arg === '--workers') opts.workers = Number(value());
    else if (arg === '--database-url') opts.databaseUrl = value();
    else if (arg === '--no-redis') opts.redis = false;
    else if (arg === '--workflows') opts.workflowsDir = value();
    else if (arg === '--admin') opts.admin = true;
    else if (arg === '--echo') opts.echo = true;
    else if (arg === '--keep') opts.keep = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(HELP);
      return 0;
    } else throw new Error(`unknown option ${arg}\n\n${HELP}`);
  }
  if (!Number.isInteger(opts.api) || opts.api < 0 || !Number.isInteger(opts.workers) || opts.workers < 0) throw new Error('--api and --workers take whole numbers');
  if (!existsSync(join(ROOT, API_MAIN))) throw new Error('dist/ is missing: run node scripts/build.mjs first');

  const topology = await startTopology({ ...opts, log: (m) => console.log(`topology: ${m}`) });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await topology.stop({ keepDir: opts.keep });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  if (opts.admin) {
    try {
      const admin = await topology.createAdmin();
      console.log(`admin: ${admin.username} / ${admin.password}  (POST /api/v1/auth/login)`);
    } catch (error) {
      // An existing database may already have it (its password was printed when it was created).
      console.log(`no admin created: ${/a user named "[^"]+" already exists/.exec(error.message)?.[0] ?? error.message}`);
    }
  }
  console.log(topology.describe().join('\n'));
  for (const a of topology.apis) console.log(`${a.name}: ${a.url}/api/v1  (docs ${a.url}/api/docs)`);
  console.log('Ctrl-C to stop.');
  // Report processes that die on their own; they are not restarted.
  for (const p of [...topology.apis, ...topology.workers]) {
    void p.exited.then(({ code, signal }) => {
      if (!stopping) console.log(`${p.name} exited (code ${code}, signal ${signal}); see ${p.logFile}`);
    });
  }
  return undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
