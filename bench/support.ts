import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '#libs/persistence';

/** A PostgreSQL for a benchmark: DATABASE_URL when given, else a throwaway embedded server with default (durable) settings. */
export async function benchDatabase(): Promise<{ url: string; label: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'DATABASE_URL', stop: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-bench-'));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when we are root
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const server = await EmbeddedPostgres.start({ dataDir: join(dir, 'pg'), port, database: 'bench', settings: { max_connections: '200' } });
  return {
    url: server.url,
    label: 'embedded PostgreSQL 18 (default settings: fsync on, synchronous_commit on)',
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
