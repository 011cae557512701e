import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import request from 'supertest';
import { IdentityService, SeedService, type AuthOptions } from '#libs/identity';
import { DefinitionsService } from '#libs/runtime';
import type { SchedulerOptions } from '#libs/scheduler';
import type { MetricsAccess, SsoSettings } from '#libs/config';
import type { FilesModuleOptions } from '#libs/files';
import type { DocumentsOptions } from '#libs/documents';
import type TestAgent from 'supertest/lib/agent.js';

export type { TestAgent };
import { createApp } from '../../apps/api/src/create-app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** Initialises an app built by createApp and waits until Fastify has loaded its routes, so that supertest's requests are answered. */
export async function initForRequests(app: NestFastifyApplication): Promise<void> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
}

export interface TestApp {
  app: NestFastifyApplication;
  /** Signed in as `admin` (every admin route; a task's decision only with an override). */
  http: TestAgent;
  /** No Authorization header. */
  anon: TestAgent;
  database: TestDatabase;
  /** Creates a user with these memberships (if new) and returns an agent signed in as them. */
  as(username: string, memberships?: Array<{ role: string; unit: string }>): Promise<TestAgent>;
  /**
   * An officer (not an admin) holding every role of the loaded workflows in every unit: a candidate
   * of every task, for suites about something other than who may act (timers, audit, backups…).
   * An admin may not take a task's decision without an override.
   */
  officer(): Promise<TestAgent>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2026';

export type QueueKind = 'postgres' | 'redis';

export function redisUrl(): string {
  const url = process.env.PHOIHOP_TEST_REDIS_URL;
  if (!url) throw new Error('PHOIHOP_TEST_REDIS_URL is not set: run the tests through jest (its globalSetup starts Redis)');
  return url;
}

/**
 * E-mail through a test SMTP server and webhooks to loopback receivers, retried fast: the delivery
 * settings of the suites that follow a case out to the ward's mailboxes and systems.
 */
export function testDelivery(smtpUrl: string, publicUrl: string): Pick<SchedulerOptions, 'mail' | 'webhooks'> {
  return {
    mail: { smtpUrl, from: '"Phối Hợp — phường An Phong" <no-reply@anphong.test>', publicUrl, retryBaseMs: 250, attempts: 10 },
    webhooks: { allowPrivateUrls: true, timeoutMs: 2000, maxAttempts: 3, retryBaseMs: 200, disableAfter: 50 },
  };
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

export const TEST_AUTH = { jwtSecret: randomBytes(32).toString('hex'), accessTtlSeconds: 900, maxFailures: 5, lockoutWindowMs: 60_000 };

/** The real HTTP application on a fresh database of its own, with the given workflows folder loaded. */
export async function startTestApp(
  options: {
    workflowsDir?: string;
    /** Another app's database (a second api process on the same data): not dropped by close(). */
    shareDatabaseOf?: TestApp;
    /** Single sign-on and password sign-in (ssoSettings); absent: passwords only. Read on each request, so a suite may change it. */
    sso?: SsoSettings;
    poolSize?: number;
    queues?: QueueKind;
    scheduler?: Partial<SchedulerOptions>;
    /**
     * Security settings as the env would give them (none by default: no rate limits, CORS closed,
     * /metrics open to loopback callers); `metrics` as main.ts derives it (metricsAccess).
     */
    security?: { rateLimits?: { loginPerMinute: number; writesPerMinute: number }; corsOrigins?: string[]; metrics?: MetricsAccess };
    /** Attachments' store and limit (default: in PostgreSQL, 25 MB). */
    files?: FilesModuleOptions;
    /** Generated documents: LibreOffice found on the PATH by default; `soffice: null` for none. */
    documents?: Partial<DocumentsOptions>;
    /** Sign-in settings over TEST_AUTH (a short access token lifetime, session lifetimes). */
    auth?: Partial<AuthOptions>;
  } = {},
): Promise<TestApp> {
  const database = options.shareDatabaseOf ? { url: options.shareDatabaseOf.database.url, drop: async () => undefined } : await createTestDatabase();
  const app = await createApp({
    auth: { ...TEST_AUTH, ...options.auth },
    databaseUrl: database.url,
    poolSize: options.poolSize ?? 10,
    runMigrations: true,
    workflowsDir: options.workflowsDir,
    logLevel: 'error',
    scheduler: options.queues ? testScheduler(options.queues, database.url, options.scheduler) : undefined,
    ...options.security,
    sso: options.sso,
    files: options.files,
    documents: options.documents,
  });
  await initForRequests(app);
  const server = app.getHttpServer();
  const ward = JSON.parse(await readFile('workflows/seed/ward.json', 'utf8'));
  await app.get(SeedService).seedUnits(ward);
  const identity = app.get(IdentityService);
  const agents = new Map<string, TestAgent>();
  const as = async (username: string, memberships: Array<{ role: string; unit: string }> = []) => {
    const cached = agents.get(username);
    if (cached) return cached;
    if (!(await identity.findByUsername(username))) {
      await identity.createUser({ username, displayName: username, password: TEST_PASSWORD, memberships });
    }
    const login = await request(server).post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD });
    if (login.status !== 200) throw new Error(`test sign-in of ${username} failed: ${login.status} ${JSON.stringify(login.body)}`);
    const agent = request.agent(server).set('Authorization', `Bearer ${login.body.accessToken}`) as unknown as TestAgent;
    agents.set(username, agent);
    return agent;
  };
  const http = await as('admin', [{ role: 'admin', unit: 'phuong-an-phong' }]);
  const officer = async () => {
    const definitions = app.get(DefinitionsService);
    const roles = new Set<string>();
    for (const d of await definitions.listLatestPublished()) for (const role of Object.keys((await definitions.byId(d.id)).workflow.definition.roles ?? {})) roles.add(role);
    return as('can-bo-thu-nghiem', [...roles].flatMap((role) => ward.units.map((u: { key: string }) => ({ role, unit: u.key }))));
  };
  return {
    app,
    http,
    anon: request(server),
    as,
    officer,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
