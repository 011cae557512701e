/**
 * start()/step(): pure functions over xstate's initialTransition()/transition(). They run no
 * action: effects are derived from the executable actions xstate returns.
 */
import {
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type ExecutableActionsFrom,
  type ActorScope,
  type AnyStateMachine,
  type StateValue,
} from 'xstate';
import { CHILD_DONE_EVENT, childGroups, childItems, childKey, pendingChildren, recordChildDone, type ChildrenParams } from './children.js';
import { actorScopes } from './compile.js';
import { EngineError } from './errors.js';
import { CONFIDENTIAL_MASK, maskConfidential, readsConfidential } from './confidential.js';
import { getIn, isPlainObject, jsonClone, ptr, scanJson, splitPath } from './json.js';
import type {
  CompiledWorkflow,
  DeadlineSpec,
  Effect,
  GuardRef,
  GuardRefusal,
  Label,
  Operand,
  PersistedState,
  StepEnv,
  StepInput,
  StepOptions,
  StepResult,
  ValidationIssue,
} from './types.js';
import { ENTER_ACTION, EXIT_ACTION, evalGuard, readOperand, withEnv, writeSegments } from './vocabulary.js';
import { resolveDeadline, resolveDuration, resolvePeople, resolveRoles, resolveTask, statePointer } from './resolve.js';
import { expressionScope } from './expressions.js';

type ExecAction = ExecutableActionsFrom<AnyStateMachine>;
type Ctx = Record<string, unknown>;

/** The event type guards and actions see during start() (`event.type`). */
export const START_EVENT_TYPE = 'xstate.init';

// ---------------------------------------------------------------------------------------------

export function start(wf: CompiledWorkflow, input: Record<string, unknown> | undefined, opts: StepOptions): StepResult {
  checkOptions(opts);
  if (input !== undefined && !isPlainObject(input)) {
    throw new EngineError('INVALID_INPUT', 'start input must be an object', {
      issues: [{ path: '/input', code: 'invalid_type', message: 'must be an object' }],
    });
  }
  const data = input ?? {};
  const scan = scanJson(data);
  if (scan) {
    throw new EngineError('INVALID_INPUT', `start input is not JSON data: ${scan.message}`, {
      issues: [{ path: '/input' + scan.path, code: scan.code, message: scan.message }],
    });
  }
  if (wf.inputValidator) {
    const issues = wf.inputValidator(data);
    if (issues.length) throw new EngineError('INVALID_INPUT', summarize('invalid start input', issues), { issues });
  }
  const context: Ctx = { ...jsonClone(wf.definition.context ?? {}), ...jsonClone(data) };
  const env: StepEnv = { type: START_EVENT_TYPE, payload: data, actor: opts.actor, at: opts.at, history: opts.history };
  return withEnv(env, () => {
    const [snap, actions] = runInitial(wf, { context });
    return finish(wf, snap, actions, env, '');
  });
}

export function step(wf: CompiledWorkflow, current: PersistedState, event: StepInput, opts: StepOptions): StepResult {
  checkOptions(opts);
  if (current.status === 'done') {
    throw new EngineError('INSTANCE_DONE', 'the instance has finished; it accepts no more events');
  }
  const snap = restore(wf, current);
  if (snap.status !== 'active') {
    throw new EngineError('INSTANCE_DONE', 'the instance has finished; it accepts no more events');
  }
  const type = event?.type;
  if (type === CHILD_DONE_EVENT) return childDone(wf, snap, event.payload, opts);
  const allowed = allowedFor(wf, snap.value);
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(wf.definition.events, type) || !allowed.includes(type)) {
    throw new EngineError(
      'EVENT_NOT_ACCEPTED',
      `event "${String(type)}" is not accepted in state ${JSON.stringify(snap.value)}; allowed: ${allowed.join(', ') || '(none)'}`,
      { allowedEvents: allowed.slice() },
    );
  }
  const payload = checkPayload(wf, type, event.payload);
  const env: StepEnv = { type, payload, actor: opts.actor, at: opts.at, history: opts.history };
  const xEvent = { type, payload, actor: opts.actor, at: opts.at };
  return withEnv(env, () => {
    if (!wf.machine.getTransitionData(snap, xEvent).length) {
      const { types: failedGuards, refusals } = failingGuards(snap, type, env);
      const reason = refusals.length ? refusals.map((r) => r.message.en).join('; ') : `no transition's guard passed (${failedGuards.join(', ') || 'guard'})`;
      throw new EngineError('GUARD_REJECTED', `event "${type}" is not allowed now: ${reason}`, {
        allowedEvents: allowed.slice(),
        failedGuards,
        refusals,
      });
    }
    const [next, actions] = runTransition(wf, snap, xEvent);
    return finish(wf, next, actions, env, snap.value);
  });
}

/**
 * A finished child reports to its parent: recorded in `_children` first, then given to the machine,
 * whose `always` transitions (guarded by `childrenDone`) see the new count. Accepted while the
 * child is awaited, whether or not a state handles the event.
 */
function childDone(wf: CompiledWorkflow, snap: AnyMachineSnapshot, payload: unknown, opts: StepOptions): StepResult {
  const context = recordChildDone(snap.context as Ctx, payload, opts.at);
  const recorded = wf.machine.resolveState({ value: snap.value, context }) as AnyMachineSnapshot;
  const data = payload as Record<string, unknown>;
  const env: StepEnv = { type: CHILD_DONE_EVENT, payload: data, actor: opts.actor, at: opts.at, history: opts.history };
  return withEnv(env, () => {
    const [next, actions] = runTransition(wf, recorded, { type: CHILD_DONE_EVENT, payload: data, actor: opts.actor, at: opts.at } as never);
    return finish(wf, next, actions, env, snap.value);
  });
}

/** The state a `child.done` is applied to: `current` with the child recorded (for tracing tools). */
export function withChildDone(current: PersistedState, payload: unknown, at: string): PersistedState {
  return { ...current, context: recordChildDone(current.context, payload, at) };
}

/**
 * The guard types that said no, for an event whose every candidate transition was refused: the
 * leaves of `all`, and `any`/`not` as a whole. Lets the host tell "not allowed to" (role, unit,
 * separation of duties) from "not now" (a condition on the data). With them, the refusals in a
 * person's words of the guards that carry a `message` (the outermost one that said no), once each.
 */
function failingGuards(snap: AnyMachineSnapshot, type: string, env: StepEnv): { types: string[]; refusals: GuardRefusal[] } {
  const failed = new Set<string>();
  const refusals = new Map<string, GuardRefusal>();
  const visit = (ref: GuardRef, explained: boolean) => {
    if (evalGuard(ref as never, snap.context as Ctx, env)) return;
    const says = !explained && ref.message !== undefined;
    if (says) refusals.set(JSON.stringify([ref.field ?? null, ref.message]), { message: ref.message!, ...(ref.field ? { field: ref.field } : {}) });
    if (ref.type === 'all') for (const g of (ref.params?.guards ?? []) as GuardRef[]) visit(g, explained || says);
    else failed.add(ref.type);
  };
  for (const node of (snap as unknown as { _nodes: Array<{ transitions: Map<string, Array<{ guard?: unknown }>> }> })._nodes) {
    for (const t of node.transitions.get(type) ?? []) {
      const guard = t.guard as GuardRef | undefined;
      if (guard && typeof guard === 'object' && typeof guard.type === 'string') visit(guard, false);
    }
  }
  return { types: [...failed].sort(), refusals: [...refusals.values()] };
}

/**
 * Event types for which some active state node (or an ancestor) has a transition, whatever
 * their guards say; sorted. Empty when the instance is done.
 */
export function allowedEvents(wf: CompiledWorkflow, current: PersistedState): string[] {
  if (current.status === 'done') return [];
  const snap = current.snapshot as { value?: StateValue; status?: string } | undefined;
  if (isPlainObject(snap) && snap.status === 'done') return [];
  const value = isPlainObject(snap) && snap.value !== undefined ? snap.value : current.value;
  const allowed = allowedFor(wf, value).slice();
  return pendingChildren(current.context ?? {}).length ? [...allowed, CHILD_DONE_EVENT].sort() : allowed;
}

export function stateLabel(wf: CompiledWorkflow, statePath: string): Label | undefined {
  return wf.states.get(statePath)?.label;
}

/** Dotted paths of the active leaf states, e.g. `{ handling: { verify: 'a' } }` -> `['handling.verify.a']`. */
export function activeStatePaths(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  const out: string[] = [];
  if (!isPlainObject(value)) return out;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, StateValue>)[key];
    if (typeof v === 'string') out.push(`${key}.${v}`);
    else if (!isPlainObject(v) || Object.keys(v).length === 0) out.push(key);
    else for (const p of activeStatePaths(v)) out.push(`${key}.${p}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function checkOptions(opts: StepOptions): void {
  const a = opts?.actor;
  if (!a || typeof a.id !== 'string' || !Array.isArray(a.roles) || !Array.isArray(a.units)) {
    throw new TypeError('opts.actor must be { id: string, roles: string[], units: string[] }');
  }
  if (typeof opts.at !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(opts.at)) {
    throw new TypeError('opts.at must be an ISO-8601 instant');
  }
}

function summarize(prefix: string, issues: ValidationIssue[]): string {
  return `${prefix}: ${issues
    .slice(0, 5)
    .map((i) => `${i.path} ${i.message}`)
    .join('; ')}`;
}

function checkPayload(wf: CompiledWorkflow, type: string, payload: unknown): Record<string, unknown> {
  if (payload === undefined || payload === null) payload = {};
  if (!isPlainObject(payload)) {
    const issues = [{ path: '/payload', code: 'invalid_type', message: 'must be an object' }];
    throw new EngineError('INVALID_PAYLOAD', 'event payload must be an object', { issues });
  }
  const scan = scanJson(payload);
  if (scan) {
    const issues = [{ path: '/payload' + scan.path, code: scan.code, message: scan.message }];
    throw new EngineError('INVALID_PAYLOAD', `event payload is not JSON data: ${scan.message}`, { issues });
  }
  const validate = wf.payloadValidators.get(type) ?? (wf.definition.events[type]?.kind === 'human' ? schemalessPayload : undefined);
  if (validate) {
    const issues = validate(payload);
    if (issues.length) {
      throw new EngineError('INVALID_PAYLOAD', summarize(`invalid payload for "${type}"`, issues), { issues });
    }
  }
  return payload;
}

/** Longest note a human event without a schema may carry. */
export const SCHEMALESS_NOTE_MAX = 2000;

/**
 * A human event whose definition gives no schema carries nothing, or a short note (`ghiChu`):
 * an event is a decision, not a place to store arbitrary data in the history.
 */
function schemalessPayload(payload: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    if (key !== 'ghiChu') {
      issues.push({ path: `/payload/${ptr(key)}`, code: 'unknown_key', message: 'this event has no form: its payload may hold only "ghiChu"' });
    } else if (typeof value !== 'string' || value.length > SCHEMALESS_NOTE_MAX) {
      issues.push({ path: '/payload/ghiChu', code: 'invalid_value', message: `must be text of at most ${SCHEMALESS_NOTE_MAX} characters` });
    }
  }
  return issues;
}

function allowedFor(wf: CompiledWorkflow, value: StateValue): string[] {
  const leaves = activeStatePaths(value);
  const key = leaves.join('|');
  let cached = wf.allowedCache.get(key);
  if (!cached) {
    const set = new Set<string>();
    for (const leaf of leaves) for (const t of wf.states.get(leaf)?.handles ?? []) set.add(t);
    cached = [...set].sort();
    if (wf.allowedCache.size > 10_000) wf.allowedCache.clear();
    wf.allowedCache.set(key, cached);
  }
  return cached;
}

/** PersistedState.snapshot (possibly after a JSON round trip) -> a snapshot transition() accepts. */
function restore(wf: CompiledWorkflow, current: PersistedState): AnyMachineSnapshot {
  const persisted = current?.snapshot as { value?: StateValue; context?: Ctx } | undefined;
  const value = isPlainObject(persisted) && persisted.value !== undefined ? persisted.value : current?.value;
  const context = isPlainObject(persisted) && isPlainObject(persisted.context) ? persisted.context : (current?.context ?? {});
  try {
    return wf.machine.resolveState({ value, context }) as AnyMachineSnapshot;
  } catch (err) {
    throw new Error(
      `persisted state ${JSON.stringify(value)} does not fit workflow "${wf.definition.key}": ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/**
 * xstate's transition()/initialTransition() build a throw-away actor (which computes the machine's
 * initial state) on every call. This does the same with an inert actor scope built once per
 * compiled workflow; without one (e.g. a spread copy of the workflow) it falls back to xstate's.
 */
function withScope<T>(wf: CompiledWorkflow, run: (scope: ActorScope<any, any, any, any>) => T): [T, ExecAction[]] | undefined {
  const scope = actorScopes.get(wf);
  if (!scope) return undefined;
  const actions: ExecAction[] = [];
  const prev = scope.actionExecutor;
  scope.actionExecutor = (a) => {
    actions.push(a as ExecAction);
  };
  try {
    return [run(scope), actions];
  } finally {
    scope.actionExecutor = prev;
  }
}

function runTransition(wf: CompiledWorkflow, snap: AnyMachineSnapshot, event: { type: string }) {
  return (
    withScope(wf, (scope) => wf.machine.transition(snap, event, scope) as AnyMachineSnapshot) ??
    (transition(wf.machine, snap, event) as [AnyMachineSnapshot, ExecAction[]])
  );
}

function runInitial(wf: CompiledWorkflow, input: { context: Ctx }) {
  return (
    withScope(wf, (scope) => wf.machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot) ??
    (initialTransition(wf.machine, input) as [AnyMachineSnapshot, ExecAction[]])
  );
}

/**
 * The JSON form of a snapshot: the same object machine.getPersistedSnapshot() gives for our
 * machines (no children, no history states), built directly because it is on the hot path.
 */
function persistedSnapshot(wf: CompiledWorkflow, snap: AnyMachineSnapshot): Record<string, unknown> {
  const history = snap.historyValue as Record<string, unknown> | undefined;
  if ((history && Object.keys(history).length) || Object.keys(snap.children ?? {}).length) {
    const p = wf.machine.getPersistedSnapshot(snap) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(p)) if (p[k] !== undefined) out[k] = p[k];
    return out;
  }
  const out: Record<string, unknown> = {
    status: snap.status,
    value: snap.value,
    historyValue: {},
    context: snap.context,
    children: {},
  };
  if (snap.output !== undefined) out.output = snap.output;
  if (snap.error !== undefined) out.error = snap.error;
  return out;
}

function finish(wf: CompiledWorkflow, snap: AnyMachineSnapshot, actions: readonly ExecAction[], env: StepEnv, from: StateValue): StepResult {
  const effects: Effect[] = [];
  const at = env.at;
  for (const a of actions) {
    const params = (a.params ?? {}) as Record<string, any>;
    const context = (a.info?.context ?? snap.context) as Ctx;
    switch (a.type as string) {
      case ENTER_ACTION: {
        const info = wf.states.get(params.state);
        if (!info) break;
        if (info.task) effects.push({ type: 'task.open', state: info.path, task: jsonClone(resolveTask(info.task, info.path, context, at, { payload: env.payload })), at });
        info.deadlines.forEach((rule, index) => {
          const d = resolveDeadline(rule, info.path, index, context, at, { payload: env.payload });
          if (d) effects.push({ type: 'timer.arm', state: info.path, deadline: jsonClone(d), startAt: startOf(d, info.path, index, context, env), at });
        });
        break;
      }
      case EXIT_ACTION: {
        const info = wf.states.get(params.state);
        if (!info) break;
        for (const d of info.deadlines) effects.push({ type: 'timer.cancel', state: info.path, deadlineKey: d.key, at });
        if (info.task) effects.push({ type: 'task.close', state: info.path, at });
        break;
      }
      case 'notify':
        effects.push({
          type: 'notify',
          roles: resolveRoles((params.roles as string[]) ?? [], context, env, { path: '/machine', what: 'the roles the notify action tells' }),
          users: resolvePeople(params.users ?? [], context, env, { path: '/machine', what: 'who the notify action tells' }),
          message: { vi: params.message.vi, en: params.message.en },
          at,
        });
        break;
      case 'emit': {
        const data: Record<string, unknown> = {};
        for (const [k, op] of Object.entries((params.data ?? {}) as Record<string, Operand>)) {
          // An emit goes to systems (webhooks): a confidential value leaves masked, always.
          const path = 'path' in op && typeof op.path === 'string' ? op.path : undefined;
          const value = jsonClone(readOperand(op, context, env));
          // The whole context leaves with its confidential fields masked; a path to one, or into one, as the mask.
          data[k] = path === 'context' ? maskConfidential(wf.definition, value).value : path && readsConfidential(wf.definition, path) ? CONFIDENTIAL_MASK : value;
        }
        effects.push({ type: 'emit', topic: params.topic, data, at });
        break;
      }
      case 'startChildren': {
        const started = childGroups(context)[params.group]?.started ?? 0;
        const items = childItems(params as ChildrenParams, context, at);
        items.forEach((item, i) => {
          const input: Record<string, unknown> = {};
          for (const [k, op] of Object.entries((params.input ?? {}) as Record<string, Operand>)) {
            const v = 'path' in op && typeof op.path === 'string' && /^item(\.|$)/.test(op.path) ? getIn(item, splitPath(op.path), 1) : readOperand(op, context, env);
            if (v !== undefined) input[k] = jsonClone(v);
          }
          // `context` is as after the synthesized count, so this group's children so far end at `started`.
          const key = childKey(params.group, started - items.length + i);
          effects.push({ type: 'child.start', group: params.group, key, definitionKey: params.definition, input, at });
        });
        break;
      }
      case 'extendDeadline': {
        const by = resolveDuration(params.by, expressionScope(context, at, { payload: env.payload }), { path: '/machine', what: `the extension of the deadline "${params.deadline}"` });
        const e: Effect = { type: 'timer.extend', deadlineKey: params.deadline, by, at };
        if (params.reason) e.reason = jsonClone(readOperand(params.reason, context, env));
        effects.push(e);
        break;
      }
      default:
        break;
    }
  }
  const status = snap.status === 'done' ? 'done' : 'active';
  if (status === 'done') {
    const done: Effect = { type: 'instance.done', at };
    const output = snap.output !== undefined ? snap.output : finalOutput(wf, snap.value);
    if (output !== undefined) done.output = jsonClone(output);
    effects.push(done);
  }
  const snapshot = persistedSnapshot(wf, snap);
  return {
    state: { value: snap.value, context: snap.context as Ctx, status, snapshot },
    effects,
    from,
    to: snap.value,
  };
}

/**
 * The instant a deadline counts from: the step's for `from: "entry"`, else the date the case holds
 * (the date the officer entered, never the moment of the click). Without that date the step is
 * refused: a person's step naming the field (400: the form must give it); the engine's own step (a
 * deadline, a child's report), which nobody could fix by resending, as the definition's refusal
 * (DEFINITION_REFUSED: recorded for the admins, the case waits), never by counting from now.
 */
function startOf(d: DeadlineSpec, state: string, index: number, context: Ctx, env: StepEnv): string {
  if (d.from === 'entry') return env.at;
  const v = getIn(context, writeSegments(d.from.context));
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return v;
  const message = `deadline "${d.key}" counts ${d.before ? 'back ' : ''}from ${d.from.context}, which holds no date${v === undefined || v === null ? '' : ` (it holds ${JSON.stringify(v).slice(0, 40)})`}`;
  if (env.actor.roles.includes('system')) {
    const path = `${statePointer(state)}/meta/deadlines/${index}/from`;
    throw new EngineError('DEFINITION_REFUSED', `${message}, and the step that armed it was the engine's own`, { issues: [{ path, code: 'missing_date', message }] });
  }
  const path = `/context/${writeSegments(d.from.context).join('/')}`;
  throw new EngineError('INVALID_PAYLOAD', message, { issues: [{ path, code: 'missing_date', message }] });
}

function finalOutput(wf: CompiledWorkflow, value: StateValue): unknown {
  for (const leaf of activeStatePaths(value)) {
    const out = wf.states.get(leaf)?.output;
    if (out !== undefined) return out;
  }
  return undefined;
}
