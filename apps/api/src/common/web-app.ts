import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths that belong to the server, never to the single-page app. */
const SERVER_PATHS = /^\/(api(\/|$)|health$|ready$|metrics$)/;

/** Files the build pre-compresses (scripts/build.mjs writes `x.js.br` and `x.js.gz` beside `x.js`). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

type Coding = 'br' | 'gzip';
const SIBLING: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/**
 * The codings the client takes, best first: Brotli, then gzip, each only when `Accept-Encoding`
 * accepts it. The header is read with its q-values (`br;q=0` refuses Brotli, `*` stands for the
 * codings not named); between two accepted codings the higher q comes first, Brotli on a tie.
 * Empty: identity.
 */
export function acceptedEncodings(header: string | undefined): Coding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name?.trim()) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
  }
  const of = (coding: string) => q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  return (gzip > br ? (['gzip', 'br'] as const) : (['br', 'gzip'] as const)).filter((c) => (c === 'br' ? br : gzip) > 0);
}

/**
 * The first of `codings` that `file` has a pre-compressed sibling for, with that sibling. (A Vite
 * build empties dist/web first, so a sibling is never older than its file's build.)
 */
function encodedFile(file: string, codings: Coding[]): { coding: Coding; path: string } | null {
  for (const coding of codings) {
    const path = file + SIBLING[coding];
    if (existsSync(path)) return { coding, path };
  }
  return null;
}

/** Whether `file` has a pre-compressed form (its answer then depends on Accept-Encoding). */
const hasSiblings = (file: string) => existsSync(file + SIBLING.br) || existsSync(file + SIBLING.gzip);

/**
 * The file under `root` that the request path names, or null: outside `root`, a dotfile or dot
 * folder (the build's manifest), malformed, or not compressible (those are left to the static
 * handler as they are).
 */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || !COMPRESSIBLE.test(decoded)) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (!segments.length || segments.some((s) => s.startsWith('.') || s.includes('\\'))) return null;
  const file = join(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

/**
 * Serves the built web app (dist/web) at `/`: its hashed assets with long caching, and index.html
 * for every other GET outside the API so that the app's own routes load on refresh. Compressible
 * files (and index.html) are answered with the Brotli or gzip file the build wrote beside them when
 * the client accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), else as they are. Returns
 * false when there is no build to serve.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string): boolean {
  const dir = resolve(webDir);
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const cacheOf = (urlPath: string) => (urlPath.startsWith('/assets/') ? { immutable: true, maxAge: '365d' } : { maxAge: '1h' });

  // A pre-compressed answer when there is one and the client takes it; the static handlers below
  // answer everything else (identity; a missing file: 404 under /assets/, the SPA fallback elsewhere).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    const file = fileFor(dir, req.path);
    if (!file || !hasSiblings(file) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
    res.vary('Accept-Encoding');
    const encoded = encodedFile(file, acceptedEncodings(req.headers['accept-encoding']));
    if (!encoded) return next();
    res.type(extname(file));
    res.setHeader('Content-Encoding', encoded.coding);
    res.sendFile(relative(dir, encoded.path), { root: dir, ...cacheOf(req.path) }, (error?: Error & { code?: string }) => {
      // A client that went away (a page closed mid-download) is nothing to report.
      if (!error || error.code === 'ECONNABORTED' || res.headersSent) return;
      res.removeHeader('Content-Encoding');
      next(error);
    });
  });
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  // The app's other files, never asked for an API path: a static handler before the routes would
  // otherwise look each API request up on disk first (an fs.stat per request in the api's profile).
  const rootFiles = express.static(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => (SERVER_PATHS.test(req.path) ? next() : rootFiles(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    // Read on each request (it is small): a rebuilt app is served without a restart.
    const encoded = encodedFile(indexFile, acceptedEncodings(req.headers['accept-encoding']));
    let index: Buffer;
    try {
      index = readFileSync(encoded?.path ?? indexFile);
    } catch {
      return next();
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    if (hasSiblings(indexFile)) res.vary('Accept-Encoding');
    if (encoded) res.setHeader('Content-Encoding', encoded.coding);
    res.send(index);
  });
  return true;
}
