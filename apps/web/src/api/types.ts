// Shapes of the API's answers, as the web app reads them (see docs/api.md and the controllers).

export interface Label {
  vi: string;
  en: string;
}

export interface Issue {
  path: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
  errorId?: string;
}

export interface Membership {
  role: string;
  unit: string;
}

export interface Unit {
  key: string;
  name: Label;
  parentKey: string | null;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  memberships: Membership[];
  units: Unit[];
}

export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface Task {
  id: string;
  instanceId: string;
  definitionKey: string;
  state: string;
  title: Label;
  candidateRoles: string[];
  candidateUnits: string[];
  outcomes: string[];
  assignee: string | null;
  status: 'open' | 'completed' | 'cancelled';
  priority: Priority;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  claimedAt: string | null;
  closedAt: string | null;
  completedBy: string | null;
  outcome: string | null;
}

export interface TaskEvent {
  type: 'claimed' | 'unclaimed' | 'delegated' | 'commented' | 'acted' | string;
  actor: string;
  at: string;
  data: Record<string, unknown> | null;
}

export interface TaskDetail extends Task {
  events: TaskEvent[];
}

export interface InboxCounts {
  mine: number;
  claimable: number;
  overdue: number;
  dueSoon: number;
}

export interface InboxPage {
  items: Task[];
  nextCursor: string | null;
  counts: InboxCounts;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: Label;
  checksum: string | null;
  createdAt: string;
  publishedAt: string | null;
  versions?: number;
}

export interface DefinitionCheck {
  valid: boolean;
  issues: Issue[];
  warnings: Issue[];
}

export interface DefinitionDetail extends DefinitionSummary {
  source: DefinitionSource;
  check?: DefinitionCheck;
}

/** A JSON Schema as the definitions use it (forms of events and start input). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface TaskMeta {
  title: Label;
  roles?: string[];
  units?: string[];
  priority?: Priority;
  outcomes?: string[];
}

export interface StateNodeSource {
  id?: string;
  initial?: string;
  type?: 'parallel' | 'final';
  states?: Record<string, StateNodeSource>;
  on?: Record<string, unknown>;
  always?: unknown;
  onDone?: unknown;
  meta?: { label?: Label; task?: TaskMeta; deadlines?: Array<{ key: string; label?: Label }> };
}

export interface EventSource {
  label: Label;
  kind: 'human' | 'system' | 'timer';
  description?: Label;
  schema?: JsonSchema;
}

export interface DefinitionSource {
  key: string;
  title: Label;
  description?: Label;
  roles?: Record<string, Label>;
  inputSchema?: JsonSchema;
  events: Record<string, EventSource>;
  machine: StateNodeSource;
}

export interface ActiveState {
  path: string;
  label?: Label;
}

export interface Deadline {
  key: string;
  state: string;
  label?: Label;
  dueDate: string | null;
  dueAt: string;
  passed: boolean;
  extensions: unknown[];
}

export interface ChildInstance {
  id: string;
  definition: { key: string; version: number };
  group: string;
  key: string;
  status: 'active' | 'done';
  activeStates: ActiveState[];
  createdAt: string;
  completedAt: string | null;
}

export interface Instance {
  id: string;
  definition: { key: string; version: number };
  businessKey: string | null;
  status: 'active' | 'done';
  state: unknown;
  activeStates: ActiveState[];
  context: Record<string, unknown>;
  revision: number;
  allowedEvents: string[];
  nextDueAt: string | null;
  deadlines: Deadline[];
  startedBy: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  parent: { id: string; group: string; key: string } | null;
  children?: ChildInstance[];
}

export interface InstancePage {
  items: Instance[];
  nextCursor: string | null;
}

export interface HistoryRow {
  seq: number;
  event: { type: string; payload: Record<string, unknown> | null };
  actor: { id: string; roles: string[]; units: string[] };
  from: unknown;
  to: unknown;
  at: string;
  requestId: string | null;
  idempotencyKey: string | null;
  comment: string | null;
  links?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface Timer {
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

export interface Verification {
  ok: boolean;
  instanceId: string;
  rows: number;
  head: string | null;
  broken?: { seq: number; reason: string };
}

export interface StateAt {
  instanceId: string;
  seq: number;
  at: string;
  event: string;
  state: unknown;
  context: Record<string, unknown>;
  status: 'active' | 'done';
}

export interface AuditRow {
  gseq: string;
  instanceId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  seq: number;
  at: string;
  event: string;
  actor: string;
  roles: string[];
  units: string[];
  from: unknown;
  to: unknown;
  payload: unknown;
  comment: string | null;
  requestId: string | null;
  hash: string;
}

export interface PathStep {
  event: string;
  payload?: Record<string, unknown>;
  to: string[];
  actorId?: string;
}

export interface Coverage {
  covered: string[];
  uncovered: string[];
  ratio: number;
}

export interface PathReport {
  paths: Array<{ steps: PathStep[]; end: string[]; done: boolean }>;
  shortest: Record<string, PathStep[]>;
  stateCoverage: Coverage;
  transitionCoverage: Coverage;
  deadEnds: Array<{ state: string[]; steps: PathStep[] }>;
}

export interface DryRunResult {
  event: string;
  ok: boolean;
  error?: { code: string; message: string; allowedEvents?: string[]; issues?: Issue[] };
  state: unknown;
  activeStates: string[];
  context: Record<string, unknown>;
  status: 'active' | 'done';
  effects: unknown[];
  at: string;
}

export interface MigrationVerdict {
  instanceId: string;
  businessKey: string | null;
  from: string[];
  to: string[] | null;
  movable: boolean;
  reason?: string;
}

export interface WorkflowFigures {
  key: string;
  title: Label;
  received: number;
  carriedOver: number;
  resolved: number;
  resolvedOnTime: number;
  resolvedLate: number;
  openAtEnd: number;
  overdueNow: number;
}

export interface ProgramReport {
  period: { key: string; from: string; to: string; fromAt: string; toAt: string };
  generatedAt: string;
  workflows: WorkflowFigures[];
  citizenCases: {
    workflows: string[];
    received: number;
    carriedOver: number;
    toHandle: number;
    resolved: number;
    resolvedOnTime: number;
    resolvedLate: number;
    inProgress: number;
    overdueNow: number;
  };
  danVanKheo: { campaigns: number; modelsRegistered: number; recognised: number; proposed: number };
  trend: Array<{ month: string; received: number; resolved: number; resolvedLate: number }>;
}
