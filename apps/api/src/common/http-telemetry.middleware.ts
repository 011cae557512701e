import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from '#libs/observability';

/**
 * Times every HTTP request into the metrics (labelled by route pattern, never by raw path, so ids
 * do not multiply the series) and, when `accessLog` is set, logs one structured line per request
 * with its request id, status, duration and user.
 */
export function httpTelemetry(metrics: MetricsService, accessLog?: LoggerService) {
  return (req: Request & { id?: string; principal?: { username?: string } }, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : req.path.startsWith('/api') ? 'unmatched' : 'web';
      metrics.httpSeconds.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      accessLog?.log({ msg: 'request', reqId: req.id, method: req.method, route, path: req.path, status: res.statusCode, ms: Math.round(seconds * 10000) / 10, user: req.principal?.username }, 'Http');
    });
    next();
  };
}
