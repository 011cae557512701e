import { Injectable } from '@nestjs/common';
import { activeStatePaths, type CompiledWorkflow, type DeadlineSpec, type Effect, type StateValue } from '#libs/engine';
import { InstancesRepository, type InstanceRecord, type TransitionWrite, Database } from '#libs/persistence';
import { AuditTrail, type AuditActor } from '#libs/core';
import { TimerPlanner } from './timer-planner.js';
import type { DeadlineMap } from './deadline-plan.js';
import { DefinitionsService } from './definitions.service.js';
import { DomainError, ErrorCode } from '#libs/core';
import { statePathsWithAncestors } from './instance-view.js';
import { OutboxSignal } from './outbox-signal.js';
import { buildTransitionWrite } from './transition-write.js';

export interface MigrationPlan {
  definitionKey: string;
  fromVersion: number;
  toVersion: number;
  /** Leaf state paths of the old version -> leaf state paths of the new one. Unmapped paths keep their name if the new version has it. */
  stateMap?: Record<string, string>;
  /** Only these instances (default: every active instance on fromVersion). */
  instanceIds?: string[];
}

export interface MigrationVerdict {
  instanceId: string;
  businessKey: string | null;
  from: string[];
  to: string[] | null;
  movable: boolean;
  reason?: string;
}

export const MIGRATED = 'instance.migrated';
const BATCH = 100;

/** Builds a state value from active leaf paths: ['a.b', 'a.c.d'] -> { a: { b: {}, c: 'd' } } as XState writes it. */
export function valueOf(leaves: string[]): StateValue {
  if (leaves.length === 1 && !leaves[0].includes('.')) return leaves[0];
  const tree: Record<string, any> = {};
  for (const leaf of leaves) {
    const parts = leaf.split('.');
    let node = tree;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) {
        if (!(p in node)) node[p] = null;
      } else node = node[p] && typeof node[p] === 'object' ? node[p] : (node[p] = {});
    });
  }
  const collapse = (n: Record<string, any>): any => {
    const keys = Object.keys(n);
    if (keys.length === 1 && n[keys[0]] === null) return keys[0];
    return Object.fromEntries(keys.map((k) => [k, n[k] === null ? {} : collapse(n[k])]));
  };
  return collapse(tree);
}

/**
 * Moves running instances from one version of a definition to another by a plan of state
 * mappings. A dry run says, per instance, whether it can move and why not; applying moves the
 * movable ones in batches, each move a history row (`instance.migrated`), with the tasks and
 * timers of the old states closed and those of the new states opened. Nothing moves silently.
 */
@Injectable()
export class MigrationService {
  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesRepository,
    private readonly planner: TimerPlanner,
    private readonly outboxSignal: OutboxSignal,
    private readonly audit: AuditTrail,
  ) {}

  async dryRun(plan: MigrationPlan): Promise<{ plan: MigrationPlan; instances: MigrationVerdict[]; movable: number; blocked: number }> {
    const { target, candidates } = await this.load(plan);
    const verdicts = candidates.map((i) => this.verdict(i, target, plan));
    return { plan, instances: verdicts, movable: verdicts.filter((v) => v.movable).length, blocked: verdicts.filter((v) => !v.movable).length };
  }

  async apply(plan: MigrationPlan, by: AuditActor, now = new Date()): Promise<{ moved: string[]; blocked: MigrationVerdict[] }> {
    const { target, targetRecord, candidates } = await this.load(plan);
    const moved: string[] = [];
    const blocked: MigrationVerdict[] = [];
    for (let i = 0; i < candidates.length; i += BATCH) {
      for (const instance of candidates.slice(i, i + BATCH)) {
        const verdict = this.verdict(instance, target, plan);
        if (!verdict.movable) {
          blocked.push(verdict);
          continue;
        }
        const write = await this.moveWrite(instance, target, targetRecord, verdict.to!, plan, by, now);
        if (await this.instances.applyTransition(this.dataSource.manager, write)) moved.push(instance.id);
        else blocked.push({ ...verdict, movable: false, reason: 'the instance changed while it was being moved; run the migration again' });
      }
    }
    await this.audit.record({ actor: by, action: 'definition.migrated', subjectType: 'definition', subjectId: `${plan.definitionKey}@${plan.fromVersion}->${plan.toVersion}`, data: { moved: moved.length, blocked: blocked.length } });
    if (moved.length) this.outboxSignal.notify();
    return { moved, blocked };
  }

  private async load(plan: MigrationPlan) {
    if (plan.toVersion === plan.fromVersion) {
      throw new DomainError(ErrorCode.ValidationFailed, 'toVersion must differ from fromVersion', { problems: [{ field: 'toVersion', reason: 'must differ from fromVersion' }] });
    }
    const from = await this.definitions.version(plan.definitionKey, plan.fromVersion);
    const targetRecord = await this.definitions.version(plan.definitionKey, plan.toVersion);
    if (targetRecord.status !== 'published') throw new DomainError(ErrorCode.Conflict, `${plan.definitionKey}@${plan.toVersion} is ${targetRecord.status}; migrate to a published version`, {});
    const { workflow: target } = await this.definitions.byId(targetRecord.id);
    const candidates: InstanceRecord[] = [];
    let cursor: { createdAt: string; id: string } | undefined;
    for (;;) {
      const page = await this.instances.list(this.dataSource.manager, { definitionKey: plan.definitionKey, definitionVersion: from.version, status: 'active', limit: 500, cursor });
      candidates.push(...page.items.filter((i) => !plan.instanceIds || plan.instanceIds.includes(i.id)));
      if (!page.nextCursor) break;
      const last = page.items[page.items.length - 1];
      cursor = { createdAt: last.createdAt.toISOString(), id: last.id };
    }
    return { target, targetRecord, candidates };
  }

  private verdict(instance: InstanceRecord, target: CompiledWorkflow, plan: MigrationPlan): MigrationVerdict {
    const from = activeStatePaths(instance.stateValue as StateValue);
    const to: string[] = [];
    for (const path of from) {
      const mapped = plan.stateMap?.[path] ?? path;
      const info = target.states.get(mapped);
      const isLeaf = info && ![...target.states.keys()].some((p) => p.startsWith(`${mapped}.`));
      if (!info || !isLeaf) {
        return {
          instanceId: instance.id,
          businessKey: instance.businessKey,
          from,
          to: null,
          movable: false,
          reason: plan.stateMap?.[path]
            ? `"${mapped}" is not a state without children in version ${plan.toVersion}`
            : `state "${path}" has no counterpart in version ${plan.toVersion}: map it in stateMap`,
        };
      }
      to.push(mapped);
    }
    return { instanceId: instance.id, businessKey: instance.businessKey, from, to, movable: true };
  }

  private async moveWrite(
    instance: InstanceRecord,
    target: CompiledWorkflow,
    targetRecord: { id: string; version: number },
    leaves: string[],
    plan: MigrationPlan,
    by: AuditActor,
    now: Date,
  ): Promise<TransitionWrite> {
    const at = now.toISOString();
    const value = valueOf(leaves);
    const oldPaths = statePathsWithAncestors(instance.stateValue);
    const newPaths = statePathsWithAncestors(value);
    // Close what the old states held, open what the new states declare, as if they had just been entered.
    const effects: Effect[] = [
      ...Object.entries(instance.deadlines as DeadlineMap).map(([deadlineKey, d]) => ({ type: 'timer.cancel' as const, state: d.state, deadlineKey, at })),
      ...oldPaths.map((state) => ({ type: 'task.close' as const, state, at })),
    ];
    for (const state of newPaths) {
      const info = target.states.get(state);
      if (info?.task) effects.push({ type: 'task.open', state, task: info.task, at });
      for (const deadline of info?.deadlines ?? []) effects.push({ type: 'timer.arm', state, deadline: deadline as DeadlineSpec, startAt: startOf(deadline, instance.context, at), at });
    }
    const timers = await this.planner.plan(target, effects, {}, now);
    const payload = { definitionKey: instance.definitionKey, fromVersion: plan.fromVersion, toVersion: plan.toVersion, toDefinitionId: targetRecord.id, from: activeStatePaths(instance.stateValue as StateValue), to: leaves };
    const actor = { id: by.id, roles: by.roles ?? [], units: by.units ?? [] };
    const state = { status: 'active' as const, value, context: instance.context, snapshot: { status: 'active', value, historyValue: {}, context: instance.context, children: {} } };
    const { write } = buildTransitionWrite({
      instance,
      transition: { eventType: MIGRATED, payload, comment: null, result: { state, effects }, extraEffects: [] },
      plan: timers,
      who: { actor },
      at: now,
      // Every timer of the states left is cancelled: the new states' deadlines start afresh.
      timers: { arm: timers.arm, cancelStates: oldPaths, cancelReminderKeys: [], extend: [], fire: null },
      definition: { id: targetRecord.id, version: targetRecord.version },
    });
    return write;
  }
}

function startOf(deadline: { from?: unknown }, context: Record<string, unknown>, at: string): string {
  const from = deadline.from as { context?: string } | string | undefined;
  if (from && typeof from === 'object' && typeof from.context === 'string') {
    const v = from.context.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), context);
    if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return v;
  }
  return at;
}
