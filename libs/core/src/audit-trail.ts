import { Injectable } from '@nestjs/common';
import { AuditRepository, Database, type Tx } from '#libs/persistence';

export interface AuditActor {
  id: string;
  roles?: string[];
  units?: string[];
}

/**
 * Records the actions that are not transitions — tasks claimed or delegated, definitions published,
 * users, tokens and calendar overrides changed, failed sign-ins — into the append-only audit log,
 * which joins the global ledger like history does. Pass the caller's transaction to record with it.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditRepository,
  ) {}

  async record(
    entry: { actor: AuditActor; action: string; subjectType?: string; subjectId?: string; data?: unknown; requestId?: string; at?: Date },
    manager: Tx = this.database.manager,
  ): Promise<void> {
    await this.audit.insert(manager, {
      at: entry.at ?? new Date(),
      actorId: entry.actor.id,
      actor: entry.actor,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      data: entry.data ?? null,
      requestId: entry.requestId ?? null,
    });
  }
}
