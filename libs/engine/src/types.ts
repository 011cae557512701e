import type { AnyStateMachine, StateValue } from 'xstate';

export type { StateValue } from 'xstate';

/** A bilingual label. Both languages are required and non-empty. */
export type Label = { vi: string; en: string };

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema (draft-07 / 2019-09 subset understood by Ajv 8), as literal JSON. */
export type JsonSchema = Record<string, unknown> | boolean;

/** The user (or the system/timer) on whose behalf an event is processed. */
export interface Actor {
  id: string;
  roles: string[];
  units: string[];
}

/** The actor used for timer and system events. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', roles: ['system'], units: [] }) as Actor;

export interface ValidationIssue {
  /** JSON pointer into the definition (or into `/input`, `/payload` for runtime errors). */
  path: string;
  code: string;
  message: string;
}

/** `{ "path": "payload.amount" }` reads a value; `{ "value": <json> }` is a literal. */
export type Operand = { path: string } | { value: unknown };

/** A length of time as the runtime counts it: calendar days (`days: 0` is "by the end of the day"), working days, or an ISO-8601 duration. */
export type DurationSpec = { days: number } | { workingDays: number } | { duration: string };

/** A FEEL expression in a definition: a string starting with `=` (see expressions.ts). */
export type Expression = string;

/** A length of time as a definition writes it: each number (or the ISO duration) may be an expression of the case. */
export type DurationDefinition = { days: number | Expression } | { workingDays: number | Expression } | { duration: string };

export type Priority = 'low' | 'normal' | 'high' | 'urgent';

/** A `{ type, params }` reference to a guard of the fixed vocabulary. */
export interface GuardRef {
  type: string;
  params?: Record<string, unknown>;
  /** What the guard means, for people (diagrams); never evaluated. */
  description?: Label;
  /** What a person whose step this guard refused is told; never evaluated. */
  message?: Label;
  /** The payload field (dotted, without `payload.`) the refusal concerns: the form shows it there. */
  field?: string;
}

/** A guard's refusal in a person's words (a guard with a `message` that said no). */
export interface GuardRefusal {
  message: Label;
  field?: string;
}

/** A `{ type, params }` reference to an action of the fixed vocabulary. */
export interface ActionRef {
  type: string;
  params?: Record<string, unknown>;
}

export type EventKind = 'human' | 'system' | 'timer';

/**
 * Who may send an event that no open task answers (`events.<E>.sentBy`): a holder of one of
 * `roles` (in one of `units`, when given), or anyone who took one of the `actorsOf` steps of the
 * case (event types, or `@start` for who started it), read from the case's history.
 */
export interface SentBy {
  roles?: string[];
  units?: string[];
  actorsOf?: string[];
}

/** The name of the step that started a case, in `sentBy.actorsOf` and `notSameActor.steps`. */
export const START_STEP = '@start';

export interface EventDefinition {
  label: Label;
  kind: EventKind;
  description?: Label;
  /** JSON Schema the event payload must satisfy. */
  schema?: JsonSchema;
  sentBy?: SentBy;
}

/** A task as written in a definition (`meta.task`). */
export interface TaskDefinition {
  title: Label;
  description?: Label;
  roles: string[];
  /** The units whose holders of `roles` are its candidates: a list, or an expression of the case giving one unit or a list. */
  units?: string[] | Expression;
  /** An expression of the case naming the one person the task opens assigned to (e.g. a session's presider); none when it gives null. */
  assignee?: Expression;
  priority?: Priority;
  outcomes?: string[];
}

/**
 * A task as compiled (CompiledStateInfo.task) and as carried by a `task.open` effect: defaults
 * filled in. In a compiled task `unitsFrom` and `assigneeFrom` hold the definition's expressions;
 * an effect carries them evaluated, as `units` and `assignee`.
 */
export interface TaskSpec {
  title: Label;
  description?: Label;
  roles: string[];
  units: string[];
  priority: Priority;
  outcomes: string[];
  unitsFrom?: Expression;
  assigneeFrom?: Expression;
  /** On an effect: the person the task opens assigned to. */
  assignee?: string;
}

export interface NotifySpec {
  roles?: string[];
  /** Usernames, or expressions of the case giving a username, a person or a list of them. */
  users?: string[];
  message: Label;
}

export interface EscalationSpec {
  priority?: Priority;
  addRoles?: string[];
  notify?: NotifySpec;
}

export interface ReminderSpec {
  before: DurationSpec;
  message?: Label;
}

export type DeadlineFrom = 'entry' | { context: string };

/**
 * A recurring start (`schedules[]`): the scheduler starts an instance at every cron occurrence.
 * `businessKey` may use {yyyy}, {mm}, {dd} (the occurrence's local date) and {key}; an occurrence
 * whose business key already exists starts nothing, so a schedule fires at most once per period.
 */
export interface ScheduleDefinition {
  key: string;
  label?: Label;
  cron: string;
  timezone?: 'Asia/Ho_Chi_Minh' | 'UTC';
  businessKey?: string;
  input?: Record<string, unknown>;
  /**
   * An occurrence on a day off of the ward's calendar (weekend, holiday as announced or estimated,
   * admins' overrides): `next-working-day` (default) starts it on the next working day at the same
   * time of day, unless the schedule has an occurrence of its own that day; `skip` starts nothing;
   * `run` starts it on the day itself. The business key stays the occurrence's.
   */
  onDayOff?: 'next-working-day' | 'skip' | 'run';
}

/** A deadline as written in a definition (`meta.deadlines[]`). */
export interface DeadlineDefinition {
  key: string;
  label?: Label;
  /** Armed only when this expression of the case is true (e.g. `=phucTap`); always when absent. */
  when?: Expression;
  /** Counted forward from `from`; exactly one of `after` and `before`. */
  after?: DurationDefinition;
  /** Counted back from the date `from` names (an event's date): its last day is that long before it. */
  before?: DurationDefinition;
  from?: DeadlineFrom;
  event?: string;
  escalate?: EscalationSpec;
  reminders?: ReminderSpec[];
}

/**
 * A deadline as compiled (CompiledStateInfo.deadlines): defaults filled in, expressions as written.
 * `resolveDeadline` turns it into the DeadlineSpec a `timer.arm` effect carries.
 */
export interface DeadlineRule {
  key: string;
  label?: Label;
  when?: Expression;
  after?: DurationDefinition;
  before?: DurationDefinition;
  from: DeadlineFrom;
  event?: string;
  escalate?: EscalationSpec;
  reminders: ReminderSpec[];
}

/** A deadline as carried by a `timer.arm` effect: every expression evaluated for the case. */
export interface DeadlineSpec {
  key: string;
  label?: Label;
  after?: DurationSpec;
  before?: DurationSpec;
  from: DeadlineFrom;
  event?: string;
  escalate?: EscalationSpec;
  reminders: ReminderSpec[];
}

export interface StateMeta {
  label?: Label;
  description?: Label;
  task?: TaskDefinition;
  deadlines?: DeadlineDefinition[];
  /** Free-form data for user interfaces; the engine ignores it. */
  ui?: Record<string, unknown>;
}

export interface TransitionObject {
  target?: string | string[];
  guard?: GuardRef;
  actions?: ActionRef | ActionRef[];
  reenter?: boolean;
  description?: string;
  meta?: Record<string, unknown>;
}

export type TransitionConfig = string | TransitionObject | TransitionObject[];

export interface StateNodeDefinition {
  id?: string;
  type?: 'parallel' | 'final';
  initial?: string;
  states?: Record<string, StateNodeDefinition>;
  on?: Record<string, TransitionConfig>;
  always?: TransitionConfig;
  onDone?: TransitionConfig;
  entry?: ActionRef | ActionRef[];
  exit?: ActionRef | ActionRef[];
  meta?: StateMeta;
  description?: string;
  output?: unknown;
  tags?: string[];
}

export interface WorkflowDefinition {
  key: string;
  title: Label;
  description?: Label;
  roles?: Record<string, Label>;
  inputSchema?: JsonSchema;
  /** Who may start a case: a holder of one of `roles` (in one of `units`, when named). Anyone signed in when absent. */
  startableBy?: { roles: string[]; units?: string[] };
  /** One line that tells a case from the others in lists: `{field}` placeholders of context fields. */
  summary?: string;
  /** How people see the case data, per context field (dotted paths allowed). */
  fields?: Record<string, FieldPresentation>;
  /** Labels of the enum values people see (options, case data, history). */
  values?: Record<string, Label>;
  context?: Record<string, unknown>;
  events: Record<string, EventDefinition>;
  machine: StateNodeDefinition;
  schedules?: ScheduleDefinition[];
  reporting?: ReportingDefinition;
  documents?: DocumentDefinition[];
}

/** How a context field is shown to people (`fields.<path>`). */
export interface FieldPresentation {
  label?: Label;
  /** For the machine only (a flag, a counter): no page shows it. */
  hidden?: boolean;
  /** Its words find the case in search. Never set for confidential data. */
  search?: boolean;
  format?: 'text' | 'date' | 'datetime' | 'user' | 'users' | 'files' | 'longText';
  /**
   * Kept secret (the Law on Denunciations 2018, personal data protection): only these readers see
   * the value; everywhere else (views, history, replay, audit search and exports, notifications,
   * webhooks) it is masked. See docs/definition-format.md#confidential-fields.
   */
  confidential?: ConfidentialMark;
}

/**
 * Who may read a confidential field: a holder of one of `roles` (in one of `units` when both are
 * given), a member of one of `units` (when no `roles`), or a person who acted on one of `steps` of
 * this case (a state path: the assignee or completer of its task; `@start`: whoever started it).
 */
export interface ConfidentialMark {
  roles?: string[];
  units?: string[];
  steps?: string[];
}

/**
 * An official paper the case produces when the event `on` commits, or when a step enters the state
 * `onEnter` (exactly one of the two): a DOCX template (`templateData`, base64, inlined from the
 * file `template` names when the definition is published, so a published version never changes),
 * numbered `number.scheme` from a gap-free sequence per series, issuer and year, the number also
 * written into the event's payload field `number.field` (see docs/documents.md).
 */
export interface DocumentDefinition {
  key: string;
  title: Label;
  template?: string;
  templateData?: string;
  on?: string;
  /** A state's dotted path: the document is issued by whichever step enters it (a person's event, a deadline, a child's report). */
  onEnter?: string;
  number: { scheme: string; series?: string; field?: string };
  issuer: string;
  place: string;
  recipients?: string[];
  /** How a coded value reads in the document, per field: `{ "ketLuan": { "dung-mot-phan": "đúng một phần" } }`. */
  values?: Record<string, Record<string, string>>;
}

/**
 * What the program report counts for this workflow besides the standard figures, over the
 * instances finished in the period: `breakdowns` group them by a value (e.g. a complaint's
 * conclusion), `counters` count those whose value equals a literal (e.g. a recognised model).
 * Paths read `context.…` or `output.…` (the final state's output).
 */
export interface ReportingDefinition {
  breakdowns?: Array<{ key: string; label: Label; path: string; values?: Record<string, Label> }>;
  counters?: Array<{ key: string; label: Label; path: string; equals: unknown }>;
}

/** Per-state data precomputed at compile time. */
export interface CompiledStateInfo {
  /** Dotted path from the root ('' for the root node). */
  path: string;
  label?: Label;
  task?: TaskSpec;
  deadlines: DeadlineRule[];
  /** Event types handled by this node or one of its ancestors. */
  handles: ReadonlySet<string>;
  /** Literal `output` of the node, if any. */
  output?: unknown;
}

export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  machine: AnyStateMachine;
  /** Per state path ('' = root). */
  states: ReadonlyMap<string, CompiledStateInfo>;
  /** Deadline key -> state path owning it. */
  deadlineOwners: ReadonlyMap<string, string>;
  /** Precompiled payload validators, by event type (absent: any object payload). */
  payloadValidators: ReadonlyMap<string, (data: unknown) => ValidationIssue[]>;
  /** Precompiled start-input validator (absent: any object input). */
  inputValidator?: (data: unknown) => ValidationIssue[];
  /** Memo: active-leaf key -> sorted allowed event types. */
  allowedCache: Map<string, string[]>;
  /** Event types some state's task lists as an outcome: who may send them is decided by the open task. */
  taskOutcomes: ReadonlySet<string>;
  /** Whether steps need the case's history (separation of duties, `sentBy.actorsOf`). */
  needsHistory: boolean;
}

export interface PersistedState {
  value: StateValue;
  context: Record<string, unknown>;
  status: 'active' | 'done';
  /** JSON-safe, from machine.getPersistedSnapshot. */
  snapshot: unknown;
}

export interface StepInput {
  type: string;
  payload?: Record<string, unknown>;
}

/** One step taken in a case so far: its event type (`xstate.init` for the start) and who took it. */
export interface StepRecord {
  event: string;
  actor: string;
}

export interface StepOptions {
  actor: Actor;
  /** ISO-8601 instant. */
  at: string;
  /**
   * Every step of the case so far, oldest first (from its history): what separation of duties
   * (`notSameActor`) checks. Needed only when `CompiledWorkflow.needsHistory`.
   */
  history?: readonly StepRecord[];
}

export type Effect =
  | { type: 'task.open'; state: string; task: TaskSpec; at: string }
  | { type: 'task.close'; state: string; at: string }
  | {
      type: 'timer.arm';
      state: string;
      deadline: DeadlineSpec;
      /** The instant the deadline counts from: `at` for `from: 'entry'`, else the context value. */
      startAt: string;
      at: string;
    }
  | { type: 'timer.cancel'; state: string; deadlineKey: string; at: string }
  | { type: 'timer.extend'; deadlineKey: string; by: DurationSpec; reason?: unknown; at: string }
  | { type: 'notify'; roles: string[]; users: string[]; message: Label; at: string }
  | { type: 'emit'; topic: string; data: Record<string, unknown>; at: string }
  | { type: 'instance.done'; output?: unknown; at: string }
  /** Start a child instance of `definitionKey` (see children.ts); `key` is unique within the parent. */
  | { type: 'child.start'; group: string; key: string; definitionKey: string; input: Record<string, unknown>; at: string };

export interface StepResult {
  state: PersistedState;
  effects: Effect[];
  from: StateValue;
  to: StateValue;
}

/**
 * Why a step was refused. DEFINITION_REFUSED: the definition cannot take this step for this case
 * (one of its expressions failed or gave what its place cannot use): the admins' to fix.
 */
export type EngineErrorCode = 'INVALID_INPUT' | 'INVALID_PAYLOAD' | 'EVENT_NOT_ACCEPTED' | 'GUARD_REJECTED' | 'INSTANCE_DONE' | 'DEFINITION_REFUSED';

/** Internal: what guards and actions see of the event being processed. */
export interface StepEnv {
  type: string;
  payload: Record<string, unknown>;
  actor: Actor;
  at: string;
  history?: readonly StepRecord[];
}

export type { AnyStateMachine };
