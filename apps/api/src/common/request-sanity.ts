import type { FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '#libs/core';

/** Deeper than any form or definition needs; deep enough nesting would overflow recursive code later. */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a parsed JSON value, measured without recursion (a hostile body cannot overflow the stack here). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Whether any string in the value (keys included) holds a NUL character, which PostgreSQL text cannot store. */
export function hasNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/** The one route that takes multipart/form-data (an upload, streamed to storage). */
const MULTIPART_ROUTE = /^\/api\/v1\/files\/?$/i;

const refuse = (field: string, reason: string, message: string) => new DomainError(ErrorCode.ValidationFailed, message, { problems: [{ field, reason }] });

/** The path of a request URL, as sent (still percent-encoded), without its query string. */
export function pathOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at);
}

/**
 * Refuses, as a request arrives and before its body is read, paths and query strings holding NUL
 * characters or malformed percent-encoding, and multipart bodies sent to any route but the upload
 * (400 naming where). Runs for every request, routed or not.
 */
export function refuseUnsafeRequest(req: FastifyRequest): void {
  const rawPath = pathOf(req.url);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw refuse('path', 'malformed percent-encoding', 'The request path is not valid percent-encoded text');
  }
  if (path.includes('\u0000')) throw refuse('path', 'contains a NUL character', 'The request path contains a NUL character');
  if (hasNul(req.query)) throw refuse('query', 'contains a NUL character', 'The query string contains a NUL character');
  // Multipart bodies are streamed by the upload route itself; no other route reads them, so none may be handed one.
  if (/^multipart\//i.test(req.headers['content-type'] ?? '') && !(req.method === 'POST' && MULTIPART_ROUTE.test(rawPath))) {
    throw refuse('Content-Type', 'multipart bodies are accepted only by POST /api/v1/files', 'This route does not take a multipart body; send JSON');
  }
}

/** Refuses, once parsed and before any handler sees it, a body that nests deeper than MAX_JSON_DEPTH or holds a NUL character. */
export function refuseUnsafeBody(body: unknown): void {
  if (body === undefined) return;
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw refuse('body', `nested deeper than ${MAX_JSON_DEPTH} levels`, `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  if (hasNul(body)) throw refuse('body', 'contains a NUL character', 'The request body contains a NUL character');
}
