/**
 * Which transitions a start()/step() takes, including eventless (`always`) and `onDone` ones: the
 * step is replayed on an inert actor scope whose system records xstate's `@xstate.microstep`
 * inspection events. Pure: nothing runs but the machine's own guard and assign functions.
 */
import { createActor, type ActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { inertScope } from '../compile.js';
import { jsonClone } from '../json.js';
import type { CompiledWorkflow, PersistedState, StepEnv } from '../types.js';
import { withEnv } from '../vocabulary.js';

interface StateNodeLike {
  path: string[];
  states: Record<string, StateNodeLike>;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
}

interface TransitionLike {
  source: StateNodeLike;
  target?: StateNodeLike[];
  eventType: string;
  guard?: unknown;
}

export const ROOT_NAME = '(root)';

export function nodePath(n: { path: string[] }): string {
  return n.path.join('.');
}

function displayPath(n: { path: string[] }): string {
  return nodePath(n) || ROOT_NAME;
}

/** The event name shown for a transition: its type, `always` or `onDone`. */
export function transitionEventName(t: { eventType: string }): string {
  if (!t.eventType) return 'always';
  if (t.eventType.startsWith('xstate.done.state.')) return 'onDone';
  return t.eventType;
}

/** `"source --EVENT--> target"`; a targetless (internal) transition points to its source. */
export function transitionKey(t: TransitionLike): string {
  const targets = t.target?.length ? t.target.map(displayPath).join(',') : displayPath(t.source);
  return `${displayPath(t.source)} --${transitionEventName(t)}--> ${targets}`;
}

/** Every transition of the machine, in document order (depth first; `on`, `onDone`, then `always`), unique. */
export function transitionCatalogue(machine: AnyStateMachine): string[] {
  const out = new Set<string>();
  const walk = (n: StateNodeLike) => {
    for (const list of n.transitions.values()) for (const t of list) out.add(transitionKey(t));
    for (const t of n.always ?? []) out.add(transitionKey(t));
    for (const c of Object.values(n.states ?? {})) walk(c);
  };
  walk(machine.root as unknown as StateNodeLike);
  return [...out];
}

export interface Trace {
  /** transitionKey()s of the transitions taken, in order. */
  transitions: string[];
  /** Paths of every state node active in some microstep (root excluded). */
  states: Set<string>;
}


export class Tracer {
  private sink: Trace | undefined;
  private readonly scope: ActorScope<any, any, any, any>;

  constructor(private readonly wf: CompiledWorkflow) {
    const self = createActor(wf.machine, {
      inspect: (ev) => {
        if (!this.sink || ev.type !== '@xstate.microstep') return;
        for (const t of ev._transitions as unknown as TransitionLike[]) {
          this.sink.transitions.push(transitionKey(t));
          if (t.source.path.length) this.sink.states.add(nodePath(t.source));
        }
        for (const n of ((ev.snapshot as AnyMachineSnapshot)._nodes ?? []) as unknown as StateNodeLike[]) {
          if (n.path.length) this.sink.states.add(nodePath(n));
        }
      },
    });
    this.scope = inertScope(self);
  }

  private run(fn: () => AnyMachineSnapshot): Trace {
    const trace: Trace = { transitions: [], states: new Set() };
    this.sink = trace;
    try {
      const snap = fn();
      for (const n of snap._nodes as unknown as StateNodeLike[]) if (n.path.length) trace.states.add(nodePath(n));
    } catch {
      // A refused or failing step takes no transition.
    } finally {
      this.sink = undefined;
    }
    return trace;
  }

  /** Replays start(): eventless transitions taken right after the initial state is entered. */
  start(input: Record<string, unknown>, env: StepEnv): Trace {
    const context = { ...jsonClone(this.wf.definition.context ?? {}), ...jsonClone(input) };
    return this.run(() => withEnv(env, () => this.wf.machine.getInitialSnapshot(this.scope, { context }) as AnyMachineSnapshot));
  }

  /** Replays step(). */
  step(state: PersistedState, env: StepEnv): Trace {
    return this.run(() => {
      const snap = this.wf.machine.resolveState({ value: state.value, context: state.context }) as AnyMachineSnapshot;
      const event = { type: env.type, payload: env.payload, actor: env.actor, at: env.at };
      return withEnv(env, () => this.wf.machine.transition(snap, event, this.scope) as AnyMachineSnapshot);
    });
  }
}
