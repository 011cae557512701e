import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser.js';
import { freePort, startNode, waitForHttp, type RunningProcess } from './support/process.js';

// Built by the test run's global setup (or by hand, with PHOIHOP_SKIP_BUILD=1).
const CLI = 'dist/apps/cli/src/main.js';
const MAIN = 'dist/apps/api/src/main.js';
const PASSWORD = 'Du-lieu-mau-An-Phong-2026';

interface Case {
  id: string;
  definition: { key: string };
  businessKey: string | null;
  status: 'active' | 'done';
  activeStates: Array<{ path: string }>;
  parent: { id: string } | null;
}

/**
 * `phoihop demo` on a fresh embedded data directory: a believable ward year told through the
 * runtime (cases in many states of every shipped workflow, some overdue, work in every demo
 * account's inbox), marked as demo data, idempotent, refused where real cases exist, and visible in
 * the web app's inbox, case page, audit search and dashboard.
 */
describe('phoihop demo: the demo ward year', () => {
  const dirs: string[] = [];
  const servers: RunningProcess[] = [];
  let browser: Browser | undefined;

  const environment = async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'phoihop-demo-'));
    await chmod(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
    dirs.push(dataDir);
    return { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), WORKFLOWS_DIR: 'workflows', DEMO_PASSWORD: PASSWORD };
  };

  const cli = async (env: Record<string, string>, args: string[]) => {
    const p = startNode(CLI, env, args);
    const { code } = await p.exited;
    return { code, output: p.output() };
  };

  const boot = async (env: Record<string, string>) => {
    const port = await freePort();
    // Every demo account signs in within a minute: no per-address sign-in limit here.
    const server = startNode(MAIN, { ...env, PORT: String(port), LOG_LEVEL: 'log', RATE_LIMIT_LOGIN_PER_MINUTE: '0' });
    servers.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/health`, server, 240_000);
    return { server, base };
  };

  const stop = async (server: RunningProcess) => {
    server.child.kill('SIGTERM');
    await server.exited;
  };

  const login = async (base: string, username: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    expect(res.status).toBe(200);
    return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
  };

  const getJson = async <T>(base: string, path: string, headers: Record<string, string>): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) await stop(s);
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  let demoEnv: Record<string, string>;
  beforeAll(async () => {
    demoEnv = await environment();
  });

  it('fills an empty embedded database, and the audit ledger still verifies', async () => {
    const run = await cli(demoEnv, ['demo']);
    expect(run.code).toBe(0);
    expect(run.output).toContain('Demo data seeded (NOT real cases)');
    expect(run.output).toContain('business keys start with DEMO-');
    expect(run.output).toContain('"demo.seeded"');
    const verified = await cli(demoEnv, ['audit', 'verify']);
    expect(verified.code).toBe(0);
  }, 900_000);

  it('leaves a database already seeded as it is (exit 0, nothing added)', async () => {
    const again = await cli(demoEnv, ['demo']);
    expect(again.code).toBe(0);
    expect(again.output).toContain('This database already holds the demo data');
    expect(again.output).toContain('Cơ sở dữ liệu này đã có dữ liệu mẫu');
  }, 300_000);

  describe('on the running server', () => {
    let base: string;
    let admin: Record<string, string>;
    let cases: Case[];

    beforeAll(async () => {
      // The boot switch on: a demo database is left as it is.
      const started = await boot({ ...demoEnv, PHOIHOP_DEMO: '1' });
      base = started.base;
      await new Promise((r) => setTimeout(r, 500));
      expect(started.server.output()).toContain('already holds the demo data');
      admin = await login(base, 'admin');
      cases = [];
      let cursor: string | null = null;
      do {
        const page: { items: Case[]; nextCursor: string | null } = await getJson(base, `/api/v1/instances?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin);
        cases.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
    }, 300_000);

    it('holds cases of every shipped workflow, in several states, some overdue, all marked DEMO-', async () => {
      const roots = cases.filter((c) => !c.parent);
      expect(roots.every((c) => c.businessKey?.startsWith('DEMO-'))).toBe(true);
      const byWorkflow = new Map<string, Case[]>();
      for (const c of cases) byWorkflow.set(c.definition.key, [...(byWorkflow.get(c.definition.key) ?? []), c]);
      const shipped = ['annual-plan', 'annual-review-conference', 'citizen-reception', 'complaint', 'dan-van-kheo-campaign', 'dan-van-kheo-nomination', 'denunciation', 'example-document-approval', 'friendly-office-accreditation', 'hall-booking', 'information-exchange', 'petition', 'proposal-appraisal', 'resolution-implementation', 'social-supervision'];
      for (const key of shipped) expect([key, (byWorkflow.get(key) ?? []).length > 0]).toEqual([key, true]);
      expect(byWorkflow.get('complaint')!.length).toBeGreaterThanOrEqual(10);
      expect(byWorkflow.get('denunciation')!.length).toBeGreaterThanOrEqual(7);
      expect(byWorkflow.get('petition')!.length).toBeGreaterThanOrEqual(8);
      expect(byWorkflow.get('citizen-reception')!.length).toBeGreaterThanOrEqual(6);
      const states = (key: string) => new Set(byWorkflow.get(key)!.map((c) => `${c.status}:${c.activeStates.map((s) => s.path).join('+')}`));
      for (const key of ['complaint', 'denunciation', 'petition', 'citizen-reception', 'proposal-appraisal', 'hall-booking']) expect([key, states(key).size >= 3]).toEqual([key, true]);
      expect(cases.some((c) => c.status === 'done')).toBe(true);
      const overdue = await getJson<{ items: Case[] }>(base, '/api/v1/instances?overdue=true&limit=100', admin);
      expect(overdue.items.length).toBeGreaterThanOrEqual(5);
      expect(overdue.items.length).toBeLessThan(cases.length);
    });

    it('gives every demo account that a task can go to work in its inbox', async () => {
      const credentials = await readFile(join(demoEnv.DATA_DIR, 'demo-credentials.txt'), 'utf8');
      // A role that only sends events (no task of any workflow names it) has nothing to find in an inbox.
      const taskRoles = new Set<string>();
      const visit = (node: any): void => {
        if (Array.isArray(node?.meta?.task?.roles)) node.meta.task.roles.forEach((r: string) => taskRoles.add(r));
        Object.values(node?.states ?? {}).forEach(visit);
      };
      for (const file of (await readdir('workflows')).filter((f) => f.endsWith('.json'))) visit(JSON.parse(await readFile(join('workflows', file), 'utf8')).machine);
      const users = [...credentials.matchAll(/^user: (.+)$/gm)].map((m) => m[1]).filter((u) => taskRoles.has(u));
      expect(users.length).toBeGreaterThanOrEqual(10);
      const empty: string[] = [];
      for (const user of users) {
        const inbox = await getJson<{ items: unknown[] }>(base, '/api/v1/tasks', await login(base, user));
        if (inbox.items.length === 0) empty.push(user);
      }
      expect(empty).toEqual([]);
    }, 120_000);

    it('is marked in the audit log, and the history and ledger verify', async () => {
      const log = await getJson<{ items: Array<{ action: string; actor: { id: string } }> }>(base, '/api/v1/audit/log?action=demo.seeded', admin);
      expect(log.items).toHaveLength(1);
      const sealed = await fetch(`${base}/api/v1/audit/seal`, { method: 'POST', headers: admin });
      expect(sealed.status).toBe(200);
      expect(await getJson<{ ok: boolean }>(base, '/api/v1/audit/verify', admin)).toMatchObject({ ok: true });
      const longest = cases.find((c) => c.status === 'done' && c.definition.key === 'complaint') ?? cases[0];
      expect(await getJson<{ ok: boolean }>(base, `/api/v1/instances/${longest.id}/history/verify`, admin)).toMatchObject({ ok: true });
    }, 120_000);

    it('shows in the web app: the inbox, a case page, the audit search and the dashboard', async () => {
      browser = await launchBrowser();
      const signIn = async (username: string) => {
        const { page } = await newPage(browser!, base);
        await page.goto('/');
        await page.getByLabel('Tên đăng nhập').fill(username);
        await page.getByLabel('Mật khẩu').fill(PASSWORD);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await page.getByTestId('user-box').waitFor({ state: 'attached' });
        return page;
      };

      const chairman = await signIn('chu-tich');
      await chairman.goto('/inbox');
      await chairman.getByTestId('inbox-table').locator('tbody tr', { hasText: 'DEMO-' }).first().waitFor();
      expect(await chairman.locator('[data-testid="inbox-table"] tr.row-overdue').count()).toBeGreaterThan(0);
      await screenshot(chairman, 'demo-inbox');

      const complaint = cases.find((c) => c.definition.key === 'complaint' && !c.parent && c.status === 'active')!;
      await chairman.goto(`/cases/${complaint.id}`);
      await chairman.getByTestId('case-title').filter({ hasText: complaint.businessKey! }).waitFor();
      await chairman.getByTestId('timeline').locator('.timeline-item').first().waitFor();
      await screenshot(chairman, 'demo-case');

      const auditor = await signIn('auditor');
      await auditor.goto('/audit');
      const results = auditor.getByTestId('audit-results');
      await results.locator('tbody tr', { hasText: 'DEMO-' }).first().waitFor();
      await screenshot(auditor, 'demo-audit');
      await results.getByRole('link', { name: /^DEMO-/ }).first().click();
      await auditor.getByTestId('case-title').filter({ hasText: 'DEMO-' }).waitFor();

      const administrator = await signIn('admin');
      await administrator.goto('/dashboard');
      await administrator.locator('.bar-row[data-key="complaint"]').first().waitFor();
      await screenshot(administrator, 'demo-dashboard');
    }, 180_000);
  });

  it('is refused on a database that holds a real case, by the command and by the boot switch', async () => {
    const env = await environment();
    let { server, base } = await boot(env);
    const officer = await login(base, 'chuyen-vien');
    const created = await fetch(`${base}/api/v1/instances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...officer },
      body: JSON.stringify({ definitionKey: 'example-document-approval', businessKey: 'VB-2026-001', input: { trichYeu: 'Kế hoạch tuyên truyền năm 2026' } }),
    });
    expect(created.status).toBe(201);
    await stop(server);

    const refused = await cli(env, ['demo']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Từ chối nạp dữ liệu mẫu: cơ sở dữ liệu đã có 1 hồ sơ thật');
    expect(refused.output).toContain('Demo data refused: the database already holds 1 real (non-demo) case(s)');

    ({ server, base } = await boot({ ...env, PHOIHOP_DEMO: '1' }));
    expect(server.output()).toContain('Demo data refused');
    const list = await getJson<{ items: Case[] }>(base, '/api/v1/instances', await login(base, 'admin'));
    expect(list.items.map((c) => c.businessKey)).toEqual(['VB-2026-001']);
    await stop(server);
  }, 600_000);
});
