import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { databasePasswordProblem, jwtSecretProblem } from './secrets.js';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) ? true : ['0', 'false', 'no', 'off', ''].includes(value.toLowerCase()) ? false : value) : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);

/** A whole-number setting within bounds, converted from its text. */
function IntSetting(name: string, min: number, max: number) {
  return applyDecorators(Transform(toInt), IsInt({ message: `${name} must be a whole number` }), Min(min, { message: `${name} must be at least ${min}` }), Max(max, { message: `${name} must be at most ${max}` }));
}

/**
 * Every setting the processes read, validated once at boot. Only two are read where they act:
 * PHOIHOP_FAILPOINTS and CLOCK_OFFSET_MS (fault injection); METRICS_TOKEN reaches the metrics
 * route only through metricsAccess below.
 */
export class Environment {
  /** PostgreSQL to use; when absent an embedded server is started with its data under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR: string = './.data';

  @IntSetting('PORT', 0, 65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  /** Port of the embedded PostgreSQL server (only used without DATABASE_URL). */
  @IntSetting('EMBEDDED_PG_PORT', 1024, 65535)
  EMBEDDED_PG_PORT: number = 54329;

  /**
   * PostgreSQL's shared buffers for the embedded server: `auto` (a quarter of the machine's memory,
   * PostgreSQL's own advice, between 128MB and 8GB) or a size such as `512MB`, `2GB`.
   */
  @Matches(/^(auto|[1-9][0-9]*(kB|MB|GB))$/, { message: 'EMBEDDED_PG_SHARED_BUFFERS must be auto or a size such as 512MB or 2GB' })
  EMBEDDED_PG_SHARED_BUFFERS: string = 'auto';

  @Transform(toBoolean)
  @IsBoolean({ message: 'SKIP_MIGRATIONS must be true or false' })
  SKIP_MIGRATIONS: boolean = false;

  /** Folder of workflow definitions (JSON) loaded and published at boot when new. Empty to skip. */
  @IsString()
  WORKFLOWS_DIR: string = './workflows';

  @IntSetting('DB_POOL_SIZE', 1, 500)
  DB_POOL_SIZE: number = 10;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], { message: 'LOG_LEVEL must be one of error, warn, log, debug, verbose' })
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** Queues on Redis when set; otherwise on BullMQ's PostgreSQL backend in the application database. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Run the worker role (outbox relay, timer sweep, queue processors) in this process. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'RUN_WORKER must be true or false' })
  RUN_WORKER: boolean = true;

  @IntSetting('WORKER_CONCURRENCY', 1, 200)
  WORKER_CONCURRENCY: number = 8;

  @IntSetting('OUTBOX_POLL_MS', 50, 600000)
  OUTBOX_POLL_MS: number = 1000;

  /** How long a worker holds a job before others may take it back (a killed worker's jobs return after this). */
  @IntSetting('JOB_LOCK_MS', 1000, 600000)
  JOB_LOCK_MS: number = 30000;

  /** Namespace of the queues (Redis keys or rows); several deployments may share one Redis with different prefixes. */
  @Matches(/^[a-z][a-z0-9-]{0,40}$/, { message: 'QUEUE_PREFIX must be lowercase letters, digits and dashes' })
  QUEUE_PREFIX: string = 'phoihop';

  /** Signs access tokens. Required with DATABASE_URL; the embedded default keeps a random one in DATA_DIR. */
  @IsOptional()
  @Matches(/^.{32,}$/, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IntSetting('ACCESS_TOKEN_TTL_SECONDS', 60, 86400)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  /** A sign-in session nobody renewed for this long ends (an open tab renews it every few minutes). */
  @IntSetting('SESSION_IDLE_MINUTES', 5, 1440)
  SESSION_IDLE_MINUTES: number = 120;

  /** A sign-in session ends this long after sign-in, renewed or not: a working day. */
  @IntSetting('SESSION_MAX_HOURS', 1, 168)
  SESSION_MAX_HOURS: number = 12;

  /** Seconds an api process keeps a caller's user, roles and session between requests (0: read each time); changes reach every process at once. */
  @IntSetting('PRINCIPAL_CACHE_SECONDS', 0, 60)
  PRINCIPAL_CACHE_SECONDS: number = 5;

  /** The refresh cookie's `Secure` flag: `auto` sets it when the request came over HTTPS (behind a proxy: set TRUST_PROXY_HOPS). */
  @IsIn(['auto', 'true', 'false'], { message: 'SESSION_COOKIE_SECURE must be auto, true or false' })
  SESSION_COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  @IntSetting('LOGIN_MAX_FAILURES', 1, 100)
  LOGIN_MAX_FAILURES: number = 5;

  @IntSetting('LOGIN_LOCKOUT_SECONDS', 1, 86400)
  LOGIN_LOCKOUT_SECONDS: number = 900;

  @IntSetting('LEDGER_SEAL_INTERVAL_MS', 1000, 3600000)
  LEDGER_SEAL_INTERVAL_MS: number = 5000;

  /** Where signed checkpoints of the audit ledger are written (keep a copy outside the database's machine). */
  @IsOptional()
  @IsString()
  CHECKPOINT_DIR?: string;

  /** PEM file of the Ed25519 key that signs checkpoints; created on first use. */
  @IsOptional()
  @IsString()
  AUDIT_SIGNING_KEY_FILE?: string;

  /** Password of the demo accounts the embedded default creates; random (printed once) when unset. */
  @IsOptional()
  @IsString()
  DEMO_PASSWORD?: string;

  @IntSetting('SWEEP_INTERVAL_MS', 200, 3600000)
  SWEEP_INTERVAL_MS: number = 60000;

  /** First day (MM-DD) of the reporting year and its halves and quarters; 12-15 is the state's 15 Dec – 14 Dec. */
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/, { message: 'REPORT_PERIOD_START must be MM-DD with a day from 01 to 28, e.g. 12-15' })
  REPORT_PERIOD_START: string = '12-15';

  /** Origins allowed to call the API from a browser (comma-separated); none by default. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, { message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins' })
  CORS_ORIGINS?: string;

  /** Sign-in attempts per client address and minute (0: no limit). */
  @IntSetting('RATE_LIMIT_LOGIN_PER_MINUTE', 0, 100000)
  RATE_LIMIT_LOGIN_PER_MINUTE: number = 20;

  /** Writes (POST, PUT, PATCH, DELETE) per client address and minute (0: no limit). */
  @IntSetting('RATE_LIMIT_WRITES_PER_MINUTE', 0, 10000000)
  RATE_LIMIT_WRITES_PER_MINUTE: number = 1200;

  /** `json`: one JSON object per log line (pino), for collectors; `pretty`: Nest's console format. */
  @IsIn(['pretty', 'json'], { message: 'LOG_FORMAT must be pretty or json' })
  LOG_FORMAT: 'pretty' | 'json' = 'pretty';

  /** Queues a worker process serves, comma-separated (timers, schedules, children); all when unset. */
  @IsOptional()
  @Matches(/^(timers|schedules|children|notifications|emails|webhooks|webhook-sends)(,(timers|schedules|children|notifications|emails|webhooks|webhook-sends))*$/, { message: 'WORKER_QUEUES must list queues among timers, schedules, children, notifications, emails, webhooks, webhook-sends (comma-separated)' })
  WORKER_QUEUES?: string;

  /** The worker serves /metrics on this port when set (the api serves it on its own port). */
  @IsOptional()
  @IntSetting('METRICS_PORT', 1, 65535)
  METRICS_PORT?: number;

  /**
   * Bearer token /metrics requires. Outside the embedded default /metrics answers no one without it;
   * the embedded default (a machine of one's own) opens it to loopback callers when unset.
   */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{16,200}$/, { message: 'METRICS_TOKEN must be at least 16 visible ASCII characters (no spaces)' })
  METRICS_TOKEN?: string;

  /** Behind a reverse proxy: how many proxies to trust for the client address (X-Forwarded-For). */
  @IntSetting('TRUST_PROXY_HOPS', 0, 10)
  TRUST_PROXY_HOPS: number = 0;

  /** Where attachments' bytes live: `postgres` (default, in the database), `fs:/a/directory`, or `s3://bucket` (docs/files.md). */
  @Matches(/^(postgres|fs:\S+|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/\S*)?)$/, { message: 'FILE_STORE must be postgres, fs:/path/to/directory or s3://bucket' })
  FILE_STORE: string = 'postgres';

  /** LibreOffice for the PDF renditions of generated documents: a path, or empty for none; unset: `soffice` on the PATH. */
  @IsOptional()
  @IsString()
  SOFFICE?: string;

  /** The largest upload accepted, in bytes (413 above it). */
  @IntSetting('FILE_MAX_BYTES', 1024, 1073741824)
  FILE_MAX_BYTES: number = 25 * 1024 * 1024;

  /** The S3-compatible endpoint (MinIO, Ceph, a provider's URL); unset: AWS's own for S3_REGION. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'S3_REGION must be a region name such as us-east-1' })
  S3_REGION: string = 'us-east-1';

  /** Credentials of the S3 store; both or neither (neither: the SDK's own chain, e.g. an instance role). */
  @ValidateIf((o: Environment) => o.S3_SECRET_ACCESS_KEY !== undefined || o.S3_ACCESS_KEY_ID !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY' })
  @Matches(/^\S{1,256}$/, { message: 'S3_ACCESS_KEY_ID must be one word' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((o: Environment) => o.S3_SECRET_ACCESS_KEY !== undefined || o.S3_ACCESS_KEY_ID !== undefined)
  @IsString({ message: 'S3_SECRET_ACCESS_KEY is required with S3_ACCESS_KEY_ID' })
  @Matches(/^\S{1,256}$/, { message: 'S3_SECRET_ACCESS_KEY must be one word' })
  S3_SECRET_ACCESS_KEY?: string;

  /** Bucket in the path (`endpoint/bucket/key`) rather than the host name: what MinIO and most self-hosted servers need. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE: boolean = false;

  /** Let webhooks call loopback, private, link-local and other non-public addresses (tests; a receiver inside the ward's own network). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE_URLS must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_URLS: boolean = false;

  /** A webhook request's whole deadline; a receiver that has not answered by then failed the attempt. */
  @IntSetting('WEBHOOK_TIMEOUT_MS', 100, 60000)
  WEBHOOK_TIMEOUT_MS: number = 5000;

  /** Attempts per webhook delivery, the first included. */
  @IntSetting('WEBHOOK_MAX_ATTEMPTS', 1, 30)
  WEBHOOK_MAX_ATTEMPTS: number = 10;

  /** Delay before a delivery's second attempt; each next one doubles it (10 attempts from 15 s span about 2 hours). */
  @IntSetting('WEBHOOK_RETRY_BASE_MS', 10, 3600000)
  WEBHOOK_RETRY_BASE_MS: number = 15000;

  /** A subscription is disabled after this many deliveries in a row used all their attempts. */
  @IntSetting('WEBHOOK_DISABLE_AFTER', 1, 10000)
  WEBHOOK_DISABLE_AFTER: number = 50;

  /** The SMTP server mail goes through (smtp:// with STARTTLS when offered, smtps:// for TLS from the start); unset: no e-mail at all. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of every mail, `no-reply@…` or `"Phối Hợp" <no-reply@…>`; required with SMTP_URL. */
  @ValidateIf((o: Environment) => o.SMTP_URL !== undefined || o.MAIL_FROM !== undefined)
  @IsString({ message: 'MAIL_FROM is required when SMTP_URL is set' })
  @Matches(/^([^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, { message: 'MAIL_FROM must be an address, or a name and <address>' })
  MAIL_FROM?: string;

  /** Where people open the web app: the base of the links in mails. */
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL: string = 'http://localhost:3000';

  /** Admins read confidential fields (`fields.<path>.confidential`) without a mark naming them; every such read is logged as exempt. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'CONFIDENTIAL_ADMIN_EXEMPT must be true or false' })
  CONFIDENTIAL_ADMIN_EXEMPT: boolean = false;

  /** The city's OpenID Connect provider (e.g. Keycloak's realm URL); with its client id and secret the sign-in page offers it (docs/security.md, "Single sign-on"). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  @ValidateIf((o: Environment) => o.OIDC_ISSUER !== undefined || o.OIDC_CLIENT_ID !== undefined)
  @IsString({ message: 'OIDC_CLIENT_ID is required with OIDC_ISSUER' })
  @Matches(/^\S{1,200}$/, { message: 'OIDC_CLIENT_ID must be one word' })
  OIDC_CLIENT_ID?: string;

  @ValidateIf((o: Environment) => o.OIDC_ISSUER !== undefined || o.OIDC_CLIENT_SECRET !== undefined)
  @IsString({ message: 'OIDC_CLIENT_SECRET is required with OIDC_ISSUER' })
  @Matches(/^\S{1,500}$/, { message: 'OIDC_CLIENT_SECRET must be one word' })
  OIDC_CLIENT_SECRET?: string;

  /** Where the provider sends people back; unset: PUBLIC_URL + /api/v1/auth/oidc/callback. Register it at the provider. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+\/\S*$/, { message: 'OIDC_REDIRECT_URI must be an http(s) URL' })
  OIDC_REDIRECT_URI?: string;

  @Matches(/^openid( [\x21-\x7e]+)*$/, { message: 'OIDC_SCOPES must be space-separated scopes starting with openid' })
  OIDC_SCOPES: string = 'openid profile email';

  /** The ID token claim that names an existing account: its username, or its e-mail (only when `email_verified`). */
  @IsIn(['preferred_username', 'email'], { message: 'OIDC_MATCH_CLAIM must be preferred_username or email' })
  OIDC_MATCH_CLAIM: 'preferred_username' | 'email' = 'preferred_username';

  /** Create an account (without roles unless OIDC_GROUP_MAP gives some) for a person the provider knows and this app does not. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'OIDC_CREATE_USERS must be true or false' })
  OIDC_CREATE_USERS: boolean = false;

  /** The claim listing a person's groups (Keycloak: `groups`); with OIDC_GROUP_MAP it replaces their memberships at each sign-in. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'OIDC_GROUPS_CLAIM must be a claim name' })
  OIDC_GROUPS_CLAIM?: string;

  /** `group=role@unit,group=role@unit…`: the memberships each group of OIDC_GROUPS_CLAIM gives. */
  @IsOptional()
  @Matches(/^[^=,\s][^=,]*=[^@,\s]+@[^@,\s]+(,[^=,\s][^=,]*=[^@,\s]+@[^@,\s]+)*$/, { message: 'OIDC_GROUP_MAP must be group=role@unit entries separated by commas' })
  OIDC_GROUP_MAP?: string;

  /** The provider's name on the sign-in button; unset: "the city's identity portal". */
  @IsOptional()
  @Matches(/^[^\r\n]{1,80}$/, { message: 'OIDC_DISPLAY_NAME must be one line of at most 80 characters' })
  OIDC_DISPLAY_NAME?: string;

  /** `off`: only single sign-on; sign-in with a password is refused (the CLI still manages accounts). Needs OIDC_ISSUER. */
  @IsIn(['on', 'off'], { message: 'LOCAL_PASSWORDS must be on or off' })
  LOCAL_PASSWORDS: 'on' | 'off' = 'on';
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the known variables (unknown ones are ignored), applies defaults, and throws listing every bad value. */
export function loadEnvironment(source: Record<string, string | undefined> = process.env): Environment {
  const known = Object.keys(new Environment());
  const picked: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'DEMO_PASSWORD', 'CHECKPOINT_DIR', 'AUDIT_SIGNING_KEY_FILE', 'CORS_ORIGINS', 'METRICS_PORT', 'METRICS_TOKEN', 'WORKER_QUEUES', 'SMTP_URL', 'MAIL_FROM', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'OIDC_GROUPS_CLAIM', 'OIDC_GROUP_MAP', 'OIDC_DISPLAY_NAME']) {
    const value = source[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(Environment, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: true });
  const problems = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => (/SECRET|PASSWORD|TOKEN|SMTP_URL|ACCESS_KEY/.test(e.property) ? m : `${m} (got ${JSON.stringify(picked[e.property])})`)),
  );
  if (problems.length > 0) throw new EnvironmentError(problems);
  return env;
}

/**
 * Outside the embedded default (DATABASE_URL set) a process refuses to start with defaults: the
 * database needs a real password, and the api (which signs tokens) a real JWT secret.
 */
export function requireProductionSecrets(env: Environment, role: 'api' | 'worker'): void {
  if (!env.DATABASE_URL) return;
  const problems: string[] = [];
  const db = databasePasswordProblem(env.DATABASE_URL);
  if (db) problems.push(db);
  if (role === 'api') {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET is required when DATABASE_URL is set (at least 32 random characters)');
    else {
      const weak = jwtSecretProblem(env.JWT_SECRET);
      if (weak) problems.push(weak);
    }
  }
  if (problems.length) throw new EnvironmentError(problems);
}

/** Who may read the api's /metrics: a bearer of `token`, and without one loopback callers when `openOnLoopback`. */
export interface MetricsAccess {
  token?: string;
  openOnLoopback: boolean;
}

/**
 * /metrics from the settings: outside the embedded default (DATABASE_URL set) it needs
 * METRICS_TOKEN, and answers 401 until one is set; the embedded default runs on one's own machine
 * and leaves it open to loopback callers when no token is set.
 */
export function metricsAccess(env: Environment): MetricsAccess {
  return { token: env.METRICS_TOKEN, openOnLoopback: !env.DATABASE_URL };
}

/** The api's check (see requireProductionSecrets). */
export function requireApiSecrets(env: Environment): void {
  requireProductionSecrets(env, 'api');
}
