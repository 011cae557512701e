import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, EmbeddedPostgres, embeddedSharedBuffers, runMigrations } from '#libs/persistence';

/** A PostgreSQL for a benchmark: DATABASE_URL when given, else a throwaway embedded server with default (durable) settings. */
export async function benchDatabase(): Promise<{ url: string; label: string; throwaway: boolean; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'DATABASE_URL', throwaway: false, stop: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-bench-'));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when we are root
  const port = await freePort();
  const server = await EmbeddedPostgres.start({ dataDir: join(dir, 'pg'), port, database: 'bench', settings: { max_connections: '200', shared_buffers: embeddedSharedBuffers('auto') } });
  return {
    url: server.url,
    label: `embedded PostgreSQL 18 (as npm start runs it: fsync on, synchronous_commit on, shared_buffers ${embeddedSharedBuffers('auto')})`,
    throwaway: true,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Runs `worker` on `concurrency` loops until `seconds` pass; returns completed operations. */
export async function runFor(seconds: number, concurrency: number, worker: (lane: number) => Promise<void>): Promise<{ ops: number; elapsed: number }> {
  const end = performance.now() + seconds * 1000;
  let ops = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      while (performance.now() < end) {
        await worker(lane);
        ops++;
      }
    }),
  );
  return { ops, elapsed: (performance.now() - started) / 1000 };
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A numeric command-line flag: `--name N`, or the fallback. */
export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A published definition row and `count` active instances of it, inserted in bulk (for benchmarks that need rows, not behaviour). */
export async function seedInstances(ds: DataSource, key: string, count: number, state = 's'): Promise<void> {
  const [{ id }] = await ds.query(
    `INSERT INTO workflow_definitions (key, version, status, title, source, checksum) VALUES ($1, 1, 'published', '{"vi":"a","en":"a"}', '{}', 'x') RETURNING id`,
    [key],
  );
  await ds.query(
    `INSERT INTO workflow_instances (id, definition_id, definition_key, definition_version, business_key, status, state_value, state_paths, context, snapshot, revision, last_hash, started_by, created_at, updated_at)
     SELECT gen_random_uuid(), $1, $2, 1, $2 || '-' || g, 'active', to_jsonb($4::text), ARRAY[$4::text], '{}', '{}', 10, 'h', 'bench', now(), now() FROM generate_series(1, $3) g`,
    [id, key, count, state],
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/** REDIS_URL, or a throwaway redis-server on a loopback port (no persistence). */
export async function redisForBench(bench: string): Promise<{ url: string; stop(): void }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => undefined };
  const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (!binary) throw new Error(`${bench} needs redis-server (apt-get install redis-server) or REDIS_URL`);
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** Resident memory of a process, from /proc (0 when it is gone). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The p-th percentile of an ascending list. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** A new database `name` on the benchmark's server (dropped first if a run left it), migrated, with a pool of 20. */
export async function migratedDatabase(adminUrl: string, name: string): Promise<{ url: URL; ds: DataSource }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const ds = await createDataSource({ url: url.toString(), poolSize: 20 }).initialize();
  await runMigrations(ds);
  return { url, ds };
}

/**
 * Raw PostgreSQL transactions per second of a transition's write shape (BEGIN; UPDATE one row
 * (jsonb); INSERT one row; COMMIT through `pg`) on `concurrency` lanes for `seconds`: the reference
 * the engine and HTTP benches compare with, measured on their own server in the same run.
 */
export async function rawTransactionsPerSecond(url: string, concurrency: number, seconds: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency + 2 });
  await pool.query(`DROP TABLE IF EXISTS bench_raw_log; DROP TABLE IF EXISTS bench_raw;
    CREATE TABLE bench_raw (id int PRIMARY KEY, revision int NOT NULL, state jsonb NOT NULL, context jsonb NOT NULL, updated_at timestamptz NOT NULL);
    CREATE TABLE bench_raw_log (id int NOT NULL, seq int NOT NULL, event text NOT NULL, payload jsonb, at timestamptz NOT NULL, hash text NOT NULL, PRIMARY KEY (id, seq));`);
  for (let lane = 0; lane < concurrency; lane++) {
    await pool.query(`INSERT INTO bench_raw VALUES ($1, 0, '"soanThao"', '{}', now())`, [lane]);
  }
  const context = JSON.stringify({ trichYeu: 'Kế hoạch tuyên truyền năm 2026', soLanTraLai: 1, yKien: ['Bổ sung số liệu'] });
  const revision: number[] = Array(concurrency).fill(0);
  const next = async (lane: number) => {
    const client = await pool.connect();
    try {
      const seq = ++revision[lane];
      await client.query('BEGIN');
      await client.query(`UPDATE bench_raw SET revision = $2, state = '"choDuyet"', context = $3::jsonb, updated_at = now() WHERE id = $1`, [lane, seq, context]);
      await client.query(`INSERT INTO bench_raw_log VALUES ($1, $2, 'QUYET_DINH', $3::jsonb, now(), $4)`, [lane, seq, '{"ketQua":"tra-lai"}', 'f'.repeat(64)]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  await runFor(1, concurrency, next);
  const { ops, elapsed } = await runFor(seconds, concurrency, next);
  await pool.query('DROP TABLE bench_raw_log; DROP TABLE bench_raw');
  await pool.end();
  return ops / elapsed;
}
