import { ConsoleLogger } from '@nestjs/common';

/**
 * Secrets must never reach a log: passwords inside connection URLs, bearer tokens, API tokens
 * (`php_…`), JWTs. Everything the processes log goes through this.
 */
const PATTERNS: Array<[RegExp, string]> = [
  // scheme://user:password@host -> scheme://user:***@host (postgres, redis, amqp…)
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, '$1***@'],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1***'],
  [/\bphp_[A-Za-z0-9_-]{8,}/g, 'php_***'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g, '***.jwt.***'],
  [/((?:password|passwd|secret|token)["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1***'],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  return out;
}

const redact = (v: unknown): unknown => (typeof v === 'string' ? redactSecrets(v) : v instanceof Error ? Object.assign(new Error(redactSecrets(v.message)), { stack: v.stack && redactSecrets(v.stack) }) : v);

/** Nest's console logger with every message (and stack) passed through redactSecrets(). */
export class RedactingLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]) {
    super.log(redact(message), ...rest.map(redact));
  }
  override error(message: unknown, ...rest: unknown[]) {
    super.error(redact(message), ...rest.map(redact));
  }
  override warn(message: unknown, ...rest: unknown[]) {
    super.warn(redact(message), ...rest.map(redact));
  }
  override debug(message: unknown, ...rest: unknown[]) {
    super.debug(redact(message), ...rest.map(redact));
  }
  override verbose(message: unknown, ...rest: unknown[]) {
    super.verbose(redact(message), ...rest.map(redact));
  }
  override fatal(message: unknown, ...rest: unknown[]) {
    super.fatal(redact(message), ...rest.map(redact));
  }
}

/** Passwords that ship in examples and images: a database using one of them is not protected. */
const WELL_KNOWN = new Set(['', 'postgres', 'password', 'phoihop', 'changeme', 'change-me', 'secret', 'admin', 'root', '123456', 'example']);

/** Why a DATABASE_URL is not safe to run with (no password, or a default one); undefined when it is. */
export function databasePasswordProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'DATABASE_URL is not a URL (postgres://user:password@host:port/database)';
  }
  const password = decodeURIComponent(parsed.password);
  if (!password) return 'DATABASE_URL has no password: give the database user a strong one';
  if (WELL_KNOWN.has(password.toLowerCase()) || password.length < 12) return 'DATABASE_URL uses a default or short password (under 12 characters): use a strong one';
  return undefined;
}

/** Why a JWT_SECRET is weak (a placeholder, or one repeated character); undefined when it is not. */
export function jwtSecretProblem(secret: string): string | undefined {
  if (secret.length < 32) return 'JWT_SECRET must be at least 32 characters';
  if (/change|example|placeholder|your[-_ ]?secret/i.test(secret) || new Set(secret).size < 8) return 'JWT_SECRET looks like a placeholder: use 32 or more random characters (openssl rand -hex 32)';
  return undefined;
}
