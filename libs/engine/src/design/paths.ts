/**
 * Path exploration and coverage of a compiled workflow: a bounded, deterministic breadth-first
 * search over start()/step(). Payloads and start inputs are sampled from the forms and aimed at the
 * guards (each enum value, both sides of every comparison, optional fields present and absent);
 * the actor holds every role, and a branch for whoever lacks a role or unit is tried with an actor
 * without it. Tells a designer which states and transitions can be exercised, the shortest way to
 * each state, the simple paths from the start, configurations where an instance would be stuck,
 * and for each state or transition never reached, why.
 */
import { EngineError } from '../errors.js';
import { CHILD_DONE_EVENT, childGroups, pendingChildren } from '../children.js';
import { getIn, isPlainObject } from '../json.js';
import { activeStatePaths, allowedEvents, start, START_EVENT_TYPE, step, withChildDone } from '../runtime.js';
import type { Actor, CompiledWorkflow, GuardRef, PersistedState, StepEnv, StepRecord, ValidationIssue } from '../types.js';
import { evalGuard } from '../vocabulary.js';
import { explainUncovered, type ExplorationStats, type UncoveredReason } from './coverage.js';
import { contextPathsRead, guardConjuncts, guardHints, guardRolesAndUnits, INPUT_TARGET, machineTransitions, stepsWhoseActorMatters } from './guards.js';
import { addHours, sampleVariants, SIM_START_AT, simulationActor } from './sample.js';
import { Tracer, transitionCatalogue, transitionKey, type Trace } from './trace.js';

export type { UncoveredReason } from './coverage.js';

export interface PathStep {
  event: string;
  payload?: Record<string, unknown>;
  /** Active leaf state paths after the step. */
  to: string[];
  /** Set only when the step needed another actor id than `mo-phong` (separation-of-duty guards). */
  actorId?: string;
  /** Set only when the step needed an actor without some role or unit (a branch for whoever lacks it): the roles and units it acted with. */
  as?: { roles: string[]; units: string[] };
  /**
   * Who may send it in a real case: the candidates of the open task it answers (`task`: that
   * task's state), else the event's `sentBy` roles. Absent when anyone may, and for the engine's
   * own events (deadlines, children's reports).
   */
  by?: { roles: string[]; units: string[]; task?: string };
}

export interface Coverage {
  covered: string[];
  uncovered: string[];
  /** covered / total, 1 when there is nothing to cover. */
  ratio: number;
  /** One per uncovered item, in the same order: why it was never reached. */
  reasons: UncoveredReason[];
}

export interface PathReport {
  /** The start input the paths and `shortest` start from (the first valid of: the given one, the sampled ones, `{}`). */
  input?: Record<string, unknown>;
  /** Simple paths from the initial state (no state configuration repeats), bounded; `input` when another start input than the report's is needed. */
  paths: Array<{ steps: PathStep[]; end: string[]; done: boolean; input?: Record<string, unknown> }>;
  /** State path -> shortest path reaching it ([] for states active right after start). */
  shortest: Record<string, PathStep[]>;
  /** State path -> the start input of its shortest path, for the states only another start input than `input` reaches. */
  shortestInput: Record<string, Record<string, unknown>>;
  /** All state paths (atomic and compound, not the root), covered if active on some path. */
  stateCoverage: Coverage;
  /** `"source --EVENT--> target"` strings (`always`, `onDone` for eventless ones; `(root)` for the root). */
  transitionCoverage: Coverage;
  /** Reachable configurations that are not done and in which no event is accepted. */
  deadEnds: Array<{ state: string[]; steps: PathStep[] }>;
}

export interface ExploreOptions {
  /** Longest path explored, in steps. Default 20. */
  maxDepth?: number;
  /** Most simple paths listed. Default 200. */
  maxPaths?: number;
  /** The start input to explore from (tried before the sampled ones): for inputs samples cannot guess, such as a code pattern. */
  input?: Record<string, unknown>;
}

/**
 * Most distinct contexts (as the control flow reads them) explored per state configuration; a
 * context is explored only when it brings a value of some path read not seen yet in that
 * configuration (so that values combine pairwise at most, not as a product).
 */
const VARIANTS_PER_STATE = 32;
/** Most configurations expanded by the breadth-first search. */
const MAX_EXPANSIONS = 2000;
/** Extra actor ids tried when a separation-of-duty guard refuses the simulation actor. */
const ALT_ACTOR_IDS = ['mo-phong-2', 'mo-phong-3'];

interface Succ {
  step: PathStep;
  state: PersistedState;
  trace: Trace;
}

interface Node {
  state: PersistedState;
  steps: PathStep[];
  input: Record<string, unknown>;
}

interface LiveTransition {
  source: { path: string[] };
  target?: Array<{ path: string[] }>;
  eventType: string;
  guard?: unknown;
}
interface LiveNode {
  path: string[];
  transitions: Map<string, LiveTransition[]>;
  always?: LiveTransition[];
}

const valueKey = (s: PersistedState) => JSON.stringify(s.value);
const asGuard = (g: unknown): GuardRef | undefined => (isPlainObject(g) && typeof g.type === 'string' ? (g as unknown as GuardRef) : undefined);

/** A state path and all its ancestors' paths (root excluded). */
function withAncestors(paths: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const segs = p.split('.');
    for (let i = 1; i <= segs.length; i++) out.add(segs.slice(0, i).join('.'));
  }
  return [...out];
}

function coverage(all: string[], covered: Set<string>, explain: (item: string) => UncoveredReason): Coverage {
  const c = all.filter((x) => covered.has(x));
  const uncovered = all.filter((x) => !covered.has(x));
  return { covered: c, uncovered, ratio: all.length ? c.length / all.length : 1, reasons: uncovered.map(explain) };
}

/** Simulated reports of the next awaited child of each group (a child is assumed to finish). */
function childDonePayloads(state: PersistedState): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: Record<string, unknown>[] = [];
  for (const c of pendingChildren(state.context)) {
    if (seen.has(c.group)) continue;
    seen.add(c.group);
    out.push({ group: c.group, key: c.key, childId: `mo-phong-${c.key}`, definitionKey: c.definition, state: 'done' });
  }
  return out;
}

/** Who may send `type` in configuration `state` in a real case (see PathStep.by). */
export function whoMaySend(wf: CompiledWorkflow, state: PersistedState, type: string): PathStep['by'] {
  const ev = wf.definition.events[type];
  if (!ev || ev.kind === 'timer' || type === CHILD_DONE_EVENT) return undefined;
  for (const leaf of withAncestors(activeStatePaths(state.value)).sort((a, b) => b.length - a.length)) {
    const task = wf.states.get(leaf)?.task;
    if (task?.outcomes.includes(type)) return { roles: [...task.roles], units: [...task.units], task: leaf };
  }
  if (ev.sentBy?.roles?.length) return { roles: [...ev.sentBy.roles], units: [...(ev.sentBy.units ?? [])] };
  return undefined;
}

/** Issues of a payload against its event's form (a human event without a form takes only a note). */
function payloadIssues(wf: CompiledWorkflow, type: string, payload: Record<string, unknown>): ValidationIssue[] {
  const validate = wf.payloadValidators.get(type);
  if (validate) return validate(payload);
  if (wf.definition.events[type]?.kind !== 'human') return [];
  return Object.keys(payload)
    .filter((k) => k !== 'ghiChu')
    .map((k) => ({ path: `/payload/${k}`, code: 'unknown_key', message: 'this event has no form: its payload may hold only "ghiChu"' }));
}

export function explorePaths(wf: CompiledWorkflow, opts: ExploreOptions = {}): PathReport {
  const maxDepth = Math.max(0, Math.floor(opts.maxDepth ?? 20));
  const maxPaths = Math.max(0, Math.floor(opts.maxPaths ?? 200));
  const actor: Actor = simulationActor(wf);
  const tracer = new Tracer(wf);
  const infos = machineTransitions(wf);
  const hints = guardHints(wf, infos);
  const readPaths = contextPathsRead(wf, infos);
  const actorSteps = stepsWhoseActorMatters(infos);
  const allStates = [...wf.states.keys()].filter((p) => p !== '');
  const allTransitions = transitionCatalogue(wf.machine);
  const coveredStates = new Set<string>();
  const coveredTransitions = new Set<string>();
  const shortest: Record<string, PathStep[]> = {};
  const shortestInput: Record<string, Record<string, unknown>> = {};
  const deadEnds: PathReport['deadEnds'] = [];
  const paths: PathReport['paths'] = [];
  const stats: ExplorationStats = {
    tried: new Map(),
    held: new Map(),
    conjunctsHeld: new Map(),
    invalid: new Map(),
    valid: new Set(),
    aimRefused: new Map(),
    aimAccepted: new Set(),
    settled: new Set(),
    truncated: false,
    maxDepth,
  };
  /** The start input of the report (the first one accepted). */
  const first: { input?: Record<string, unknown> } = {};
  const report = (): PathReport => {
    const explain = explainUncovered(wf, infos, stats, coveredStates, coveredTransitions);
    return {
      ...(first.input ? { input: first.input } : {}),
      paths,
      shortest,
      shortestInput,
      stateCoverage: coverage(allStates, coveredStates, explain.state),
      transitionCoverage: coverage(allTransitions, coveredTransitions, explain.transition),
      deadEnds,
    };
  };

  /** What the control flow reads of a context, one string per path (children counted, not timed): equal projections behave alike. */
  const components = (ctx: Record<string, unknown>) => [
    ...readPaths.map((p) => JSON.stringify(getIn(ctx, p) ?? null)),
    JSON.stringify(Object.entries(childGroups(ctx)).map(([g, c]) => [g, c.started, c.done, (c.results ?? []).map((r) => r.key)])),
  ];
  const nodeKey = (s: PersistedState) => `${valueKey(s)}|${components(s.context).join('|')}`;

  // -- guard bookkeeping (for the reasons) ----------------------------------------------------------
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const evaluate = (ts: readonly LiveTransition[], ctx: Record<string, unknown>, env: StepEnv) => {
    for (const t of ts) {
      const key = transitionKey(t as never);
      count(stats.tried, key);
      const g = asGuard(t.guard);
      if (!g) {
        count(stats.held, key);
        continue;
      }
      if (evalGuard(g, ctx, env)) count(stats.held, key);
      const parts = guardConjuncts(g);
      const held = stats.conjunctsHeld.get(key) ?? parts.map(() => false);
      parts.forEach((p, i) => (held[i] ||= evalGuard(p, ctx, env)));
      stats.conjunctsHeld.set(key, held);
    }
  };
  const liveNodes = (state: PersistedState): LiveNode[] => {
    try {
      const snap = wf.machine.resolveState({ value: state.value, context: state.context }) as unknown as { _nodes: LiveNode[] };
      return snap._nodes;
    } catch {
      return [];
    }
  };
  const liveByPath = new Map<string, LiveNode>();
  const indexNodes = (n: LiveNode & { states?: Record<string, LiveNode> }) => {
    liveByPath.set(n.path.join('.'), n);
    for (const c of Object.values(n.states ?? {})) indexNodes(c as never);
  };
  indexNodes(wf.machine.root as never);
  /** The eventless transitions of the states a step went through, judged on the state it ended in. */
  const evaluateAlways = (trace: Trace, state: PersistedState, env: StepEnv) => {
    for (const s of ['', ...trace.states]) {
      const n = liveByPath.get(s);
      if (n?.always?.length) evaluate(n.always, state.context, env);
    }
  };

  // -- samples ----------------------------------------------------------------------------------------
  const sampled = new Map<string, Record<string, unknown>[]>();
  /** The valid payloads tried for `type` at `at` (aims recorded once per type). */
  const payloadsFor = (type: string, at: string): Record<string, unknown>[] => {
    const memo = `${type}\u0000${at}`;
    let list = sampled.get(memo);
    if (list) return list;
    const first = ![...sampled.keys()].some((k) => k.startsWith(`${type}\u0000`));
    list = [];
    for (const v of sampleVariants(wf.definition.events[type]?.schema, hints.get(type) ?? [], at)) {
      const issues = payloadIssues(wf, type, v.payload);
      if (!issues.length) list.push(v.payload);
      if (!first) continue;
      if (issues.length) {
        if (!stats.invalid.has(type)) stats.invalid.set(type, issues[0]);
      } else {
        stats.valid.add(type);
      }
      for (const aim of v.aims) {
        if (!aim.side) continue;
        if (issues.length) {
          if (!stats.aimRefused.has(aim.transition)) stats.aimRefused.set(aim.transition, issues[0]);
        } else stats.aimAccepted.add(aim.transition);
      }
    }
    sampled.set(memo, list);
    return list;
  };

  // -- start ------------------------------------------------------------------------------------------
  const at0 = SIM_START_AT;
  const inputs: Array<{ input: Record<string, unknown>; state: PersistedState; trace: Trace }> = [];
  let firstInputIssue: ValidationIssue | undefined;
  {
    const candidates = [
      ...(opts.input ? [{ payload: opts.input, aims: [] as Array<{ transition: string; side: boolean }> }] : []),
      ...sampleVariants(wf.definition.inputSchema, hints.get(INPUT_TARGET) ?? [], at0),
      { payload: {}, aims: [] },
    ];
    const seenInputs = new Set<string>();
    const seenStarts = new Set<string>();
    for (const c of candidates) {
      const k = JSON.stringify(c.payload);
      if (seenInputs.has(k)) continue;
      seenInputs.add(k);
      try {
        const state = start(wf, c.payload, { actor, at: at0 }).state;
        for (const aim of c.aims) if (aim.side) stats.aimAccepted.add(aim.transition);
        const env: StepEnv = { type: START_EVENT_TYPE, payload: c.payload, actor, at: at0 };
        const trace = tracer.start(c.payload, env);
        evaluateAlways(trace, state, env);
        const sk = nodeKey(state) + JSON.stringify(trace.transitions);
        if (seenStarts.has(sk)) continue;
        seenStarts.add(sk);
        inputs.push({ input: c.payload, state, trace });
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
        firstInputIssue ??= err.issues?.[0] ?? { path: '/input', code: err.code, message: err.message };
        for (const aim of c.aims)
          if (aim.side && !stats.aimRefused.has(aim.transition))
            stats.aimRefused.set(aim.transition, err.issues?.[0] ?? { path: '/input', code: err.code, message: err.message });
      }
    }
  }
  if (!inputs.length) {
    stats.inputIssue = firstInputIssue ?? { path: '/input', code: 'invalid', message: 'refused' };
    return report();
  }
  first.input = inputs[0].input;
  const primary = first.input;

  function record(trace: Trace, state: PersistedState, steps: PathStep[], input: Record<string, unknown>): void {
    for (const t of trace.transitions) coveredTransitions.add(t);
    for (const s of withAncestors(activeStatePaths(state.value))) stats.settled.add(s);
    for (const s of [...trace.states, ...withAncestors(activeStatePaths(state.value))]) {
      coveredStates.add(s);
      if (!(s in shortest)) {
        shortest[s] = steps;
        if (input !== primary) shortestInput[s] = input;
      }
    }
  }

  /** The steps taken on the way to a state, as the history separation of duties reads. */
  const historyOf = (steps: PathStep[]): StepRecord[] => [
    { event: START_EVENT_TYPE, actor: actor.id },
    ...steps.map((s) => ({ event: s.event, actor: s.actorId ?? actor.id })),
  ];
  /** Who took the steps separation of duties looks at (the start is always the simulation actor). */
  const historyKey = (steps: PathStep[]) =>
    actorSteps.size ? [...new Set(steps.filter((s) => actorSteps.has(s.event)).map((s) => `${s.event}:${s.actorId ?? actor.id}`))].sort().join(',') : '';

  const bys = new Map<string, PathStep['by']>();
  const byOf = (state: PersistedState, type: string) => {
    const k = `${valueKey(state)} ${type}`;
    if (!bys.has(k)) bys.set(k, whoMaySend(wf, state, type));
    return bys.get(k);
  };

  /** Every accepted (event, payload[, actor]) from `state`, in sorted event order. */
  const succCache = new Map<string, Succ[]>();
  function successors(state: PersistedState, depth: number, steps: PathStep[]): Succ[] {
    if (state.status === 'done') return [];
    const cacheKey = `${nodeKey(state)}|${depth}|${historyKey(steps)}`;
    const cached = succCache.get(cacheKey);
    if (cached) return cached;
    const history = historyOf(steps);
    const at = addHours(at0, depth + 1);
    const out: Succ[] = [];
    // Steps of an actor without some role come after every other: shortest paths take them only when nothing else leads there.
    const later: Succ[] = [];
    const nodes = liveNodes(state);
    for (const type of allowedEvents(wf, state)) {
      const candidates = nodes.flatMap((n) => n.transitions.get(type) ?? []);
      const payloads = type === CHILD_DONE_EVENT ? childDonePayloads(state) : payloadsFor(type, at);
      const taken = new Set<string>();
      const attempt = (who: Actor, payload: Record<string, unknown>): Succ | 'refused' | 'guard' => {
        const env: StepEnv = { type, payload, actor: who, at, history };
        const before = type === CHILD_DONE_EVENT ? withChildDone(state, payload, at) : state;
        evaluate(candidates, before.context, env);
        try {
          const r = step(wf, state, { type, payload }, { actor: who, at, history });
          const s: PathStep = { event: type, to: activeStatePaths(r.state.value) };
          if (Object.keys(payload).length) s.payload = payload;
          const by = byOf(state, type);
          if (by) s.by = by;
          const trace = tracer.step(before, env);
          evaluateAlways(trace, r.state, env);
          return { step: s, state: r.state, trace };
        } catch (err) {
          if (!(err instanceof EngineError)) throw err;
          return err.code === 'GUARD_REJECTED' && err.failedGuards?.includes('notSameActor') ? 'guard' : 'refused';
        }
      };
      for (const payload of payloads) {
        for (const id of [actor.id, ...ALT_ACTOR_IDS]) {
          const r = attempt(id === actor.id ? actor : { ...actor, id }, payload);
          if (r === 'guard') continue;
          if (r === 'refused') break;
          if (id !== actor.id) r.step.actorId = id;
          for (const t of r.trace.transitions) taken.add(t);
          out.push(r);
          break;
        }
      }
      // A branch for whoever lacks a role or unit the guards test: an actor without it, kept when it takes another transition.
      const tested = candidates.map((t) => guardRolesAndUnits(asGuard(t.guard)));
      const roles = [...new Set(tested.flatMap((x) => x.roles))].sort();
      const units = [...new Set(tested.flatMap((x) => x.units))].sort();
      const limited: Actor[] = [
        ...roles.map((r) => ({ ...actor, roles: actor.roles.filter((x) => x !== r) })),
        ...units.map((u) => ({ ...actor, units: actor.units.filter((x) => x !== u) })),
      ];
      for (const who of limited) {
        for (const payload of payloads) {
          const r = attempt(who, payload);
          if (typeof r === 'string' || r.trace.transitions.every((t) => taken.has(t))) continue;
          r.step.as = { roles: who.roles, units: who.units };
          for (const t of r.trace.transitions) taken.add(t);
          later.push(r);
        }
      }
    }
    out.push(...later);
    succCache.set(cacheKey, out);
    return out;
  }

  // -- breadth first: shortest paths, coverage, dead ends ---------------------------------------
  const seen = new Set<string>();
  /** Per configuration: how many contexts were kept, and the values seen of each path read (and of who took the steps that matter). */
  const perValue = new Map<string, { n: number; values: Array<Set<string>> }>();
  const deadValues = new Set<string>();
  /**
   * Configurations some explored context leaves: one where another context (other data) is stuck
   * is a matter of the data a person enters, not a dead end of the design.
   */
  const liveValues = new Set<string>();
  const deadCandidates: Array<{ value: string; end: PathReport['deadEnds'][number] }> = [];
  /** Keeps a node when it is new and brings something new to its configuration. */
  const admit = (state: PersistedState, steps: PathStep[]): boolean => {
    const comps = [...components(state.context), historyKey(steps)];
    const fk = `${valueKey(state)}|${comps.join('|')}`;
    if (seen.has(fk)) return false;
    const vk = valueKey(state);
    let entry = perValue.get(vk);
    if (!entry) perValue.set(vk, (entry = { n: 0, values: comps.map(() => new Set<string>()) }));
    if (entry.n >= VARIANTS_PER_STATE || (entry.n > 0 && comps.every((c, i) => entry.values[i].has(c)))) return false;
    seen.add(fk);
    entry.n++;
    comps.forEach((c, i) => entry.values[i].add(c));
    return true;
  };
  const bfs = (seeds: Node[]) => {
    let expanded = 0;
    const queue: Node[] = [];
    for (const n of seeds) if (admit(n.state, n.steps)) queue.push(n);
    for (; queue.length && expanded < MAX_EXPANSIONS; expanded++) {
      const node = queue.shift()!;
      if (node.state.status === 'done') continue;
      const next = successors(node.state, node.steps.length, node.steps);
      if (next.length) liveValues.add(valueKey(node.state));
      else if (!deadValues.has(valueKey(node.state))) {
        deadValues.add(valueKey(node.state));
        deadCandidates.push({ value: valueKey(node.state), end: { state: activeStatePaths(node.state.value), steps: node.steps } });
      }
      if (node.steps.length >= maxDepth) continue;
      for (const s of next) {
        const steps = [...node.steps, s.step];
        record(s.trace, s.state, steps, node.input);
        if (admit(s.state, steps)) queue.push({ state: s.state, steps, input: node.input });
      }
    }
    if (queue.length) stats.truncated = true;
  };
  const complete = () => coveredStates.size >= allStates.length && coveredTransitions.size >= allTransitions.length;
  const seed = (i: (typeof inputs)[number]): Node => {
    record(i.trace, i.state, [], i.input);
    return { state: i.state, steps: [], input: i.input };
  };
  bfs([seed(inputs[0])]);
  // Other start inputs only for what the first one leaves uncovered.
  if (!complete() && inputs.length > 1) bfs(inputs.slice(1).map(seed));
  for (const d of deadCandidates) if (!liveValues.has(d.value)) deadEnds.push(d.end);

  // -- depth first: simple paths (a configuration never repeats on a path) -----------------------
  const onPaths = new Set<string>();
  const dfs = (state: PersistedState, steps: PathStep[], onPath: Set<string>, input: Record<string, unknown>, taken: string[], extra: boolean) => {
    if (paths.length >= maxPaths) return;
    const end = () => {
      // From another start input, only a path that takes a transition no earlier path took.
      if (extra && taken.every((t) => onPaths.has(t))) return;
      for (const t of taken) onPaths.add(t);
      paths.push({ steps, end: activeStatePaths(state.value), done: state.status === 'done', ...(input !== primary ? { input } : {}) });
    };
    if (state.status === 'done' || steps.length >= maxDepth) return void end();
    const distinct = new Set<string>();
    const next = successors(state, steps.length, steps).filter((s) => {
      const k = `${s.step.event} ${valueKey(s.state)}`;
      if (onPath.has(valueKey(s.state)) || distinct.has(k)) return false;
      distinct.add(k);
      return true;
    });
    if (!next.length) return void end();
    for (const s of next) {
      if (paths.length >= maxPaths) return;
      record(s.trace, s.state, [...steps, s.step], input);
      onPath.add(valueKey(s.state));
      dfs(s.state, [...steps, s.step], onPath, input, [...taken, ...s.trace.transitions], extra);
      onPath.delete(valueKey(s.state));
    }
  };
  if (maxPaths > 0) {
    inputs.forEach((i, index) => {
      if (index > 0 && [...coveredTransitions].every((t) => onPaths.has(t))) return;
      dfs(i.state, [], new Set([valueKey(i.state)]), i.input, [...i.trace.transitions], index > 0);
    });
  }

  return report();
}
