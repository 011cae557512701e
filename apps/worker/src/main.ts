import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EnvironmentError, loadEnvironment, RedactingLogger, requireProductionSecrets } from '#libs/config';
import { schedulerOptions } from '#libs/scheduler';
import { WorkerModule } from './worker.module.js';

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
    }),
    { logger: new RedactingLogger() },
  );
  const logger = new Logger('Worker');
  const shutdown = async (signal: string) => {
    logger.log(`${signal} received: stopping`);
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
