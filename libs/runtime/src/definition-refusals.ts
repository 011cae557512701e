import { Injectable } from '@nestjs/common';
import { AuditTrail, DomainError, ErrorCode, type AuditActor } from '#libs/core';
import { AuditRepository, Database } from '#libs/persistence';

export const RUNTIME_REFUSAL = 'definition.runtime_refusal';

/**
 * A published definition that refuses a step at run time (a deadline the calendar cannot compute)
 * is the admins' to fix, not the sender's: the refusal is written to the audit log
 * (`definition.runtime_refusal`, `GET /audit/log?action=…&subject=<key>`, and the workflow's page),
 * with the case, the step and the paths in the definition.
 */
@Injectable()
export class DefinitionRefusals {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly entries: AuditRepository,
  ) {}

  static isDefinitionRefusal(error: unknown): error is DomainError {
    return error instanceof DomainError && error.code === ErrorCode.DefinitionInvalid;
  }

  /**
   * Records `error` when it is a definition's refusal. `once` names a refusal that repeats by itself
   * (a deadline's job is retried, then re-armed by the sweep): it is recorded the first time only.
   */
  async record(
    error: unknown,
    refusal: { definition: string; instanceId?: string; event: string; cause: 'event' | 'deadline'; timerId?: string },
    meta: { actor: AuditActor; requestId?: string; at: Date; once?: string },
  ): Promise<void> {
    if (!DefinitionRefusals.isDefinitionRefusal(error)) return;
    const requestId = meta.once ?? meta.requestId;
    if (meta.once && (await this.entries.hasEntry(this.database.manager, RUNTIME_REFUSAL, meta.once))) return;
    await this.audit.record({
      actor: meta.actor,
      action: RUNTIME_REFUSAL,
      subjectType: 'definition',
      subjectId: refusal.definition,
      data: { ...(refusal.instanceId ? { instanceId: refusal.instanceId } : {}), event: refusal.event, cause: refusal.cause, ...(refusal.timerId ? { timerId: refusal.timerId } : {}), message: error.message, issues: error.details?.issues ?? [] },
      requestId,
      at: meta.at,
    });
  }
}
