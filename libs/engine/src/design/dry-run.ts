/**
 * Dry run: plays a list of events against a compiled workflow with simulated time, reporting
 * for each step whether it was accepted, the resulting state and effects. Nothing is stored.
 */
import { EngineError } from '../errors.js';
import { activeStatePaths, start, START_EVENT_TYPE, step } from '../runtime.js';
import type { Actor, CompiledWorkflow, Effect, PersistedState, StateValue, StepRecord, ValidationIssue } from '../types.js';
import { addHours, SIM_START_AT, simulationActor } from './sample.js';

export interface DryRunStep {
  type: string;
  payload?: Record<string, unknown>;
  /** Default: opts.actor, else the simulation actor (every role, id `mo-phong`). */
  actor?: Actor;
  /** Default: the previous step's instant + 1 hour. */
  at?: string;
}

export interface DryRunOptions {
  input?: Record<string, unknown>;
  actor?: Actor;
  /** Instant of the start. Default 2026-01-05T02:00:00.000Z. */
  startAt?: string;
}

export interface DryRunError {
  code: string;
  message: string;
  allowedEvents?: string[];
  issues?: ValidationIssue[];
}

export interface DryRunResult {
  event: string;
  ok: boolean;
  error?: DryRunError;
  state: StateValue;
  activeStates: string[];
  context: Record<string, unknown>;
  status: 'active' | 'done';
  effects: Effect[];
  at: string;
}

function toError(err: unknown): DryRunError {
  if (err instanceof EngineError) {
    const e: DryRunError = { code: err.code, message: err.message };
    if (err.allowedEvents) e.allowedEvents = err.allowedEvents;
    if (err.issues) e.issues = err.issues;
    return e;
  }
  return { code: 'ERROR', message: err instanceof Error ? err.message : String(err) };
}

/**
 * The first result is the start (event `xstate.init`); then one per step. A refused step reports
 * its error and leaves the state unchanged for the next one. If the start itself is refused the
 * result has that one element (state `{}`).
 */
export function dryRun(wf: CompiledWorkflow, steps: DryRunStep[], opts: DryRunOptions = {}): DryRunResult[] {
  const defaultActor = opts.actor ?? simulationActor(wf);
  let at = opts.startAt ?? SIM_START_AT;
  const out: DryRunResult[] = [];
  const view = (s: PersistedState) => ({ state: s.value, activeStates: activeStatePaths(s.value), context: s.context, status: s.status });
  let current: PersistedState;
  // The steps taken so far, as separation of duties reads them: a refused step is not one.
  const history: StepRecord[] = [];
  try {
    const r = start(wf, opts.input, { actor: defaultActor, at });
    current = r.state;
    history.push({ event: START_EVENT_TYPE, actor: defaultActor.id });
    out.push({ event: START_EVENT_TYPE, ok: true, ...view(current), effects: r.effects, at });
  } catch (err) {
    out.push({ event: START_EVENT_TYPE, ok: false, error: toError(err), state: {}, activeStates: [], context: {}, status: 'active', effects: [], at });
    return out;
  }
  for (const s of steps) {
    at = s.at ?? addHours(at, 1);
    try {
      const actor = s.actor ?? defaultActor;
      const r = step(wf, current, { type: s.type, payload: s.payload }, { actor, at, history: [...history] });
      current = r.state;
      history.push({ event: s.type, actor: actor.id });
      out.push({ event: s.type, ok: true, ...view(current), effects: r.effects, at });
    } catch (err) {
      out.push({ event: s.type, ok: false, error: toError(err), ...view(current), effects: [], at });
    }
  }
  return out;
}
