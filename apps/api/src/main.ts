import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SeedService, type WardSeed } from '#libs/identity';
import { EnvironmentError, loadEnvironment, fileSettings, metricsAccess, requireApiSecrets, ssoSettings, type SsoSettings } from '#libs/config';
import { EmbeddedPostgres, EmbeddedPostgresError, embeddedSharedBuffers } from '#libs/persistence';
import { findSoffice } from '#libs/documents';
import { schedulerOptions } from '#libs/scheduler';
import { parseAnchor } from '#libs/reports';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const logger = new Logger('Boot');
  let env;
  let sso: SsoSettings;
  try {
    env = loadEnvironment();
    requireApiSecrets(env);
    sso = ssoSettings(env);
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
      settings: { shared_buffers: embeddedSharedBuffers(env.EMBEDDED_PG_SHARED_BUFFERS) },
      log: (m) => logger.log(m),
    }).catch((error: unknown) => {
      if (!(error instanceof EmbeddedPostgresError)) throw error;
      console.error(error.message); // a setting or a place to change, not a bug: no stack trace
      process.exit(1);
    });
    databaseUrl = embedded.url;
  }

  const auth = {
    jwtSecret: env.JWT_SECRET ?? (await localSecret(join(env.DATA_DIR, 'jwt-secret'))),
    accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    maxFailures: env.LOGIN_MAX_FAILURES,
    lockoutWindowMs: env.LOGIN_LOCKOUT_SECONDS * 1000,
    principalCacheSeconds: env.PRINCIPAL_CACHE_SECONDS,
    sessions: {
      idleMinutes: env.SESSION_IDLE_MINUTES,
      maxHours: env.SESSION_MAX_HOURS,
      cookieSecure: env.SESSION_COOKIE_SECURE === 'auto' ? ('auto' as const) : env.SESSION_COOKIE_SECURE === 'true',
      trustedOrigins: env.CORS_ORIGINS?.split(',') ?? [],
    },
  };
  const app = await createApp({
    auth,
    sso,
    databaseUrl,
    poolSize: env.DB_POOL_SIZE,
    runMigrations: !env.SKIP_MIGRATIONS,
    workflowsDir: env.WORKFLOWS_DIR || undefined,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
    scheduler: schedulerOptions(env, databaseUrl),
    reportAnchor: parseAnchor(env.REPORT_PERIOD_START),
    rateLimits: { loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE, writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE },
    corsOrigins: env.CORS_ORIGINS?.split(','),
    trustProxyHops: env.TRUST_PROXY_HOPS,
    metrics: metricsAccess(env),
    files: fileSettings(env),
    documents: { soffice: findSoffice(env.SOFFICE) },
    confidentialAdminExempt: env.CONFIDENTIAL_ADMIN_EXEMPT,
    sealer: env.RUN_WORKER
      ? { intervalMs: env.LEDGER_SEAL_INTERVAL_MS, checkpointDir: env.CHECKPOINT_DIR ?? join(env.DATA_DIR, 'checkpoints'), signingKeyFile: env.AUDIT_SIGNING_KEY_FILE }
      : undefined,
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

  await app.init(); // runs the boot hooks (shipped workflows published) before the demo seed reads them
  if (embedded) {
    // The embedded default is a demo: the ward's units and one account per role (README lists them).
    const seed = JSON.parse(await readFile(join(env.WORKFLOWS_DIR || './workflows', 'seed', 'ward.json'), 'utf8')) as WardSeed;
    const seeder = app.get(SeedService);
    await seeder.seedUnits(seed);
    await seeder.seedDemoUsers(seed, { password: env.DEMO_PASSWORD, credentialsFile: join(env.DATA_DIR, 'demo-credentials.txt') });
    // PHOIHOP_DEMO=1: a demo ward year on a database with no cases yet, before the first request (docs/demo.md).
    if (process.env.PHOIHOP_DEMO === '1') await (await import('../../cli/src/demo/boot.js')).seedDemoOnBoot(app, logger);
  }

  await app.listen(env.PORT, env.HOST);
  const url = `http://localhost:${env.PORT}`;
  logger.log(`Phối Hợp is ready at ${url}  (API ${url}/api/v1, docs ${url}/api/docs)${embedded ? `; embedded PostgreSQL data in ${join(env.DATA_DIR, 'pg')}` : ''}`);
}

/** A secret kept in a file of the data directory (created on first use): the embedded default's JWT key. */
async function localSecret(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
