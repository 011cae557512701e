import type { LoggerService, LogLevel } from '@nestjs/common';
import { RedactingLogger } from '#libs/config';
import { JsonLogger } from './json-logger.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** A process's logger: JSON lines (pino) for collectors, or Nest's console format for people; secrets redacted either way. */
export function createLogger(level: LogLevel | false | undefined, format: 'pretty' | 'json' = 'pretty'): LoggerService | undefined {
  if (level === false) return undefined;
  if (format === 'json') return new JsonLogger(level ?? 'log');
  return new RedactingLogger({ logLevels: LEVELS.slice(0, LEVELS.indexOf(level ?? 'log') + 1) });
}
