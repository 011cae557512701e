// The web app's weight: the build writes Brotli and gzip siblings of its files, the api answers with
// the one the client accepts (Content-Encoding, Vary: Accept-Encoding, the same caching as before:
// hashed assets immutable for a year, index.html revalidated), the SPA fallback and 404s are as
// they were, the main bundle stays under 120 KB with Brotli, and the definitions' list carries the
// role labels (so that no page fetches every definition's source to name roles). See docs/web.md.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { IdentityService } from '#libs/identity';
import { createApp } from '../apps/api/src/create-app.js';
import { acceptedEncodings } from '../apps/api/src/common/web-app.js';
import { TEST_AUTH, TEST_PASSWORD } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const BUILD = 'dist/web';
const MAIN_BUNDLE_LIMIT = 120 * 1024;

interface Manifest {
  [key: string]: { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; isEntry?: boolean; isDynamicEntry?: boolean };
}

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('web app weight: pre-compressed files served by Accept-Encoding', () => {
  let app: NestFastifyApplication;
  let database: TestDatabase;
  let port: number;
  let dir: string;
  let manifest: Manifest;
  let entry: string;

  /** The response as sent (no client decompresses it). */
  const raw = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Raw>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    // A copy of the build (another run may rebuild dist/web meanwhile); source maps are not needed.
    if (!existsSync(join(BUILD, 'index.html.br'))) throw new Error(`${BUILD} has no pre-compressed files: build it with node scripts/build.mjs`);
    dir = await mkdtemp(join(tmpdir(), 'phoihop-web-weight-'));
    await cp(BUILD, dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
    manifest = JSON.parse(await readFile(join(dir, '.vite', 'manifest.json'), 'utf8'));
    entry = Object.values(manifest).find((c) => c.isEntry)!.file;
    database = await createTestDatabase();
    app = await createApp({
      auth: TEST_AUTH,
      databaseUrl: database.url,
      poolSize: 2,
      runMigrations: true,
      logLevel: 'error',
      webDir: dir,
      workflowsDir: 'test/fixtures/workflows',
    });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps the main bundle (the entry chunk and what it imports statically) at most 120 KB with Brotli', async () => {
    const files = new Set<string>();
    const walk = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const i of chunk.imports ?? []) walk(i);
    };
    walk(Object.keys(manifest).find((k) => manifest[k].isEntry)!);
    let compressed = 0;
    for (const file of files) {
      const original = await readFile(join(dir, file));
      const br = await readFile(join(dir, `${file}.br`));
      expect(brotliDecompressSync(br).equals(original)).toBe(true);
      expect(gunzipSync(await readFile(join(dir, `${file}.gz`))).equals(original)).toBe(true);
      compressed += br.length;
    }
    expect(compressed).toBeLessThanOrEqual(MAIN_BUNDLE_LIMIT);
    // The diagram library and the admin tools are chunks of their own, never in the main bundle.
    const mermaid = Object.keys(manifest).find((k) => /node_modules\/mermaid\/dist\/mermaid[^/]*\.mjs$/.test(k))!;
    expect(manifest[mermaid].isDynamicEntry).toBe(true);
    expect(files.has(manifest[mermaid].file)).toBe(false);
    expect([...files].some((f) => /WorkflowPage|DashboardPage|CasePage/.test(f))).toBe(false);
  });

  it('answers a hashed asset with Brotli, gzip or as it is, by Accept-Encoding, with the same bytes, type and caching', async () => {
    const path = `/${entry}`;
    const identity = await raw(path);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(await readFile(join(dir, entry)))).toBe(true);
    expect(identity.headers['vary']).toMatch(/accept-encoding/i);
    expect(identity.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(identity.headers['content-type']).toMatch(/javascript/);

    const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br, zstd' }); // Chromium's header
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe(identity.headers['cache-control']);
    expect(br.headers['content-type']).toBe(identity.headers['content-type']);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(identity.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);

    const gz = await raw(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);
    expect(gz.headers['cache-control']).toBe(identity.headers['cache-control']);
    expect(gz.headers['content-type']).toBe(identity.headers['content-type']);
    expect(gunzipSync(gz.body).equals(identity.body)).toBe(true);

    // q-values: a refused coding is never sent; identity when nothing else is taken.
    expect((await raw(path, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await raw(path, { 'accept-encoding': 'gzip;q=0.5, br;q=0.4' })).headers['content-encoding']).toBe('gzip');
    expect((await raw(path, { 'accept-encoding': '*' })).headers['content-encoding']).toBe('br');
    expect((await raw(path, { 'accept-encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
    expect((await raw(path, { 'accept-encoding': 'deflate' })).headers['content-encoding']).toBeUndefined();

    // The stylesheet too, with its own type.
    const css = Object.values(manifest).find((c) => c.isEntry)!.css![0];
    const cssBr = await raw(`/${css}`, { 'accept-encoding': 'br' });
    expect(cssBr.headers['content-encoding']).toBe('br');
    expect(cssBr.headers['content-type']).toMatch(/^text\/css/);
    expect(brotliDecompressSync(cssBr.body).equals(await readFile(join(dir, css)))).toBe(true);
  });

  it('answers HEAD and a revalidation of the compressed form like those of the file itself', async () => {
    const path = `/${entry}`;
    const head = await raw(path, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe((await stat(join(dir, `${entry}.br`))).size);
    const etag = head.headers['etag']!;
    expect(etag).toBeTruthy();
    expect((await raw(path, { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
    // Another representation has another validator.
    expect((await raw(path)).headers['etag']).not.toBe(etag);
  });

  it('keeps the fallbacks: a missing asset is 404, an app address gets index.html (compressed, revalidated), the API is the API', async () => {
    const missing = await raw('/assets/nope-123.js', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();

    const index = await readFile(join(dir, 'index.html'));
    for (const path of ['/', '/cases/0b0c7a52-1f4e-4a55-9a53-2f1d7b1c3e11', '/workflows/x/versions/2']) {
      const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.status).toBe(200);
      expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['vary']).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.body).equals(index)).toBe(true);
      const plain = await raw(path);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(index)).toBe(true);
    }
    const head = await raw('/inbox', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('gzip');
    expect(head.body.length).toBe(0);

    // The build's manifest is not served (a dot folder): the address gets the app.
    const manifestAnswer = await raw('/.vite/manifest.json', { 'accept-encoding': 'br' });
    expect(manifestAnswer.headers['content-type']).toBe('text/html; charset=utf-8');
    const api = await raw('/api/v1/nope', { 'accept-encoding': 'br' });
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
    expect(api.headers['content-encoding']).toBeUndefined();
    const health = await raw('/health', { 'accept-encoding': 'br' });
    expect(health.headers['content-type']).toMatch(/application\/json/);
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('')).toEqual([]);
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('BR;Q=0.8, GZIP;q=0.9')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('br;q=0')).toEqual([]);
    expect(acceptedEncodings('*;q=0.1, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('x-gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('identity;q=1, *;q=0')).toEqual([]);
  });

  it('lists the definitions with their role labels: one light request names every role', async () => {
    await app.get(IdentityService).createUser({ username: 'can-bo-trong-luong', displayName: 'Cán bộ', password: TEST_PASSWORD, memberships: [] });
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'can-bo-trong-luong', password: TEST_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/definitions`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as {
      items: Array<{ key: string; roles: Record<string, { vi: string; en: string }> }>;
    };
    const source = JSON.parse(await readFile('test/fixtures/workflows/test-approval.json', 'utf8'));
    expect(list.items.find((d) => d.key === 'test-approval')?.roles).toEqual(source.roles);
    for (const item of list.items) expect(typeof item.roles).toBe('object');
  });
});
