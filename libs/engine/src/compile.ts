/**
 * Definition JSON -> XState machine. Guards and actions are references into the fixed
 * vocabulary, registered once in `setup()`; states whose meta has a task or deadlines get
 * synthesized `@enter`/`@exit` actions so that tasks and timers come out of xstate's own
 * entry/exit ordering.
 */
import { assign, createActor, setup, type ActorScope, type AnyStateMachine } from 'xstate';
import { DefinitionError } from './errors.js';
import { jsonClone, scanJson } from './json.js';
import type { ActionRef, GuardRef, CompiledStateInfo, CompiledWorkflow, DeadlineDefinition, DeadlineRule, TaskSpec, TransitionObject, ValidationIssue } from './types.js';
import { analyzeDefinition, type Analysis, type NodeInfo } from './validate.js';
import { ASSIGNERS, ENTER_ACTION, EXIT_ACTION, GUARDS, getEnv, writeSegments } from './vocabulary.js';

/** Upper bound on microsteps per step(): a runtime net under the static `always` loop check. */
export const MAX_MICROSTEPS = 1000;

type Params = Record<string, unknown> | undefined;

const noop = () => {};

const implementations = {
  guards: Object.fromEntries(
    Object.entries(GUARDS).map(([name, fn]) => [
      name,
      (args: { context: Record<string, unknown> }, params: Params) => fn(params ?? {}, args.context, getEnv()),
    ]),
  ),
  actions: {
    ...Object.fromEntries(
      Object.entries(ASSIGNERS).map(([name, fn]) => [
        name,
        assign((args: { context: Record<string, unknown> }, params: Params) => fn(params ?? {}, args.context, getEnv())),
      ]),
    ),
    // Effect-only actions: never executed, mapped to effects from transition()'s action list.
    notify: noop,
    emit: noop,
    extendDeadline: noop,
    startChildren: noop,
    [ENTER_ACTION]: noop,
    [EXIT_ACTION]: noop,
  },
};

// One setup for every workflow: the vocabulary is fixed.
const engineSetup = setup(implementations as never) as unknown as {
  createMachine(config: Record<string, unknown>): AnyStateMachine;
};

/** Inert actor scopes used by runtime.step() (see runtime.ts), keyed by compiled workflow. */
export const actorScopes = new WeakMap<CompiledWorkflow, ActorScope<any, any, any, any>>();

// ---------------------------------------------------------------------------------------------

export function validateDefinition(def: unknown): { valid: boolean; issues: ValidationIssue[] } {
  try {
    const analysis = analyzeDefinition(def);
    if (analysis.issues.length) return { valid: false, issues: analysis.issues };
    const built = buildMachine(analysis);
    if ('issues' in built) return { valid: false, issues: built.issues };
    return { valid: true, issues: [] };
  } catch (err) {
    return {
      valid: false,
      issues: [{ path: '', code: 'internal_error', message: err instanceof Error ? err.message : String(err) }],
    };
  }
}

export function compileWorkflow(def: unknown): CompiledWorkflow {
  let analysis: Analysis;
  try {
    const scan = scanJson(def);
    if (scan) throw new DefinitionError([{ path: scan.path, code: scan.code, message: scan.message }]);
    // Own copy: later changes to the caller's object cannot reach the compiled workflow.
    analysis = analyzeDefinition(jsonClone(def));
  } catch (err) {
    if (err instanceof DefinitionError) throw err;
    throw new DefinitionError([{ path: '', code: 'internal_error', message: err instanceof Error ? err.message : String(err) }]);
  }
  if (analysis.issues.length) throw new DefinitionError(analysis.issues);
  const built = buildMachine(analysis);
  if ('issues' in built) throw new DefinitionError(built.issues);
  const wf: CompiledWorkflow = {
    definition: analysis.definition!,
    machine: built.machine,
    states: built.states,
    deadlineOwners: built.deadlineOwners,
    payloadValidators: analysis.payloadValidators ?? new Map(),
    inputValidator: analysis.inputValidator,
    allowedCache: new Map(),
    taskOutcomes: new Set([...built.states.values()].flatMap((st) => st.task?.outcomes ?? [])),
    needsHistory: built.usesHistory || Object.values(analysis.definition!.events).some((e) => !!e.sentBy?.actorsOf?.length),
  };
  actorScopes.set(wf, createInertScope(built.machine));
  return wf;
}

/** Like xstate's internal inert scope (used by its `transition()`), built once per workflow. */
function createInertScope(machine: AnyStateMachine): ActorScope<any, any, any, any> {
  return inertScope(createActor(machine));
}

/** An actor scope that runs nothing: actions are handed back, never executed. */
export function inertScope(self: ReturnType<typeof createActor>): ActorScope<any, any, any, any> {
  return {
    self,
    defer: noop,
    id: '',
    logger: noop,
    sessionId: '',
    stopChild: noop,
    system: self.system,
    emit: noop,
    actionExecutor: noop,
  } as unknown as ActorScope<any, any, any, any>;
}

// ---------------------------------------------------------------------------------------------

interface Built {
  machine: AnyStateMachine;
  states: Map<string, CompiledStateInfo>;
  deadlineOwners: Map<string, string>;
  /** Some guard reads the case's history (separation of duties). */
  usesHistory: boolean;
}

/** What guard references are compiled with: the steps that record an actor at each context path. */
interface GuardScope {
  recordedBy: Map<string, Set<string>>;
  usesHistory: boolean;
}

const contextKey = (path: string) => writeSegments(path).join('.');

/** Context path -> event types whose transitions `recordActor` there (so `notSameActor.path` can read every one of them). */
function actorRecorders(nodes: readonly NodeInfo[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const n of nodes) {
    for (const [type, t] of Object.entries(n.def.on ?? {})) {
      const list = typeof t === 'string' ? [] : Array.isArray(t) ? t : [t];
      for (const x of list as TransitionObject[]) {
        for (const a of x.actions === undefined ? [] : Array.isArray(x.actions) ? x.actions : [x.actions]) {
          if (a.type !== 'recordActor' || typeof a.params?.path !== 'string') continue;
          const key = contextKey(a.params.path);
          out.set(key, (out.get(key) ?? new Set()).add(type));
        }
      }
    }
  }
  return out;
}

/** A guard reference as compiled: `notSameActor` with a context path also gets the steps recording it. */
function compileGuard(ref: GuardRef, scope: GuardScope): GuardRef {
  const compiled = compileGuardParams(ref, scope);
  // A refusal's words go with the guard, so that a refused step can say them (runtime.ts).
  return ref.message ? { ...compiled, message: ref.message, ...(ref.field ? { field: ref.field } : {}) } : compiled;
}

function compileGuardParams(ref: GuardRef, scope: GuardScope): GuardRef {
  const params = ref.params ?? {};
  switch (ref.type) {
    case 'notSameActor': {
      scope.usesHistory = true;
      const path = params.path as string | undefined;
      if (path === undefined || !path.startsWith('context.')) return { type: ref.type, params };
      return { type: ref.type, params: { ...params, recordedBy: [...(scope.recordedBy.get(contextKey(path)) ?? [])] } };
    }
    case 'all':
    case 'any':
      return { type: ref.type, params: { ...params, guards: (params.guards as GuardRef[]).map((g) => compileGuard(g, scope)) } };
    case 'not':
      return { type: ref.type, params: { ...params, guard: compileGuard(params.guard as GuardRef, scope) } };
    default:
      return { type: ref.type, params };
  }
}

function buildMachine(analysis: Analysis): Built | { issues: ValidationIssue[] } {
  const root = analysis.root as NodeInfo;
  const states = new Map<string, CompiledStateInfo>();
  const deadlineOwners = new Map<string, string>();
  for (const n of analysis.nodes ?? []) {
    const meta = n.def.meta;
    const info: CompiledStateInfo = {
      path: n.path,
      label: meta?.label,
      task: meta?.task ? normalizeTask(meta.task) : undefined,
      deadlines: (meta?.deadlines ?? []).map(normalizeDeadline),
      handles: n.handles,
    };
    if (n.def.output !== undefined) info.output = n.def.output;
    states.set(n.path, info);
    for (const d of info.deadlines) deadlineOwners.set(d.key, n.path);
  }
  const scope: GuardScope = { recordedBy: actorRecorders(analysis.nodes ?? []), usesHistory: false };
  const config: Record<string, unknown> = {
    ...buildNode(root, states, scope),
    id: analysis.machineId,
    context: ({ input }: { input?: { context?: Record<string, unknown> } }) => input?.context ?? {},
    options: { maxIterations: MAX_MICROSTEPS },
  };
  try {
    const machine = engineSetup.createMachine(config);
    return { machine, states, deadlineOwners, usesHistory: scope.usesHistory };
  } catch (err) {
    return {
      issues: [{ path: '/machine', code: 'machine_error', message: err instanceof Error ? err.message : String(err) }],
    };
  }
}

function normalizeDeadline(d: DeadlineDefinition): DeadlineRule {
  const spec: DeadlineRule = { key: d.key, ...(d.before ? { before: d.before } : { after: d.after }), from: d.from ?? 'entry', reminders: d.reminders ?? [] };
  if (d.label) spec.label = d.label;
  if (d.when) spec.when = d.when;
  if (d.event) spec.event = d.event;
  if (d.escalate) spec.escalate = d.escalate;
  return spec;
}

function normalizeTask(t: NonNullable<NonNullable<NodeInfo['def']['meta']>['task']>): TaskSpec {
  const spec: TaskSpec = {
    title: t.title,
    roles: t.roles,
    units: Array.isArray(t.units) ? t.units : [],
    priority: t.priority ?? 'normal',
    outcomes: t.outcomes ?? [],
  };
  if (t.description) spec.description = t.description;
  if (typeof t.units === 'string') spec.unitsFrom = t.units;
  if (t.assignee) spec.assigneeFrom = t.assignee;
  return spec;
}

function buildNode(n: NodeInfo, states: Map<string, CompiledStateInfo>, scope: GuardScope): Record<string, unknown> {
  const d = n.def;
  const cfg: Record<string, unknown> = {};
  if (d.id !== undefined && n.parent) cfg.id = d.id;
  if (d.type) cfg.type = d.type;
  if (d.initial !== undefined) cfg.initial = d.initial;
  if (d.description !== undefined) cfg.description = d.description;
  if (d.tags) cfg.tags = d.tags;
  if (d.meta) cfg.meta = d.meta;
  if (d.output !== undefined) cfg.output = d.output;
  const info = states.get(n.path)!;
  const hasEffects = !!info.task || info.deadlines.length > 0;
  const entry = [...(hasEffects ? [{ type: ENTER_ACTION, params: { state: n.path } }] : []), ...expandActions(d.entry)];
  const exit = [...expandActions(d.exit), ...(hasEffects ? [{ type: EXIT_ACTION, params: { state: n.path } }] : [])];
  if (entry.length) cfg.entry = entry;
  if (exit.length) cfg.exit = exit;
  if (d.on) {
    const on: Record<string, unknown> = {};
    for (const [type, t] of Object.entries(d.on)) on[type] = buildTransitions(t, scope);
    cfg.on = on;
  }
  if (d.always !== undefined) cfg.always = buildTransitions(d.always, scope);
  if (d.onDone !== undefined) cfg.onDone = buildTransitions(d.onDone, scope);
  if (n.children.size) {
    const children: Record<string, unknown> = {};
    for (const [k, c] of n.children) children[k] = buildNode(c, states, scope);
    cfg.states = children;
  }
  return cfg;
}

function buildTransitions(t: unknown, scope: GuardScope): Record<string, unknown>[] {
  const list = typeof t === 'string' ? [{ target: t }] : Array.isArray(t) ? t : [t];
  return (list as TransitionObject[]).map((x) => {
    const out: Record<string, unknown> = {};
    if (x.target !== undefined) out.target = x.target;
    if (x.guard) out.guard = compileGuard(x.guard, scope);
    const actions = expandActions(x.actions);
    if (actions.length) out.actions = actions;
    if (x.reenter !== undefined) out.reenter = x.reenter;
    if (x.description !== undefined) out.description = x.description;
    if (x.meta) out.meta = x.meta;
    return out;
  });
}

/** Normalizes to `{type, params}` objects; `extendDeadline` and `startChildren` also record themselves in context. */
function expandActions(list: ActionRef | ActionRef[] | undefined): ActionRef[] {
  if (list === undefined) return [];
  const out: ActionRef[] = [];
  for (const a of Array.isArray(list) ? list : [list]) {
    const params = a.params ?? {};
    if (a.type === 'extendDeadline') out.push({ type: '@recordExtension', params });
    if (a.type === 'startChildren') out.push({ type: '@recordChildren', params });
    out.push({ type: a.type, params });
  }
  return out;
}
