import type { NextFunction, Request, Response } from 'express';
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

/**
 * Refuses, before any handler sees them, request bodies that nest deeper than MAX_JSON_DEPTH and
 * paths, query strings or bodies holding NUL characters (400 naming where).
 */
export function sanitizeRequest(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(refuse('path', 'malformed percent-encoding', 'The request path is not valid percent-encoded text'));
  }
  if (path.includes('\u0000')) return next(refuse('path', 'contains a NUL character', 'The request path contains a NUL character'));
  if (hasNul(req.query)) return next(refuse('query', 'contains a NUL character', 'The query string contains a NUL character'));
  // Multipart bodies are streamed by the upload route itself; no other route reads them, so none may be handed one.
  if (/^multipart\//i.test(req.headers['content-type'] ?? '') && !(req.method === 'POST' && MULTIPART_ROUTE.test(req.path))) {
    return next(refuse('Content-Type', 'multipart bodies are accepted only by POST /api/v1/files', 'This route does not take a multipart body; send JSON'));
  }
  if (req.body !== undefined) {
    if (jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return next(refuse('body', `nested deeper than ${MAX_JSON_DEPTH} levels`, `The request body nests deeper than ${MAX_JSON_DEPTH} levels`));
    }
    if (hasNul(req.body)) return next(refuse('body', 'contains a NUL character', 'The request body contains a NUL character'));
  }
  next();
}
