import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { MetricsService } from '#libs/observability';
import { pathOf } from './request-sanity.js';
import { WEB_APP_ROUTE } from './web-app.js';

/**
 * The route label of a request: its route pattern, never the raw path, so that ids do not multiply
 * the series; `web` for the web app's files and pages, `unmatched` for an unknown API path.
 */
function routeLabel(pattern: string | undefined, path: string): string {
  if (pattern && pattern !== WEB_APP_ROUTE) return pattern;
  return path.startsWith('/api') ? 'unmatched' : 'web';
}

/**
 * Times every HTTP request into the metrics and, when `accessLog` is set, logs one structured line
 * per request with its request id, status, duration and user.
 */
export function addHttpTelemetry(fastify: FastifyInstance, metrics: MetricsService, accessLog?: LoggerService): void {
  fastify.addHook('onResponse', (req, reply, done) => {
    const seconds = reply.elapsedTime / 1000;
    const path = pathOf(req.url);
    const route = routeLabel(req.routeOptions.url, path);
    metrics.httpSeconds.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    const user = (req as { principal?: { username?: string } }).principal?.username;
    accessLog?.log({ msg: 'request', reqId: req.id, method: req.method, route, path, status: reply.statusCode, ms: Math.round(seconds * 10000) / 10, user }, 'Http');
    done();
  });
}
