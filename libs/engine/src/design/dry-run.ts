/**
 * Dry run: plays a list of events against a compiled workflow with simulated time, reporting
 * for each step whether it was accepted, the resulting state and effects. Nothing is stored.
 * DryRunSession plays them one at a time, so that a host can decide between steps (who may act,
 * when a deadline falls due) and add what it knows (due dates on its calendar).
 */
import { EngineError } from '../errors.js';
import { activeStatePaths, start, START_EVENT_TYPE, step } from '../runtime.js';
import { resolveTask } from '../resolve.js';
import type { Actor, CompiledWorkflow, Effect, PersistedState, StateValue, StepRecord, TaskSpec, ValidationIssue } from '../types.js';
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

/** A task open in a configuration: the state that declares it, and the task. */
export interface OpenTask {
  state: string;
  task: TaskSpec;
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

/** The tasks open in a configuration: those of its active states and their ancestors, deepest first. */
/**
 * With the case's `context` (and the instant), a task whose units or assignee come from the case
 * shows them as a real case would have them; one the case cannot name them for stays as declared.
 */
export function openTasksOf(wf: CompiledWorkflow, value: StateValue, context?: Record<string, unknown>, at = ''): OpenTask[] {
  const paths = new Set<string>();
  for (const leaf of activeStatePaths(value)) {
    const segs = leaf.split('.');
    for (let i = segs.length; i >= 1; i--) paths.add(segs.slice(0, i).join('.'));
  }
  const out: OpenTask[] = [];
  for (const p of paths) {
    const task = wf.states.get(p)?.task;
    if (task) out.push({ state: p, task: context ? resolvedOrAsDeclared(task, p, context, at) : task });
  }
  return out;
}

function resolvedOrAsDeclared(task: TaskSpec, state: string, context: Record<string, unknown>, at: string): TaskSpec {
  try {
    return resolveTask(task, state, context, at);
  } catch (err) {
    if (err instanceof EngineError) return task;
    throw err;
  }
}

/**
 * A sandbox instance stepped one event at a time. `start()` first (once), then `step()` per event;
 * `refuse()` records a step the host refused before the engine saw it (the state stays). Refused
 * steps are not in the history separation of duties reads.
 */
export class DryRunSession {
  readonly results: DryRunResult[] = [];
  private current: PersistedState | undefined;
  /** The state before the last accepted step (for revert()). */
  private previous: PersistedState | undefined;
  private readonly history: StepRecord[] = [];
  private lastAt: string;
  readonly defaultActor: Actor;

  constructor(
    private readonly wf: CompiledWorkflow,
    opts: { actor?: Actor; startAt?: string } = {},
  ) {
    this.defaultActor = opts.actor ?? simulationActor(wf);
    this.lastAt = opts.startAt ?? SIM_START_AT;
  }

  /** The state after the last accepted step (undefined before the start, or when it was refused). */
  get state(): PersistedState | undefined {
    return this.current;
  }

  /** The instant of the last result (the start instant before the start). */
  get at(): string {
    return this.lastAt;
  }

  /** The steps accepted so far, as separation of duties reads them. */
  get steps(): readonly StepRecord[] {
    return this.history;
  }

  start(input: Record<string, unknown> | undefined, actor: Actor = this.defaultActor): DryRunResult {
    const at = this.lastAt;
    let result: DryRunResult;
    try {
      const r = start(this.wf, input, { actor, at });
      this.current = r.state;
      this.history.push({ event: START_EVENT_TYPE, actor: actor.id });
      result = { event: START_EVENT_TYPE, ok: true, ...this.view(r.state), effects: r.effects, at };
    } catch (err) {
      result = { event: START_EVENT_TYPE, ok: false, error: toError(err), state: {}, activeStates: [], context: {}, status: 'active', effects: [], at };
    }
    this.results.push(result);
    return result;
  }

  /** The instant a step takes place at: its own, else the previous one + 1 hour. */
  nextAt(s: Pick<DryRunStep, 'at'>): string {
    return s.at ?? addHours(this.lastAt, 1);
  }

  step(s: DryRunStep): DryRunResult {
    const at = this.nextAt(s);
    this.lastAt = at;
    let result: DryRunResult;
    if (!this.current) {
      result = {
        event: s.type,
        ok: false,
        error: { code: 'NOT_STARTED', message: 'the start was refused' },
        state: {},
        activeStates: [],
        context: {},
        status: 'active',
        effects: [],
        at,
      };
    } else {
      try {
        const actor = s.actor ?? this.defaultActor;
        const r = step(this.wf, this.current, { type: s.type, payload: s.payload }, { actor, at, history: [...this.history] });
        this.previous = this.current;
        this.current = r.state;
        this.history.push({ event: s.type, actor: actor.id });
        result = { event: s.type, ok: true, ...this.view(r.state), effects: r.effects, at };
      } catch (err) {
        result = { event: s.type, ok: false, error: toError(err), ...this.view(this.current), effects: [], at };
      }
    }
    this.results.push(result);
    return result;
  }

  /**
   * Takes back the last step the engine accepted, which the host then refused (e.g. a deadline its
   * calendar cannot compute): the state is as before it, and the step reports `error`.
   */
  revert(error: DryRunError): DryRunResult {
    const last = this.results[this.results.length - 1];
    if (!last?.ok) return last;
    const isStart = this.results.length === 1;
    if (!isStart && !this.previous) return last;
    this.current = isStart ? undefined : this.previous;
    this.previous = undefined;
    this.history.pop();
    const view = this.current ? this.view(this.current) : { state: {}, activeStates: [], context: {}, status: 'active' as const };
    const result: DryRunResult = { event: last.event, ok: false, error, ...view, effects: [], at: last.at };
    this.results[this.results.length - 1] = result;
    return result;
  }

  /** A step the host refused (e.g. the actor may not send it): reported like the engine's refusals. */
  refuse(s: Pick<DryRunStep, 'type' | 'at'>, error: DryRunError): DryRunResult {
    const at = this.nextAt(s);
    this.lastAt = at;
    const view = this.current ? this.view(this.current) : { state: {}, activeStates: [], context: {}, status: 'active' as const };
    const result: DryRunResult = { event: s.type, ok: false, error, ...view, effects: [], at };
    this.results.push(result);
    return result;
  }

  private view(s: PersistedState) {
    return { state: s.value, activeStates: activeStatePaths(s.value), context: s.context, status: s.status };
  }
}

/**
 * The first result is the start (event `xstate.init`); then one per step. A refused step reports
 * its error and leaves the state unchanged for the next one. If the start itself is refused the
 * result has that one element (state `{}`).
 */
export function dryRun(wf: CompiledWorkflow, steps: DryRunStep[], opts: DryRunOptions = {}): DryRunResult[] {
  const session = new DryRunSession(wf, { actor: opts.actor, startAt: opts.startAt });
  if (!session.start(opts.input).ok) return session.results;
  for (const s of steps) session.step(s);
  return session.results;
}
