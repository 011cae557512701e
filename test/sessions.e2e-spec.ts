// Sessions that last a working day (issue 18 item 1, docs/security.md "Sessions"): the refresh
// token in an HttpOnly cookie, rotated on every use; a replayed one ends its session; sign-out,
// ending a session from the list and disabling the user take effect; cookie routes refuse other
// sites. Then the web app in Chromium with a short access token lifetime: a decision form stays
// open past it, and a session that really ended asks to sign in again without losing the text.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { SessionsService } from '#libs/identity';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/app.js';
import { launchBrowser, newPage, screenshot } from './support/browser.js';

/** Short enough that the tests outlive several access tokens. */
const ACCESS_TTL = 4;
const COOKIE = 'phoihop_refresh';

interface SignedIn {
  accessToken: string;
  /** The refresh cookie's value. */
  refresh: string;
  setCookie: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function refreshCookieOf(res: request.Response): { value: string; header: string } | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const header = headers.find((h) => h.startsWith(`${COOKIE}=`));
  return header ? { value: header.slice(COOKIE.length + 1).split(';')[0], header } : undefined;
}

describe('sessions (API)', () => {
  let t: TestApp;
  let server: any;
  let officerId: string;

  const signIn = async (username: string, userAgent = 'jest'): Promise<SignedIn> => {
    const res = await request(server).post('/api/v1/auth/login').set('User-Agent', userAgent).send({ username, password: TEST_PASSWORD }).expect(200);
    const cookie = refreshCookieOf(res)!;
    return { accessToken: res.body.accessToken, refresh: cookie.value, setCookie: cookie.header };
  };
  const refresh = (value: string, headers: Record<string, string> = {}) =>
    request(server).post('/api/v1/auth/refresh').set('Cookie', `${COOKIE}=${value}`).set(headers);
  const me = (accessToken: string) => request(server).get('/api/v1/me').set('Authorization', `Bearer ${accessToken}`);
  /** An admin's fresh token (the suite's access tokens expire after a few seconds). */
  const admin = async () => {
    const { accessToken } = await signIn('admin');
    return (method: 'get' | 'patch' | 'delete', path: string) => request(server)[method](path).set('Authorization', `Bearer ${accessToken}`);
  };
  const audit = async (action: string) =>
    (await (await admin())('get', '/api/v1/audit/log').query({ action })).body.items as Array<{ data: any; subjectId: string }>;

  beforeAll(async () => {
    t = await startTestApp({ auth: { accessTtlSeconds: ACCESS_TTL } });
    server = t.app.getHttpServer();
    await t.as('can-bo-phien', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    const users = (await (await admin())('get', '/api/v1/users').expect(200)).body.items as Array<{ id: string; username: string }>;
    officerId = users.find((u) => u.username === 'can-bo-phien')!.id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('sign-in answers the access token in the body and the refresh token only in an HttpOnly, SameSite=Strict cookie for the auth routes', async () => {
    const res = await request(server).post('/api/v1/auth/login').send({ username: 'can-bo-phien', password: TEST_PASSWORD }).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    expect(res.body.expiresIn).toBe(ACCESS_TTL);
    const { header, value } = refreshCookieOf(res)!;
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\/api\/v1\/auth(;|$)/);
    // Plain HTTP here: `auto` leaves Secure off (a browser would drop a Secure cookie over http).
    expect(header).not.toMatch(/; Secure/);
    // The pages' hint that a session cookie exists holds nothing else, and scripts may read it.
    const hint = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((h) => h.startsWith('phoihop_session='));
    expect(hint).toMatch(/^phoihop_session=1; Max-Age=\d+; Path=\/; Expires=[^;]+; SameSite=Strict$/);
    // Only its hash is stored.
    const stored = await t.app.get(SessionsService)['database'].manager.query(`SELECT refresh_hash FROM sessions`);
    expect(stored.map((r: { refresh_hash: string }) => r.refresh_hash)).not.toContain(value);
  });

  it('a session outlives its access tokens: each refresh rotates the cookie and answers a working access token', async () => {
    const s = await signIn('can-bo-phien');
    await me(s.accessToken).expect(200);
    await sleep((ACCESS_TTL + 1) * 1000);
    await me(s.accessToken).expect(401);
    const first = await refresh(s.refresh).expect(200);
    const next = refreshCookieOf(first)!;
    expect(next.value).not.toBe(s.refresh);
    expect(next.header).toMatch(/; HttpOnly/);
    await me(first.body.accessToken).expect(200);
    const second = await refresh(next.value).expect(200);
    await me(second.body.accessToken).expect(200);
  }, 30_000);

  it('a replayed refresh token ends the whole session, recorded as auth.session_reuse', async () => {
    const s = await signIn('can-bo-phien', 'trinh-duyet-bi-lo');
    const rotated = await refresh(s.refresh).expect(200);
    const current = refreshCookieOf(rotated)!.value;
    // The old token again (a copy in a thief's hands): refused, and the session is over for everyone.
    const replay = await refresh(s.refresh, { 'User-Agent': 'may-ke-gian' }).expect(401);
    expect(replay.body.details.reason).toBe('reuse');
    expect(refreshCookieOf(replay)?.header).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await refresh(current).expect(401)).body.details.reason).toBe('reuse');
    await me(rotated.body.accessToken).expect(401);
    const reuse = await audit('auth.session_reuse');
    expect(reuse.some((e) => e.subjectId === 'can-bo-phien' && e.data.userAgent === 'may-ke-gian')).toBe(true);
    expect((await audit('auth.session_ended')).some((e) => e.data.reason === 'reuse')).toBe(true);
  });

  it('two refreshes with the same token at once: one wins, the other is a reuse', async () => {
    const s = await signIn('can-bo-phien');
    const answers = await Promise.all([refresh(s.refresh), refresh(s.refresh)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  });

  it('sign-out ends the session: its cookie no longer refreshes and its access token stops at once', async () => {
    const s = await signIn('can-bo-phien');
    await me(s.accessToken).expect(200);
    const out = await request(server).post('/api/v1/auth/logout').set('Cookie', `${COOKIE}=${s.refresh}`).expect(204);
    expect(refreshCookieOf(out)?.header).toMatch(/Expires=Thu, 01 Jan 1970/);
    await me(s.accessToken).expect(401);
    expect((await refresh(s.refresh).expect(401)).body.details.reason).toBe('logout');
    // Twice, or without a session: nothing to do, still 204.
    await request(server).post('/api/v1/auth/logout').set('Cookie', `${COOKIE}=${s.refresh}`).expect(204);
    await request(server).post('/api/v1/auth/logout').expect(204);
    expect((await audit('auth.session_ended')).some((e) => e.subjectId === 'can-bo-phien' && e.data.reason === 'logout')).toBe(true);
  });

  it('disabling a user ends their sessions: refresh and access tokens are refused, also after enabling again', async () => {
    const s = await signIn('can-bo-phien');
    const as = await admin();
    await as('patch', `/api/v1/users/${officerId}`).send({ active: false }).expect(200);
    await me(s.accessToken).expect(401);
    expect((await refresh(s.refresh).expect(401)).status).toBe(401);
    await as('patch', `/api/v1/users/${officerId}`).send({ active: true }).expect(200);
    await refresh(s.refresh).expect(401);
    await signIn('can-bo-phien');
  });

  it('a session whose user changed credentials behind its back is refused at the next refresh (reason credentials)', async () => {
    const s = await signIn('can-bo-phien');
    // The credentials version moved on without the session being ended (a write from another tool).
    await t.app.get(SessionsService)['database'].manager.query(`UPDATE users SET credentials_version = credentials_version + 1 WHERE id = $1`, [officerId]);
    expect((await refresh(s.refresh).expect(401)).body.details.reason).toBe('credentials');
  });

  it('a removed membership takes effect at once, the session goes on', async () => {
    const s = await signIn('can-bo-phien');
    const as = await admin();
    await as('patch', `/api/v1/users/${officerId}`).send({ memberships: [] }).expect(200);
    expect((await me(s.accessToken).expect(200)).body.memberships).toEqual([]);
    const renewed = await refresh(s.refresh).expect(200);
    expect((await me(renewed.body.accessToken).expect(200)).body.memberships).toEqual([]);
    await as('patch', `/api/v1/users/${officerId}`)
      .send({ memberships: [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }] })
      .expect(200);
  });

  it('cookie routes refuse other sites (Origin, Sec-Fetch-Site) with 403, and the session is untouched', async () => {
    const s = await signIn('can-bo-phien');
    const evil = await refresh(s.refresh, { Origin: 'https://ke-gian.example' }).expect(403);
    expect(evil.body.details.reason).toBe('cross-site');
    expect(evil.body.message).toMatch(/Cross-site request refused/);
    await refresh(s.refresh, { Origin: 'null' }).expect(403);
    await refresh(s.refresh, { 'Sec-Fetch-Site': 'cross-site' }).expect(403);
    await request(server).post('/api/v1/auth/logout').set('Cookie', `${COOKIE}=${s.refresh}`).set('Origin', 'https://ke-gian.example').expect(403);
    // The app's own origin passes, and the token was not spent by the refusals.
    await refresh(s.refresh, { Origin: 'https://phoihop.anphong.gov.vn', Host: 'phoihop.anphong.gov.vn', 'Sec-Fetch-Site': 'same-origin' }).expect(200);
  });

  it('a user lists and ends their own sessions; an admin a user’s; others’ sessions are not theirs to end', async () => {
    const a = await signIn('can-bo-phien', 'may-o-nha');
    const b = await signIn('can-bo-phien', 'may-o-phuong');
    const list = (await request(server).get('/api/v1/me/sessions').set('Authorization', `Bearer ${b.accessToken}`).expect(200)).body.items as Array<{
      id: string;
      current: boolean;
      userAgent: string;
      method: string;
    }>;
    const mine = list.find((x) => x.current)!;
    expect(mine.userAgent).toBe('may-o-phuong');
    expect(mine.method).toBe('password');
    const other = list.find((x) => x.userAgent === 'may-o-nha')!;
    expect(other.current).toBe(false);
    await request(server).delete(`/api/v1/me/sessions/${other.id}`).set('Authorization', `Bearer ${b.accessToken}`).expect(204);
    await me(a.accessToken).expect(401);
    await refresh(a.refresh).expect(401);
    await request(server).delete(`/api/v1/me/sessions/${other.id}`).set('Authorization', `Bearer ${b.accessToken}`).expect(404);
    // Another user's session id is unknown to me.
    const adminSession = await signIn('admin');
    const adminList = (await request(server).get('/api/v1/me/sessions').set('Authorization', `Bearer ${adminSession.accessToken}`).expect(200)).body
      .items as Array<{ id: string; current: boolean }>;
    await request(server)
      .delete(`/api/v1/me/sessions/${adminList.find((x) => x.current)!.id}`)
      .set('Authorization', `Bearer ${b.accessToken}`)
      .expect(404);
    // The admin sees and ends the officer's.
    const as = await admin();
    const theirs = (await as('get', `/api/v1/users/${officerId}/sessions`).expect(200)).body.items as Array<{ id: string; userAgent: string }>;
    const target = theirs.find((x) => x.userAgent === 'may-o-phuong')!;
    await as('delete', `/api/v1/users/${officerId}/sessions/${target.id}`).expect(204);
    await me(b.accessToken).expect(401);
    await as('delete', `/api/v1/users/${officerId}/sessions/${target.id}`).expect(404);
    await request(server)
      .get(`/api/v1/users/${officerId}/sessions`)
      .set('Authorization', `Bearer ${(await signIn('can-bo-phien')).accessToken}`)
      .expect(403);
    expect((await audit('auth.session_ended')).some((e) => e.data.reason === 'ended_by_admin')).toBe(true);
  });

  it('a changed password ends the other sessions and keeps this one', async () => {
    const other = await signIn('can-bo-phien');
    const here = await signIn('can-bo-phien');
    const changed = await request(server)
      .post('/api/v1/me/password')
      .set('Authorization', `Bearer ${here.accessToken}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026-phien' })
      .expect(200);
    await me(changed.body.accessToken).expect(200);
    await refresh(here.refresh).expect(200);
    await refresh(other.refresh).expect(401);
    const as = await admin();
    await as('patch', `/api/v1/users/${officerId}`).send({ password: TEST_PASSWORD }).expect(200);
  });

  it('idle timeout and absolute lifetime end a session (settings: idle 120 min, at most 12 h by default)', async () => {
    const sessions = t.app.get(SessionsService);
    expect(sessions.settings).toMatchObject({ idleMinutes: 120, maxHours: 12, cookieSecure: 'auto' });
    const meta = { ip: null, userAgent: null };
    const idle = await signIn('can-bo-phien');
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    await expect(sessions.refresh(idle.refresh, meta, later(121))).rejects.toMatchObject({ details: { reason: 'expired' } });
    // Renewed every 100 minutes it lives until its 12 hours are up, not one refresh longer.
    let token = (await signIn('can-bo-phien')).refresh;
    for (let m = 100; m < 12 * 60; m += 100) token = (await sessions.refresh(token, meta, later(m))).refreshToken;
    await expect(sessions.refresh(token, meta, later(12 * 60 + 1))).rejects.toMatchObject({ details: { reason: 'expired' } });
  });

  it('refresh without a cookie, or with garbage, is a 401 that says to sign in', async () => {
    expect((await request(server).post('/api/v1/auth/refresh').expect(401)).body.details.reason).toBe('missing');
    expect((await refresh('khong-phai-token').expect(401)).body.details.reason).toBe('missing');
  });
});

/** A decision with a long text to write: what an officer keeps open for a while. */
const LONG_FORM_WORKFLOW = {
  key: 'phien-lam-viec',
  title: { vi: 'Soạn quyết định (phiên)', en: 'Draft a decision (session)' },
  roles: { 'can-bo-soan-thao': { vi: 'Cán bộ soạn thảo', en: 'Drafting officer' } },
  events: {
    GUI: {
      label: { vi: 'Gửi dự thảo quyết định', en: 'Send the draft decision' },
      kind: 'human',
      schema: {
        type: 'object',
        required: ['noiDung'],
        additionalProperties: false,
        properties: { noiDung: { type: 'string', minLength: 1, title: 'Nội dung quyết định (Decision text)' } },
      },
    },
  },
  machine: {
    initial: 'soanThao',
    states: {
      soanThao: {
        meta: {
          label: { vi: 'Đang soạn', en: 'Drafting' },
          task: { title: { vi: 'Soạn quyết định', en: 'Draft the decision' }, roles: ['can-bo-soan-thao'], outcomes: ['GUI'] },
        },
        on: { GUI: 'daGui' },
      },
      daGui: { type: 'final', meta: { label: { vi: 'Đã gửi', en: 'Sent' } } },
    },
  },
};

describe('sessions in the browser (Chromium, access tokens of a few seconds)', () => {
  const TTL = 6;
  const OFFICER = 'soan-thao-phien';
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let server: any;
  let officerId: string;

  /** An agent signed in now (the suite's access tokens expire after a few seconds). */
  const fresh = async (username: string) => {
    const login = await request(server).post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
    const token = login.body.accessToken as string;
    return {
      get: (path: string) => request(server).get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string) => request(server).post(path).set('Authorization', `Bearer ${token}`),
      delete: (path: string) => request(server).delete(path).set('Authorization', `Bearer ${token}`),
    };
  };

  /** A new case whose task the officer has claimed: its id. */
  const claimedTask = async (businessKey: string) => {
    const admin = await fresh('admin');
    await admin.post('/api/v1/instances').send({ definitionKey: LONG_FORM_WORKFLOW.key, businessKey, input: {} }).expect(201);
    const officer = await fresh(OFFICER);
    const tasks = (await officer.get(`/api/v1/tasks?bucket=claimable&definitionKey=${LONG_FORM_WORKFLOW.key}`).expect(200)).body.items as Array<{
      id: string;
      businessKey: string;
    }>;
    const task = tasks.find((x) => x.businessKey === businessKey)!;
    await officer.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    return task.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ auth: { accessTtlSeconds: TTL } });
    await t.app.listen(0, '127.0.0.1');
    server = t.app.getHttpServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const admin = await fresh('admin');
    const draft = await admin.post('/api/v1/definitions').send({ source: LONG_FORM_WORKFLOW }).expect(201);
    expect(draft.body.check.issues).toEqual([]);
    await admin.post(`/api/v1/definitions/${LONG_FORM_WORKFLOW.key}/versions/${draft.body.version}/publish`).expect(200);
    await t.as(OFFICER, [{ role: 'can-bo-soan-thao', unit: 'ubnd' }]);
    officerId = ((await (await fresh('admin')).get('/api/v1/users').expect(200)).body.items as Array<{ id: string; username: string }>).find(
      (u) => u.username === OFFICER,
    )!.id;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const TEXT = 'Căn cứ Luật Tổ chức chính quyền địa phương; xét đề nghị của Văn phòng HĐND và UBND phường An Phong, quyết định: …';

  it('a decision form stays open past several access tokens, renewed silently, and is sent; a new tab is signed in from the cookie; sign-out ends it', async () => {
    const taskId = await claimedTask('PHIEN-001');
    const { page, context, errors } = await newPage(browser, base);
    const refreshes: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/auth/refresh')) refreshes.push(r.status());
    });
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill(OFFICER);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('user-box').waitFor({ state: 'attached' });
    // Before sign-in this browser had no session (no hint cookie): the app did not ask for one.
    expect(refreshes).toEqual([]);
    refreshes.length = 0;
    await page.goto(`/tasks/${taskId}`);
    // A reload: the token kept in the tab goes on being renewed.
    await page.getByTestId('task-title').filter({ hasText: 'Soạn quyết định' }).waitFor();
    await page.getByLabel('Gửi dự thảo quyết định').check();
    await page.getByLabel('Nội dung quyết định').fill(TEXT);
    await page.getByLabel('Ý kiến, ghi chú kèm theo').fill('Đang soạn, chưa gửi');
    // Three access token lifetimes with the form open and nobody touching it.
    await sleep(3 * TTL * 1000);
    expect(refreshes.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('reauth-dialog').count()).toBe(0);
    expect(await page.getByLabel('Nội dung quyết định').inputValue()).toBe(TEXT);
    await screenshot(page, 'session-form-kept');
    await page.getByTestId('complete').click();
    await page.waitForURL('**/inbox');
    expect((await (await fresh('admin')).get(`/api/v1/tasks/${taskId}`).expect(200)).body.status).toBe('completed');

    // Another tab of the same browser: no token of its own, the cookie signs it in.
    const second = await context.newPage();
    await second.goto(`${base}/inbox`);
    await second.getByTestId('user-box').waitFor({ state: 'attached' });
    expect(await second.getByLabel('Tên đăng nhập').count()).toBe(0);
    await second.close();
    // Both tabs renewed from one cookie, one after the other: the session is still alive.
    await sleep(TTL * 1000);
    expect(refreshes.filter((s) => s !== 200)).toEqual([]);

    // Sign-out ends the session: a reload shows the sign-in page.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.reload();
    await page.getByLabel('Tên đăng nhập').waitFor();
    const left = (await (await fresh('admin')).get(`/api/v1/users/${officerId}/sessions`).expect(200)).body.items as Array<{ userAgent: string | null }>;
    expect(left.filter((x) => /Chrome/.test(x.userAgent ?? ''))).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e))).toEqual([]);
    await context.close();
  }, 120_000);

  it('a session that really ended asks to sign in again over the page, and the typed text is still there to send', async () => {
    const taskId = await claimedTask('PHIEN-002');
    const { page, context, errors } = await newPage(browser, base);
    await page.goto(`/tasks/${taskId}`);
    await page.getByLabel('Tên đăng nhập').fill(OFFICER);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('task-title').filter({ hasText: 'Soạn quyết định' }).waitFor();
    await page.getByLabel('Gửi dự thảo quyết định').check();
    await page.getByLabel('Nội dung quyết định').fill(TEXT);

    // An admin ends the officer's session (a lost laptop, say).
    const admin = await fresh('admin');
    const sessions = (await admin.get(`/api/v1/users/${officerId}/sessions`).expect(200)).body.items as Array<{ id: string }>;
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) await admin.delete(`/api/v1/users/${officerId}/sessions/${s.id}`).expect(204);

    // The next renewal finds out: the dialog asks over the page, which keeps what was typed.
    const dialog = page.getByTestId('reauth-dialog');
    await dialog.waitFor({ timeout: 4 * TTL * 1000 });
    await dialog.getByRole('heading', { name: 'Phiên đăng nhập đã kết thúc' }).waitFor();
    expect(await page.getByLabel('Nội dung quyết định').inputValue()).toBe(TEXT);
    await screenshot(page, 'session-ended-dialog');
    await dialog.getByLabel('Mật khẩu').fill('sai-mat-khau-9');
    await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
    await dialog.getByTestId('reauth-error').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu.' }).waitFor();
    await dialog.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: 'Đăng nhập' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Nội dung quyết định').inputValue()).toBe(TEXT);
    await page.getByTestId('complete').click();
    await page.waitForURL('**/inbox');
    expect((await (await fresh('admin')).get(`/api/v1/tasks/${taskId}`).expect(200)).body.status).toBe('completed');
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e))).toEqual([]);
    await context.close();
  }, 120_000);
});
