import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { loadEnvironment, metricsAccess } from '#libs/config';
import { createApp } from '../apps/api/src/create-app.js';
import { user as userCommand } from '../apps/cli/src/commands/user.js';
import { initForRequests, startTestApp, TEST_AUTH, TEST_PASSWORD, type TestApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

/**
 * The smaller holes of the penetration test in issue 22 (items 4, 6, 7 and 10), each reproduced
 * as the tester did it, then closed.
 */

const STRONG = 'Doi-mat-khau-2026-an-phong';

describe('rate limits follow the route that handles the request, not the raw path (#22.4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows', security: { rateLimits: { loginPerMinute: 3, writesPerMinute: 1000 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a trailing slash or another letter case still reaches sign-in, and counts under the sign-in limit', async () => {
    // startTestApp signed `admin` in once already: 1 of 3.
    const paths = ['/api/v1/auth/login/', '/api/v1/Auth/Login', '/api/v1/AUTH/LOGIN/', '/api/v1/auth/login'];
    const answers: Array<{ status: number; limit?: string }> = [];
    for (const path of paths) {
      const res = await t.anon.post(path).send({ username: 'khach', password: 'sai-mat-khau-1' });
      answers.push({ status: res.status, limit: res.headers['ratelimit-limit'] });
    }
    expect(answers).toEqual([
      { status: 401, limit: '3' },
      { status: 401, limit: '3' },
      { status: 429, limit: '3' },
      { status: 429, limit: '3' },
    ]);
  });

  it('other writes stay under the write limit, whatever their path looks like', async () => {
    const res = await t.http.post('/api/v1/Instances/').send({ definitionKey: 'test-counter' }).expect(201);
    expect(res.headers['ratelimit-limit']).toBe('1000');
  });
});

describe('API tokens and sessions (#22.6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A new user with a signed-in JWT and an API token, both working. */
  async function officer(username: string) {
    const agent = await t.as(username, [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    const me = (await agent.get('/api/v1/me').expect(200)).body;
    const jwt = (await t.anon.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(200)).body.accessToken as string;
    const token = (await agent.post('/api/v1/me/tokens').send({ name: 'tich-hop' }).expect(201)).body as { id: string; token: string };
    await t.anon.get('/api/v1/me').set('Authorization', `Bearer ${jwt}`).expect(200);
    await t.anon.get('/api/v1/me').set('Authorization', `Bearer ${token.token}`).expect(200);
    return { id: me.id as string, jwt, token };
  }
  const status = async (bearer: string) => (await t.anon.get('/api/v1/me').set('Authorization', `Bearer ${bearer}`)).status;

  it('an admin lists and revokes any user’s API tokens, and the audit trail records who did it', async () => {
    const u = await officer('token-a');
    const listed = (await t.http.get(`/api/v1/users/${u.id}/tokens`).expect(200)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: u.token.id, name: 'tich-hop', revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(u.token.token);

    await t.http.delete(`/api/v1/users/${u.id}/tokens/${u.token.id}`).expect(204);
    expect(await status(u.token.token)).toBe(401);
    // Twice, or under another user: nothing to revoke.
    await t.http.delete(`/api/v1/users/${u.id}/tokens/${u.token.id}`).expect(404);
    const other = await officer('token-b');
    await t.http.delete(`/api/v1/users/${u.id}/tokens/${other.token.id}`).expect(404);
    expect(await status(other.token.token)).toBe(200);
    await t.http.get('/api/v1/users/00000000-0000-4000-8000-000000000000/tokens').expect(404);

    const log = (await t.http.get('/api/v1/audit/log?action=token.revoked').expect(200)).body.items;
    expect(log).toEqual([expect.objectContaining({ actorId: 'admin', subjectId: u.token.id, data: expect.objectContaining({ user: 'token-a' }) })]);
  });

  it('only an admin may list or revoke someone else’s tokens', async () => {
    const u = await officer('token-c');
    const nosy = await t.as('token-nosy', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    await nosy.get(`/api/v1/users/${u.id}/tokens`).expect(403);
    await nosy.delete(`/api/v1/users/${u.id}/tokens/${u.token.id}`).expect(403);
    const auditor = await t.as('token-auditor', [{ role: 'auditor', unit: 'phuong-an-phong' }]);
    await auditor.get(`/api/v1/users/${u.id}/tokens`).expect(200);
    await auditor.delete(`/api/v1/users/${u.id}/tokens/${u.token.id}`).expect(403);
    expect(await status(u.token.token)).toBe(200);
  });

  it('a password reset by an admin revokes the user’s API tokens and ends their sessions', async () => {
    const u = await officer('token-d');
    await t.http.patch(`/api/v1/users/${u.id}`).send({ password: STRONG }).expect(200);
    expect(await status(u.jwt)).toBe(401);
    expect(await status(u.token.token)).toBe(401);
    expect((await t.http.get(`/api/v1/users/${u.id}/tokens`).expect(200)).body.items[0].revokedAt).not.toBeNull();
    const fresh = (await t.anon.post('/api/v1/auth/login').send({ username: 'token-d', password: STRONG }).expect(200)).body.accessToken;
    expect(await status(fresh)).toBe(200);
  });

  it('a user changes their own password with the current one: their other tokens and sessions end', async () => {
    const u = await officer('token-e');
    const as = (bearer: string) => t.anon.post('/api/v1/me/password').set('Authorization', `Bearer ${bearer}`);
    expect((await as(u.jwt).send({ currentPassword: 'sai-mat-khau-1', newPassword: STRONG }).expect(403)).body.code).toBe('FORBIDDEN');
    const weak = (await as(u.jwt).send({ currentPassword: TEST_PASSWORD, newPassword: 'token-e-2026-moi' }).expect(400)).body;
    expect(weak.details.problems).toEqual([{ field: 'newPassword', reason: 'must not contain the username' }]);
    expect(await status(u.jwt)).toBe(200);
    expect(await status(u.token.token)).toBe(200);

    const changed = (await as(u.jwt).send({ currentPassword: TEST_PASSWORD, newPassword: STRONG }).expect(200)).body;
    expect(await status(u.jwt)).toBe(401);
    expect(await status(u.token.token)).toBe(401);
    expect(await status(changed.accessToken)).toBe(200);
    await t.anon.post('/api/v1/auth/login').send({ username: 'token-e', password: TEST_PASSWORD }).expect(401);
    await t.anon.post('/api/v1/auth/login').send({ username: 'token-e', password: STRONG }).expect(200);
  });

  it('re-activating a disabled user does not bring their old tokens or sessions back', async () => {
    const u = await officer('token-f');
    await t.http.patch(`/api/v1/users/${u.id}`).send({ active: false }).expect(200);
    expect(await status(u.jwt)).toBe(401);
    expect(await status(u.token.token)).toBe(401);
    await t.http.patch(`/api/v1/users/${u.id}`).send({ active: true }).expect(200);
    expect(await status(u.jwt)).toBe(401);
    expect(await status(u.token.token)).toBe(401);
    await t.anon.post('/api/v1/auth/login').send({ username: 'token-f', password: TEST_PASSWORD }).expect(200);
  });

  it('a token that would expire in the past is refused (400 naming expiresAt) and none is created', async () => {
    const agent = await t.as('token-g', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    const past = (
      await agent
        .post('/api/v1/me/tokens')
        .send({ name: 'cu', expiresAt: new Date(Date.now() - 60_000).toISOString() })
        .expect(400)
    ).body;
    expect(past.details.problems).toEqual([{ field: 'expiresAt', reason: 'must be in the future' }]);
    expect((await agent.get('/api/v1/me/tokens').expect(200)).body.items).toEqual([]);
    await agent
      .post('/api/v1/me/tokens')
      .send({ name: 'moi', expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
      .expect(201);
  });
});

describe('reserved names (#22.7)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('the engine’s own role `system` cannot be granted to a person, on creation or update', async () => {
    const created = (
      await t.http
        .post('/api/v1/users')
        .send({ username: 'gia-mao', displayName: 'Giả mạo', password: STRONG, memberships: [{ role: 'system', unit: 'phuong-an-phong' }] })
        .expect(400)
    ).body;
    expect(created.details.problems).toEqual([expect.objectContaining({ field: 'memberships[0].role', reason: expect.stringContaining('reserved') })]);
    expect((await t.http.get('/api/v1/users').expect(200)).body.items.map((u: { username: string }) => u.username)).not.toContain('gia-mao');

    const ok = (
      await t.http
        .post('/api/v1/users')
        .send({ username: 'kiem-toan', displayName: 'Kiểm toán', password: STRONG, memberships: [{ role: 'auditor', unit: 'phuong-an-phong' }] })
        .expect(201)
    ).body;
    const updated = (
      await t.http
        .patch(`/api/v1/users/${ok.id}`)
        .send({
          memberships: [
            { role: 'admin', unit: 'phuong-an-phong' },
            { role: 'system', unit: 'phuong-an-phong' },
          ],
        })
        .expect(400)
    ).body;
    expect(updated.details.problems).toEqual([expect.objectContaining({ field: 'memberships[1].role', reason: expect.stringContaining('reserved') })]);
    expect((await t.http.get(`/api/v1/users/${ok.id}`).expect(200)).body.memberships).toEqual([{ role: 'auditor', unit: 'phuong-an-phong' }]);
    // admin and auditor are people's roles and stay grantable.
    await t.http
      .patch(`/api/v1/users/${ok.id}`)
      .send({ memberships: [{ role: 'admin', unit: 'phuong-an-phong' }] })
      .expect(200);
  });

  it('the username `system` (the engine’s actor id) is refused for a new user', async () => {
    const res = (await t.http.post('/api/v1/users').send({ username: 'system', displayName: 'Hệ thống', password: STRONG, memberships: [] }).expect(400)).body;
    expect(res.details.problems).toEqual([expect.objectContaining({ field: 'username', reason: expect.stringContaining('reserved') })]);
  });

  it('the CLI refuses them too, naming the option', async () => {
    const errors: string[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    process.env.PHOIHOP_PASSWORD = STRONG;
    try {
      expect(await userCommand(['create', '--username', 'quan-tri-2', '--role', 'system', '--unit', 'phuong-an-phong'])).toBe(2);
      expect(errors.pop()).toMatch(/^role: .*reserved/);
      expect(await userCommand(['create', '--username', 'system', '--role', 'admin', '--unit', 'phuong-an-phong'])).toBe(2);
      expect(errors.pop()).toMatch(/^username: .*reserved/);
      // The password policy of the api, username included.
      process.env.PHOIHOP_PASSWORD = 'quan-tri-2-2026-ok';
      expect(await userCommand(['create', '--username', 'quan-tri-2', '--role', 'admin', '--unit', 'phuong-an-phong'])).toBe(2);
      expect(errors.pop()).toBe('password must not contain the username');
    } finally {
      delete process.env.PHOIHOP_PASSWORD;
      spy.mockRestore();
    }
  });
});

describe('password policy on update, /metrics and request ids (#22.10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an admin setting a password applies the whole policy, the username included, and changes nothing when refused', async () => {
    const agent = await t.as('nguyen-van-b', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    const id = (await agent.get('/api/v1/me').expect(200)).body.id;
    for (const [password, reason] of [
      ['nguyen-van-b-2026', 'must not contain the username'],
      ['ngan1', 'must be at least 10 characters'],
      ['matkhau12345', 'is too easy to guess'],
    ]) {
      const res = (await t.http.patch(`/api/v1/users/${id}`).send({ password, displayName: 'Đổi tên' }).expect(400)).body;
      expect(res.details.problems).toEqual([{ field: 'password', reason }]);
    }
    expect((await t.http.get(`/api/v1/users/${id}`).expect(200)).body.displayName).toBe('nguyen-van-b');
    await agent.get('/api/v1/me').expect(200);
    await t.anon.post('/api/v1/auth/login').send({ username: 'nguyen-van-b', password: TEST_PASSWORD }).expect(200);
  });

  it('in the embedded default /metrics answers loopback callers without a token, and no one through a proxy', async () => {
    await t.anon.get('/metrics').expect(200);
    await t.anon.get('/metrics').set('X-Forwarded-For', '203.0.113.7').expect(401);
    await t.anon.get('/metrics').set('Forwarded', 'for=203.0.113.7').expect(401);
  });

  it('a safe X-Request-Id is kept and stored; a long or unsafe one is replaced by a generated id', async () => {
    const safe = 'yeu-cau:2026.01_A';
    const started = await t.http.post('/api/v1/instances').set('X-Request-Id', safe).send({ definitionKey: 'test-counter' }).expect(201);
    expect(started.headers['x-request-id']).toBe(safe);
    const id = started.body.id;
    const hostile = ['a'.repeat(129), '<script>alert(1)</script>', 'x"; DROP TABLE users; --', 'a b', '../../etc/passwd?x=1', ''];
    for (const given of hostile) {
      const res = await t.http.post(`/api/v1/instances/${id}/events`).set('X-Request-Id', given).send({ type: 'TANG' }).expect(200);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const longest = 'b'.repeat(128);
    expect((await t.http.post(`/api/v1/instances/${id}/events`).set('X-Request-Id', longest).send({ type: 'TANG' }).expect(200)).headers['x-request-id']).toBe(
      longest,
    );

    const history = (await t.http.get(`/api/v1/instances/${id}/history`).expect(200)).body.items as Array<{ requestId: string | null }>;
    expect(history[0].requestId).toBe(safe);
    for (const row of history.slice(1, 1 + hostile.length)) expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(history[history.length - 1].requestId).toBe(longest);
    for (const row of history) expect(row.requestId!.length).toBeLessThanOrEqual(128);
  });
});

describe('/metrics outside the embedded default (#22.10)', () => {
  let database: TestDatabase;
  const apps: NestFastifyApplication[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
  });

  async function api(metrics: { token?: string; openOnLoopback: boolean }) {
    const app = await createApp({ auth: TEST_AUTH, databaseUrl: database.url, poolSize: 2, runMigrations: true, logLevel: 'error', webDir: false, metrics });
    await initForRequests(app);
    apps.push(app);
    return request(app.getHttpServer());
  }

  it('the settings: with DATABASE_URL /metrics is closed unless METRICS_TOKEN is set; the embedded default opens it to loopback', () => {
    const db = 'postgres://phoihop:Mat-Khau-Rat-Dai-9@db/phoihop';
    expect(metricsAccess(loadEnvironment({ DATABASE_URL: db }))).toEqual({ token: undefined, openOnLoopback: false });
    expect(metricsAccess(loadEnvironment({ DATABASE_URL: db, METRICS_TOKEN: 'prometheus-bi-mat-2026-abc' }))).toEqual({
      token: 'prometheus-bi-mat-2026-abc',
      openOnLoopback: false,
    });
    expect(metricsAccess(loadEnvironment({}))).toEqual({ token: undefined, openOnLoopback: true });
    expect(() => loadEnvironment({ METRICS_TOKEN: 'ngan' })).toThrow(/METRICS_TOKEN must be at least 16/);
  });

  it('answers 401 without METRICS_TOKEN, even from loopback', async () => {
    const http = await api({ openOnLoopback: false });
    const res = await http.get('/metrics').expect(401);
    expect(res.body.message).toContain('METRICS_TOKEN');
    await http.get('/metrics').set('Authorization', 'Bearer anything-at-all-1234').expect(401);
    await http.get('/health').expect(200);
  });

  it('with METRICS_TOKEN, answers only its bearer', async () => {
    const http = await api({ token: 'prometheus-bi-mat-2026-abc', openOnLoopback: false });
    await http.get('/metrics').expect(401);
    await http.get('/metrics').set('Authorization', 'Bearer sai-roi').expect(401);
    const ok = await http.get('/metrics').set('Authorization', 'Bearer prometheus-bi-mat-2026-abc').expect(200);
    expect(ok.text).toContain('phoihop_http_request_duration_seconds');
  });
});
