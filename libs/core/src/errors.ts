/** Every way a request can fail on purpose. The HTTP layer maps each code to a status in one exhaustive switch. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  InvalidInput = 'INVALID_INPUT',
  InvalidPayload = 'INVALID_PAYLOAD',
  DefinitionInvalid = 'DEFINITION_INVALID',
  DefinitionNotFound = 'DEFINITION_NOT_FOUND',
  InstanceNotFound = 'INSTANCE_NOT_FOUND',
  CalendarOverrideNotFound = 'CALENDAR_OVERRIDE_NOT_FOUND',
  UserNotFound = 'USER_NOT_FOUND',
  TokenNotFound = 'TOKEN_NOT_FOUND',
  SessionNotFound = 'SESSION_NOT_FOUND',
  TaskNotFound = 'TASK_NOT_FOUND',
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
  WebhookDeliveryNotFound = 'WEBHOOK_DELIVERY_NOT_FOUND',
  EmailDeliveryNotFound = 'EMAIL_DELIVERY_NOT_FOUND',
  FileNotFound = 'FILE_NOT_FOUND',
  FileTooLarge = 'FILE_TOO_LARGE',
  FileTypeRefused = 'FILE_TYPE_REFUSED',
  FileCorrupted = 'FILE_CORRUPTED',
  Duplicate = 'DUPLICATE',
  Conflict = 'CONFLICT',
  DefinitionUnsafe = 'DEFINITION_UNSAFE',
  NotMovable = 'NOT_MOVABLE',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  SeparationOfDuties = 'SEPARATION_OF_DUTIES',
  TaskNotClaimable = 'TASK_NOT_CLAIMABLE',
  TaskClosed = 'TASK_CLOSED',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  EventNotAccepted = 'EVENT_NOT_ACCEPTED',
  GuardRejected = 'GUARD_REJECTED',
  InstanceDone = 'INSTANCE_DONE',
  StaleRevision = 'STALE_REVISION',
  DuplicateBusinessKey = 'DUPLICATE_BUSINESS_KEY',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  ConcurrentUpdate = 'CONCURRENT_UPDATE',
  DependencyUnavailable = 'DEPENDENCY_UNAVAILABLE',
}

/** One bad field: where it is (a dotted path or JSON pointer) and why it was refused. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
