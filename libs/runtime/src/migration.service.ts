import { Injectable } from '@nestjs/common';
import { activeStatePaths, EngineError, resolveDeadline, resolveTask, type CompiledWorkflow, type Effect, type StateValue } from '#libs/engine';
import { InstancesRepository, TasksRepository, type InstanceRecord, type TaskRecord, type TransitionWrite, Database } from '#libs/persistence';
import { AuditTrail, type AuditActor } from '#libs/core';
import { TimerPlanner } from './timer-planner.js';
import type { DeadlineMap, TimerPlan } from './deadline-plan.js';
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
  /** Keep an open task, with whoever claimed it, where its state and the task are the same in the new version (default true). */
  keepClaims?: boolean;
  /** Count a deadline whose state stays from when it started, extensions kept, rather than from the migration (default true). */
  keepDeadlineStarts?: boolean;
}

/** What a move does to one open task. */
export interface TaskChange {
  state: string;
  change: 'kept' | 'closed' | 'opened';
  assignee?: string | null;
  /** Why a claimed task is not kept. */
  note?: string;
}

/** What a move does to one deadline. */
export interface DeadlineChange {
  key: string;
  state: string;
  change: 'kept' | 'restarted' | 'armed' | 'cancelled' | 'passed';
  startAt?: string;
  dueAt?: string;
  previousDueAt?: string;
}

export interface MigrationVerdict {
  instanceId: string;
  businessKey: string | null;
  from: string[];
  to: string[] | null;
  movable: boolean;
  reason?: string;
  /** For a case that can move: what happens to its tasks (and their claims) and its deadlines. */
  tasks?: TaskChange[];
  deadlines?: DeadlineChange[];
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
    private readonly tasks: TasksRepository,
    private readonly planner: TimerPlanner,
    private readonly outboxSignal: OutboxSignal,
    private readonly audit: AuditTrail,
  ) {}

  async dryRun(plan: MigrationPlan, now = new Date()): Promise<{ plan: MigrationPlan; instances: MigrationVerdict[]; movable: number; blocked: number }> {
    const { target, candidates } = await this.load(plan);
    const verdicts: MigrationVerdict[] = [];
    for (const instance of candidates) {
      const verdict = this.verdict(instance, target, plan);
      if (verdict.movable) {
        try {
          const { tasks, deadlines } = await this.consequences(instance, target, verdict.to!, plan, await this.openTasks(instance.id), now);
          Object.assign(verdict, { tasks, deadlines });
        } catch (error) {
          verdicts.push(unmovable(verdict, error));
          continue;
        }
      }
      verdicts.push(verdict);
    }
    return { plan, instances: verdicts, movable: verdicts.filter((v) => v.movable).length, blocked: verdicts.filter((v) => !v.movable).length };
  }

  private async openTasks(instanceId: string): Promise<TaskRecord[]> {
    return (await this.tasks.listByInstance(this.dataSource.manager, instanceId)).filter((t) => t.status === 'open');
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
        let write: TransitionWrite;
        try {
          write = await this.moveWrite(instance, target, targetRecord, verdict.to!, plan, by, now);
        } catch (error) {
          blocked.push(unmovable(verdict, error));
          continue;
        }
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
    const value = valueOf(leaves);
    const { effects, timers, tasks, deadlines } = await this.consequences(instance, target, leaves, plan, await this.openTasks(instance.id), now);
    const payload = {
      definitionKey: instance.definitionKey,
      fromVersion: plan.fromVersion,
      toVersion: plan.toVersion,
      toDefinitionId: targetRecord.id,
      from: activeStatePaths(instance.stateValue as StateValue),
      to: leaves,
      // What the move did, in the history row (hashed): who kept a claim, which limits restarted.
      tasks,
      deadlines,
    };
    const actor = { id: by.id, roles: by.roles ?? [], units: by.units ?? [] };
    const state = { status: 'active' as const, value, context: instance.context, snapshot: { status: 'active', value, historyValue: {}, context: instance.context, children: {} } };
    const { write } = buildTransitionWrite({
      instance,
      // The summary and search text as the target version reads the case.
      presentation: target.definition,
      transition: { eventType: MIGRATED, payload, comment: null, result: { state, effects }, extraEffects: [] },
      plan: timers,
      who: { actor },
      at: now,
      // Every pending timer of the states left is cancelled; the new states' deadlines are armed again (from their start, when kept).
      timers: { arm: timers.arm, cancelStates: statePathsWithAncestors(instance.stateValue), cancelReminderKeys: [], extend: [], fire: null },
      definition: { id: targetRecord.id, version: targetRecord.version },
    });
    return write;
  }

  /**
   * What moving a case to `leaves` of the target does: the effects to write and, for people, the
   * tasks kept (with their claims), closed and opened, and the deadlines kept, restarted, armed,
   * cancelled or left passed.
   */
  private async consequences(
    instance: InstanceRecord,
    target: CompiledWorkflow,
    leaves: string[],
    plan: MigrationPlan,
    open: TaskRecord[],
    now: Date,
  ): Promise<{ effects: Effect[]; timers: TimerPlan; tasks: TaskChange[]; deadlines: DeadlineChange[] }> {
    const at = now.toISOString();
    const keepClaims = plan.keepClaims !== false;
    const keepStarts = plan.keepDeadlineStarts !== false;
    const oldPaths = statePathsWithAncestors(instance.stateValue);
    const newPaths = statePathsWithAncestors(valueOf(leaves));
    const previous = instance.deadlines as DeadlineMap;
    const tasks: TaskChange[] = [];
    const kept = new Set<string>();
    for (const t of open) {
      const why = !newPaths.includes(t.state)
        ? `its state is not active after the move`
        : !sameTask(t, target.states.get(t.state)?.task)
          ? `the task is different in version ${plan.toVersion}`
          : !keepClaims
            ? 'claims are not kept (keepClaims: false)'
            : undefined;
      if (why === undefined) {
        kept.add(t.state);
        tasks.push({ state: t.state, change: 'kept', assignee: t.assignee });
      } else {
        tasks.push({ state: t.state, change: 'closed', assignee: t.assignee, ...(t.assignee ? { note: `${t.assignee}'s claim ends: ${why}` } : {}) });
      }
    }
    // A passed deadline whose state stays is left passed (re-arming it would fire it again).
    const stillPassed = keepStarts ? Object.entries(previous).filter(([key, d]) => d.firedAt !== undefined && newPaths.includes(d.state) && declares(target, d.state, key)) : [];
    const carried: DeadlineMap = Object.fromEntries(stillPassed);
    const effects: Effect[] = [
      ...Object.entries(previous)
        .filter(([key]) => !(key in carried))
        .map(([deadlineKey, d]) => ({ type: 'timer.cancel' as const, state: d.state, deadlineKey, at })),
      ...oldPaths.filter((state) => !kept.has(state)).map((state) => ({ type: 'task.close' as const, state, at })),
    ];
    const deadlines: DeadlineChange[] = stillPassed.map(([key, d]) => ({ key, state: d.state, change: 'passed', dueAt: d.dueAt }));
    const armed: Array<{ key: string; state: string; startAt: string; before?: string; restarted: boolean }> = [];
    for (const state of newPaths) {
      const info = target.states.get(state);
      if (info?.task && !kept.has(state)) {
        effects.push({ type: 'task.open', state, task: forTheCase(() => resolveTask(info.task!, state, instance.context, at)), at });
        tasks.push({ state, change: 'opened' });
      }
      (info?.deadlines ?? []).forEach((rule, index) => {
        if (rule.key in carried) return;
        const deadline = forTheCase(() => resolveDeadline(rule, state, index, instance.context, at));
        if (!deadline) return;
        const before = previous[deadline.key];
        const keepStart = keepStarts && before !== undefined && before.state === state;
        const startAt = keepStart ? before.startAt : startOf(deadline, instance.context, at);
        effects.push({ type: 'timer.arm', state, deadline, startAt, at });
        if (keepStart) for (const x of before.extensions) effects.push({ type: 'timer.extend', deadlineKey: deadline.key, by: x.by, at: x.at, ...(x.reason === undefined ? {} : { reason: x.reason }) });
        armed.push({ key: deadline.key, state, startAt, before: before?.dueAt, restarted: before !== undefined && !keepStart });
      });
    }
    const timers = await this.planner.plan(target, effects, carried, instance.context, now);
    for (const a of armed) {
      const d = timers.deadlines[a.key];
      deadlines.push({ key: a.key, state: a.state, change: a.before === undefined ? 'armed' : a.restarted ? 'restarted' : 'kept', startAt: a.startAt, dueAt: d?.dueAt, ...(a.before ? { previousDueAt: a.before } : {}) });
      // A kept task's due date follows its state's deadline as it is now.
      if (kept.has(a.state) && d) timers.moved.push({ state: a.state, dueAt: d.dueAt });
    }
    for (const [key, d] of Object.entries(previous)) {
      if (!(key in carried) && !armed.some((a) => a.key === key)) deadlines.push({ key, state: d.state, change: 'cancelled', previousDueAt: d.dueAt });
    }
    return { effects, timers, tasks, deadlines };
  }
}

/** Whether an open task is the one the target version declares for its state (same title, candidates and outcomes). */
function sameTask(row: TaskRecord, spec: { title: unknown; roles: string[]; units?: string[]; outcomes: string[] } | undefined): boolean {
  if (!spec) return false;
  const same = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return JSON.stringify(row.title) === JSON.stringify(spec.title) && same(row.candidateRoles, spec.roles) && same(row.candidateUnits, spec.units ?? []) && same(row.outcomes, spec.outcomes);
}

function declares(target: CompiledWorkflow, state: string, key: string): boolean {
  return (target.states.get(state)?.deadlines ?? []).some((d) => d.key === key);
}

/** A case that cannot move for a reason of its own data (the verdict says it; nothing is written). */
class Unmovable extends Error {}

function unmovable(verdict: MigrationVerdict, error: unknown): MigrationVerdict {
  if (!(error instanceof Unmovable)) throw error;
  return { ...verdict, to: null, movable: false, reason: error.message };
}

/** A task or deadline the target version computes from the case (expressions): one it cannot compute for this case keeps the case where it is. */
function forTheCase<T>(resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof EngineError) throw new Unmovable(`the target version cannot take this case: ${error.message}`);
    throw error;
  }
}

/**
 * Where a re-armed deadline counts from: the moment of the move for `from: "entry"`, else the date
 * the case holds. As for a person's step (the engine's rule), a missing date is never replaced by
 * the moment of the click: the case is not moved, and the reason names the field to fill in.
 */
function startOf(deadline: { key: string; from?: unknown }, context: Record<string, unknown>, at: string): string {
  const from = deadline.from as { context?: string } | string | undefined;
  if (!from || typeof from !== 'object' || typeof from.context !== 'string') return at;
  const v = from.context.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), context);
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return v;
  throw new Unmovable(`deadline "${deadline.key}" counts from context.${from.context.replace(/^context\./, '')}, which this case does not hold as a date: set it on the case before moving it, or keep the deadline's start (keepDeadlineStarts)`);
}
