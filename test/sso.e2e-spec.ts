// Single sign-on through OpenID Connect, end to end against a real provider (oidc-provider on
// loopback): the code flow with PKCE, state and nonce through the API and in Chromium, each way a
// sign-in is refused (wrong state, expired and replayed codes, a nonce or issuer that does not
// match, unknown, disabled and unverified people), account matching by username and by e-mail,
// creation on first sign-in and group mapping, and local passwords switched off.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import type { SsoSettings, OidcSettings } from '#libs/config';
import { parseGroupMap } from '#libs/config';
import { IdentityService } from '#libs/identity';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/app.js';
import { axeViolations, launchBrowser, newPage, screenshot } from './support/browser.js';
import { startOidcProvider, type OidcTestProvider } from './support/oidc-provider.js';

const CALLBACK = '/api/v1/auth/oidc/callback';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A browser's cookies, enough for these flows: per host and port, paths ignored. */
class Jar {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(url: URL, res: Response): void {
    const cookies = this.byHost.get(url.host) ?? new Map<string, string>();
    this.byHost.set(url.host, cookies);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const gone = attributes.some((a) => /^\s*expires=.*1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (gone || pair.slice(eq + 1) === '') cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1));
    }
  }

  get(url: URL, name: string): string | undefined {
    return this.byHost.get(url.host)?.get(name);
  }

  set(url: URL, name: string, value: string): void {
    const cookies = this.byHost.get(url.host) ?? new Map<string, string>();
    this.byHost.set(url.host, cookies);
    cookies.set(name, value);
  }

  header(url: URL): string {
    return [...(this.byHost.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function get(jar: Jar, url: URL, init: { method?: string } = {}): Promise<Response> {
  const res = await fetch(url, { method: init.method ?? 'GET', redirect: 'manual', headers: { cookie: jar.header(url) } });
  jar.store(url, res);
  return res;
}

describe('single sign-on through OpenID Connect', () => {
  let idp: OidcTestProvider;
  let t: TestApp;
  let base: string;
  let sso: SsoSettings & { oidc: OidcSettings };
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({ redirectUris: [`${base}${CALLBACK}`] });
    idp.accounts.set('kc-1', {
      preferred_username: 'can-bo-mot-cua',
      name: 'Nguyễn Thị Một Cửa',
      email: 'mot.cua@anphong.gov.vn',
      email_verified: true,
      groups: ['/phuong/tiep-dan'],
    });
    idp.accounts.set('kc-2', { preferred_username: 'nguoi-la', name: 'Người Lạ', email: 'nguoi.la@haiphong.gov.vn', email_verified: true });
    idp.accounts.set('kc-3', { preferred_username: 'da-nghi', name: 'Đã Nghỉ', email: 'da.nghi@anphong.gov.vn', email_verified: true });
    idp.accounts.set('kc-4', { preferred_username: 'ten-khac', name: 'Tên Khác', email: 'mot.cua@anphong.gov.vn', email_verified: false });
    idp.accounts.set('kc-5', {
      preferred_username: 'can-bo-moi',
      name: 'Trần Văn Mới',
      email: 'can.bo.moi@anphong.gov.vn',
      email_verified: true,
      groups: ['/phuong/tiep-dan', '/khac'],
    });
    sso = {
      localPasswords: true,
      oidc: {
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        redirectUri: `${base}${CALLBACK}`,
        scopes: 'openid profile email',
        matchClaim: 'preferred_username',
        createUsers: false,
        groupsClaim: null,
        groupMap: null,
        displayName: 'Cổng định danh Hải Phòng',
      },
    };
    t = await startTestApp({ sso, workflowsDir: 'test/fixtures/workflows' });
    await t.app.listen(port, '127.0.0.1');
    const identity = t.app.get(IdentityService);
    await identity.createUser({
      username: 'can-bo-mot-cua',
      displayName: 'Một Cửa',
      email: 'mot.cua@anphong.gov.vn',
      password: TEST_PASSWORD,
      memberships: [{ role: 'chuyen-vien', unit: 'phuong-an-phong' }],
    });
    const gone = await identity.createUser({ username: 'da-nghi', displayName: 'Đã Nghỉ', memberships: [] });
    await identity.updateUser(gone.id, { active: false });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  /** From the start route through the provider (signed in as `who`) to the provider's redirect back: the callback URL, not yet opened. */
  async function toCallback(jar: Jar, who: string, start = '/api/v1/auth/oidc/start'): Promise<URL> {
    idp.signInAs = who;
    let url = new URL(start, base);
    for (let hop = 0; hop < 12; hop++) {
      const res = await get(jar, url);
      const location = res.headers.get('location');
      if (res.status !== 302 && res.status !== 303) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      url = new URL(location!, url);
      if (url.pathname === CALLBACK) return url;
    }
    throw new Error('too many redirects');
  }

  /** Opens the callback: where the browser is sent next. */
  async function land(jar: Jar, callback: URL): Promise<string> {
    const res = await get(jar, callback);
    expect(res.status).toBe(302);
    return res.headers.get('location')!;
  }

  /** The session the refresh cookie holds, as /me sees it. */
  async function whoIsSignedIn(jar: Jar): Promise<string | null> {
    const res = await get(jar, new URL('/api/v1/auth/refresh', base), { method: 'POST' });
    if (res.status !== 200) return null;
    const { accessToken } = (await res.json()) as { accessToken: string };
    const me = await fetch(new URL('/api/v1/me', base), { headers: { authorization: `Bearer ${accessToken}` } });
    return ((await me.json()) as { username: string }).username;
  }

  async function refusals(): Promise<Array<{ subjectId: string; data: { reason: string } }>> {
    const res = await t.http.get('/api/v1/audit/log').query({ action: 'auth.sso_refused', limit: 100 });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  it('tells the sign-in page what it offers, with and without single sign-on', async () => {
    const on = await t.anon.get('/api/v1/auth/methods');
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ password: true, sso: { displayName: 'Cổng định danh Hải Phòng', startUrl: '/api/v1/auth/oidc/start' } });
    const oidc = sso.oidc;
    try {
      (sso as SsoSettings).oidc = null;
      const off = await t.anon.get('/api/v1/auth/methods');
      expect(off.body).toEqual({ password: true, sso: null });
      const start = await t.anon.get('/api/v1/auth/oidc/start');
      expect(start.status).toBe(403);
      expect(start.body.details.reason).toBe('sso_off');
      expect((await t.anon.get(CALLBACK).query({ code: 'x', state: 'y' })).status).toBe(403);
    } finally {
      sso.oidc = oidc;
    }
  });

  it('redirects to the provider with state, nonce and PKCE S256, and refuses a return path off the site', async () => {
    const res = await t.anon.get('/api/v1/auth/oidc/start').query({ returnTo: '/cases?tab=mine' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.location);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(to.searchParams.get('redirect_uri')).toBe(`${base}${CALLBACK}`);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/phoihop_oidc=[A-Za-z0-9_-]+/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
    // Neither the verifier nor the nonce can be read from the cookie: it is encrypted.
    expect(cookie).not.toContain(to.searchParams.get('nonce'));
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const bad = await t.anon.get('/api/v1/auth/oidc/start').query({ returnTo });
      expect(bad.status).toBe(400);
      expect(bad.body.details.problems[0].field).toBe('returnTo');
    }
  });

  it('signs in a known user through the provider and opens a session, back on the page they started from', async () => {
    const jar = new Jar();
    const callback = await toCallback(jar, 'kc-1', '/api/v1/auth/oidc/start?returnTo=%2Fcases');
    expect(await land(jar, callback)).toBe('/cases');
    expect(jar.get(new URL(base), 'phoihop_oidc')).toBeUndefined();
    expect(await whoIsSignedIn(jar)).toBe('can-bo-mot-cua');
    const log = await t.http.get('/api/v1/audit/log').query({ action: 'auth.session_started', subject: 'can-bo-mot-cua' });
    expect(log.body.items.some((e: { data: { method: string } }) => e.data.method === 'oidc')).toBe(true);
  });

  it('refuses an answer whose state is not this browser’s, or with no sign-in started', async () => {
    const jar = new Jar();
    const callback = await toCallback(jar, 'kc-1');
    callback.searchParams.set('state', 'trang-thai-gia-mao-khong-khop-0000');
    expect(await land(jar, callback)).toBe('/?sso_error=state');
    expect(await whoIsSignedIn(jar)).toBeNull();
    // Another browser (no pending sign-in cookie) with a genuine answer.
    const other = new Jar();
    const genuine = await toCallback(other, 'kc-1');
    expect(await land(new Jar(), genuine)).toBe('/?sso_error=state');
  });

  it('refuses an expired code and a replayed one', async () => {
    idp.codeTtlSeconds = 1;
    try {
      const jar = new Jar();
      const callback = await toCallback(jar, 'kc-1');
      await new Promise((r) => setTimeout(r, 2500));
      expect(await land(jar, callback)).toBe('/?sso_error=code');
      expect(await whoIsSignedIn(jar)).toBeNull();
    } finally {
      idp.codeTtlSeconds = 60;
    }
    const jar = new Jar();
    const callback = await toCallback(jar, 'kc-1');
    const pending = jar.get(new URL(base), 'phoihop_oidc')!;
    expect(await land(jar, callback)).toBe('/');
    // The same answer again, cookie and all (a copied URL and cookie): the provider refuses the spent code.
    const thief = new Jar();
    thief.set(new URL(base), 'phoihop_oidc', pending);
    expect(await land(thief, callback)).toBe('/?sso_error=code');
    expect(await whoIsSignedIn(thief)).toBeNull();
  });

  it('refuses an ID token whose nonce is not the one sent, and an answer from another issuer', async () => {
    idp.tamperNonce = true;
    try {
      const jar = new Jar();
      expect(await land(jar, await toCallback(jar, 'kc-1'))).toBe('/?sso_error=token');
      expect(await whoIsSignedIn(jar)).toBeNull();
    } finally {
      idp.tamperNonce = false;
    }
    const jar = new Jar();
    const callback = await toCallback(jar, 'kc-1');
    callback.searchParams.set('iss', 'http://127.0.0.1:1/realms/gia-mao');
    expect(await land(jar, callback)).toBe('/?sso_error=token');
    expect(await whoIsSignedIn(jar)).toBeNull();
  });

  it('sends people back to the sign-in page when the provider cannot be reached', async () => {
    const issuer = sso.oidc.issuer;
    try {
      sso.oidc.issuer = 'http://127.0.0.1:1';
      const res = await t.anon.get('/api/v1/auth/oidc/start');
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/?sso_error=unavailable');
    } finally {
      sso.oidc.issuer = issuer;
    }
    expect((await refusals()).some((e) => e.data.reason === 'unavailable')).toBe(true);
  });

  it('refuses an error answer from the provider (the person cancelled there)', async () => {
    const jar = new Jar();
    const callback = await toCallback(jar, 'kc-1');
    callback.searchParams.delete('code');
    callback.searchParams.set('error', 'access_denied');
    expect(await land(jar, callback)).toBe('/?sso_error=denied');
    expect(await whoIsSignedIn(jar)).toBeNull();
  });

  it('refuses people without an account here (audited), and disabled accounts', async () => {
    const jar = new Jar();
    expect(await land(jar, await toCallback(jar, 'kc-2'))).toBe('/?sso_error=unknown_user');
    expect(await whoIsSignedIn(jar)).toBeNull();
    expect(await t.app.get(IdentityService).findByUsername('nguoi-la')).toBeUndefined();
    const disabled = new Jar();
    expect(await land(disabled, await toCallback(disabled, 'kc-3'))).toBe('/?sso_error=disabled');
    const log = await refusals();
    expect(log.find((e) => e.subjectId === 'nguoi-la')?.data.reason).toBe('unknown_user');
    expect(log.find((e) => e.subjectId === 'da-nghi')?.data.reason).toBe('disabled');
  });

  it('matches by verified e-mail only, creates accounts when allowed, and maps groups to memberships when configured', async () => {
    const saved = { ...sso.oidc };
    try {
      Object.assign(sso.oidc, { matchClaim: 'email' });
      const unverified = new Jar();
      expect(await land(unverified, await toCallback(unverified, 'kc-4'))).toBe('/?sso_error=email_unverified');
      const jar = new Jar();
      expect(await land(jar, await toCallback(jar, 'kc-1'))).toBe('/');
      expect(await whoIsSignedIn(jar)).toBe('can-bo-mot-cua');

      Object.assign(sso.oidc, {
        createUsers: true,
        groupsClaim: 'groups',
        groupMap: parseGroupMap('/phuong/tiep-dan=can-bo-tiep-dan@phuong-an-phong,/phuong/tiep-dan=chuyen-vien@ubnd'),
      });
      const fresh = new Jar();
      expect(await land(fresh, await toCallback(fresh, 'kc-5'))).toBe('/');
      expect(await whoIsSignedIn(fresh)).toBe('can-bo-moi');
      const created = (await t.app.get(IdentityService).findByUsername('can-bo-moi'))!;
      expect(created).toMatchObject({ displayName: 'Trần Văn Mới', email: 'can.bo.moi@anphong.gov.vn', passwordHash: null });
      expect(created.memberships).toEqual([
        { role: 'can-bo-tiep-dan', unit: 'phuong-an-phong' },
        { role: 'chuyen-vien', unit: 'ubnd' },
      ]);
      // A map naming a unit that does not exist is the configuration's fault: refused and explained, not a 500.
      Object.assign(sso.oidc, { groupMap: parseGroupMap('/phuong/tiep-dan=chuyen-vien@khong-co-don-vi-nay') });
      const misconfigured = new Jar();
      expect(await land(misconfigured, await toCallback(misconfigured, 'kc-1'))).toBe('/?sso_error=mapping');
      Object.assign(sso.oidc, { groupMap: parseGroupMap('/phuong/tiep-dan=can-bo-tiep-dan@phuong-an-phong,/phuong/tiep-dan=chuyen-vien@ubnd') });
      // The existing user's memberships become the claim's.
      const again = new Jar();
      expect(await land(again, await toCallback(again, 'kc-1'))).toBe('/');
      expect((await t.app.get(IdentityService).findByUsername('can-bo-mot-cua'))!.memberships).toEqual([
        { role: 'can-bo-tiep-dan', unit: 'phuong-an-phong' },
        { role: 'chuyen-vien', unit: 'ubnd' },
      ]);
    } finally {
      Object.assign(sso.oidc, saved);
    }
  });

  it('in Chromium: the button signs in through the provider and lands signed in; a refusal is explained on the sign-in page', async () => {
    const { context, page, errors } = await newPage(browser, base);
    try {
      idp.signInAs = 'kc-1';
      await page.goto('/');
      const button = page.getByRole('link', { name: /Cổng định danh Hải Phòng/ });
      await button.waitFor();
      await screenshot(page, 'sso-login');
      expect(await axeViolations(page)).toEqual([]);
      await button.click();
      const box = page.getByTestId('user-box');
      await box.waitFor({ state: 'attached', timeout: 15_000 });
      expect(await box.textContent()).toContain('(can-bo-mot-cua)');
      expect(new URL(page.url()).origin).toBe(base);
      await screenshot(page, 'sso-signed-in');
    } finally {
      await context.close();
    }
    const refused = await newPage(browser, base);
    try {
      idp.signInAs = 'kc-2';
      await refused.page.goto('/');
      await refused.page.getByRole('link', { name: /Cổng định danh Hải Phòng/ }).click();
      const alert = refused.page.getByTestId('sso-error');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/chưa có tài khoản trong hệ thống này/);
      expect(refused.page.url()).not.toContain('sso_error');
      await screenshot(refused.page, 'sso-refused');
    } finally {
      await refused.context.close();
    }
    // The app's one refresh on load answers 401 to a browser with no session yet: not an error of the page.
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 60_000);

  it('in Chromium: a session that ended is signed in again through the provider in a new tab, and the page carries on', async () => {
    const { context, page, errors } = await newPage(browser, base);
    try {
      idp.signInAs = 'kc-1';
      await page.goto('/');
      await page.getByRole('link', { name: /Cổng định danh Hải Phòng/ }).click();
      await page.getByTestId('user-box').waitFor({ state: 'attached', timeout: 15_000 });
      // An admin ends the person's sessions; the page's next request finds out.
      const users = (await t.http.get('/api/v1/users').expect(200)).body.items as Array<{ id: string; username: string }>;
      const id = users.find((u) => u.username === 'can-bo-mot-cua')!.id;
      for (const s of (await t.http.get(`/api/v1/users/${id}/sessions`).expect(200)).body.items as Array<{ id: string }>) {
        await t.http.delete(`/api/v1/users/${id}/sessions/${s.id}`).expect(204);
      }
      const dialog = page.getByTestId('reauth-dialog');
      await page.getByRole('link', { name: 'Hồ sơ', exact: true }).first().click();
      await dialog.waitFor({ timeout: 15_000 });
      await screenshot(page, 'sso-session-ended-dialog');
      expect(await axeViolations(page)).toEqual([]);
      // Carrying on before signing in anywhere says so, and keeps the dialog.
      await dialog.getByTestId('reauth-resume').click();
      await dialog.getByTestId('reauth-error').filter({ hasText: 'Chưa có phiên đăng nhập mới' }).waitFor();
      const [portal] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('link', { name: 'Mở cổng định danh trong thẻ mới' }).click()]);
      await portal.getByTestId('user-box').waitFor({ state: 'attached', timeout: 15_000 });
      await portal.close();
      await dialog.getByTestId('reauth-resume').click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.getByTestId('user-box').textContent()).toContain('(can-bo-mot-cua)');
    } finally {
      await context.close();
    }
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 90_000);

  it('with local passwords off, refuses password sign-in and the page shows only the provider', async () => {
    sso.localPasswords = false;
    try {
      const res = await t.anon.post('/api/v1/auth/login').send({ username: 'can-bo-mot-cua', password: TEST_PASSWORD });
      expect(res.status).toBe(403);
      expect(res.body.details.reason).toBe('local_passwords_off');
      expect((await t.anon.get('/api/v1/auth/methods')).body.password).toBe(false);
      const { context, page } = await newPage(browser, base);
      try {
        await page.goto('/');
        await page.getByRole('link', { name: /Cổng định danh Hải Phòng/ }).waitFor();
        expect(await page.locator('#login-password').count()).toBe(0);
        await screenshot(page, 'sso-only');
      } finally {
        await context.close();
      }
    } finally {
      sso.localPasswords = true;
    }
    expect((await t.anon.post('/api/v1/auth/login').send({ username: 'can-bo-mot-cua', password: TEST_PASSWORD })).status).toBe(200);
  }, 60_000);
});
