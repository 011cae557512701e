import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { EnvironmentError, loadEnvironment } from '#libs/config';
import { EmbeddedPostgres } from '#libs/persistence';
import { schedulerOptions } from '#libs/scheduler';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const logger = new Logger('Boot');
  let env;
  try {
    env = loadEnvironment();
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await EmbeddedPostgres.start({
      dataDir: join(env.DATA_DIR, 'pg'),
      port: env.EMBEDDED_PG_PORT,
      database: 'phoihop',
      log: (m) => logger.log(m),
    });
    databaseUrl = embedded.url;
  }

  const app = await createApp({
    databaseUrl,
    poolSize: env.DB_POOL_SIZE,
    runMigrations: !env.SKIP_MIGRATIONS,
    workflowsDir: env.WORKFLOWS_DIR || undefined,
    logLevel: env.LOG_LEVEL,
    scheduler: schedulerOptions(env, databaseUrl),
  }).catch(async (error) => {
    await embedded?.stop();
    throw error;
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight requests`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(env.PORT, env.HOST);
  const url = `http://localhost:${env.PORT}`;
  logger.log(`Phối Hợp is ready at ${url}  (API ${url}/api/v1, docs ${url}/api/docs)${embedded ? `; embedded PostgreSQL data in ${join(env.DATA_DIR, 'pg')}` : ''}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
