import { activeStatePaths, allowedEvents, stateLabel, type CompiledWorkflow, type Label } from '#libs/engine';
import type { HistoryRecord, InstanceRecord } from '#libs/persistence';

export interface InstanceView {
  id: string;
  definition: { key: string; version: number };
  businessKey: string | null;
  status: 'active' | 'done';
  state: unknown;
  activeStates: Array<{ path: string; label?: Label }>;
  context: Record<string, unknown>;
  revision: number;
  allowedEvents: string[];
  nextDueAt: string | null;
  startedBy: string;
  createdAt: string;
  updatedAt: string;
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
    status: instance.status,
    state: instance.stateValue,
    activeStates: activeStatePaths(instance.stateValue as never).map((path) => ({ path, label: stateLabel(workflow, path) })),
    context: instance.context,
    revision: instance.revision,
    allowedEvents: instance.status === 'active' ? allowedEvents(workflow, persisted) : [],
    nextDueAt: iso(instance.nextDueAt),
    startedBy: instance.startedBy,
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
    completedAt: iso(instance.completedAt),
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
