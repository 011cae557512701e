import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '#libs/core';
import { reasonPhrase, statusFor, type ErrorBody } from './error-response.js';

/** PostgreSQL/driver conditions that mean "the database is not there right now", not "the request was wrong". */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; name?: string; message?: string; driverError?: unknown };
  if (e?.code && UNAVAILABLE.has(e.code)) return true;
  // TypeORM releases a transaction's runner when PostgreSQL ends the connection; the next query says so, with no code.
  if (e?.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  if (e?.driverError) return isUnavailable(e.driverError);
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e?.message ?? '');
}

/** PostgreSQL class 22 (data exception): the value, not the server, is at fault. */
function isInvalidValue(error: unknown): boolean {
  const e = error as { code?: string; driverError?: unknown };
  if (typeof e?.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
  return e?.driverError ? isInvalidValue(e.driverError) : false;
}

/** Maps every thrown thing to the one error shape; every 500 is logged under an id the response carries. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    body.requestId = request.id;
    if (body.statusCode === 503) {
      // Expected while a dependency is down (hundreds a minute): one line each, no stack.
      this.logger.warn(`${request.method} ${request.url}: ${body.message} (${(exception as Error)?.message ?? String(exception)})`);
    } else if (body.statusCode >= 500) {
      body.errorId = randomUUID();
      this.logger.error(`${body.errorId} ${request.method} ${request.url}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    // Forced: a handler that declared another type (a diagram is text/plain) still answers errors as JSON.
    if (!reply.sent && !reply.raw.headersSent) reply.code(body.statusCode).header('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = statusFor(exception.code);
      return { statusCode, error: reasonPhrase[statusCode], code: exception.code, message: exception.message, details: exception.details };
    }
    // The HTTP layer's own refusals (a body over the limit, a Content-Length that does not match
    // the body, an aborted upload) carry their status and a code of Fastify's.
    const layer = exception as { code?: unknown; statusCode?: unknown; message?: string };
    if (typeof layer?.code === 'string' && layer.code.startsWith('FST_') && typeof layer.statusCode === 'number' && layer.statusCode >= 400 && layer.statusCode < 500) {
      if (layer.statusCode === 413) return { statusCode: 413, error: reasonPhrase[413], code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' };
      return { statusCode: layer.statusCode, error: reasonPhrase[layer.statusCode] ?? 'Error', code: `HTTP_${layer.statusCode}`, message: layer.message ?? 'The request was refused' };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      const code = statusCode === 429 ? ErrorCode.TooManyAttempts : `HTTP_${statusCode}`;
      // What the thrower added besides Nest's own fields (a readiness failure's checks) stays, as details.
      const { statusCode: _status, error: _error, message: _message, ...extra } = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      return { statusCode, error: reasonPhrase[statusCode] ?? 'Error', code, message, ...(Object.keys(extra).length ? { details: extra } : {}) };
    }
    if (isInvalidValue(exception)) {
      // A value PostgreSQL cannot take (an out-of-range number, a malformed date…) that validation let through.
      return { statusCode: 400, error: reasonPhrase[400], code: ErrorCode.ValidationFailed, message: 'A value in the request is not valid for its field', details: { problems: [{ field: 'request', reason: 'a value is out of range or malformed' }] } };
    }
    if (isUnavailable(exception)) {
      return { statusCode: 503, error: reasonPhrase[503], code: ErrorCode.DependencyUnavailable, message: 'The database is unavailable; try again shortly' };
    }
    return { statusCode: 500, error: reasonPhrase[500], code: 'INTERNAL', message: 'An unexpected error occurred' };
  }
}
