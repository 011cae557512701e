import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { CHILD_DONE_EVENT, step, type Actor, type CompiledWorkflow, type Label, type StepRecord, type StepResult } from '#libs/engine';
import { DocumentsRepository, FilesRepository, HistoryRepository, InstancesRepository, TasksRepository, TimersRepository, type InstanceRecord, type StoredResponse, type TimerRecord, type TransitionWrite, Database, type Tx } from '#libs/persistence';
import type { DeadlineMap } from './deadline-plan.js';
import { DefinitionsService } from './definitions.service.js';
import { callEngine, refusalError, resultOrRefuse } from './engine-call.js';
import { DomainError, ErrorCode } from '#libs/core';
import { StartBuilder } from './instance-starts.js';
import { statePathsWithAncestors, toInstanceView, type InstanceView } from './instance-view.js';
import { OutboxSignal } from './outbox-signal.js';
import { RecentInstances } from './recent-instances.js';
import { DEADLINE_PASSED, instanceNotFound, replay, SYSTEM_ACTOR, type EventCommand, type Outcome, type RequestMeta } from './requests.js';
import { Slots } from './slots.js';
import { TimerPlanner } from './timer-planner.js';
import { TransitionObserver } from './transition-observer.js';
import { buildTransitionWrite, type ChildLink, type FileToBind, type HostEffect, type Transition } from './transition-write.js';
import { decideWhoMayAct, type ActDecision } from './who-may-act.js';
import { referencedFiles, resolveFileLinks } from './file-binding.js';
import { builtins, DocumentEngine, documentsOn, noDocumentEngine, numberDocuments, type DocumentLink, type DocumentToIssue } from './documents.js';
import type { DocumentDefinition } from '#libs/engine';

/** What moves an instance: a person's event, a deadline that came due, or a finished child's report. */
export type TransitionCause =
  | { kind: 'event'; event: EventCommand }
  | { kind: 'deadline'; timer: TimerRecord }
  | { kind: 'child-report'; child: ChildLink; payload: Record<string, unknown> };

/**
 * One transition to apply, as a plain value: which instance, on whose behalf, because of what; the
 * Idempotency-Key it is stored under (a repeat answers as the first did; `strict` refuses the same
 * key with another request); and the instance as the caller already read it.
 */
export interface TransitionCommand {
  instanceId: string;
  meta: RequestMeta;
  cause: TransitionCause;
  idempotency?: { scope: string; key: string; requestHash: string; strict: boolean };
  preloaded?: InstanceRecord;
}

/** A deadline's transition built for a batch firing, not yet written. */
export interface PreparedDeadline {
  timer: TimerRecord;
  instance: InstanceRecord;
  write: TransitionWrite;
  next: InstanceRecord;
  eventType: string;
  began: number;
}

export interface Applied {
  outcome: Outcome<InstanceView> | 'noop';
  /** Who-may-act's decision on a person's event (for what it records after the commit). */
  decision?: ActDecision;
}

/**
 * The one path by which instances move: build the transition for its cause, then write it with one
 * conditional statement (no lock, no explicit transaction). If another writer moved the instance
 * in between, it runs again holding the row lock, so that events racing on a busy instance are each
 * applied once, in turn. An event a task may answer is decided under the locks from the start.
 */
@Injectable()
export class TransitionRunner {
  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsService,
    private readonly instances: InstancesRepository,
    private readonly history: HistoryRepository,
    private readonly timers: TimersRepository,
    private readonly tasks: TasksRepository,
    private readonly starts: StartBuilder,
    private readonly planner: TimerPlanner,
    private readonly outboxSignal: OutboxSignal,
    private readonly observer: TransitionObserver,
    private readonly fileRows: FilesRepository,
    private readonly documentRows: DocumentsRepository,
    @Optional() private readonly documentEngine?: DocumentEngine,
  ) {}

  /** One document-issuing transaction at a time in this process (see applyOnce). */
  private readonly issuing = new Slots(1);

  /** Templates decoded once per published definition (a published version never changes). */
  private readonly templates = new WeakMap<DocumentDefinition, Buffer>();

  /** What this process committed last, per instance (see RecentInstances). */
  private readonly recent = new RecentInstances(5000);

  async apply(cmd: TransitionCommand): Promise<Applied> {
    const afterCommit: Array<() => void> = [];
    const applied = await this.applyOnce(cmd, afterCommit);
    // Reached only when the transition committed (a rolled-back one throws).
    for (const run of afterCommit) run();
    return applied;
  }

  private async applyOnce(cmd: TransitionCommand, afterCommit: Array<() => void>): Promise<Applied> {
    const began = performance.now();
    const { instanceId, meta } = cmd;
    let committed: InstanceRecord | undefined;
    let issues = false;
    const applied: Applied = { outcome: 'noop' };

    // The instance as a failed write from the kept record found it (applyTransitionOrRead).
    let moved: InstanceRecord | undefined;
    const attempt = async (manager: Tx, instance: InstanceRecord, locked: boolean, kept = false) => {
      const { workflow } = await this.definitions.byId(instance.definitionId);
      if (!locked && this.mustLock(cmd, workflow)) {
        issues = cmd.cause.kind === 'event' && documentsOn(workflow.definition.documents, cmd.cause.event.type).length > 0;
        return 'lock' as const;
      }
      const at = meta.now ?? new Date();
      const built = await this.build(cmd, instance, workflow, at, locked, manager);
      if (built === 'noop') return 'noop' as const;
      const later = documentsAfterStep(workflow.definition.documents, cmd.cause.kind, instance, built.transition);
      if (later.length) {
        // Known only once the machine stepped: numbered under the instance's lock, as an event's documents are.
        if (!locked) {
          issues = true;
          return 'lock' as const;
        }
        await this.issueAfterStep(later, instance, built.transition, cmd.meta.actor.id, at, manager);
      }
      applied.decision = built.decision;
      const { write, next, children } = await this.prepare(instance, workflow, built.transition, meta, at);
      write.taskCheck = built.taskCheck;
      write.idempotency = cmd.idempotency ? { scope: cmd.idempotency.scope, key: cmd.idempotency.key, requestHash: cmd.idempotency.requestHash, statusCode: 200, response: toInstanceView(next, workflow) } : undefined;
      const bind = built.transition.bind ?? [];
      const issue = built.transition.issue ?? [];
      const written = await inTransactionIf(this.dataSource, manager, children.length > 0 || bind.length > 0 || issue.length > 0, async (m) => {
        if (kept) {
          const result = await this.instances.applyTransitionOrRead(m, write);
          moved = result.current;
          if (!result.written) return false;
        } else if (!(await this.instances.applyTransition(m, write))) return false;
        for (const child of children) await this.instances.insertStarted(m, child);
        if (bind.length) {
          const seq = write.history.seq;
          await this.fileRows.bind(m, bind.map((b) => ({ ...b, instanceId: instance.id, seq, event: built.transition.eventType, at })));
        }
        if (issue.length) {
          const plan = this.documentEngine!.pdfPlan();
          for (const d of issue) {
            await this.documentRows.insert(m, {
              id: d.id,
              instanceId: instance.id,
              seq: write.history.seq,
              key: d.key,
              title: d.title,
              number: d.number,
              series: d.series,
              issuer: d.issuer,
              year: d.year,
              ordinal: d.ordinal,
              state: d.state,
              event: built.transition.eventType,
              docxFileId: d.fileId,
              docxSha256: d.sha256,
              pdfStatus: plan.status,
              pdfReason: plan.status === 'unavailable' ? plan.reason : null,
              createdAt: at,
            });
          }
        }
        return true;
      });
      if (!written) return 'raced' as const;
      committed = next;
      this.observer.transition({ definitionKey: instance.definitionKey, eventType: built.transition.eventType, durationMs: performance.now() - began });
      if (write.outbox.length && !manager.queryRunner) this.outboxSignal.notify();
      if (issue.length) afterCommit.push(() => this.documentEngine?.issued(issue.map((d) => d.id)));
      return { statusCode: 200, body: toInstanceView(next, workflow), replayed: false } satisfies Outcome<InstanceView>;
    };
    const stored = (manager: Tx) => (cmd.idempotency ? this.instances.findIdempotent(manager, cmd.idempotency.scope, cmd.idempotency.key) : Promise.resolve(undefined));
    const answerStored = (s: StoredResponse): Applied => ({
      outcome: cmd.idempotency!.strict ? replay<InstanceView>(s, cmd.idempotency!.requestHash, cmd.idempotency!.key) : { statusCode: s.statusCode, body: s.response as InstanceView, replayed: true },
    });

    const manager = this.dataSource.manager;
    const cached = cmd.preloaded ? undefined : this.recent.get(instanceId);
    const before = await stored(manager);
    if (before) return answerStored(before);
    const refusal = (error: unknown) => error instanceof DomainError;
    let first: Awaited<ReturnType<typeof attempt>> | undefined;
    if (cached) {
      try {
        first = await attempt(manager, cached, false, true);
      } catch (error) {
        // A refusal computed from a record that may be behind the database is not trusted: redone from a fresh read.
        if (!refusal(error)) throw error;
        first = 'raced';
      }
      // The record this process kept was behind the database (another process moved the case, as
      // when api processes share the cases between them): try once more without the lock, from the
      // row the failed write answered (one more round trip; the locked path costs five), or from a
      // fresh read when it answered none that is newer.
      if (first === 'raced') {
        this.recent.forget(instanceId);
        first = undefined;
      }
    }
    if (first === undefined) {
      const newer = moved && moved.revision !== cached?.revision ? moved : undefined;
      const instance = cmd.preloaded ?? newer ?? (await this.instances.findById(manager, instanceId));
      if (!instance) throw instanceNotFound(instanceId);
      try {
        first = await attempt(manager, instance, false);
      } catch (error) {
        // The same request (Idempotency-Key) may have committed since the check above: answer as it did.
        const storedNow = refusal(error) ? await stored(manager) : undefined;
        if (storedNow) return answerStored(storedNow);
        throw error;
      }
    }
    if (first !== 'raced' && first !== 'lock') {
      if (committed) this.recent.set(committed);
      return { ...applied, outcome: first };
    }

    // An event that issues documents stores them through the pool while its transaction holds a
    // connection and the register's row lock: one such transaction at a time per process, waiting
    // here rather than holding a connection, so the waiters cannot take every connection it needs.
    const release = issues ? await this.issuing.acquire() : undefined;
    const locked = await this.dataSource.transaction(async (tx) => {
      const row = await this.instances.lockForEvent(tx, instanceId);
      if (!row) throw instanceNotFound(instanceId);
      const storedNow = await stored(tx);
      if (storedNow) return answerStored(storedNow).outcome;
      const second = await attempt(tx, row.instance, true);
      if (second === 'raced' || second === 'lock') throw new DomainError(ErrorCode.ConcurrentUpdate, 'The instance changed while this event was applied; retry', {});
      return second;
    }).finally(() => release?.());
    if (locked !== 'noop' && !locked.replayed) this.outboxSignal.notify();
    if (committed) this.recent.set(committed);
    return { ...applied, outcome: locked };
  }

  /**
   * A due deadline's transition, built for a batch firing (TimerFiring.fireDue) from the timer the
   * batch holds locked and the instance as it read it: the same build and plan as apply's. 'cancel'
   * when its state was left; 'single' when it needs what only apply does (a lock for the documents
   * it issues, children it starts, a refusal to record): the batch leaves it to the one-timer path.
   */
  async prepareDeadline(manager: Tx, timer: TimerRecord, instance: InstanceRecord, at: Date): Promise<PreparedDeadline | 'cancel' | 'single'> {
    if (instance.status !== 'active' || !isActiveState(instance, timer.state)) return 'cancel';
    const began = performance.now();
    const { workflow } = await this.definitions.byId(instance.definitionId);
    const meta: RequestMeta = { actor: SYSTEM_ACTOR, now: at };
    let built: Awaited<ReturnType<TransitionRunner['build']>>;
    try {
      built = await this.build({ instanceId: instance.id, meta, cause: { kind: 'deadline', timer } }, instance, workflow, at, false, manager);
    } catch (error) {
      if (error instanceof DomainError) return 'single';
      throw error;
    }
    if (built === 'noop' || documentsAfterStep(workflow.definition.documents, 'deadline', instance, built.transition).length) return 'single';
    const { write, next, children } = await this.prepare(instance, workflow, built.transition, meta, at);
    if (children.length) return 'single';
    return { timer, instance, write, next, eventType: built.transition.eventType, began };
  }

  /**
   * Writes a batch's prepared deadlines in its transaction with one statement; answers those
   * written (an instance that moved since it was read is left out, nothing of it written).
   */
  async writePreparedAll(manager: Tx, prepared: readonly PreparedDeadline[]): Promise<PreparedDeadline[]> {
    const written = await this.instances.applyTransitions(manager, prepared.map((p) => p.write));
    return prepared.filter((p) => written.has(p.instance.id));
  }

  /** What apply does after its commit, for the deadlines a batch committed. */
  committedBatch(written: readonly PreparedDeadline[]): void {
    for (const p of written) {
      this.recent.set(p.next);
      this.observer.transition({ definitionKey: p.instance.definitionKey, eventType: p.eventType, durationMs: performance.now() - p.began });
    }
    if (written.some((p) => p.write.outbox.length)) this.outboxSignal.notify();
  }

  /** An event a task may answer is decided and written holding the instance's and its open tasks' locks. */
  private mustLock(cmd: TransitionCommand, workflow: CompiledWorkflow): boolean {
    if (cmd.cause.kind !== 'event') return false;
    const e = cmd.cause.event;
    // Files named by the payload are checked and bound under their rows' locks, in the event's transaction.
    // So are the documents it issues: their numbers come from counters locked until the commit.
    // An event a task may answer is not among them: it is decided from the open tasks read without
    // locks and written only if they are unchanged when the write locks them (answersTask, taskCheck).
    return !!e.override || referencedFiles(workflow, e.type, e.payload).length > 0 || documentsOn(workflow.definition.documents, e.type).length > 0;
  }

  /** The transition a cause makes of the instance as it is; 'noop' when it no longer applies. */
  private async build(
    cmd: TransitionCommand,
    instance: InstanceRecord,
    workflow: CompiledWorkflow,
    at: Date,
    locked: boolean,
    manager: Tx,
  ): Promise<{ transition: Transition; decision?: ActDecision; taskCheck?: TransitionWrite['taskCheck'] } | 'noop'> {
    const steps = () => (workflow.needsHistory ? this.history.steps(manager, instance.id) : Promise.resolve(undefined));
    switch (cmd.cause.kind) {
      case 'event':
        return this.eventTransition(cmd.cause.event, cmd.meta, instance, workflow, at, locked, manager, await steps());
      case 'deadline':
        return this.deadlineTransition(cmd.cause.timer, instance, workflow, at, locked, steps);
      case 'child-report': {
        if (instance.status !== 'active') return 'noop';
        const { child, payload } = cmd.cause;
        const result = resultOrRefuse(callEngine(() => stepFrom(workflow, instance, CHILD_DONE_EVENT, payload, SYSTEM_ACTOR, at, undefined)));
        return { transition: { eventType: CHILD_DONE_EVENT, payload, comment: null, result, extraEffects: [], links: { child } } };
      }
    }
  }

  private async eventTransition(
    event: EventCommand,
    meta: RequestMeta,
    instance: InstanceRecord,
    workflow: CompiledWorkflow,
    at: Date,
    locked: boolean,
    manager: Tx,
    history: StepRecord[] | undefined,
  ): Promise<{ transition: Transition; decision: ActDecision; taskCheck?: TransitionWrite['taskCheck'] }> {
    if (event.expectedRevision !== undefined && event.expectedRevision !== instance.revision) {
      throw new DomainError(ErrorCode.StaleRevision, `The instance is at revision ${instance.revision}, not ${event.expectedRevision}`, {
        field: 'expectedRevision',
        currentRevision: instance.revision,
      });
    }
    const kind = workflow.definition.events[event.type]?.kind;
    if ((kind === 'timer' || kind === 'system') && !meta.actor.roles.includes('system')) {
      throw new DomainError(ErrorCode.Forbidden, `"${event.type}" is sent by ${kind === 'timer' ? 'a deadline' : 'the system'}, not by a person`, { failedGuards: [] });
    }
    // Under the locks (the locked path), or as they are, checked again by the write (taskCheck).
    const checked = !locked && answersTask(event, workflow) ? await this.tasks.openOf(manager, instance.id) : undefined;
    const decision = decideWhoMayAct({
      type: event.type,
      event: workflow.definition.events[event.type],
      openTasks: locked ? await this.tasks.lockOpen(manager, instance.id) : (checked ?? []),
      principal: meta.principal,
      history,
      taskId: event.task?.taskId,
      override: event.override,
    });
    const issuing = documentsOn(workflow.definition.documents, event.type);
    if (issuing.length && !this.documentEngine) throw noDocumentEngine();
    // Numbered before the step so that the number is part of the payload the machine records; a refused step rolls it back.
    const numbered = issuing.length ? await numberDocuments(this.documentRows, manager, issuing, event.payload, at) : undefined;
    const payload = numbered ? numbered.payload : event.payload;
    const result = resultOrRefuse(callEngine(() => stepFrom(workflow, instance, event.type, payload, meta.actor, at, history)));
    const task = decision.kind === 'sender' ? undefined : decision.task;
    const refs = referencedFiles(workflow, event.type, event.payload);
    const files = refs.length ? await resolveFileLinks(this.fileRows, manager, refs, instance, meta.actor.id, task?.state) : undefined;
    const overrideLink = decision.kind === 'override' ? { override: { by: meta.actor.id, reason: decision.reason, ...(task ? { taskId: task.id } : {}) } } : undefined;
    const produced = numbered ? await this.produce(numbered.numbers, instance, result.state.context, payload ?? {}, meta.actor.id, at, task?.state ?? files?.bind[0]?.state ?? leafStates(instance)) : undefined;
    const links = { ...overrideLink, ...(files ? { files: files.links } : {}), ...(produced ? { documents: produced.links } : {}) };
    const transition: Transition = {
      eventType: event.type,
      payload: payload ?? null,
      comment: event.comment ?? null,
      result,
      extraEffects: [],
      completing: task ? { taskId: task.id, state: task.state } : undefined,
      links: Object.keys(links).length ? links : undefined,
      bind: files || produced ? [...(files?.bind ?? []), ...(produced?.bind ?? [])] : undefined,
      issue: produced?.issue,
    };
    return { transition, decision, taskCheck: checked?.map((t) => ({ id: t.id, assignee: t.assignee })) };
  }

  /**
   * Renders each document from the case as the step leaves it (start input, context, the event's
   * payload with its number, the built-ins) and stores it before the history row is written, so
   * that its digest is inside that row. The blob is content-addressed and its file row unbound
   * until this transaction binds it: if the transaction fails, the cleanup removes both.
   */
  private async produce(
    numbers: Array<{ doc: DocumentDefinition; number: string; ordinal: number; series: string; year: number }>,
    instance: InstanceRecord,
    context: Record<string, unknown>,
    payload: Record<string, unknown>,
    actorId: string,
    at: Date,
    state: string,
  ): Promise<{ links: DocumentLink[]; bind: FileToBind[]; issue: DocumentToIssue[] }> {
    const engine = this.documentEngine!;
    const out = { links: [] as DocumentLink[], bind: [] as FileToBind[], issue: [] as DocumentToIssue[] };
    for (const { doc, number, ordinal, series, year } of numbers) {
      let template = this.templates.get(doc);
      if (!template) this.templates.set(doc, (template = Buffer.from(doc.templateData ?? '', 'base64')));
      const data: Record<string, unknown> = { ...context, ...payload, ...builtins(doc, number, at, instance.businessKey) };
      for (const [field, labels] of Object.entries(doc.values ?? {})) {
        const v = data[field];
        if (typeof v === 'string' && labels[v] !== undefined) data[field] = labels[v];
      }
      const bytes = engine.render(template, data);
      const name = `${doc.title.vi} số ${number.replaceAll('/', '-')}.docx`;
      const file = await engine.store(bytes, name, actorId, at);
      out.links.push({ key: doc.key, number, fileId: file.id, sha256: file.sha256, size: file.size });
      out.bind.push({ id: file.id, field: `documents/${doc.key}`, state });
      out.issue.push({ id: randomUUID(), key: doc.key, title: doc.title, number, series, issuer: doc.issuer, year, ordinal, state, fileId: file.id, sha256: file.sha256 });
    }
    return out;
  }

  /**
   * Issues the documents a step produces besides those its sender's event numbers in its payload:
   * those issued on entering a state, and those of a deadline's or a child's event. Their numbers
   * are in the register, the history row and the template's {so}, not in a payload.
   */
  private async issueAfterStep(later: Array<{ doc: DocumentDefinition; state: string }>, instance: InstanceRecord, t: Transition, actorId: string, at: Date, manager: Tx): Promise<void> {
    if (!this.documentEngine) throw noDocumentEngine();
    const links: DocumentLink[] = [...(((t.links?.documents as DocumentLink[] | undefined) ?? []))];
    const bind = [...(t.bind ?? [])];
    const issue = [...(t.issue ?? [])];
    for (const { doc, state } of later) {
      const { numbers } = await numberDocuments(this.documentRows, manager, [doc], undefined, at);
      const produced = await this.produce(numbers, instance, t.result.state.context, t.payload ?? {}, actorId, at, state);
      links.push(...produced.links);
      bind.push(...produced.bind);
      issue.push(...produced.issue);
    }
    t.links = { ...t.links, documents: links };
    t.bind = bind;
    t.issue = issue;
  }

  /**
   * A deadline came due: its event (when it has one and the machine takes it) and its escalation.
   * A job whose timer is no longer pending, has another job id (re-armed or extended), or whose
   * state was left, does nothing; the timer row is marked fired by the same statement.
   */
  private async deadlineTransition(
    found: TimerRecord,
    instance: InstanceRecord,
    workflow: CompiledWorkflow,
    at: Date,
    locked: boolean,
    steps: () => Promise<StepRecord[] | undefined>,
  ): Promise<{ transition: Transition } | 'noop'> {
    // On the locked retry the timer may have changed too: read it again.
    const current = locked ? await this.timers.findById(this.dataSource.manager, found.id) : found;
    if (!current || current.status !== 'pending' || current.jobId !== found.jobId) return 'noop';
    if (instance.status !== 'active' || !isActiveState(instance, current.state)) {
      await this.timers.cancel(this.dataSource.manager, found.id, at);
      return 'noop';
    }
    const spec = current.spec as { key: string; event?: string; escalate?: { priority?: string; addRoles?: string[]; notify?: { roles?: string[]; users?: string[]; message: Label } } };
    const payload = { deadline: spec.key, dueAt: current.fireAt.toISOString() };
    const passed: HostEffect[] = [{ type: 'deadline.pass', state: current.state, deadlineKey: spec.key, dueAt: payload.dueAt, at: at.toISOString() }];
    if (spec.escalate) {
      passed.push({ type: 'task.escalate', state: current.state, deadlineKey: spec.key, priority: spec.escalate.priority, addRoles: spec.escalate.addRoles ?? [], at: at.toISOString() });
      const notify = spec.escalate.notify;
      if (notify) passed.push({ type: 'notify', roles: notify.roles ?? [], users: notify.users ?? [], message: notify.message, at: at.toISOString() });
    }
    const fire = { timerId: found.id, deadlineKey: spec.key };
    if (spec.event) {
      const history = await steps();
      const answer = callEngine(() => stepFrom(workflow, instance, spec.event!, payload, SYSTEM_ACTOR, at, history));
      if (answer.ok) return { transition: { eventType: spec.event, payload, comment: null, result: answer.result, extraEffects: passed, fire } };
      // The definition's own guard refused the deadline event (or no state takes it now): the deadline is still recorded as passed.
      if (answer.refusal.code !== 'GUARD_REJECTED' && answer.refusal.code !== 'EVENT_NOT_ACCEPTED') throw refusalError(answer.refusal);
    }
    return { transition: { eventType: DEADLINE_PASSED, payload, comment: null, result: unchanged(instance), extraEffects: passed, fire } };
  }

  /** Everything a transition writes (with the children it starts), and the instance as it will be. */
  private async prepare(instance: InstanceRecord, workflow: CompiledWorkflow, t: Transition, meta: RequestMeta, at: Date) {
    const plan = await this.planner.plan(workflow, t.result.effects, instance.deadlines as DeadlineMap, t.result.state.context, at, t.fire);
    const kids = await this.starts.children({ id: instance.id, definitionKey: instance.definitionKey }, t.result.effects, meta, at, 0);
    const { write, next } = buildTransitionWrite({ instance, presentation: workflow.definition, transition: t, plan, who: meta, at, children: kids.links });
    return { write: write as TransitionWrite, next, children: kids.rows };
  }
}

/** Runs `work` in a transaction when asked to and `manager` is not in one already. */
export async function inTransactionIf<T>(dataSource: Database, manager: Tx, wanted: boolean, work: (m: Tx) => Promise<T>): Promise<T> {
  if (!wanted || manager.queryRunner) return work(manager);
  return dataSource.transaction(work);
}

/** Whether a state path is active; '' is the machine's root, active as long as the instance runs. */
/** Whether an open task may answer the event: who may send it is decided from the instance's open tasks. */
function answersTask(event: EventCommand, workflow: CompiledWorkflow): boolean {
  return !!event.task || workflow.taskOutcomes.has(event.type);
}

export function isActiveState(instance: InstanceRecord, state: string): boolean {
  return state === '' || instance.statePaths.includes(state);
}

function stepFrom(
  workflow: CompiledWorkflow,
  instance: InstanceRecord,
  type: string,
  payload: Record<string, unknown> | undefined,
  actor: Actor,
  at: Date,
  history: readonly StepRecord[] | undefined,
): StepResult {
  const current = { value: instance.stateValue as never, context: instance.context, status: instance.status, snapshot: instance.snapshot };
  return step(workflow, current, { type, payload }, { actor, at: at.toISOString(), history });
}

/** A transition that records something (a passed deadline) without moving the machine. */
function unchanged(instance: InstanceRecord): Transition['result'] {
  const state = { value: instance.stateValue as never, context: instance.context, status: instance.status, snapshot: instance.snapshot };
  return { state, effects: [] };
}

/**
 * The documents a step issues after the machine stepped: those whose state it enters (active after
 * the step, not before), and, when the event is not a person's (whose documents are numbered before
 * the step, into its payload), those of its event.
 */
export function documentsAfterStep(
  documents: readonly DocumentDefinition[] | undefined,
  cause: TransitionCommand['cause']['kind'],
  instance: InstanceRecord,
  t: Transition,
): Array<{ doc: DocumentDefinition; state: string }> {
  if (!documents?.length) return [];
  const before = new Set(instance.statePaths);
  const after = statePathsWithAncestors(t.result.state.value);
  const entered = new Set(after.filter((p) => !before.has(p)));
  const out: Array<{ doc: DocumentDefinition; state: string }> = [];
  for (const doc of documents) {
    if (doc.onEnter !== undefined && entered.has(doc.onEnter)) out.push({ doc, state: doc.onEnter });
    else if (cause !== 'event' && doc.on !== undefined && doc.on === t.eventType) out.push({ doc, state: leafStates(instance) });
  }
  return out;
}

/** The instance's innermost active states (a parallel machine has several). */
function leafStates(instance: InstanceRecord): string {
  return instance.statePaths.filter((p) => !instance.statePaths.some((q) => q !== p && q.startsWith(p + '.'))).join(',');
}
