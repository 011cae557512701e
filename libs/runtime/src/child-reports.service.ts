import { Injectable } from '@nestjs/common';
import { activeStatePaths } from '#libs/engine';
import { canonicalJson, InstancesRepository, sha256, Database } from '#libs/persistence';
import { DefinitionsService } from './definitions.service.js';
import { DomainError, ErrorCode } from '#libs/core';
import { SYSTEM_ACTOR } from './requests.js';
import { TransitionRunner } from './transition-runner.js';

/** Idempotency key of a child's report on its parent's event scope: each child reports once. */
export const childReportKey = (childId: string) => `child-done:${childId}`;

/**
 * A finished child tells its parent (`child.done`), at most once: the parent's event is keyed by
 * the child's id. Nothing happens when the child is not done or has no parent, when the parent has
 * finished, or when the parent no longer waits for it.
 */
@Injectable()
export class ChildReports {
  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesRepository,
    private readonly runner: TransitionRunner,
  ) {}

  async reportChild(childId: string, now?: Date): Promise<'reported' | 'noop'> {
    const child = await this.instances.findById(this.dataSource.manager, childId);
    if (!child || child.status !== 'done' || !child.parent) return 'noop';
    const { workflow } = await this.definitions.byId(child.definitionId);
    const leaves = activeStatePaths(child.stateValue as never);
    const snapshotOutput = (child.snapshot as { output?: unknown } | null)?.output;
    const output = snapshotOutput ?? leaves.map((l) => workflow.states.get(l)?.output).find((o) => o !== undefined);
    const { id: parentId, group, key } = child.parent;
    const payload: Record<string, unknown> = { group, key, childId, definitionKey: child.definitionKey, state: leaves.join(',') };
    if (output !== undefined) payload.output = output;
    try {
      const { outcome } = await this.runner.apply({
        instanceId: parentId,
        meta: { actor: SYSTEM_ACTOR, now, idempotencyKey: childReportKey(childId) },
        cause: { kind: 'child-report', child: { id: childId, definitionKey: child.definitionKey, group, key }, payload },
        idempotency: { scope: `instance:${parentId}:events`, key: childReportKey(childId), requestHash: sha256(canonicalJson(payload)), strict: false },
      });
      return outcome === 'noop' || outcome.replayed ? 'noop' : 'reported';
    } catch (error) {
      // The parent no longer takes the report (it moved on, or finished): nothing to tell it.
      if (error instanceof DomainError && (error.code === ErrorCode.EventNotAccepted || error.code === ErrorCode.InstanceDone)) return 'noop';
      throw error;
    }
  }

  /** Reports every finished child whose active parent has not heard of it yet (a lost or failed report job). */
  async reportPendingChildren(now?: Date, limit = 500): Promise<number> {
    let reported = 0;
    for (const id of await this.instances.findUnreportedChildren(this.dataSource.manager, limit)) {
      if ((await this.reportChild(id, now)) === 'reported') reported++;
    }
    return reported;
  }
}
