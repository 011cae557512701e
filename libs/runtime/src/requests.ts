import type { Actor } from '#libs/engine';
import type { StoredResponse } from '#libs/persistence';
import { DomainError, ErrorCode } from '#libs/core';
import type { Principal } from '#libs/core';
import type { Override } from './who-may-act.js';

/** Who asked, and the request's own trace: what every history row records besides the event. */
export interface RequestMeta {
  actor: Actor;
  /** The signed-in user behind `actor`, when there is one (absent for the system). */
  principal?: Principal;
  requestId?: string;
  idempotencyKey?: string;
  /** Injected clock for tests and replays; the server's clock otherwise. */
  now?: Date;
}

export interface StartCommand {
  definitionKey: string;
  version?: number;
  businessKey?: string;
  input?: Record<string, unknown>;
  /** The caller takes the first tasks they may do (see StartBuilder). */
  claimFirstTask?: boolean;
}

export interface EventCommand {
  type: string;
  payload?: Record<string, unknown>;
  expectedRevision?: number;
  comment?: string;
  /** Set by task completion (never from a request body): the task this event answers. */
  task?: { taskId: string };
  /** An admin acting outside who-may-act, with the reason recorded in the history (see who-may-act.ts). */
  override?: Override;
}

/** A response and whether it was replayed from an earlier request with the same Idempotency-Key. */
export interface Outcome<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

/** The actor of timer, child-report and scheduled events. */
export const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'], units: [] };

/** History event type of a deadline that passed without an event of its own (escalation only, or its event refused). */
export const DEADLINE_PASSED = 'deadline.passed';

export function instanceNotFound(id: string): DomainError {
  return new DomainError(ErrorCode.InstanceNotFound, `No workflow instance has the id ${id}`, { id });
}

/** The stored answer to a repeated Idempotency-Key; refused when the key came with another request. */
export function replay<T>(stored: StoredResponse, requestHash: string, key: string): Outcome<T> {
  if (stored.requestHash !== requestHash) {
    throw new DomainError(ErrorCode.IdempotencyKeyReused, `Idempotency-Key "${key}" was already used for a different request`, {
      field: 'Idempotency-Key',
    });
  }
  return { statusCode: stored.statusCode, body: stored.response as T, replayed: true };
}
