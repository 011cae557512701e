import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { activeStatePaths, CHILD_DONE_EVENT, EngineError, start, step, type Actor, type CompiledWorkflow, type Effect, type Label, type StepRecord, type StepResult } from '#libs/engine';
import {
  canonicalJson,
  decodeCursor,
  GENESIS_HASH,
  HistoryRepository,
  historyHash,
  InstancesRepository,
  sha256,
  TasksRepository,
  TimersRepository,
  type DefinitionRecord,
  type InstanceRecord,
  type NewInstance,
  type OutboxMessage,
  type StoredResponse,
  type TimerRecord,
  type TransitionWrite,
} from '#libs/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarService } from './calendar.service.js';
import { planTimers, type DeadlineMap, type TimerPlan } from './deadline-plan.js';
import { DefinitionsService } from './definitions.service.js';
import { DomainError, ErrorCode } from './errors.js';
import { statePathsWithAncestors, toChildView, toHistoryView, toInstanceView, toTimerView, type HistoryView, type InstanceView, type TimerView } from './instance-view.js';
import { OutboxSignal } from './outbox-signal.js';
import { TransitionObserver } from './transition-observer.js';
import { RecentInstances } from './recent-instances.js';
import { seesEverything, type Principal } from './principal.js';
import { planTasks } from './task-plan.js';
import { AuditTrail } from './audit-trail.js';
import { decideWhoMayAct, type ActDecision, type Override } from './who-may-act.js';

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

export interface ListQuery {
  definitionKey?: string;
  status?: 'active' | 'done';
  state?: string;
  businessKey?: string;
  parentId?: string;
  overdue?: boolean;
  limit?: number;
  cursor?: string;
  now?: Date;
  principal?: Principal;
}

export type FireOutcome = 'fired' | 'stale';

/** The actor of timer and scheduled events. */
export const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'], units: [] };

const START_EVENT = 'xstate.init';
/** History event type of a deadline that passed without an event of its own (escalation only, or its event refused). */
export const DEADLINE_PASSED = 'deadline.passed';

/** Effects the host adds to the engine's: a passed deadline escalates the open task. */
export type EscalationEffect = { type: 'task.escalate'; state: string; deadlineKey: string; priority?: string; addRoles: string[]; at: string };
/** A child finished: its parent is to be told (the relay queues the report). */
export type ChildReportEffect = { type: 'child.report'; parentId: string; childId: string; at: string };
export type HostEffect = Effect | EscalationEffect | ChildReportEffect;

/** Most children one transition may start (a runaway list is refused, not half started). */
export const MAX_CHILDREN_PER_TRANSITION = 1000;
/** Most levels of children started within one transition (a child starting children at once...). */
const MAX_CHILD_DEPTH = 5;
/** Idempotency key of a child's report on its parent's event scope: each child reports once. */
export const childReportKey = (childId: string) => `child-done:${childId}`;

type ParentLink = { id: string; definitionKey: string; group: string; key: string };

/** What a transition is, before it is written: the engine's result plus everything derived from it. */
interface Transition {
  eventType: string;
  payload: Record<string, unknown> | null;
  comment: string | null;
  result: StepResult;
  extraEffects: HostEffect[];
  fire?: { timerId: string; deadlineKey: string };
  completing?: { taskId: string; state: string };
  /** Links recorded on the history row besides those of children started (a child's report, an admin's override). */
  links?: Record<string, unknown>;
}

/**
 * The one path by which instances start and move — a person's event, a fired deadline or a
 * scheduled start: run the pure engine, then write state, history, outbox, timers and idempotency
 * record together.
 */
@Injectable()
export class InstancesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesRepository,
    private readonly history: HistoryRepository,
    private readonly timers: TimersRepository,
    private readonly tasks: TasksRepository,
    private readonly calendar: CalendarService,
    private readonly outboxSignal: OutboxSignal,
    private readonly observer: TransitionObserver,
    private readonly audit: AuditTrail,
  ) {}

  /** What this process committed last, per instance (see RecentInstances). */
  private readonly recent = new RecentInstances(5000);

  async start(command: StartCommand, meta: RequestMeta): Promise<Outcome<InstanceView>> {
    const { record, workflow } = await this.definitions.forStart(command.definitionKey, command.version);
    const at = meta.now ?? new Date();
    const scope = meta.principal ? `instances:create:${meta.principal.userId}` : 'instances:create';
    const requestHash = sha256(canonicalJson(command));
    const idempotencyKey = meta.idempotencyKey;
    // Without a key the insert is one statement, atomic by itself; with one, concurrent creates that
    // share the key are serialised by a transaction-scoped advisory lock and the loser replays.
    if (!idempotencyKey) return this.insertStarted(this.dataSource.manager, command, meta, record, workflow, at);
    const outcome = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${scope}:${idempotencyKey}`]);
      const stored = await this.instances.findIdempotent(manager, scope, idempotencyKey);
      if (stored) return replay<InstanceView>(stored, requestHash, idempotencyKey);
      return this.insertStarted(manager, command, meta, record, workflow, at, { scope, requestHash });
    });
    if (!outcome.replayed) this.outboxSignal.notify(); // committed now: let the relay publish at once
    return outcome;
  }

  private async insertStarted(
    manager: EntityManager,
    command: StartCommand,
    meta: RequestMeta,
    record: DefinitionRecord,
    workflow: CompiledWorkflow,
    at: Date,
    idempotency?: { scope: string; requestHash: string },
  ): Promise<Outcome<InstanceView>> {
    const began = performance.now();
    const built = await this.buildStarted(command, meta, record, workflow, at, null, 0);
    const { row, view, children } = built;
    row.idempotency = idempotency && meta.idempotencyKey ? { ...idempotency, key: meta.idempotencyKey, statusCode: 201, response: view } : undefined;
    try {
      await this.inTransactionIf(manager, children.length > 0, async (m) => {
        await this.instances.insertStarted(m, row);
        for (const child of children) await this.instances.insertStarted(m, child);
      });
    } catch (error) {
      const e = error as { code?: string; constraint?: string };
      if (e.code === '23505' && String(e.constraint).includes('business_key')) throw await this.duplicateKey(record.key, command.businessKey!, meta.principal);
      throw error;
    }
    if (row.outbox.length && !manager.queryRunner) this.outboxSignal.notify();
    this.observer.transition({ definitionKey: record.key, eventType: START_EVENT, durationMs: performance.now() - began });
    return { statusCode: 201, body: view, replayed: false };
  }

  /**
   * A business key already taken: named, with the case, to whoever may see that case; to anyone else
   * a neutral refusal that says nothing of the case (a key is no way to learn what exists).
   */
  private async duplicateKey(definitionKey: string, businessKey: string, principal: Principal | undefined): Promise<DomainError> {
    const page = await this.instances.list(this.dataSource.manager, { definitionKey, businessKey, limit: 1 });
    const existing = page.items[0];
    if (existing && (await this.canSee(existing.id, principal))) {
      return new DomainError(ErrorCode.DuplicateBusinessKey, `An instance of "${definitionKey}" with business key "${businessKey}" already exists`, {
        field: 'businessKey',
        existingId: existing.id,
      });
    }
    return new DomainError(ErrorCode.DuplicateBusinessKey, 'This business key cannot be used; choose another', { field: 'businessKey' });
  }

  /** Runs `work` in a transaction when asked to and `manager` is not in one already. */
  private async inTransactionIf<T>(manager: EntityManager, wanted: boolean, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (!wanted || manager.queryRunner) return work(manager);
    return this.dataSource.transaction(work);
  }

  /**
   * The rows a start writes: the instance, and (for `startChildren` in its initial states) its
   * children and theirs, depth first, parents before children.
   */
  private async buildStarted(
    command: StartCommand,
    meta: RequestMeta,
    record: DefinitionRecord,
    workflow: CompiledWorkflow,
    at: Date,
    parent: ParentLink | null,
    depth: number,
  ): Promise<{ row: NewInstance; view: InstanceView; children: NewInstance[] }> {
    const result = runEngine(() => start(workflow, command.input, { actor: meta.actor, at: at.toISOString() }));
    const id = randomUUID();
    const plan = await this.plan(workflow, result.effects, {}, at);
    const kids = await this.buildChildren({ id, definitionKey: record.key }, result.effects, meta, at, depth);
    const links = linksOf(parent, kids.links);
    const history = historyRow(id, 1, GENESIS_HASH, { eventType: START_EVENT, payload: command.input ?? null, comment: null, result, extraEffects: [], links }, null, at, meta);
    const instance: InstanceRecord = {
      id,
      definitionId: record.id,
      definitionKey: record.key,
      definitionVersion: record.version,
      businessKey: command.businessKey ?? null,
      status: result.state.status,
      stateValue: result.state.value,
      statePaths: statePathsWithAncestors(result.state.value),
      context: result.state.context,
      snapshot: result.state.snapshot,
      revision: 1,
      lastHash: history.hash,
      nextDueAt: plan.nextDueAt,
      deadlines: plan.deadlines,
      startedBy: meta.actor.id,
      createdAt: at,
      updatedAt: at,
      completedAt: result.state.status === 'done' ? at : null,
      parent: parent ? { id: parent.id, group: parent.group, key: parent.key } : null,
    };
    const effects: HostEffect[] = [...result.effects, ...childReport(instance, at)];
    const row: NewInstance = {
      ...instance,
      at,
      history,
      outbox: toOutbox(id, record.key, 1, effects, plan),
      timers: timerWrites(plan),
      tasks: planTasks(record.key, effects, plan.deadlines),
    };
    return { row, view: toInstanceView(instance, workflow), children: kids.rows };
  }

  /** The children a transition's `child.start` effects call for, ready to insert with it. */
  private async buildChildren(parent: { id: string; definitionKey: string }, effects: readonly HostEffect[], meta: RequestMeta, at: Date, depth: number) {
    const starts = effects.filter((e): e is Extract<Effect, { type: 'child.start' }> => e.type === 'child.start');
    const rows: NewInstance[] = [];
    const links: Array<{ id: string; definitionKey: string; group: string; key: string }> = [];
    if (!starts.length) return { rows, links };
    if (starts.length > MAX_CHILDREN_PER_TRANSITION) {
      throw new DomainError(ErrorCode.InvalidPayload, `This step would start ${starts.length} child instances; at most ${MAX_CHILDREN_PER_TRANSITION} are allowed at once`, {
        issues: [{ path: '/payload', code: 'too_many_children', message: `at most ${MAX_CHILDREN_PER_TRANSITION} children per step` }],
      });
    }
    if (depth >= MAX_CHILD_DEPTH) {
      throw new DomainError(ErrorCode.DefinitionInvalid, `Child instances nest deeper than ${MAX_CHILD_DEPTH} levels within one step`, {});
    }
    for (const s of starts) {
      let def: { record: DefinitionRecord; workflow: CompiledWorkflow };
      try {
        def = await this.definitions.forStart(s.definitionKey);
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.DefinitionNotFound) {
          throw new DomainError(ErrorCode.EventNotAccepted, `This step starts "${s.definitionKey}" instances, but no published version of "${s.definitionKey}" exists`, {
            allowedEvents: [],
            definitionKey: s.definitionKey,
          });
        }
        throw error;
      }
      const link: ParentLink = { ...parent, group: s.group, key: s.key };
      let built;
      try {
        built = await this.buildStarted({ definitionKey: s.definitionKey, input: s.input }, meta, def.record, def.workflow, at, link, depth + 1);
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.InvalidInput) {
          throw new DomainError(ErrorCode.InvalidInput, `Child "${s.key}" (${s.definitionKey}): ${error.message}`, { ...error.details, child: s.key });
        }
        throw error;
      }
      rows.push(built.row, ...built.children);
      links.push({ id: built.row.id, definitionKey: s.definitionKey, group: s.group, key: s.key });
    }
    return { rows, links };
  }

  /** A person's (or an integration's) event. */
  async send(instanceId: string, command: EventCommand, meta: RequestMeta): Promise<Outcome<InstanceView>> {
    await this.assertVisible(instanceId, meta.principal);
    if (command.type === CHILD_DONE_EVENT) {
      throw new DomainError(ErrorCode.EventNotAccepted, `"${CHILD_DONE_EVENT}" is sent by the engine when a child instance finishes; it cannot be sent by a request`, { allowedEvents: [] });
    }
    // A key is the caller's own: the same key from someone else is another request, never a replay of theirs.
    const scope = eventScope(instanceId, meta.principal);
    const requestHash = sha256(canonicalJson(command));
    const key = meta.idempotencyKey;
    let decision: ActDecision | undefined;
    const outcome = await this.apply(instanceId, meta, {
      stored: async (manager) => (key ? this.instances.findIdempotent(manager, scope, key) : undefined),
      replay: (stored) => replay<InstanceView>(stored, requestHash, key!),
      // An event a task may answer is decided and written holding the instance's and its open tasks' locks.
      lockFirst: (workflow) => !!command.task || !!command.override || workflow.taskOutcomes.has(command.type),
      build: async (instance, workflow, at, locked, manager) => {
        if (command.expectedRevision !== undefined && command.expectedRevision !== instance.revision) {
          throw new DomainError(ErrorCode.StaleRevision, `The instance is at revision ${instance.revision}, not ${command.expectedRevision}`, {
            field: 'expectedRevision',
            currentRevision: instance.revision,
          });
        }
        const kind = workflow.definition.events[command.type]?.kind;
        if ((kind === 'timer' || kind === 'system') && !meta.actor.roles.includes('system')) {
          throw new DomainError(ErrorCode.Forbidden, `"${command.type}" is sent by ${kind === 'timer' ? 'a deadline' : 'the system'}, not by a person`, { failedGuards: [] });
        }
        const history = workflow.needsHistory ? await this.history.steps(manager, instance.id) : undefined;
        decision = decideWhoMayAct({
          type: command.type,
          event: workflow.definition.events[command.type],
          openTasks: locked ? await this.tasks.lockOpen(manager, instance.id) : [],
          principal: meta.principal,
          history,
          taskId: command.task?.taskId,
          override: command.override,
        });
        const result = runEngine(() => stepFrom(workflow, instance, command.type, command.payload, meta.actor, at, history));
        const task = decision.kind === 'sender' ? undefined : decision.task;
        return {
          eventType: command.type,
          payload: command.payload ?? null,
          comment: command.comment ?? null,
          result,
          extraEffects: [],
          completing: task ? { taskId: task.id, state: task.state } : undefined,
          links: decision.kind === 'override' ? { override: { by: meta.actor.id, reason: decision.reason, ...(task ? { taskId: task.id } : {}) } } : undefined,
        };
      },
      idempotency: key ? (view) => ({ scope, key, requestHash, statusCode: 200, response: view }) : undefined,
    });
    if (outcome === 'noop') return unreachable();
    if (!outcome.replayed && decision) await this.recordActing(decision, instanceId, meta);
    return outcome;
  }

  /** What a decision leaves besides the transition: an override in the audit trail. */
  private async recordActing(decision: ActDecision, instanceId: string, meta: RequestMeta): Promise<void> {
    const at = meta.now ?? new Date();
    if (decision.kind === 'override') {
      await this.audit.record({
        actor: meta.actor,
        action: 'event.override',
        subjectType: 'instance',
        subjectId: instanceId,
        data: { reason: decision.reason, ...(decision.task ? { taskId: decision.task.id } : {}) },
        requestId: meta.requestId,
        at,
      });
    }
  }

  /**
   * A timer's job came due. Applied through the same path as a person's event, exactly once: the
   * timer row is marked fired by the same statement as the transition, and a job whose timer is no
   * longer pending, has another job id (re-armed or extended), or whose state was left, does nothing.
   */
  async fireTimer(timerId: string, jobId: string, now?: Date): Promise<FireOutcome> {
    const found = await this.timers.findWithInstance(this.dataSource.manager, timerId);
    if (!found || found.timer.status !== 'pending' || found.timer.jobId !== jobId) return 'stale';
    const at = now ?? new Date();
    if (found.timer.kind === 'reminder') return this.fireReminder(found.timer, found.instance, at);

    const meta: RequestMeta = { actor: SYSTEM_ACTOR, now: at };
    const outcome = await this.apply(found.timer.instanceId, meta, {
      preloaded: found.instance,
      build: async (instance, workflow, at, retry, manager) => {
        // On the locked retry the timer may have changed too: read it again.
        const current = retry ? await this.timers.findById(this.dataSource.manager, timerId) : found.timer;
        if (!current || current.status !== 'pending' || current.jobId !== jobId) return 'noop';
        if (instance.status !== 'active' || !isActiveState(instance, current.state)) {
          await this.timers.cancel(this.dataSource.manager, timerId, at);
          return 'noop';
        }
        const spec = current.spec as { key: string; event?: string; escalate?: { priority?: string; addRoles?: string[]; notify?: { roles?: string[]; users?: string[]; message: Label } } };
        const payload = { deadline: spec.key, dueAt: current.fireAt.toISOString() };
        const escalation: HostEffect[] = [];
        if (spec.escalate) {
          escalation.push({ type: 'task.escalate', state: current.state, deadlineKey: spec.key, priority: spec.escalate.priority, addRoles: spec.escalate.addRoles ?? [], at: at.toISOString() });
          const notify = spec.escalate.notify;
          if (notify) escalation.push({ type: 'notify', roles: notify.roles ?? [], users: notify.users ?? [], message: notify.message, at: at.toISOString() });
        }
        const fire = { timerId, deadlineKey: spec.key };
        if (spec.event) {
          try {
            const history = workflow.needsHistory ? await this.history.steps(manager, instance.id) : undefined;
            const result = stepFrom(workflow, instance, spec.event, payload, SYSTEM_ACTOR, at, history);
            return { eventType: spec.event, payload, comment: null, result, extraEffects: escalation, fire };
          } catch (error) {
            if (!(error instanceof EngineError) || (error.code !== 'GUARD_REJECTED' && error.code !== 'EVENT_NOT_ACCEPTED')) throw error;
            // The definition's own guard refused the deadline event: the deadline is still recorded as passed.
          }
        }
        return { eventType: DEADLINE_PASSED, payload, comment: null, result: unchanged(instance), extraEffects: escalation, fire };
      },
    });
    return outcome === 'noop' ? 'stale' : 'fired';
  }

  /**
   * A finished child tells its parent (`child.done`), at most once: the parent's event is keyed by
   * the child's id. Nothing happens when the child is not done or has no parent, when the parent has
   * finished, or when the parent no longer waits for it.
   */
  async reportChild(childId: string, now?: Date): Promise<'reported' | 'noop'> {
    const manager = this.dataSource.manager;
    const child = await this.instances.findById(manager, childId);
    if (!child || child.status !== 'done' || !child.parent) return 'noop';
    const { workflow: childWorkflow } = await this.definitions.byId(child.definitionId);
    const leaves = activeStatePaths(child.stateValue as never);
    const snapshotOutput = (child.snapshot as { output?: unknown } | null)?.output;
    const output = snapshotOutput ?? leaves.map((l) => childWorkflow.states.get(l)?.output).find((o) => o !== undefined);
    const { id: parentId, group, key } = child.parent;
    const payload: Record<string, unknown> = { group, key, childId, definitionKey: child.definitionKey, state: leaves.join(',') };
    if (output !== undefined) payload.output = output;
    const scope = `instance:${parentId}:events`;
    const idempotencyKey = childReportKey(childId);
    const requestHash = sha256(canonicalJson(payload));
    try {
      const outcome = await this.apply(parentId, { actor: SYSTEM_ACTOR, now, idempotencyKey }, {
        stored: async (m) => this.instances.findIdempotent(m, scope, idempotencyKey),
        replay: (stored) => ({ statusCode: stored.statusCode, body: stored.response as InstanceView, replayed: true }),
        build: async (parent, workflow, at, _locked, manager) => {
          if (parent.status !== 'active') return 'noop';
          const history = workflow.needsHistory ? await this.history.steps(manager, parent.id) : undefined;
          const result = stepFrom(workflow, parent, CHILD_DONE_EVENT, payload, SYSTEM_ACTOR, at, history);
          return { eventType: CHILD_DONE_EVENT, payload, comment: null, result, extraEffects: [], links: { child: { id: childId, definitionKey: child.definitionKey, group, key } } };
        },
        idempotency: (view) => ({ scope, key: idempotencyKey, requestHash, statusCode: 200, response: view }),
      });
      return outcome === 'noop' || outcome.replayed ? 'noop' : 'reported';
    } catch (error) {
      if (error instanceof EngineError && (error.code === 'EVENT_NOT_ACCEPTED' || error.code === 'INSTANCE_DONE')) return 'noop';
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

  private async fireReminder(timer: TimerRecord, instance: InstanceRecord, at: Date): Promise<FireOutcome> {
    if (instance.status !== 'active' || !isActiveState(instance, timer.state)) {
      await this.timers.cancel(this.dataSource.manager, timer.id, at);
      return 'stale';
    }
    const { workflow } = await this.definitions.byId(instance.definitionId);
    const spec = timer.spec as { key: string; label?: unknown; reminder: number; reminders: Array<{ message?: unknown }>; escalate?: { notify?: { roles?: string[] } } };
    const task = workflow.states.get(timer.state)?.task;
    const deadline = instance.deadlines[timer.deadlineKey] as { dueAt?: string } | undefined;
    const message = spec.reminders?.[spec.reminder]?.message ?? {
      vi: `Sắp đến hạn${deadline?.dueAt ? ` (${deadline.dueAt})` : ''}: ${(spec.label as { vi?: string })?.vi ?? timer.deadlineKey}`,
      en: `Deadline approaching${deadline?.dueAt ? ` (${deadline.dueAt})` : ''}: ${(spec.label as { en?: string })?.en ?? timer.deadlineKey}`,
    };
    const effect = { type: 'notify', roles: task?.roles ?? spec.escalate?.notify?.roles ?? [], users: [], message, reminder: { deadlineKey: timer.deadlineKey, state: timer.state }, at: at.toISOString() };
    const fired = await this.timers.fireReminder(this.dataSource.manager, timer.id, timer.jobId, at, {
      topic: 'effects',
      payload: { instanceId: instance.id, definitionKey: instance.definitionKey, seq: null, effects: [effect], jobs: [] },
    });
    if (fired) this.outboxSignal.notify();
    return fired ? 'fired' : 'stale';
  }

  /**
   * Runs `build` on the current instance and writes the result with one conditional statement (no
   * lock, no explicit transaction). If another writer moved the instance in between, runs it again
   * holding the row lock, so that events racing on a busy instance are each applied once, in turn.
   */
  private async apply(
    instanceId: string,
    meta: RequestMeta,
    how: {
      /** `locked` is true on the attempt that holds the instance's row lock (a retry, or `lockFirst`), in `manager`'s transaction. */
      build: (instance: InstanceRecord, workflow: CompiledWorkflow, at: Date, locked: boolean, manager: EntityManager) => Promise<Transition | 'noop'>;
      /** Whether this event must be decided under the instance's lock from the start (it may answer a task). */
      lockFirst?: (workflow: CompiledWorkflow) => boolean;
      /** The instance as the caller already read it, to save the first read. */
      preloaded?: InstanceRecord;
      stored?: (manager: EntityManager) => Promise<StoredResponse | undefined>;
      replay?: (stored: StoredResponse) => Outcome<InstanceView>;
      idempotency?: (view: InstanceView) => TransitionWrite['idempotency'];
    },
  ): Promise<Outcome<InstanceView> | 'noop'> {
    const began = performance.now();
    let committed: InstanceRecord | undefined;
    const attempt = async (manager: EntityManager, instance: InstanceRecord, retry: boolean) => {
      const { workflow } = await this.definitions.byId(instance.definitionId);
      if (!retry && how.lockFirst?.(workflow)) return 'lock' as const;
      const at = meta.now ?? new Date();
      const transition = await how.build(instance, workflow, at, retry, manager);
      if (transition === 'noop') return 'noop' as const;
      const { write, view, children, next } = await this.prepare(instance, workflow, transition, meta, at);
      write.idempotency = how.idempotency?.(view);
      const written = await this.inTransactionIf(manager, children.length > 0, async (m) => {
        if (!(await this.instances.applyTransition(m, write))) return false;
        for (const child of children) await this.instances.insertStarted(m, child);
        return true;
      });
      if (!written) return 'raced' as const;
      committed = next;
      this.observer.transition({ definitionKey: instance.definitionKey, eventType: transition.eventType, durationMs: performance.now() - began });
      if (write.outbox.length && !manager.queryRunner) this.outboxSignal.notify();
      return { statusCode: 200, body: view, replayed: false };
    };

    const manager = this.dataSource.manager;
    const cached = how.preloaded ? undefined : this.recent.get(instanceId);
    const stored = await how.stored?.(manager);
    if (stored) return how.replay!(stored);
    const refusal = (error: unknown) => error instanceof DomainError || error instanceof EngineError;
    let first: Awaited<ReturnType<typeof attempt>> | undefined;
    if (cached) {
      try {
        first = await attempt(manager, cached, false);
      } catch (error) {
        // A refusal computed from a record that may be behind the database is not trusted: redone under the lock.
        if (!refusal(error)) throw error;
        first = 'raced';
      }
      if (first === 'raced') this.recent.forget(instanceId);
    } else {
      const instance = how.preloaded ?? (await this.instances.findById(manager, instanceId));
      if (!instance) throw notFound(instanceId);
      try {
        first = await attempt(manager, instance, false);
      } catch (error) {
        // The same request (Idempotency-Key) may have committed since the check above: answer as it did.
        const storedNow = refusal(error) ? await how.stored?.(manager) : undefined;
        if (storedNow) return how.replay!(storedNow);
        throw error;
      }
    }
    if (first !== 'raced' && first !== 'lock') {
      if (committed) this.recent.set(committed);
      return first;
    }

    const locked = await this.dataSource.transaction(async (tx) => {
      const row = await this.instances.lockForEvent(tx, instanceId);
      if (!row) throw notFound(instanceId);
      const storedNow = await how.stored?.(tx);
      if (storedNow) return how.replay!(storedNow);
      const second = await attempt(tx, row.instance, true);
      if (second === 'raced' || second === 'lock') throw new DomainError(ErrorCode.ConcurrentUpdate, 'The instance changed while this event was applied; retry', {});
      return second;
    });
    if (locked !== 'noop' && !locked.replayed) this.outboxSignal.notify();
    if (committed) this.recent.set(committed);
    return locked;
  }

  /** Everything a transition writes, and the instance as it will be. */
  private async prepare(instance: InstanceRecord, workflow: CompiledWorkflow, t: Transition, meta: RequestMeta, at: Date) {
    const plan = await this.plan(workflow, t.result.effects, instance.deadlines as DeadlineMap, at, t.fire);
    const revision = instance.revision + 1;
    const kids = await this.buildChildren({ id: instance.id, definitionKey: instance.definitionKey }, t.result.effects, meta, at, 0);
    const links = kids.links.length ? { ...t.links, children: kids.links } : t.links;
    const history = historyRow(instance.id, revision, instance.lastHash, { ...t, links }, instance.stateValue, at, meta);
    const next: InstanceRecord = {
      ...instance,
      status: t.result.state.status,
      stateValue: t.result.state.value,
      statePaths: statePathsWithAncestors(t.result.state.value),
      context: t.result.state.context,
      snapshot: t.result.state.snapshot,
      revision,
      lastHash: history.hash,
      nextDueAt: t.result.state.status === 'done' ? null : plan.nextDueAt,
      deadlines: plan.deadlines,
      updatedAt: at,
      completedAt: t.result.state.status === 'done' ? at : instance.completedAt,
    };
    const view = toInstanceView(next, workflow);
    const effects: HostEffect[] = [...t.result.effects, ...t.extraEffects, ...(instance.status === 'active' ? childReport(next, at) : [])];
    const write: TransitionWrite = {
      instanceId: instance.id,
      expectedRevision: instance.revision,
      status: next.status,
      stateValue: next.stateValue,
      statePaths: next.statePaths,
      context: next.context,
      snapshot: next.snapshot,
      at,
      nextDueAt: next.nextDueAt,
      deadlines: next.deadlines,
      history,
      outbox: toOutbox(instance.id, instance.definitionKey, revision, effects, plan),
      timers: timerWrites(plan),
      tasks: planTasks(instance.definitionKey, effects, plan.deadlines, t.completing, plan.moved),
    };
    return { write, view, children: kids.rows, next };
  }

  private async plan(workflow: CompiledWorkflow, effects: Effect[], deadlines: DeadlineMap, at: Date, fire?: Transition['fire']): Promise<TimerPlan> {
    const timed = effects.some((e) => e.type === 'timer.arm' || e.type === 'timer.cancel' || e.type === 'timer.extend');
    if (!timed && !fire) {
      const dues = Object.values(deadlines).map((d) => Date.parse(d.dueAt));
      return { arm: [], cancelStates: [], cancelReminderKeys: [], extend: [], fire: null, moved: [], deadlines, nextDueAt: dues.length ? new Date(Math.min(...dues)) : null };
    }
    return planTimers({
      effects,
      deadlines,
      calendar: await this.calendar.current(),
      at: at.toISOString(),
      newId: randomUUID,
      specOf: (key) => {
        const owner = workflow.deadlineOwners.get(key);
        return owner === undefined ? undefined : workflow.states.get(owner)?.deadlines.find((d) => d.key === key);
      },
      fire,
    });
  }

  /**
   * 404 unless the principal may see the instance (admins and auditors see all; others what they
   * started or have, had or could take a task on). 404 rather than 403, so ids reveal nothing.
   */
  async assertVisible(id: string, principal: Principal | undefined): Promise<void> {
    if (!(await this.canSee(id, principal))) throw notFound(id);
  }

  private async canSee(id: string, principal: Principal | undefined): Promise<boolean> {
    if (!principal || seesEverything(principal)) return true;
    return this.tasks.canSeeInstance(this.dataSource.manager, id, principal.username, principal.memberships);
  }

  async get(id: string, principal?: Principal): Promise<InstanceView> {
    const instance = await this.instances.findById(this.dataSource.manager, id);
    if (!instance) throw notFound(id);
    await this.assertVisible(id, principal);
    const { workflow } = await this.definitions.byId(instance.definitionId);
    // A parent lists only the children the caller may see: the rest are not theirs to know of.
    const children = [];
    for (const c of await this.instances.listChildren(this.dataSource.manager, id)) if (await this.canSee(c.id, principal)) children.push(c);
    const view = toInstanceView(instance, workflow);
    // Listed only on a parent, so that an instance without children reads the same as its event responses.
    if (children.length) view.children = await Promise.all(children.map(async (c) => toChildView(c, (await this.definitions.byId(c.definitionId)).workflow)));
    return view;
  }

  async list(query: ListQuery): Promise<{ items: InstanceView[]; nextCursor: string | null }> {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) {
      throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API issued', { problems: [{ field: 'cursor', reason: 'unrecognised cursor' }] });
    }
    const page = await this.instances.list(this.dataSource.manager, {
      definitionKey: query.definitionKey,
      status: query.status,
      state: query.state,
      businessKey: query.businessKey,
      parentId: query.parentId,
      overdueAt: query.overdue ? (query.now ?? new Date()) : undefined,
      visibleTo: query.principal && !seesEverything(query.principal) ? { username: query.principal.username, memberships: query.principal.memberships } : undefined,
      limit: query.limit ?? 20,
      cursor,
    });
    const items = await Promise.all(page.items.map(async (i) => toInstanceView(i, (await this.definitions.byId(i.definitionId)).workflow)));
    return { items, nextCursor: page.nextCursor };
  }

  async historyOf(id: string, page: { afterSeq?: number; limit?: number }, principal?: Principal): Promise<{ items: HistoryView[]; nextAfterSeq: number | null }> {
    const manager = this.dataSource.manager;
    if (!(await this.instances.findById(manager, id))) throw notFound(id);
    await this.assertVisible(id, principal);
    const limit = page.limit ?? 100;
    const rows = await this.history.listByInstance(manager, id, { afterSeq: page.afterSeq ?? 0, limit: limit + 1 });
    const items = rows.slice(0, limit).map(toHistoryView);
    return { items, nextAfterSeq: rows.length > limit ? items[items.length - 1].seq : null };
  }

  async timersOf(id: string, principal?: Principal): Promise<{ items: TimerView[] }> {
    const manager = this.dataSource.manager;
    if (!(await this.instances.findById(manager, id))) throw notFound(id);
    await this.assertVisible(id, principal);
    return { items: (await this.timers.listByInstance(manager, id)).map(toTimerView) };
  }
}

/** Whether a state path is active; '' is the machine's root, active as long as the instance runs. */
function isActiveState(instance: InstanceRecord, state: string): boolean {
  return state === '' || instance.statePaths.includes(state);
}

function stepFrom(
  workflow: CompiledWorkflow,
  instance: InstanceRecord,
  type: string,
  payload: Record<string, unknown> | undefined,
  actor: Actor,
  at: Date,
  history?: readonly StepRecord[],
): StepResult {
  const current = { value: instance.stateValue as never, context: instance.context, status: instance.status, snapshot: instance.snapshot };
  return step(workflow, current, { type, payload }, { actor, at: at.toISOString(), history });
}

/** Where an event's Idempotency-Key is kept: per instance and per caller (the engine's own reports have none). */
function eventScope(instanceId: string, principal: Principal | undefined): string {
  return principal ? `instance:${instanceId}:events:${principal.userId}` : `instance:${instanceId}:events`;
}

/** A transition that records something (a passed deadline) without moving the machine. */
function unchanged(instance: InstanceRecord): StepResult {
  const state = { value: instance.stateValue as never, context: instance.context, status: instance.status, snapshot: instance.snapshot };
  return { state, effects: [], from: state.value, to: state.value };
}

function historyRow(instanceId: string, seq: number, prevHash: string, t: Omit<Transition, 'fire'>, fromState: unknown, at: Date, meta: RequestMeta) {
  const fields = {
    instanceId,
    seq,
    eventType: t.eventType,
    payload: t.payload,
    actor: meta.actor,
    fromState,
    toState: t.result.state.value,
    at: at.toISOString(),
    requestId: meta.requestId ?? null,
    idempotencyKey: meta.idempotencyKey ?? null,
    comment: t.comment,
    ...(t.links ? { links: t.links } : {}),
  };
  return {
    seq,
    eventType: t.eventType,
    payload: t.payload,
    actorId: meta.actor.id,
    actor: meta.actor,
    fromState,
    toState: fields.toState,
    requestId: fields.requestId,
    idempotencyKey: fields.idempotencyKey,
    comment: t.comment,
    prevHash,
    hash: historyHash(prevHash, fields),
    links: t.links ?? null,
  };
}

/** The links a started instance's first row records: its parent, and the children it started. */
function linksOf(parent: ParentLink | null, children: ParentLink[] | Array<{ id: string; definitionKey: string; group: string; key: string }>): Record<string, unknown> | undefined {
  if (!parent && !children.length) return undefined;
  return { ...(parent ? { parent } : {}), ...(children.length ? { children } : {}) };
}

/** A child that has just finished reports to its parent. */
function childReport(instance: InstanceRecord, at: Date): ChildReportEffect[] {
  if (!instance.parent || instance.status !== 'done') return [];
  return [{ type: 'child.report', parentId: instance.parent.id, childId: instance.id, at: at.toISOString() }];
}

function timerWrites(plan: TimerPlan): TransitionWrite['timers'] {
  return { arm: plan.arm, cancelStates: plan.cancelStates, cancelReminderKeys: plan.cancelReminderKeys, extend: plan.extend, fire: plan.fire };
}

function notFound(id: string): DomainError {
  return new DomainError(ErrorCode.InstanceNotFound, `No workflow instance has the id ${id}`, { id });
}

function unreachable(): never {
  throw new Error('a person event produced no transition');
}

function replay<T>(stored: StoredResponse, requestHash: string, key: string): Outcome<T> {
  if (stored.requestHash !== requestHash) {
    throw new DomainError(ErrorCode.IdempotencyKeyReused, `Idempotency-Key "${key}" was already used for a different request`, {
      field: 'Idempotency-Key',
    });
  }
  return { statusCode: stored.statusCode, body: stored.response as T, replayed: true };
}

/**
 * A transition's effects become one outbox row (topic `effects`), in order, with the timer jobs to
 * schedule (`jobs`: new and moved timers); the relay turns them into queue jobs after commit. One
 * row per transition rather than one per effect keeps the write small.
 */
function toOutbox(instanceId: string, definitionKey: string, seq: number, effects: HostEffect[], plan?: TimerPlan): OutboxMessage[] {
  const jobs = plan
    ? [...plan.arm.map((t) => ({ jobId: t.jobId, timerId: t.id, instanceId, fireAt: t.fireAt })), ...plan.extend.map((t) => ({ jobId: t.jobId, timerId: t.id, instanceId, fireAt: t.fireAt }))]
    : [];
  if (!effects.length && !jobs.length) return [];
  return [{ topic: 'effects', payload: { instanceId, definitionKey, seq, effects, jobs } }];
}

/** Translates the engine's refusals into domain errors; anything else is a bug and propagates. */
function runEngine(run: () => StepResult): StepResult {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    switch (error.code) {
      case 'INVALID_INPUT':
        throw new DomainError(ErrorCode.InvalidInput, error.message, { issues: error.issues });
      case 'INVALID_PAYLOAD':
        throw new DomainError(ErrorCode.InvalidPayload, error.message, { issues: error.issues });
      case 'EVENT_NOT_ACCEPTED':
        throw new DomainError(ErrorCode.EventNotAccepted, error.message, { allowedEvents: error.allowedEvents ?? [] });
      case 'GUARD_REJECTED': {
        const failed = error.failedGuards ?? [];
        if (failed.includes('notSameActor')) {
          throw new DomainError(ErrorCode.SeparationOfDuties, 'Separation of duties: the person who took an earlier step of this case may not take this one', {
            failedGuards: failed,
          });
        }
        if (failed.length && failed.every((g) => g === 'hasRole' || g === 'inUnit')) {
          throw new DomainError(ErrorCode.Forbidden, 'Your roles or units do not allow this step', { failedGuards: failed });
        }
        throw new DomainError(ErrorCode.GuardRejected, error.message, { allowedEvents: error.allowedEvents ?? [], failedGuards: failed });
      }
      case 'INSTANCE_DONE':
        throw new DomainError(ErrorCode.InstanceDone, error.message, { allowedEvents: [] });
    }
    throw error;
  }
}
