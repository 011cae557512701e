import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../apps/api/src/create-app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real HTTP application on a fresh database of its own, with the given workflows folder loaded. */
export async function startTestApp(options: { workflowsDir?: string; poolSize?: number } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await createApp({
    databaseUrl: database.url,
    poolSize: options.poolSize ?? 10,
    runMigrations: true,
    workflowsDir: options.workflowsDir,
    logLevel: 'error',
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
