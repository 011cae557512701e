import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Jest loads global setup through require() without the module mapper, so this file imports the one
// self-contained module it needs by its .ts path; the migrated template is made by the first test file
// that asks for a database (test/support/database.ts).
import { EmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres.ts';

declare global {
  var __PHOIHOP_PG__: { server?: EmbeddedPostgres; dir?: string } | undefined;
  var __PHOIHOP_REDIS__: number | undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * One real PostgreSQL for the whole run: the embedded server (throwaway cluster, fsync off) unless
 * DATABASE_URL names one. Every test file clones a migrated template into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  // Suites that run the product as processes (embedded default, workers) use dist/: build it once, here.
  // PHOIHOP_SKIP_BUILD=1 skips it for runs that need no process (a scenario spec while another run builds).
  if (process.env.PHOIHOP_SKIP_BUILD !== '1') execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-test-'));
    await chmod(dir, 0o755); // PostgreSQL runs as its own user when we are root
    const server = await EmbeddedPostgres.start({
      dataDir: join(dir, 'pg'),
      port: await freePort(),
      database: 'postgres',
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    globalThis.__PHOIHOP_PG__ = { server, dir };
    adminUrl = server.url;
  }
  process.env.PHOIHOP_TEST_ADMIN_URL = adminUrl;
  process.env.PHOIHOP_TEST_REDIS_URL = process.env.REDIS_URL ?? (await startRedis());
  process.env.PHOIHOP_TEST_RUN = `${process.pid}`;
}

/**
 * A throwaway redis-server on a free loopback port, for the queue tests on the Redis backend
 * (CI installs the Debian package; set REDIS_URL to use another server).
 */
async function startRedis(): Promise<string> {
  const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (!binary) {
    throw new Error('The queue tests need Redis: install redis-server (apt-get install redis-server) or set REDIS_URL');
  }
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  globalThis.__PHOIHOP_REDIS__ = child.pid;
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return `redis://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not start on port ${port}`);
}

export async function stopTestDatabase(): Promise<void> {
  if (globalThis.__PHOIHOP_REDIS__) process.kill(globalThis.__PHOIHOP_REDIS__, 'SIGTERM');
  const state = globalThis.__PHOIHOP_PG__;
  if (state?.server) await state.server.stop();
  if (state?.dir) await rm(state.dir, { recursive: true, force: true });
}
