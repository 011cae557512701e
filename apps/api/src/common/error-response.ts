import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '#libs/core';

/** The one error body every endpoint returns. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
  errorId?: string;
}

/** Exhaustive: adding an ErrorCode without a status here fails the type check. */
export function statusFor(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.InvalidInput:
    case ErrorCode.InvalidPayload:
    case ErrorCode.DefinitionInvalid:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.DefinitionNotFound:
    case ErrorCode.InstanceNotFound:
    case ErrorCode.CalendarOverrideNotFound:
    case ErrorCode.UserNotFound:
    case ErrorCode.TokenNotFound:
    case ErrorCode.SessionNotFound:
    case ErrorCode.TaskNotFound:
    case ErrorCode.NotificationNotFound:
    case ErrorCode.WebhookNotFound:
    case ErrorCode.WebhookDeliveryNotFound:
    case ErrorCode.EmailDeliveryNotFound:
    case ErrorCode.FileNotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.FileTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.FileTypeRefused:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case ErrorCode.FileCorrupted:
      return HttpStatus.INTERNAL_SERVER_ERROR;
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
    case ErrorCode.SeparationOfDuties:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.TooManyAttempts:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.Duplicate:
    case ErrorCode.Conflict:
    case ErrorCode.TaskNotClaimable:
    case ErrorCode.TaskClosed:
      return HttpStatus.CONFLICT;
    case ErrorCode.StaleRevision:
    case ErrorCode.DuplicateBusinessKey:
    case ErrorCode.IdempotencyKeyReused:
    case ErrorCode.ConcurrentUpdate:
      return HttpStatus.CONFLICT;
    case ErrorCode.EventNotAccepted:
    case ErrorCode.DefinitionUnsafe:
    case ErrorCode.NotMovable:
    case ErrorCode.GuardRejected:
    case ErrorCode.InstanceDone:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case ErrorCode.DependencyUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unhandled: never = code;
      throw new Error(`no HTTP status for error code ${String(unhandled)}`);
    }
  }
}

export const reasonPhrase: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
