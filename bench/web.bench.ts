import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { SeedService } from '#libs/identity';
import { createApp } from '../apps/api/src/create-app.js';
import { benchDatabase, flag, machine } from './support.js';

/**
 * npm run bench:web — the web app's weight, page by page, as Chromium loads it from the real api
 * (on loopback, a fresh database with the shipped workflows, a cold cache for every load): the
 * JS/CSS transferred (compressed, as the browser received it) and uncompressed, the requests (JS/CSS
 * and API, the definitions' among them), whether the diagram library was fetched, and the time to
 * the page's main content (from navigation start to the moment its main elements are in the DOM),
 * on loopback and on a throttled link (Chromium's network emulation).
 *
 * Flags: --runs N (default 5; the median time is shown), --web DIR (default dist/web: the build to
 * serve), --compare DIR (another build, e.g. an older one for a before/after table: served by a
 * second server of this tree on the same database, each page's runs alternating between the two, so
 * that both see the same load on the machine), --kbps N and --rtt MS (the throttled link,
 * default 1600 kbit/s and 150 ms, Chrome's "Slow 4G"), --files (every response of every page).
 * The diagram library's files are told apart with the build's manifest: what mermaid's import
 * reaches that neither the entry nor any page chunk imports.
 */
const RUNS = flag('runs', 5);
const KBPS = flag('kbps', 1600);
const RTT = flag('rtt', 150);
const webArg = process.argv.indexOf('--web');
const WEB = resolve(webArg > 0 ? process.argv[webArg + 1] : 'dist/web');
const PASSWORD = 'Do-Trong-Luong-Web-2026';

interface Sized {
  url: string;
  kind: 'js' | 'css' | 'api' | 'other';
  transferred: number;
  decoded: number;
  diagram: boolean;
}

interface PageSpec {
  name: string;
  path: string;
  user?: string;
  /** Default: a desktop screen, 1280 × 860. */
  viewport?: { width: number; height: number };
  /** Then, once the page is quiet, scroll to the diagram: the time from the scroll to the drawn diagram is measured too. */
  diagram?: boolean;
  /** Every one of these present: the page's main content is there. */
  main: string[];
}

/** The files of the diagram library: what the mermaid import reaches, minus what the app loads anyway (from Vite's manifest when the build has one). */
function diagramFiles(dir: string): Set<string> {
  const path = join(dir, '.vite', 'manifest.json');
  if (!existsSync(path)) return new Set();
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }
  >;
  const closure = (starts: string[], dynamic: boolean) => {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length) {
      const key = stack.pop()!;
      if (seen.has(key) || !manifest[key]) continue;
      seen.add(key);
      stack.push(...(manifest[key].imports ?? []), ...(dynamic ? (manifest[key].dynamicImports ?? []) : []));
    }
    return new Set([...seen].map((k) => manifest[k].file));
  };
  // The app: every chunk its entry and its own pages (lazily loaded) import, the shared ones among them.
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry || (manifest[k].isDynamicEntry && !k.includes('node_modules/')));
  const app = closure(entries, false);
  const mermaid = closure(
    Object.keys(manifest).filter((k) => /node_modules\/mermaid\/dist\/mermaid[^/]*\.mjs$/.test(k)),
    true,
  );
  return new Set([...mermaid].filter((f) => !app.has(f)));
}

const kindOf = (url: URL): Sized['kind'] =>
  url.pathname.startsWith('/api/') ? 'api' : url.pathname.endsWith('.js') ? 'js' : url.pathname.endsWith('.css') ? 'css' : 'other';

/** Loads `spec` in a fresh context; resolves with the time to main content, and (when `measure`) every response's sizes once the network is quiet. */
async function load(
  browser: Browser,
  base: string,
  token: string | undefined,
  spec: PageSpec,
  opts: { throttle: boolean; measure: boolean; diagram: Set<string> },
): Promise<{ mainMs: number; diagramMs?: number; sized: Sized[] }> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: spec.viewport ?? { width: 1280, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(60_000);
  if (token) await context.addInitScript((t) => (globalThis as any).sessionStorage.setItem('phoihop.token', t), token);
  const page: Page = await context.newPage();
  if (opts.throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: RTT,
      downloadThroughput: (KBPS * 1000) / 8,
      uploadThroughput: (KBPS * 1000) / 8,
    });
  }
  const finished: Request[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  page.on('request', (r) => {
    if (r.resourceType() === 'eventsource') return; // the live stream stays open
    inFlight++;
    lastActivity = performance.now();
  });
  const done = (r: Request) => {
    if (r.resourceType() === 'eventsource') return;
    inFlight--;
    lastActivity = performance.now();
    finished.push(r);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(spec.path, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (selectors: string[]) => selectors.every((s) => (globalThis as any).document.querySelector(s)) && performance.now(),
    spec.main,
    { polling: 'raf', timeout: 60_000 },
  );
  const mainMs = (await handle.jsonValue()) as number;
  // Quiet: nothing in flight for 1.5 s (a diagram in view is drawn after the case's data arrives).
  const quiet = async () => {
    while (inFlight > 0 || performance.now() - lastActivity < 1500) await new Promise((r) => setTimeout(r, 100));
  };
  let diagramMs: number | undefined;
  if (spec.diagram) {
    await quiet();
    const scrolledAt = (await page.evaluate(() => performance.now())) as number;
    await page.getByTestId('diagram').first().scrollIntoViewIfNeeded();
    const drawn = await page.waitForFunction(() => (globalThis as any).document.querySelector('.diagram-svg svg') && performance.now(), undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    diagramMs = ((await drawn.jsonValue()) as number) - scrolledAt;
  }
  const sized: Sized[] = [];
  if (opts.measure) {
    await quiet();
    for (const r of finished) {
      const response = await r.response();
      if (!response) continue;
      const url = new URL(r.url());
      const sizes = await r.sizes();
      const body = await response.body().catch(() => Buffer.alloc(0));
      sized.push({
        url: url.pathname,
        kind: kindOf(url),
        transferred: sizes.responseBodySize,
        decoded: body.length,
        diagram: opts.diagram.has(url.pathname.slice(1)),
      });
    }
  }
  if (errors.length) throw new Error(`${spec.name}: the page threw: ${errors.join('; ')}`);
  await context.close();
  return { mainMs, diagramMs, sized };
}

const kb = (n: number) => (n / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The median time to main content, and to the drawn diagram after the scroll when there is one. */
const time = (main: number[], drawn: number[]) =>
  `${median(main).toFixed(0)} ms${drawn.length ? ` (diagram drawn ${median(drawn).toFixed(0)} ms after the scroll)` : ''}`;

/** A server of one web build (the API is the same: both run this tree's code on the same database). */
interface Served {
  label: string;
  dir: string;
  base: string;
  diagram: Set<string>;
  app: Awaited<ReturnType<typeof createApp>>;
}

async function serve(label: string, webDir: string, databaseUrl: string, jwtSecret: string): Promise<Served> {
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`no web build in ${webDir}: run npm run build first`);
  const app = await createApp({
    auth: { jwtSecret, accessTtlSeconds: 3600, maxFailures: 5, lockoutWindowMs: 60_000 },
    databaseUrl,
    poolSize: 10,
    runMigrations: true,
    workflowsDir: 'workflows',
    logLevel: 'error',
    webDir,
  });
  await app.listen(0, '127.0.0.1');
  return { label, dir: webDir, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, diagram: diagramFiles(webDir), app };
}

async function main() {
  const compareArg = process.argv.indexOf('--compare');
  const compare = compareArg > 0 ? resolve(process.argv[compareArg + 1]) : undefined;
  console.log(`bench:web on ${machine()}, ${new Date().toISOString().slice(0, 10)}`);
  const db = await benchDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-web-bench-'));
  const jwtSecret = randomBytes(32).toString('hex');
  const servers: Served[] = [];
  let browser: Browser | undefined;
  try {
    // With --compare, the other build first ("before"), each page's runs alternating between the two.
    if (compare) servers.push(await serve(`--compare ${compare}`, compare, db.url, jwtSecret));
    servers.push(await serve(WEB, WEB, db.url, jwtSecret));
    const base = servers[0].base;
    const seed = servers[0].app.get(SeedService);
    const ward = JSON.parse(readFileSync('workflows/seed/ward.json', 'utf8'));
    await seed.seedUnits(ward);
    await seed.seedDemoUsers(ward, { password: PASSWORD, credentialsFile: join(dir, 'credentials.txt') });

    const call = async (path: string, token: string | undefined, body?: unknown) => {
      const res = await fetch(`${base}/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    };
    const signIn = async (username: string) => (await call('/auth/login', undefined, { username, password: PASSWORD })).accessToken as string;
    const tokens: Record<string, string> = { 'chuyen-vien': await signIn('chuyen-vien'), admin: await signIn('admin') };
    const definitions = (await call('/definitions', tokens.admin)).items.length;
    // A case of the shipped example, its drafting task claimed by the officer.
    const instance = await call('/instances', tokens['chuyen-vien'], {
      definitionKey: 'example-document-approval',
      businessKey: 'VB-2026-001',
      input: { trichYeu: 'Kế hoạch tuyên truyền năm 2026' },
    });
    const [task] = (await call('/tasks?bucket=claimable', tokens['chuyen-vien'])).items;
    await call(`/tasks/${task.id}/claim`, tokens['chuyen-vien'], {});

    const pages: PageSpec[] = [
      { name: 'sign-in', path: '/inbox', main: ['main h1', '#main input[type=password]'] },
      { name: 'inbox', path: '/inbox', user: 'chuyen-vien', main: ['[data-testid="inbox-table"] tbody tr', '[data-testid="user-box"]'] },
      {
        name: 'case',
        path: `/cases/${instance.id}`,
        user: 'chuyen-vien',
        main: ['[data-testid="case-title"]', '[data-testid="case-state"]', '[data-testid="timeline"] .timeline-item'],
      },
      {
        name: 'case, then its diagram scrolled to',
        path: `/cases/${instance.id}`,
        user: 'chuyen-vien',
        diagram: true,
        main: ['[data-testid="case-title"]', '[data-testid="case-state"]', '[data-testid="timeline"] .timeline-item'],
      },
      {
        name: 'case, on a phone (390 × 844)',
        path: `/cases/${instance.id}`,
        user: 'chuyen-vien',
        viewport: { width: 390, height: 844 },
        main: ['[data-testid="case-title"]', '[data-testid="case-state"]', '[data-testid="timeline"] .timeline-item'],
      },
      { name: 'task', path: `/tasks/${task.id}`, user: 'chuyen-vien', main: ['[data-testid="task-title"]', '[data-testid="task-status"]'] },
      { name: 'workflows', path: '/workflows', user: 'admin', main: ['[data-testid="workflows"] tbody tr'] },
      { name: 'dashboard', path: '/dashboard?period=2026-H1', user: 'admin', main: ['[data-testid="period-range"]'] },
    ];
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    console.log(`${definitions} definitions published; throttled link: ${KBPS} kbit/s, ${RTT} ms RTT; ${RUNS} runs per page (median time)`);
    const rows = new Map<Served, string[]>(servers.map((s) => [s, []]));
    for (const spec of pages) {
      const token = spec.user ? tokens[spec.user] : undefined;
      const sized = new Map<Served, Sized[]>();
      const loopback = new Map<Served, number[]>(servers.map((s) => [s, []]));
      const throttled = new Map<Served, number[]>(servers.map((s) => [s, []]));
      const drawnLoopback = new Map<Served, number[]>(servers.map((s) => [s, []]));
      const drawnThrottled = new Map<Served, number[]>(servers.map((s) => [s, []]));
      for (const s of servers) sized.set(s, (await load(browser, s.base, token, spec, { throttle: false, measure: true, diagram: s.diagram })).sized);
      for (let i = 0; i < RUNS; i++) {
        for (const s of servers) {
          const fast = await load(browser, s.base, token, spec, { throttle: false, measure: false, diagram: s.diagram });
          const slow = await load(browser, s.base, token, spec, { throttle: true, measure: false, diagram: s.diagram });
          loopback.get(s)!.push(fast.mainMs);
          throttled.get(s)!.push(slow.mainMs);
          if (fast.diagramMs !== undefined) drawnLoopback.get(s)!.push(fast.diagramMs);
          if (slow.diagramMs !== undefined) drawnThrottled.get(s)!.push(slow.diagramMs);
        }
      }
      for (const s of servers) {
        const all = sized.get(s)!;
        const assets = all.filter((x) => x.kind === 'js' || x.kind === 'css');
        if (process.argv.includes('--files'))
          for (const x of all)
            console.log(
              `    ${x.kind.padEnd(5)} ${x.diagram ? 'diagram' : '       '} ${String(x.transferred).padStart(8)} ${String(x.decoded).padStart(8)} ${x.url}`,
            );
        const api = all.filter((x) => x.kind === 'api');
        const lib = assets.filter((x) => x.diagram);
        const sum = (xs: Sized[], k: 'transferred' | 'decoded') => xs.reduce((n, x) => n + x[k], 0);
        rows
          .get(s)!
          .push(
            `| ${spec.name} | ${assets.length} | ${kb(sum(assets, 'transferred'))} KB | ${kb(sum(assets, 'decoded'))} KB | ${lib.length ? `${lib.length} files, ${kb(sum(lib, 'transferred'))} KB` : 'no'} | ${api.length} (${api.filter((x) => x.url.startsWith('/api/v1/definitions')).length}) | ${kb(sum(api, 'transferred'))} KB | ${time(loopback.get(s)!, drawnLoopback.get(s)!)} | ${time(throttled.get(s)!, drawnThrottled.get(s)!)} |`,
          );
      }
    }
    for (const s of servers) {
      console.log(`\nserving ${s.label}\n`);
      console.log(
        '| page | JS/CSS requests | JS/CSS transferred | JS/CSS uncompressed | diagram library | API requests (definitions) | API bytes | main content, loopback | main content, throttled |',
      );
      console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
      for (const row of rows.get(s)!) console.log(row);
    }
  } finally {
    await browser?.close();
    for (const s of servers) await s.app.close();
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
