import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths that belong to the server, never to the single-page app. */
const SERVER_PATHS = /^\/(api(\/|$)|health$|ready$|metrics$)/;

/**
 * Serves the built web app (dist/web) at `/`: its hashed assets with long caching, and index.html
 * for every other GET outside the API so that the app's own routes load on refresh. Returns false
 * when there is no build to serve.
 */
export function serveWebApp(app: NestExpressApplication, dir: string): boolean {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return false;
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    // Read on each request (it is small): a rebuilt app is served without a restart.
    let index: Buffer;
    try {
      index = readFileSync(indexFile);
    } catch {
      return next();
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(index);
  });
  return true;
}
