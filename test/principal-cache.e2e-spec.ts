import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '#libs/identity';
import { createDataSource, IdentityRepository } from '#libs/persistence';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { eventually } from './support/eventually.js';
import { freePort, startNode, waitForHttp, type RunningProcess } from './support/process.js';

const API = 'dist/apps/api/src/main.js';
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const UNIT = 'phuong-an-phong';

/**
 * The principal cache across two real api processes on one database (docs/security.md, "Principal
 * cache"). Each process keeps a caller for a minute here (PRINCIPAL_CACHE_SECONDS=60), far longer
 * than any test waits: a refusal on B right after a change made through A can only come from the
 * change's notification, never from an entry growing old.
 */
describe('the principal cache across two api processes', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const apis: RunningProcess[] = [];
  let a = '';
  let b = '';
  let admin = '';
  const identity = new IdentityRepository();

  const startApi = async (): Promise<string> => {
    const port = await freePort();
    const p = startNode(API, {
      DATABASE_URL: db.url,
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      RUN_WORKER: 'false',
      SKIP_MIGRATIONS: 'true',
      WORKFLOWS_DIR: 'test/fixtures/workflows',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      PRINCIPAL_CACHE_SECONDS: '60',
      QUEUE_PREFIX: `phoihop-pc-${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'warn',
    });
    apis.push(p);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/ready`, p);
    return url;
  };
  const jwtSecret = randomBytes(32).toString('hex');
  const listening = async () =>
    (
      await ds.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'phoihop-live' AND state = 'idle' AND query = 'LISTEN phoihop_identity'`,
      )
    )[0].n === 2;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    await identity.upsertUnit(ds.manager, { key: UNIT, name: { vi: 'Phường An Phong', en: 'An Phong ward' }, parentKey: null });
    await identity.insertUser(ds.manager, { username: 'quan-tri', displayName: 'Quản trị', passwordHash: await hashPassword(PASSWORD), memberships: [{ role: 'admin', unit: UNIT }] });
    // One after the other: both publish the fixtures' workflows at boot.
    a = await startApi();
    b = await startApi();
    admin = (await signIn(a, 'quan-tri')).token;
    // Each process starts listening for changes at its first signed-in request, and serves from
    // its cache only once it does: both LISTEN before the tests begin.
    for (const base of [a, b]) expect((await call(base, admin, '/me')).status).toBe(200);
    await eventually(listening, 20_000, 'both api processes to LISTEN');
  }, 120_000);
  afterAll(async () => {
    for (const p of apis) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    }
    await ds?.destroy();
    await db?.drop();
  });

  const call = (base: string, token: string, path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
    fetch(`${base}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  async function signIn(base: string, username: string): Promise<{ token: string; cookie: string }> {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('phoihop_refresh='))!.split(';')[0];
    return { token: ((await res.json()) as { accessToken: string }).accessToken, cookie };
  }

  /** A second admin (GET /users is for admins only), signed in, and known to B: it has served them twice. */
  const anotherAdmin = async (username: string) => {
    const user = await identity.insertUser(ds.manager, { username, displayName: username, passwordHash: await hashPassword(PASSWORD), memberships: [{ role: 'admin', unit: UNIT }] });
    const session = await signIn(a, username);
    for (let i = 0; i < 2; i++) expect((await call(b, session.token, '/users')).status).toBe(200);
    return { id: user.id, ...session };
  };

  /** Runs SQL with the triggers off (session_replication_role = replica): a change nobody is told of. */
  const unheard = async (sql: string, params: unknown[]) => {
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(sql, params);
    });
  };

  it('B serves a caller from its cache: a change made without its notification is not seen there', async () => {
    const user = await anotherAdmin('quan-tri-khong-bao');
    await unheard(`DELETE FROM user_roles WHERE user_id = $1`, [user.id]);
    // What B kept: the admin role it read before, still served.
    expect((await call(b, user.token, '/users')).status).toBe(200);
    // Put back with its notification: every process drops the user, the next request reads them again.
    await identity.setMemberships(ds.manager, user.id, [{ role: 'chuyen-vien', unit: UNIT }]);
    expect((await call(b, user.token, '/users')).status).toBe(403);
  });

  it('a membership removed through A is refused on B at the next request', async () => {
    const user = await anotherAdmin('quan-tri-mat-quyen');
    const removed = await call(a, admin, `/users/${user.id}`, { method: 'PATCH', body: { memberships: [{ role: 'chuyen-vien', unit: UNIT }] } });
    expect(removed.status).toBe(200);
    expect((await call(b, user.token, '/users')).status).toBe(403);
    expect((await call(a, user.token, '/users')).status).toBe(403);
  });

  it('a user disabled through A is refused on B at the next request', async () => {
    const user = await anotherAdmin('quan-tri-bi-khoa');
    expect((await call(a, admin, `/users/${user.id}`, { method: 'PATCH', body: { active: false } })).status).toBe(200);
    const refused = await call(b, user.token, '/users');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a password reset through A ends the access tokens on B at the next request', async () => {
    const user = await anotherAdmin('quan-tri-doi-mat-khau');
    expect((await call(a, admin, `/users/${user.id}`, { method: 'PATCH', body: { password: 'mat-khau-moi-hoan-toan-2026' } })).status).toBe(200);
    expect((await call(b, user.token, '/users')).status).toBe(401);
  });

  it('a session signed out on A is refused on B at the next request; the user’s other session goes on', async () => {
    const user = await anotherAdmin('quan-tri-dang-xuat');
    const other = await signIn(a, 'quan-tri-dang-xuat');
    expect((await call(b, other.token, '/users')).status).toBe(200);
    const out = await fetch(`${a}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: user.cookie } });
    expect(out.status).toBe(204);
    expect((await call(b, user.token, '/users')).status).toBe(401);
    expect((await call(b, other.token, '/users')).status).toBe(200);
  });

  it('a session an admin ends through A is refused on B at the next request', async () => {
    const user = await anotherAdmin('quan-tri-bi-ket-thuc');
    const sessions = (await (await call(a, admin, `/users/${user.id}/sessions`)).json()) as { items?: Array<{ id: string }> } | Array<{ id: string }>;
    const list = Array.isArray(sessions) ? sessions : sessions.items!;
    expect(list).toHaveLength(1);
    expect((await call(a, admin, `/users/${user.id}/sessions/${list[0].id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(b, user.token, '/users')).status).toBe(401);
  });

  it('while its LISTEN connection is lost, B serves nobody from its cache: a change it was not told of counts at the next request', async () => {
    const user = await anotherAdmin('quan-tri-mat-ket-noi');
    await unheard(`DELETE FROM user_roles WHERE user_id = $1`, [user.id]);
    expect((await call(b, user.token, '/users')).status).toBe(200);
    // Both processes' LISTEN connections end (the call returns once the backends have gone).
    const ended = await ds.query(`SELECT pg_terminate_backend(pid, 10000) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'phoihop-live'`);
    expect(ended.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    expect((await call(b, user.token, '/users')).status).toBe(403);
    // Back (re-opened after a second), the cache starts empty and hears changes again.
    await eventually(listening, 20_000, 'both api processes to LISTEN again');
    await identity.setMemberships(ds.manager, user.id, [{ role: 'admin', unit: UNIT }]);
    for (let i = 0; i < 2; i++) expect((await call(b, user.token, '/users')).status).toBe(200);
    await identity.setMemberships(ds.manager, user.id, []);
    expect((await call(b, user.token, '/users')).status).toBe(403);
  });
});
