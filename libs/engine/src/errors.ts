import type { EngineErrorCode, GuardRefusal, ValidationIssue } from './types.js';

/** Thrown by compileWorkflow() when a definition is invalid. */
export class DefinitionError extends Error {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[], message?: string) {
    super(
      message ??
        `Invalid workflow definition (${issues.length} issue${issues.length === 1 ? '' : 's'}): ` +
          issues
            .slice(0, 5)
            .map((i) => `${i.path || '/'} ${i.code}: ${i.message}`)
            .join('; '),
    );
    this.name = 'DefinitionError';
    this.issues = issues;
  }
}

/** Thrown by start()/step() when an input or event is refused. The instance is unchanged. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly allowedEvents?: string[];
  readonly issues?: ValidationIssue[];
  /** GUARD_REJECTED: the guard types that refused (e.g. hasRole, notSameActor). */
  readonly failedGuards?: string[];
  /** GUARD_REJECTED: what the refusing guards tell a person (guards that carry a `message`). */
  readonly refusals?: GuardRefusal[];

  constructor(code: EngineErrorCode, message: string, extra: { allowedEvents?: string[]; issues?: ValidationIssue[]; failedGuards?: string[]; refusals?: GuardRefusal[] } = {}) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    if (extra.allowedEvents) this.allowedEvents = extra.allowedEvents;
    if (extra.issues) this.issues = extra.issues;
    if (extra.failedGuards) this.failedGuards = extra.failedGuards;
    if (extra.refusals?.length) this.refusals = extra.refusals;
  }
}
