import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { embeddedSharedBuffers } from '#libs/persistence';
import { freePort, startNode, waitForHttp, type RunningProcess } from './support/process.js';

const MAIN = 'dist/apps/api/src/main.js';

/**
 * The product as a user starts it: the built server with no DATABASE_URL, which starts its own
 * PostgreSQL under DATA_DIR, keeps data across restarts, and adopts a server a killed run left behind.
 */
describe('the embedded default (npm start)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let base: string;
  let current: RunningProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'phoihop-embedded-'));
    await chmod(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
    const port = await freePort();
    env = { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), WORKFLOWS_DIR: 'workflows', LOG_LEVEL: 'log' };
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    if (current && current.child.exitCode === null) {
      current.child.kill('SIGTERM');
      await current.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  const boot = async () => {
    current = startNode(MAIN, env);
    await waitForHttp(`${base}/health`, current);
    return current;
  };

  it('starts PostgreSQL, publishes the shipped workflows, persists across a clean restart, and adopts a stale server after SIGKILL', async () => {
    let server = await boot();
    expect(server.output()).toContain('initialising a new PostgreSQL cluster');
    // Demo accounts: one per role, their password printed once and kept in DATA_DIR.
    const credentials = await readFile(join(dataDir, 'demo-credentials.txt'), 'utf8');
    const password = /^password: (.+)$/m.exec(credentials)![1];
    expect(credentials).toContain('user: admin');
    expect(credentials).toContain('user: truong-phong');
    expect(server.output()).toContain(password);
    // Sized for the machine (EMBEDDED_PG_SHARED_BUFFERS=auto), not PostgreSQL's 128MB: docs/deploy.md#sizing.
    const database = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent((await readFile(join(dataDir, 'pg.password'), 'utf8')).trim())}@127.0.0.1:${env.EMBEDDED_PG_PORT}/phoihop`,
    });
    await database.connect();
    const [buffers] = (await database.query(`SELECT setting::bigint * 8192 AS bytes FROM pg_settings WHERE name = 'shared_buffers'`)).rows;
    await database.end();
    expect(Number(buffers.bytes)).toBe(Number.parseInt(embeddedSharedBuffers('auto'), 10) * 2 ** 20);
    const login = async () => {
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chuyen-vien', password }) });
      expect(res.status).toBe(200);
      return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
    };
    let auth = await login();
    expect((await fetch(`${base}/api/v1/instances`)).status).toBe(401);
    const created = await fetch(`${base}/api/v1/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ definitionKey: 'example-document-approval', input: { trichYeu: 'Báo cáo sơ kết 6 tháng' } }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('PostgreSQL stopped');

    server = await boot();
    expect(server.output()).not.toContain('initialising');
    expect(server.output()).not.toContain(password); // printed once, at the first start
    auth = await login();
    const again = (await (await fetch(`${base}/api/v1/instances/${id}`, { headers: auth })).json()) as { context: { trichYeu: string } };
    expect(again.context.trichYeu).toBe('Báo cáo sơ kết 6 tháng');
    expect(server.output()).toContain('unchanged');

    server.child.kill('SIGKILL');
    await server.exited;
    server = await boot();
    expect(server.output()).toContain('adopting the PostgreSQL server already running');
    expect((await fetch(`${base}/api/v1/instances/${id}`, { headers: auth })).status).toBe(200);

    server.child.kill('SIGINT');
    expect((await server.exited).code).toBe(0);
    const pid = await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => undefined);
    expect(pid).toBeUndefined();
  });

  // Only root starts PostgreSQL as another user (`postgres`), which a private directory can shut out.
  (process.getuid?.() === 0 ? it : it.skip)('as root, from a directory the postgres user cannot enter, stops with one sentence that says why and what to do', async () => {
    const home = await mkdtemp(join(tmpdir(), 'phoihop-private-')); // mode 0700, as root's home directory
    try {
      const refused = startNode(MAIN, { ...env, DATA_DIR: join(home, 'clone', '.data') });
      const { code } = await refused.exited;
      expect(code).toBe(1);
      const output = refused.output().trim();
      expect(output).toContain(`runs as the user "postgres", which may not enter ${home} (mode 700)`);
      expect(output).toContain('start Phối Hợp as an ordinary user, or put the clone and DATA_DIR under a directory every user can enter');
      expect(output).not.toContain('EACCES');
      expect(output).not.toMatch(/^\s+at /m); // no stack trace
      expect(output.split('\n')).toHaveLength(1);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('refuses to start with a clear message for each bad setting', async () => {
    const bad = startNode(MAIN, { ...env, PORT: 'tám nghìn', DATABASE_URL: 'mysql://nope' });
    const { code } = await bad.exited;
    expect(code).toBe(2);
    expect(bad.output()).toContain('PORT must be a whole number (got "tám nghìn")');
    expect(bad.output()).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
  });
});
