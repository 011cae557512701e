import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { databasePasswordProblem, jwtSecretProblem, loadEnvironment, redactSecrets, requireProductionSecrets } from '#libs/config';
import { passwordProblem } from '#libs/identity';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/app.js';
import { freePort, startNode, waitForHttp } from './support/process.js';

const STRONG_SECRET = 'f3a9c27d51e84b06a1d2c3e4f5a6b7c8d9e0f1a2';

describe('security headers and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ security: { corsOrigins: ['https://cong-thong-tin.anphong.gov.vn'] } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('every answer carries the security headers, with a CSP that allows only this origin’s scripts (refusals and 404s included)', async () => {
    for (const path of ['/api/v1/instances', '/health', '/', '/hop-thu', '/api/v1/instances/a%00b', '/api/v1/khong-co-duong-nay']) {
      const res = await t.http.get(path);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('CORS answers only the listed origins', async () => {
    const allowed = await t.anon.options('/api/v1/instances').set('Origin', 'https://cong-thong-tin.anphong.gov.vn').set('Access-Control-Request-Method', 'POST');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://cong-thong-tin.anphong.gov.vn');
    const other = await t.anon.options('/api/v1/instances').set('Origin', 'https://ke-gian.example').set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const get = await t.http.get('/api/v1/instances').set('Origin', 'https://ke-gian.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS closed by default, and rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows', security: { rateLimits: { loginPerMinute: 4, writesPerMinute: 6 } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('no origin gets CORS headers when none is configured', async () => {
    const res = await t.anon.options('/api/v1/instances').set('Origin', 'https://ke-gian.example').set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sign-in attempts from one address are limited (429 with Retry-After), whatever the username', async () => {
    // startTestApp signed in `admin` once already.
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await t.anon.post('/api/v1/auth/login').send({ username: `khach-${i}`, password: 'sai-mat-khau-1' })).status);
    expect(answers).toEqual([401, 401, 401, 429, 429]);
    const limited = await t.anon.post('/api/v1/auth/login').send({ username: 'admin', password: TEST_PASSWORD }).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('writes are limited per address; reads are not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await t.http.post('/api/v1/instances').send({ definitionKey: 'test-counter' })).status);
    expect(statuses.slice(0, 6)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    for (let i = 0; i < 20; i++) await t.http.get('/api/v1/instances?limit=1').expect(200);
    // A refused write changed nothing.
    expect((await t.http.get('/api/v1/instances?definitionKey=test-counter&limit=100').expect(200)).body.items).toHaveLength(6);
  });
});

describe('secrets and passwords', () => {
  it('refuses to run outside the embedded default with a default or missing database password or JWT secret', () => {
    const env = (over: Record<string, string>) => loadEnvironment({ DATABASE_URL: 'postgres://phoihop:Xk9-long-random-pass@db:5432/phoihop', JWT_SECRET: STRONG_SECRET, ...over });
    expect(() => requireProductionSecrets(env({}), 'api')).not.toThrow();
    expect(() => requireProductionSecrets(env({ DATABASE_URL: 'postgres://phoihop@db/phoihop' }), 'api')).toThrow(/no password/);
    expect(() => requireProductionSecrets(env({ DATABASE_URL: 'postgres://postgres:postgres@db/phoihop' }), 'worker')).toThrow(/default or short password/);
    expect(() => requireProductionSecrets(env({ JWT_SECRET: 'change-me-change-me-change-me-change-me' }), 'api')).toThrow(/placeholder/);
    expect(() => requireProductionSecrets(loadEnvironment({ DATABASE_URL: 'postgres://u:Xk9-long-random-pass@db/p' }), 'api')).toThrow(/JWT_SECRET is required/);
    // The worker signs nothing: it needs only the database password.
    expect(() => requireProductionSecrets(loadEnvironment({ DATABASE_URL: 'postgres://u:Xk9-long-random-pass@db/p' }), 'worker')).not.toThrow();
    expect(databasePasswordProblem('postgres://u:%20@db/p')).toBeDefined();
    expect(jwtSecretProblem('a'.repeat(40))).toMatch(/placeholder/);
  });

  it('redacts passwords in URLs, bearer and API tokens and JWTs from anything logged', () => {
    const text = redactSecrets(
      'connect postgres://phoihop:S3cret-Pass@db:5432/x failed; redis://:R3dis-pass@cache:6379; Authorization: Bearer abc.def-ghi; token php_AbCdEf0123456789; eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl; {"password":"mat-khau-bi-mat-9"}',
    );
    for (const secret of ['S3cret-Pass', 'R3dis-pass', 'abc.def-ghi', 'AbCdEf0123456789', 'c2lnbmF0dXJl', 'mat-khau-bi-mat-9']) expect(text).not.toContain(secret);
    expect(text).toContain('postgres://phoihop:***@db:5432/x');
  });

  it('a password must be long, mixed, not common, not the username', () => {
    expect(passwordProblem('short1')).toMatch(/10 characters/);
    expect(passwordProblem('chilachucai')).toMatch(/letter and a digit/);
    expect(passwordProblem('Password2026')).toMatch(/too easy/);
    expect(passwordProblem('anhyeuem2026')).toMatch(/too easy/);
    expect(passwordProblem('1111111111a')).toMatch(/too few characters/);
    expect(passwordProblem('nguyen-van-an-2026', 'nguyen-van-an')).toMatch(/username/);
    expect(passwordProblem('Cay-bang-truoc-ngo-7')).toBeUndefined();
  });

  it('the api refuses to start with a weak database password, and never prints its secrets', async () => {
    const weak = startNode('dist/apps/api/src/main.js', { DATABASE_URL: 'postgres://phoihop:phoihop@127.0.0.1:1/phoihop', JWT_SECRET: STRONG_SECRET, PORT: '0' });
    expect((await weak.exited).code).toBe(2);
    expect(weak.output()).toContain('DATABASE_URL uses a default or short password');
    expect(weak.output()).not.toContain(STRONG_SECRET);

    const { createTestDatabase } = await import('./support/database.js');
    const db = await createTestDatabase();
    const port = await freePort();
    const api = startNode('dist/apps/api/src/main.js', { DATABASE_URL: db.url, JWT_SECRET: STRONG_SECRET, PORT: String(port), HOST: '127.0.0.1', RUN_WORKER: 'false', WORKFLOWS_DIR: '', LOG_LEVEL: 'verbose' });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`, api);
      await fetch(`http://127.0.0.1:${port}/api/v1/instances`, { headers: { Authorization: `Bearer ${STRONG_SECRET}` } });
      const password = decodeURIComponent(new URL(db.url).password);
      expect(api.output().length).toBeGreaterThan(0);
      expect(api.output()).not.toContain(password);
      expect(api.output()).not.toContain(STRONG_SECRET);
    } finally {
      api.child.kill('SIGTERM');
      await api.exited;
      await db.drop();
    }
  }, 60_000);
});
