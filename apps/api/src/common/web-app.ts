import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import send from '@fastify/send';
import { NotFoundException } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from './request-sanity.js';

/** The route the web app answers on: whatever no API route takes. */
export const WEB_APP_ROUTE = '/*';

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
 * folder (the build's manifest), or malformed.
 */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (!segments.length || segments.some((s) => s.startsWith('.') || s.includes('\\'))) return null;
  const file = join(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/** The Content-Type a file is served with (the type of `x.js` for `x.js.br` too). */
function typeOf(file: string): string {
  const type = send.mime.getType(file) ?? 'application/octet-stream';
  return send.isUtf8MimeType(type) ? `${type}; charset=utf-8` : type;
}

/** Nest's answer for a path no route takes, as the API gives it everywhere else. */
const notFound = (req: FastifyRequest) => new NotFoundException(`Cannot ${req.method} ${pathOf(req.url)}`);

/**
 * Serves the built web app (dist/web) at `/`: its hashed assets with long caching, and index.html
 * for every other GET outside the API so that the app's own routes load on refresh. Compressible
 * files (and index.html) are answered with the Brotli or gzip file the build wrote beside them when
 * the client accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), else as they are; the file
 * itself goes through `send` (ETag, Last-Modified, conditional and range requests). One wildcard
 * route, which the router tries only after every API route: an API request never touches the
 * disk. Returns false when there is no build to serve.
 */
export function serveWebApp(fastify: FastifyInstance, webDir: string): boolean {
  const dir = resolve(webDir);
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return false;

  const sendFile = async (req: FastifyRequest, reply: FastifyReply, file: string, path: string) => {
    const siblings = COMPRESSIBLE.test(file) && hasSiblings(file);
    const encoded = siblings ? encodedFile(file, acceptedEncodings(req.headers['accept-encoding'])) : null;
    const caching = path.startsWith('/assets/') ? { immutable: true, maxAge: '365d' } : { maxAge: '1h' };
    const sent = await send(req.raw, '/' + relative(dir, encoded?.path ?? file).split(sep).map(encodeURIComponent).join('/'), { root: dir, index: false, dotfiles: 'allow', ...caching });
    // A file removed since it was looked up is missing like any other; anything else is a real error.
    if (sent.type === 'error') throw (sent.metadata.error as { status?: number }).status === 404 ? notFound(req) : sent.metadata.error;
    reply.code(sent.statusCode).headers(sent.headers);
    if (siblings) reply.header('Vary', 'Accept-Encoding');
    if (encoded) reply.header('Content-Type', typeOf(file)).header('Content-Encoding', encoded.coding);
    return reply.send(sent.stream);
  };

  const sendIndex = (req: FastifyRequest, reply: FastifyReply) => {
    // Read on each request (it is small): a rebuilt app is served without a restart.
    const encoded = encodedFile(indexFile, acceptedEncodings(req.headers['accept-encoding']));
    const index = readFileSync(encoded?.path ?? indexFile);
    reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    if (hasSiblings(indexFile)) reply.header('Vary', 'Accept-Encoding');
    if (encoded) reply.header('Content-Encoding', encoded.coding);
    return reply.send(index);
  };

  fastify.get(WEB_APP_ROUTE, async (req, reply) => {
    const path = pathOf(req.url);
    if (SERVER_PATHS.test(path)) throw notFound(req);
    const file = fileFor(dir, path);
    if (file && isFile(file)) return sendFile(req, reply, file, path);
    // A missing asset is a missing file, not a page of the app.
    if (path.startsWith('/assets/')) throw notFound(req);
    return sendIndex(req, reply);
  });
  return true;
}
