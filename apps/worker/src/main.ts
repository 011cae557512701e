import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createServer } from 'node:http';
import { EnvironmentError, fileSettings, loadEnvironment, requireProductionSecrets } from '#libs/config';
import { bearerMatches, createLogger, MetricsService } from '#libs/observability';
import { findSoffice } from '#libs/documents';
import { schedulerOptions } from '#libs/scheduler';
import { WorkerModule } from './worker.module.js';

/**
 * The worker has no HTTP API: its metrics (timer lateness, queues, pool) get a port of their own,
 * behind the METRICS_TOKEN bearer token when one is set (as the api's).
 */
function serveMetrics(metrics: MetricsService, port: number, token: string | undefined) {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    if (token && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    metrics.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(port);
  return server;
}

async function main(): Promise<void> {
  const env = loadEnvironment();
  if (!env.DATABASE_URL) {
    console.error('The standalone worker needs DATABASE_URL (the embedded default runs everything in `npm start`).');
    process.exit(2);
  }
  requireProductionSecrets(env, 'worker');
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({
      databaseUrl: env.DATABASE_URL,
      poolSize: env.DB_POOL_SIZE,
      runMigrations: !env.SKIP_MIGRATIONS,
      scheduler: schedulerOptions(env, env.DATABASE_URL),
      sealer: { intervalMs: env.LEDGER_SEAL_INTERVAL_MS, checkpointDir: env.CHECKPOINT_DIR, signingKeyFile: env.AUDIT_SIGNING_KEY_FILE },
      files: fileSettings(env),
      documents: { soffice: findSoffice(env.SOFFICE) },
    }),
    { logger: createLogger(env.LOG_LEVEL, env.LOG_FORMAT) },
  );
  const metricsServer = env.METRICS_PORT ? serveMetrics(app.get(MetricsService), env.METRICS_PORT, env.METRICS_TOKEN) : undefined;
  const logger = new Logger('Worker');
  const shutdown = async (signal: string) => {
    logger.log(`${signal} received: stopping`);
    metricsServer?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  logger.log(`worker ready (pid ${process.pid})`);
}

main().catch((error) => {
  console.error(error instanceof EnvironmentError ? error.message : error);
  process.exit(error instanceof EnvironmentError ? 2 : 1);
});
