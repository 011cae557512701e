/**
 * Path exploration and coverage of a compiled workflow: a bounded, deterministic breadth-first
 * search over start()/step() with sampled payloads and an actor holding every role. Tells a
 * designer which states and transitions can be exercised, the shortest way to each state, the
 * simple paths from the start, and configurations where an instance would be stuck.
 */
import { EngineError } from '../errors.js';
import { CHILD_DONE_EVENT, pendingChildren } from '../children.js';
import { activeStatePaths, allowedEvents, start, START_EVENT_TYPE, step, withChildDone } from '../runtime.js';
import type { Actor, CompiledWorkflow, PersistedState, StepEnv, StepRecord } from '../types.js';
import { addHours, samplePayloads, SIM_START_AT, simulationActor } from './sample.js';
import { Tracer, transitionCatalogue, type Trace } from './trace.js';

export interface PathStep {
  event: string;
  payload?: Record<string, unknown>;
  /** Active leaf state paths after the step. */
  to: string[];
  /** Set only when the step needed another actor id than `mo-phong` (separation-of-duty guards). */
  actorId?: string;
}

export interface Coverage {
  covered: string[];
  uncovered: string[];
  /** covered / total, 1 when there is nothing to cover. */
  ratio: number;
}

export interface PathReport {
  /** Simple paths from the initial state (no state configuration repeats), bounded. */
  paths: Array<{ steps: PathStep[]; end: string[]; done: boolean }>;
  /** State path -> shortest path reaching it ([] for states active right after start). */
  shortest: Record<string, PathStep[]>;
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

/** Most distinct contexts explored per state configuration in the breadth-first search. */
const VARIANTS_PER_STATE = 4;
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
}

const valueKey = (s: PersistedState) => JSON.stringify(s.value);
const fullKey = (s: PersistedState) => JSON.stringify([s.value, s.context]);

/** A state path and all its ancestors' paths (root excluded). */
function withAncestors(paths: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const segs = p.split('.');
    for (let i = 1; i <= segs.length; i++) out.add(segs.slice(0, i).join('.'));
  }
  return [...out];
}

function coverage(all: string[], covered: Set<string>): Coverage {
  const c = all.filter((x) => covered.has(x));
  return { covered: c, uncovered: all.filter((x) => !covered.has(x)), ratio: all.length ? c.length / all.length : 1 };
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

export function explorePaths(wf: CompiledWorkflow, opts: ExploreOptions = {}): PathReport {
  const maxDepth = Math.max(0, Math.floor(opts.maxDepth ?? 20));
  const maxPaths = Math.max(0, Math.floor(opts.maxPaths ?? 200));
  const actor: Actor = simulationActor(wf);
  const tracer = new Tracer(wf);
  const allStates = [...wf.states.keys()].filter((p) => p !== '');
  const allTransitions = transitionCatalogue(wf.machine);
  const coveredStates = new Set<string>();
  const coveredTransitions = new Set<string>();
  const shortest: Record<string, PathStep[]> = {};
  const deadEnds: PathReport['deadEnds'] = [];
  const paths: PathReport['paths'] = [];
  const report = (): PathReport => ({
    paths,
    shortest,
    stateCoverage: coverage(allStates, coveredStates),
    transitionCoverage: coverage(allTransitions, coveredTransitions),
    deadEnds,
  });

  // -- start ------------------------------------------------------------------------------------
  const at0 = SIM_START_AT;
  let initial: PersistedState | undefined;
  for (const input of [...(opts.input ? [opts.input] : []), ...samplePayloads(wf.definition.inputSchema, at0), {}]) {
    try {
      initial = start(wf, input, { actor, at: at0 }).state;
      const trace = tracer.start(input, { type: 'xstate.init', payload: input, actor, at: at0 });
      record(trace, initial, []);
      break;
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
    }
  }
  if (!initial) return report();

  function record(trace: Trace, state: PersistedState, steps: PathStep[]): void {
    for (const t of trace.transitions) coveredTransitions.add(t);
    for (const s of [...trace.states, ...withAncestors(activeStatePaths(state.value))]) {
      coveredStates.add(s);
      if (!(s in shortest)) shortest[s] = steps;
    }
  }

  /** The steps taken on the way to a state, as the history separation of duties reads. */
  const historyOf = (steps: PathStep[]): StepRecord[] => [
    { event: START_EVENT_TYPE, actor: actor.id },
    ...steps.map((s) => ({ event: s.event, actor: s.actorId ?? actor.id })),
  ];

  /** Every accepted (event, payload) from `state`, in sorted event order. */
  function successors(state: PersistedState, depth: number, steps: PathStep[]): Succ[] {
    const history = historyOf(steps);
    if (state.status === 'done') return [];
    const at = addHours(at0, depth + 1);
    const out: Succ[] = [];
    for (const type of allowedEvents(wf, state)) {
      for (const payload of type === CHILD_DONE_EVENT ? childDonePayloads(state) : samplePayloads(wf.definition.events[type]?.schema, at)) {
        for (const id of [actor.id, ...ALT_ACTOR_IDS]) {
          const who = id === actor.id ? actor : { ...actor, id };
          try {
            const r = step(wf, state, { type, payload }, { actor: who, at, history });
            const env: StepEnv = { type, payload, actor: who, at, history };
            const s: PathStep = { event: type, to: activeStatePaths(r.state.value) };
            if (Object.keys(payload).length) s.payload = payload;
            if (id !== actor.id) s.actorId = id;
            const before = type === CHILD_DONE_EVENT ? withChildDone(state, payload, at) : state;
            out.push({ step: s, state: r.state, trace: tracer.step(before, env) });
            break;
          } catch (err) {
            if (!(err instanceof EngineError)) throw err;
            if (err.code !== 'GUARD_REJECTED' || !err.failedGuards?.includes('notSameActor')) break;
          }
        }
      }
    }
    return out;
  }

  // -- breadth first: shortest paths, coverage, dead ends ---------------------------------------
  const seen = new Set<string>([fullKey(initial)]);
  const perValue = new Map<string, number>([[valueKey(initial), 1]]);
  const deadValues = new Set<string>();
  const queue: Node[] = [{ state: initial, steps: [] }];
  for (let expanded = 0; queue.length && expanded < MAX_EXPANSIONS; expanded++) {
    const node = queue.shift()!;
    if (node.state.status === 'done') continue;
    const next = successors(node.state, node.steps.length, node.steps);
    if (!next.length && !deadValues.has(valueKey(node.state))) {
      deadValues.add(valueKey(node.state));
      deadEnds.push({ state: activeStatePaths(node.state.value), steps: node.steps });
    }
    if (node.steps.length >= maxDepth) continue;
    for (const s of next) {
      const steps = [...node.steps, s.step];
      record(s.trace, s.state, steps);
      const fk = fullKey(s.state);
      const vk = valueKey(s.state);
      if (seen.has(fk) || (perValue.get(vk) ?? 0) >= VARIANTS_PER_STATE) continue;
      seen.add(fk);
      perValue.set(vk, (perValue.get(vk) ?? 0) + 1);
      queue.push({ state: s.state, steps });
    }
  }

  // -- depth first: simple paths (a configuration never repeats on a path) -----------------------
  const dfs = (state: PersistedState, steps: PathStep[], onPath: Set<string>) => {
    if (paths.length >= maxPaths) return;
    const end = () => paths.push({ steps, end: activeStatePaths(state.value), done: state.status === 'done' });
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
      onPath.add(valueKey(s.state));
      dfs(s.state, [...steps, s.step], onPath);
      onPath.delete(valueKey(s.state));
    }
  };
  if (maxPaths > 0) dfs(initial, [], new Set([valueKey(initial)]));

  return report();
}
