import { EngineError, type StepResult } from '#libs/engine';
import { DomainError, ErrorCode } from '#libs/core';

/** What the engine said to one call: a result, or a refusal (its code says why). Anything else is a bug and is thrown. */
export type EngineAnswer = { ok: true; result: StepResult } | { ok: false; refusal: EngineError };

/** Runs the pure engine once, turning its refusals into a value the caller decides on. */
export function callEngine(run: () => StepResult): EngineAnswer {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    if (error instanceof EngineError) return { ok: false, refusal: error };
    throw error;
  }
}

/** The one translation of an engine refusal into the domain error a person's request answers with. */
export function refusalError(error: EngineError): DomainError {
  switch (error.code) {
    case 'INVALID_INPUT':
      return new DomainError(ErrorCode.InvalidInput, error.message, { issues: error.issues });
    case 'INVALID_PAYLOAD':
      return new DomainError(ErrorCode.InvalidPayload, error.message, { issues: error.issues });
    case 'EVENT_NOT_ACCEPTED':
      return new DomainError(ErrorCode.EventNotAccepted, error.message, { allowedEvents: error.allowedEvents ?? [] });
    case 'GUARD_REJECTED': {
      const failed = error.failedGuards ?? [];
      if (failed.includes('notSameActor')) {
        return new DomainError(ErrorCode.SeparationOfDuties, 'Separation of duties: the person who took an earlier step of this case may not take this one', {
          failedGuards: failed,
        });
      }
      if (failed.length && failed.every((g) => g === 'hasRole' || g === 'inUnit')) {
        return new DomainError(ErrorCode.Forbidden, 'Your roles or units do not allow this step', { failedGuards: failed });
      }
      // A guard that explains itself: its words, in both languages, at the payload field it concerns
      // (`issues`, as a refused payload is answered, so a form shows it under that field).
      const refusals = error.refusals ?? [];
      const issues = refusals.map((r) => ({ path: r.field ? `/payload/${r.field.split('.').join('/')}` : '/payload', code: 'refused', message: r.message.en, label: r.message }));
      return new DomainError(ErrorCode.GuardRejected, error.message, { allowedEvents: error.allowedEvents ?? [], failedGuards: failed, ...(refusals.length ? { refusals, issues } : {}) });
    }
    case 'INSTANCE_DONE':
      return new DomainError(ErrorCode.InstanceDone, error.message, { allowedEvents: [] });
    case 'DEFINITION_REFUSED':
      return new DomainError(ErrorCode.DefinitionInvalid, `The definition cannot take this step for this case: ${error.message}; nothing was changed`, { issues: error.issues ?? [] });
  }
}

/** The result, or the refusal as the domain error a request answers with. */
export function resultOrRefuse(answer: EngineAnswer): StepResult {
  if (answer.ok) return answer.result;
  throw refusalError(answer.refusal);
}
