import { activeStatePaths, allowedEvents, CHILD_DONE_EVENT, stateLabel, type CompiledWorkflow, type Label } from '#libs/engine';
import type { HistoryRecord, InstanceRecord, TimerRecord } from '#libs/persistence';
import type { DeadlineState } from './deadline-plan.js';

export interface InstanceView {
  id: string;
  definition: { key: string; version: number };
  businessKey: string | null;
  /** The definition's one-line summary of the case (`summary`), from its context; null when it has none. */
  summary: string | null;
  status: 'active' | 'done';
  state: unknown;
  activeStates: Array<{ path: string; label?: Label }>;
  context: Record<string, unknown>;
  revision: number;
  /** The events a person may send now (human events the current states accept), sorted. */
  allowedEvents: string[];
  /** What else the current states accept, which only deadlines and the system send (timer and system events), sorted. */
  awaitedEvents: string[];
  /** The earliest due instant among the running deadlines (passed ones included). */
  nextDueAt: string | null;
  deadlines: Array<{ key: string; state: string; label?: Label; dueDate: string | null; dueAt: string; passed: boolean; extensions: DeadlineState['extensions'] }>;
  startedBy: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** Set on a child instance: the parent, the parent's group that started it, and its key there. */
  parent: { id: string; group: string; key: string } | null;
  /** The instance's children, on GET of one instance that has any. */
  children?: ChildView[];
}

export interface ChildView {
  id: string;
  definition: { key: string; version: number };
  group: string;
  key: string;
  businessKey: string | null;
  summary: string | null;
  status: 'active' | 'done';
  activeStates: Array<{ path: string; label?: Label }>;
  createdAt: string;
  completedAt: string | null;
}

export interface HistoryView {
  seq: number;
  event: { type: string; payload: Record<string, unknown> | null };
  actor: { id: string; roles: string[]; units: string[] };
  from: unknown;
  to: unknown;
  at: string;
  requestId: string | null;
  idempotencyKey: string | null;
  comment: string | null;
  /** Parent/child links: `children` started by this step, `parent` of a child's first row, `child` whose report this is. */
  links?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toInstanceView(instance: InstanceRecord, workflow: CompiledWorkflow): InstanceView {
  const persisted = { value: instance.stateValue as never, context: instance.context, status: instance.status, snapshot: instance.snapshot };
  return {
    id: instance.id,
    definition: { key: instance.definitionKey, version: instance.definitionVersion },
    businessKey: instance.businessKey,
    summary: instance.summary ?? null,
    status: instance.status,
    state: instance.stateValue,
    activeStates: activeStatePaths(instance.stateValue as never).map((path) => ({ path, label: stateLabel(workflow, path) })),
    context: instance.context,
    revision: instance.revision,
    ...eventsNow(workflow, persisted),
    nextDueAt: iso(instance.nextDueAt),
    deadlines: Object.entries(instance.deadlines as Record<string, DeadlineState>).map(([key, d]) => ({
      key,
      state: d.state,
      ...(d.label ? { label: d.label } : {}),
      dueDate: d.dueDate,
      dueAt: d.dueAt,
      passed: d.firedAt !== undefined,
      extensions: d.extensions,
    })),
    startedBy: instance.startedBy,
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
    completedAt: iso(instance.completedAt),
    parent: instance.parent,
  };
}

/**
 * What the current states accept, split by who sends it: a person (human events) or a deadline or
 * the system. child.done is the engine's own report and is in neither.
 */
function eventsNow(workflow: CompiledWorkflow, persisted: Parameters<typeof allowedEvents>[1]): Pick<InstanceView, 'allowedEvents' | 'awaitedEvents'> {
  if (persisted.status !== 'active') return { allowedEvents: [], awaitedEvents: [] };
  const accepted = allowedEvents(workflow, persisted).filter((e) => e !== CHILD_DONE_EVENT);
  const human = (e: string) => workflow.definition.events[e]?.kind === 'human';
  return { allowedEvents: accepted.filter(human), awaitedEvents: accepted.filter((e) => !human(e)) };
}

export function toChildView(child: InstanceRecord, workflow: CompiledWorkflow): ChildView {
  return {
    id: child.id,
    definition: { key: child.definitionKey, version: child.definitionVersion },
    group: child.parent?.group ?? '',
    key: child.parent?.key ?? '',
    businessKey: child.businessKey,
    summary: child.summary ?? null,
    status: child.status,
    activeStates: activeStatePaths(child.stateValue as never).map((path) => ({ path, label: stateLabel(workflow, path) })),
    createdAt: child.createdAt.toISOString(),
    completedAt: iso(child.completedAt),
  };
}

export function toHistoryView(row: HistoryRecord): HistoryView {
  return {
    seq: row.seq,
    event: { type: row.eventType, payload: row.payload },
    actor: row.actor,
    from: row.fromState,
    to: row.toState,
    at: row.at.toISOString(),
    requestId: row.requestId,
    idempotencyKey: row.idempotencyKey,
    comment: row.comment,
    ...(row.links ? { links: row.links } : {}),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Every active state with its ancestors ('handling', 'handling.verify'), so a filter on a parent finds its children. */
export function statePathsWithAncestors(value: unknown): string[] {
  const paths = new Set<string>();
  for (const leaf of activeStatePaths(value as never)) {
    const parts = leaf.split('.');
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('.'));
  }
  return [...paths].sort();
}

export interface TimerView {
  id: string;
  state: string;
  deadlineKey: string;
  kind: 'deadline' | 'reminder';
  fireAt: string;
  status: 'pending' | 'fired' | 'cancelled';
  generation: number;
  armedSeq: number;
  firedSeq: number | null;
  firedAt: string | null;
  cancelledAt: string | null;
}

export function toTimerView(t: TimerRecord): TimerView {
  return {
    id: t.id,
    state: t.state,
    deadlineKey: t.deadlineKey,
    kind: t.kind,
    fireAt: t.fireAt.toISOString(),
    status: t.status,
    generation: t.generation,
    armedSeq: t.armedSeq,
    firedSeq: t.firedSeq,
    firedAt: iso(t.firedAt),
    cancelledAt: iso(t.cancelledAt),
  };
}
