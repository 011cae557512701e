/** Plain records the repositories return: no ORM decorators, safe to hand to any layer. */

export interface DefinitionRecord {
  id: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: { vi: string; en: string };
  source: Record<string, unknown>;
  checksum: string;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface InstanceRecord {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  status: 'active' | 'done';
  stateValue: unknown;
  statePaths: string[];
  context: Record<string, unknown>;
  snapshot: unknown;
  revision: number;
  lastHash: string;
  nextDueAt: Date | null;
  /** Running deadlines by key (see libs/runtime deadline-plan.ts). */
  deadlines: Record<string, any>;
  startedBy: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  /** Set on a child instance: its parent, the parent's group that started it, and its key there. */
  parent: { id: string; group: string; key: string } | null;
  /** The definition's one-line summary of the case, from its context (null when it has none). */
  summary: string | null;
  /**
   * What a search matches the case by, folded (instance_search.search_text): known only on a record
   * this process wrote (reads leave it out), so that the next transition skips an unchanged text.
   */
  searchText?: string;
}

export interface HistoryRecord {
  instanceId: string;
  seq: number;
  eventType: string;
  payload: Record<string, unknown> | null;
  actorId: string;
  actor: { id: string; roles: string[]; units: string[] };
  fromState: unknown;
  toState: unknown;
  at: Date;
  requestId: string | null;
  idempotencyKey: string | null;
  comment: string | null;
  prevHash: string;
  hash: string;
  /** Parent/child links, when the row started children, started a child, or records a child's report. */
  links?: Record<string, unknown> | null;
}

/** A timer job as the outbox carries it: the relay turns it into a delayed queue job with this id. */
export interface TimerJob {
  jobId: string;
  timerId: string;
  instanceId: string;
  fireAt: string;
}

/** A finished child tells its parent: the relay queues the report (keyed by the child). */
export interface ChildReportEffect {
  type: 'child.report';
  parentId: string;
  childId: string;
  at: string;
}

/** An effect as the outbox carries it: the engine's and the host's effects, each with its `type`. */
export type OutboxEffect = ChildReportEffect | { type: string; [key: string]: unknown };

/**
 * What one transition (or a fired reminder, `seq` null) leaves for after its commit, in one outbox
 * row of topic `effects`: its effects in order, and the timer jobs to schedule.
 */
export interface EffectsPayload {
  instanceId: string;
  definitionKey: string;
  seq: number | null;
  effects: OutboxEffect[];
  jobs: TimerJob[];
}

export interface OutboxMessage {
  topic: 'effects';
  payload: EffectsPayload;
}

export const isChildReport = (e: OutboxEffect): e is ChildReportEffect => e.type === 'child.report';

export interface StoredResponse {
  requestHash: string;
  statusCode: number;
  response: unknown;
}

export interface IdempotencyRecord extends StoredResponse {
  scope: string;
  key: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TimerRecord {
  id: string;
  instanceId: string;
  state: string;
  deadlineKey: string;
  kind: 'deadline' | 'reminder';
  fireAt: Date;
  status: 'pending' | 'fired' | 'cancelled';
  generation: number;
  jobId: string;
  spec: Record<string, any>;
  armedSeq: number;
  firedSeq: number | null;
  createdAt: Date;
  firedAt: Date | null;
  cancelledAt: Date | null;
}

export interface CalendarOverrideRecord {
  date: string;
  kind: 'day-off' | 'working-day';
  name: { vi: string; en: string } | null;
  createdAt: Date;
  createdBy: string;
}
