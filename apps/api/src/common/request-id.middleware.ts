import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes a caller's X-Request-Id when it is safe to log, otherwise makes one; echoes it back. */
export function requestId(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  req.id = given && SAFE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}
