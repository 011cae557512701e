import { applyDecorators, HttpStatus, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { HeadersObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { ErrorResponseDto } from './dto/common.dto.js';

/** Every response carries it (request-id.middleware.ts). */
export const REQUEST_ID: HeadersObject = {
  'X-Request-Id': { required: true, description: "The request's id: the caller's when it is a safe token, otherwise a new UUID; stored on history rows", schema: { type: 'string' } },
};
/** A 400 may come before the request has an id (a malformed path, query or JSON body is refused first). */
const REQUEST_ID_IF_ANY: HeadersObject = {
  'X-Request-Id': { description: "The request's id, unless the request was refused before it got one (a malformed path, query or body)", schema: { type: 'string' } },
};
export const ETAG: HeadersObject = { ETag: { required: true, description: 'The instance\'s revision, quoted ("3"); send it back as If-Match', schema: { type: 'string' } } };
export const REPLAYED: HeadersObject = {
  'Idempotent-Replayed': { description: 'true when this is the stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
};
export const CONTENT_DISPOSITION: HeadersObject = { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } } };
const RETRY_AFTER: HeadersObject = { 'Retry-After': { description: 'Seconds until the limit resets', schema: { type: 'integer' } } };

const ERRORS: Record<number, string> = {
  400: 'VALIDATION_FAILED (details.problems names each field: also a malformed path, query or JSON body on any route), INVALID_INPUT / INVALID_PAYLOAD / DEFINITION_INVALID (details.issues)',
  401: 'UNAUTHENTICATED: no, a wrong, an expired or a revoked token',
  403: "FORBIDDEN or SEPARATION_OF_DUTIES: the caller's roles do not allow it",
  404: 'Unknown, or not visible to the caller',
  409: 'A conflict (STALE_REVISION, DUPLICATE, IDEMPOTENCY_KEY_REUSED, TASK_NOT_CLAIMABLE, TASK_CLOSED, CONFLICT, CONCURRENT_UPDATE…)',
  413: 'PAYLOAD_TOO_LARGE: a body over 1 MB',
  422: 'EVENT_NOT_ACCEPTED, GUARD_REJECTED, INSTANCE_DONE, DEFINITION_UNSAFE, NOT_MOVABLE: not allowed now',
  429: 'TOO_MANY_ATTEMPTS: a rate limit; Retry-After says when to try again',
  503: 'DEPENDENCY_UNAVAILABLE: the database (or a queue) cannot be reached',
};

/** The shared error body on each listed status. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERRORS[status] ?? 'Error', type: ErrorResponseDto, headers: { ...(status === 400 ? REQUEST_ID_IF_ANY : REQUEST_ID), ...(status === 429 ? RETRY_AFTER : {}) } }),
    ),
  );
}

type Answer = { status?: number; description: string; headers?: HeadersObject };

/** A JSON answer of `type` (a DTO class, or [DTO] for an array). */
export function ApiJson(type: Type<unknown> | [Type<unknown>], answer: Answer) {
  return ApiResponse({ status: answer.status ?? HttpStatus.OK, description: answer.description, type, headers: { ...REQUEST_ID, ...answer.headers } });
}

/** An answer with no body (204). */
export function ApiEmpty(description: string) {
  return ApiResponse({ status: HttpStatus.NO_CONTENT, description, headers: REQUEST_ID });
}

/** A non-JSON answer (diagrams, exports) or one of several media types; errors stay JSON (the filter forces it). */
export function ApiMedia(content: Record<string, SchemaObject | ReferenceObject | Type<unknown>>, answer: Answer) {
  const models = Object.values(content).filter((s): s is Type<unknown> => typeof s === 'function');
  const schemaOf = (s: SchemaObject | ReferenceObject | Type<unknown>) => (typeof s === 'function' ? { $ref: getSchemaPath(s) } : s);
  return applyDecorators(
    ...(models.length ? [ApiExtraModels(...models)] : []),
    ApiResponse({
      status: answer.status ?? HttpStatus.OK,
      description: answer.description,
      headers: { ...REQUEST_ID, ...answer.headers },
      content: Object.fromEntries(Object.entries(content).map(([type, s]) => [type, { schema: schemaOf(s) }])),
    }),
  );
}

/** A route that needs `Authorization: Bearer …` (every route not marked @Public()). */
export const Authenticated = () => ApiBearerAuth('bearer');

/** What every signed-in route can answer besides its own errors: 401, and 503 while the database is away. */
export const SignedIn = () => applyDecorators(Authenticated(), ApiErrors(401, 503));
/** A signed-in write: also 403 (auditors change nothing) and 429 (the per-address write limit). */
export const SignedInWrite = () => applyDecorators(Authenticated(), ApiErrors(401, 403, 429, 503));
