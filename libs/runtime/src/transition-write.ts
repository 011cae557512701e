import type { DocumentToIssue } from './documents.js';
import type { FileLink } from './file-binding.js';
import { caseSummary, searchText, START_EVENT_TYPE, type Actor, type StepResult, type WorkflowDefinition } from '#libs/engine';
import type { HostEffect } from './host-effects.js';
import {
  GENESIS_HASH,
  rowHash,
  type ChildReportEffect,
  type HistoryRecord,
  type InstanceRecord,
  type NewInstance,
  type OutboxEffect,
  type OutboxMessage,
  type TimerWrites,
  type TransitionWrite,
} from '#libs/persistence';
import type { DeadlineMap, TimerPlan } from './deadline-plan.js';
import { statePathsWithAncestors } from './instance-view.js';
import { planTasks } from './task-plan.js';

/**
 * The pure half of every transition: from what happened (the engine's result, the host's own
 * effects, the timer plan) to the rows one statement writes — history row and its hash, outbox
 * payload, timers, tasks — and the instance as it will be. Every path that moves an instance (a
 * person's event, a deadline, a child's report, a migration, a start) builds its write here.
 */

export type { EscalationEffect, HostEffect } from './host-effects.js';

/** Who caused a transition, and the request's own trace: what the history row records besides the event. */
export interface TransitionActor {
  actor: Actor;
  requestId?: string;
  idempotencyKey?: string;
}

/** What a transition is, before it is written: the engine's result plus everything derived from it. */
export interface Transition {
  eventType: string;
  payload: Record<string, unknown> | null;
  comment: string | null;
  result: Pick<StepResult, 'state' | 'effects'>;
  extraEffects: HostEffect[];
  /** The deadline this transition fires (its timer row is marked fired by the same statement). */
  fire?: { timerId: string; deadlineKey: string };
  /** The task this transition's event answers: completed by the same statement when its state is left. */
  completing?: { taskId: string; state: string };
  /** Links recorded on (and hashed with) the history row: children started, a child's report, an admin's override, files attached. */
  links?: Record<string, unknown>;
  /** Uploads the event's payload names, bound to the case and this step by the same transaction (see file-binding.ts). */
  bind?: FileToBind[];
  /** Documents this transition issues, written to the register by the same transaction (see documents.ts). */
  issue?: DocumentToIssue[];
}

/** A file a transition binds: its id, the payload field (JSON pointer) that named it, and the step it is bound in. */
export interface FileToBind {
  id: string;
  field: string;
  state: string;
}

/** A child instance a transition starts, as linked from its parent's history row. */
export interface ChildLink {
  id: string;
  definitionKey: string;
  group: string;
  key: string;
}

/** What a definition says people read of a case: its summary line, field presentations and value labels. */
export type Presentation = Pick<WorkflowDefinition, 'summary' | 'values' | 'fields'>;

/**
 * The case at a glance as its context now reads: the summary line and the folded text a search
 * matches (business key, summary, the fields marked `search`). Written with the context, by the
 * same statement, so that neither ever lags behind it.
 */
export function glance(presentation: Presentation, businessKey: string | null, context: Record<string, unknown>): { summary: string | null; searchText: string } {
  return { summary: caseSummary(presentation, context), searchText: searchText(presentation, businessKey, context) };
}

/** The history row of a transition, with its hash over the one list of hashed fields. */
export function historyRow(
  instanceId: string,
  seq: number,
  prevHash: string,
  t: Pick<Transition, 'eventType' | 'payload' | 'comment' | 'links'> & { toState: unknown },
  fromState: unknown,
  at: Date,
  who: TransitionActor,
): TransitionWrite['history'] {
  const row: Omit<HistoryRecord, 'prevHash' | 'hash'> = {
    instanceId,
    seq,
    eventType: t.eventType,
    payload: t.payload,
    actorId: who.actor.id,
    actor: who.actor,
    fromState,
    toState: t.toState,
    at,
    requestId: who.requestId ?? null,
    idempotencyKey: who.idempotencyKey ?? null,
    comment: t.comment,
    links: t.links ?? null,
  };
  const { instanceId: _id, at: _at, ...stored } = row;
  return { ...stored, prevHash, hash: rowHash(prevHash, row) };
}

/** The links a started instance's first row records: its parent, and the children it started. */
export function startLinks(parent: ChildLink | null, children: ChildLink[], files: FileLink[] = []): Record<string, unknown> | undefined {
  if (!parent && !children.length && !files.length) return undefined;
  return { ...(parent ? { parent } : {}), ...(children.length ? { children } : {}), ...(files.length ? { files } : {}) };
}

/** A child that has just finished reports to its parent. */
export function childReport(instance: Pick<InstanceRecord, 'id' | 'parent' | 'status'>, at: Date): ChildReportEffect[] {
  if (!instance.parent || instance.status !== 'done') return [];
  return [{ type: 'child.report', parentId: instance.parent.id, childId: instance.id, at: at.toISOString() }];
}

export function timerWrites(plan: TimerPlan): TimerWrites {
  return { arm: plan.arm, cancelStates: plan.cancelStates, cancelReminderKeys: plan.cancelReminderKeys, extend: plan.extend, fire: plan.fire };
}

/**
 * A transition's effects become one outbox row (topic `effects`), in order, with the timer jobs to
 * schedule (new and moved timers); the relay turns them into queue jobs after commit. One row per
 * transition rather than one per effect keeps the write small.
 */
export function effectsOutbox(instanceId: string, definitionKey: string, seq: number | null, effects: readonly OutboxEffect[], plan?: Pick<TimerPlan, 'arm' | 'extend'>): OutboxMessage[] {
  const jobs = plan ? [...plan.arm, ...plan.extend].map((t) => ({ jobId: t.jobId, timerId: t.id, instanceId, fireAt: t.fireAt })) : [];
  if (!effects.length && !jobs.length) return [];
  return [{ topic: 'effects', payload: { instanceId, definitionKey, seq, effects: [...effects], jobs } }];
}

/**
 * Everything a transition of `instance` writes, and the instance as it will be. `children` are the
 * instances it starts (linked on its history row); `timers` overrides the plan's timer writes (a
 * migration cancels every timer of the states it leaves); `definition` moves it to another version;
 * `presentation` is the definition (version) the instance is on after the transition.
 */
export function buildTransitionWrite(input: {
  instance: InstanceRecord;
  presentation: Presentation;
  transition: Transition;
  plan: TimerPlan;
  who: TransitionActor;
  at: Date;
  children?: ChildLink[];
  timers?: TimerWrites;
  definition?: { id: string; version: number };
}): { write: TransitionWrite; next: InstanceRecord } {
  const { instance, transition: t, plan, at } = input;
  const revision = instance.revision + 1;
  const links = input.children?.length ? { ...t.links, children: input.children } : t.links;
  const state = t.result.state;
  const history = historyRow(instance.id, revision, instance.lastHash, { ...t, links, toState: state.value }, instance.stateValue, at, input.who);
  const done = state.status === 'done';
  const seen = glance(input.presentation, instance.businessKey, state.context);
  const next: InstanceRecord = {
    ...instance,
    ...(input.definition ? { definitionId: input.definition.id, definitionVersion: input.definition.version } : {}),
    status: state.status,
    stateValue: state.value,
    statePaths: statePathsWithAncestors(state.value),
    context: state.context,
    snapshot: state.snapshot,
    revision,
    lastHash: history.hash,
    nextDueAt: done ? null : plan.nextDueAt,
    deadlines: plan.deadlines,
    updatedAt: at,
    completedAt: done ? at : instance.completedAt,
    summary: seen.summary,
    searchText: seen.searchText,
  };
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
    summary: seen.summary,
    // Left out when this process committed the same text (a record it wrote): the statement then skips the search row.
    searchText: instance.searchText === seen.searchText ? undefined : seen.searchText,
    history,
    outbox: effectsOutbox(instance.id, instance.definitionKey, revision, effects, plan),
    timers: input.timers ?? timerWrites(plan),
    tasks: planTasks(instance.definitionKey, effects, plan.deadlines as DeadlineMap, t.completing, plan.moved),
    ...(input.definition ? { definition: input.definition } : {}),
  };
  return { write, next };
}

/** The rows a start writes for one new instance (its children are built the same way, each its own). */
export function buildStartWrite(input: {
  id: string;
  definition: { id: string; key: string; version: number };
  presentation: Presentation;
  businessKey: string | null;
  input: Record<string, unknown> | undefined;
  result: Pick<StepResult, 'state' | 'effects'>;
  plan: TimerPlan;
  who: TransitionActor;
  at: Date;
  parent: ChildLink | null;
  children: ChildLink[];
  /** Files the start's input names, recorded (and hashed) in the first history row. */
  files?: FileLink[];
}): { row: NewInstance; instance: InstanceRecord } {
  const { id, result, plan, at } = input;
  const history = historyRow(
    id,
    1,
    GENESIS_HASH,
    { eventType: START_EVENT_TYPE, payload: input.input ?? null, comment: null, links: startLinks(input.parent, input.children, input.files), toState: result.state.value },
    null,
    at,
    input.who,
  );
  const seen = glance(input.presentation, input.businessKey, result.state.context);
  const instance: InstanceRecord = {
    id,
    definitionId: input.definition.id,
    definitionKey: input.definition.key,
    definitionVersion: input.definition.version,
    businessKey: input.businessKey,
    status: result.state.status,
    stateValue: result.state.value,
    statePaths: statePathsWithAncestors(result.state.value),
    context: result.state.context,
    snapshot: result.state.snapshot,
    revision: 1,
    lastHash: history.hash,
    nextDueAt: plan.nextDueAt,
    deadlines: plan.deadlines,
    startedBy: input.who.actor.id,
    createdAt: at,
    updatedAt: at,
    completedAt: result.state.status === 'done' ? at : null,
    parent: input.parent ? { id: input.parent.id, group: input.parent.group, key: input.parent.key } : null,
    summary: seen.summary,
    searchText: seen.searchText,
  };
  const started: HostEffect = {
    type: 'instance.start',
    definitionVersion: input.definition.version,
    businessKey: input.businessKey,
    startedBy: input.who.actor.id,
    parentId: input.parent?.id ?? null,
    at: at.toISOString(),
  };
  const effects: HostEffect[] = [started, ...result.effects, ...childReport(instance, at)];
  const row: NewInstance = {
    ...instance,
    searchText: seen.searchText,
    at,
    history,
    outbox: effectsOutbox(id, input.definition.key, 1, effects, plan),
    timers: timerWrites(plan),
    tasks: planTasks(input.definition.key, effects, plan.deadlines as DeadlineMap),
  };
  return { row, instance };
}
