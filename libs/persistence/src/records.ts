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

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
}

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
