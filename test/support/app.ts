import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { SchedulerOptions } from '#libs/scheduler';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../apps/api/src/create-app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  database: TestDatabase;
  close(): Promise<void>;
}

export type QueueKind = 'postgres' | 'redis';

export function redisUrl(): string {
  const url = process.env.PHOIHOP_TEST_REDIS_URL;
  if (!url) throw new Error('PHOIHOP_TEST_REDIS_URL is not set: run the tests through jest (its globalSetup starts Redis)');
  return url;
}

/** Scheduler settings for a test app: its own queue namespace, fast relay and sweep. */
export function testScheduler(kind: QueueKind, databaseUrl: string, over: Partial<SchedulerOptions> = {}): SchedulerOptions {
  const prefix = `phoihop-test-${randomBytes(4).toString('hex')}`;
  return {
    backend: kind === 'redis' ? { kind, redisUrl: redisUrl(), prefix } : { kind, databaseUrl, prefix },
    runWorker: true,
    concurrency: 8,
    relayPollMs: 200,
    sweepIntervalMs: 60_000,
    ...over,
  };
}

/** The real HTTP application on a fresh database of its own, with the given workflows folder loaded. */
export async function startTestApp(
  options: { workflowsDir?: string; poolSize?: number; queues?: QueueKind; scheduler?: Partial<SchedulerOptions> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await createApp({
    databaseUrl: database.url,
    poolSize: options.poolSize ?? 10,
    runMigrations: true,
    workflowsDir: options.workflowsDir,
    logLevel: 'error',
    scheduler: options.queues ? testScheduler(options.queues, database.url, options.scheduler) : undefined,
  });
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
