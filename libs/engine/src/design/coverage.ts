/**
 * Why a state or a transition was never reached by the path exploration (paths.ts): no path leads
 * there, its source is never reached, a guard never held with the sampled payloads and actors (or
 * cannot hold with a payload its form accepts), an earlier transition always won, no sampled
 * payload passes the form, the state never finishes, it takes a deadline, or the exploration
 * stopped at its bounds. Pure.
 */
import type { CompiledWorkflow, StateNodeDefinition, ValidationIssue } from '../types.js';
import { describeGuard, guardConjuncts, guardKind, type TransitionInfo } from './guards.js';

export type UncoveredCode =
  | 'input_never_valid'
  | 'no_path'
  | 'parent_not_reached'
  | 'source_not_reached'
  | 'guard_never_true'
  | 'guard_outside_form'
  | 'earlier_transition'
  | 'payload_never_valid'
  | 'never_done'
  | 'deadline_only'
  | 'bound'
  | 'not_taken';

export interface UncoveredReason {
  /** The state path or the transition (`"source --EVENT--> target"`). */
  item: string;
  code: UncoveredCode;
  /** Why, in a sentence (English; `code` and the members below let a user interface say it in Vietnamese). */
  reason: string;
  /** The guard (or the parts of it) that never held, as read: `compare(payload.soNguoi > 200)`. */
  guard?: string;
  /** For a state: the transition into it the reason is about. For a transition: the earlier one that won, or the state never reached. */
  via?: string;
  /** The event: the deadline's event (`deadline_only`), the event whose payloads the form refuses. */
  event?: string;
  /** The form's objection to the payloads (or the start input) aimed at the guard, or to every sampled payload. */
  issue?: ValidationIssue;
}

/** What the exploration saw, for the reasons. */
export interface ExplorationStats {
  /** Transition key -> how often its source was active when its event was tried with a valid payload (eventless: passed through). */
  tried: Map<string, number>;
  /** Transition key -> how often its guard held then (unguarded: every time). */
  held: Map<string, number>;
  /** Transition key -> for each part of its guard (`all` split), whether it ever held. */
  conjunctsHeld: Map<string, boolean[]>;
  /** Event type -> an objection of its form to a sampled payload. */
  invalid: Map<string, ValidationIssue>;
  /** Event types with some sampled payload the form accepts. */
  valid: Set<string>;
  /** Transition key -> the form's objection to a payload or input aimed at making its guard true. */
  aimRefused: Map<string, ValidationIssue>;
  /** Transition keys for which a payload or input aimed at making the guard true was accepted. */
  aimAccepted: Set<string>;
  /** States active after some step (not only passed through). */
  settled: Set<string>;
  /** Set when no start input was accepted: the objection to the first one tried. */
  inputIssue?: ValidationIssue;
  /** Whether the exploration stopped with configurations left to expand. */
  truncated: boolean;
  maxDepth: number;
}

function configAt(def: CompiledWorkflow['definition'], path: string): StateNodeDefinition | undefined {
  let cur: StateNodeDefinition | undefined = def.machine;
  for (const seg of path.split('.')) cur = cur?.states?.[seg];
  return cur;
}

const parentOf = (path: string) => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '');

/** Explains uncovered states and transitions (call after the exploration). */
export function explainUncovered(
  wf: CompiledWorkflow,
  transitions: TransitionInfo[],
  stats: ExplorationStats,
  coveredStates: ReadonlySet<string>,
  coveredTransitions: ReadonlySet<string>,
): { state(path: string): UncoveredReason; transition(key: string): UncoveredReason } {
  const def = wf.definition;
  const byKey = new Map<string, TransitionInfo[]>();
  for (const t of transitions) byKey.set(t.key, [...(byKey.get(t.key) ?? []), t]);
  const stateMemo = new Map<string, UncoveredReason>();
  const transitionMemo = new Map<string, UncoveredReason>();
  const reached = (s: string) => s === '' || coveredStates.has(s);

  const noInput = (item: string): UncoveredReason | undefined =>
    stats.inputIssue && {
      item,
      code: 'input_never_valid',
      issue: stats.inputIssue,
      reason: `no sampled start input passes the input form (${stats.inputIssue.path} ${stats.inputIssue.message}): give one`,
    };

  function transition(key: string): UncoveredReason {
    const memo = transitionMemo.get(key);
    if (memo) return memo;
    const r = explainTransition(key);
    transitionMemo.set(key, r);
    return r;
  }

  function explainTransition(key: string): UncoveredReason {
    const none = noInput(key);
    if (none) return none;
    const list = byKey.get(key) ?? [];
    const t = list[0];
    if (!t) return { item: key, code: 'not_taken', reason: 'not taken within the exploration bounds' };
    if (!reached(t.source)) {
      return { item: key, code: 'source_not_reached', via: t.source, reason: `its source state "${t.source}" is never reached` };
    }
    if (t.event === 'onDone') {
      return { item: key, code: 'never_done', reason: `"${t.source}" never finishes: its final states are never all reached` };
    }
    const tried = stats.tried.get(key) ?? 0;
    const eventDef = def.events[t.event];
    if (!tried) {
      if (eventDef && !stats.valid.has(t.event) && stats.invalid.has(t.event)) {
        const issue = stats.invalid.get(t.event)!;
        return {
          item: key,
          code: 'payload_never_valid',
          event: t.event,
          issue,
          reason: `no sampled payload of ${t.event} passes its form (${issue.path} ${issue.message}): give one in a dry run`,
        };
      }
      if (t.source !== '' && !stats.settled.has(t.source)) {
        return {
          item: key,
          code: 'not_taken',
          reason: `its source state "${t.source}" is only passed through: an eventless transition leaves it in the same step`,
        };
      }
      if (stats.truncated)
        return { item: key, code: 'bound', reason: `its source state is reached only where the exploration stopped (${stats.maxDepth} steps)` };
      return { item: key, code: 'not_taken', reason: 'not taken within the exploration bounds' };
    }
    const held = list.reduce((n, x) => n + (stats.held.get(x.key) ?? 0), 0);
    if (t.guard && !held) {
      const parts = guardConjuncts(t.guard);
      const flags = stats.conjunctsHeld.get(key) ?? parts.map(() => false);
      const never = parts.filter((_, i) => !flags[i]);
      const named = never.length && never.length < parts.length ? never : [t.guard];
      const guard = named.map(describeGuard).join(' and ');
      const issue = stats.aimRefused.get(key);
      if (issue && !stats.aimAccepted.has(key)) {
        return {
          item: key,
          code: 'guard_outside_form',
          guard,
          issue,
          reason: `guard ${guard} is never true with a payload the form accepts (${issue.path} ${issue.message})`,
        };
      }
      const kind = named.map(guardKind).reduce((a, b) => (a === b ? a : 'mixed'));
      const context =
        kind === 'actor'
          ? 'for any simulated actor (every role, and each role or unit it tests left out)'
          : kind === 'children'
            ? 'with the simulated children'
            : kind === 'data'
              ? 'with the sampled payloads'
              : 'with the sampled payloads and actors';
      return { item: key, code: 'guard_never_true', guard, reason: `guard ${guard} was never true ${context}` };
    }
    const earlier = t.earlier.find((k) => (stats.held.get(k) ?? 0) > 0) ?? t.earlier[0];
    if (earlier) {
      return { item: key, code: 'earlier_transition', via: earlier, reason: `whenever its guard held, the earlier transition "${earlier}" was taken instead` };
    }
    return {
      item: key,
      code: 'not_taken',
      reason: `its guard held, but another transition for ${t.event} (of a state inside "${t.source}") was taken instead`,
    };
  }

  function state(path: string, depth = 0): UncoveredReason {
    const memo = stateMemo.get(path);
    if (memo) return memo;
    const r = explainState(path, depth);
    stateMemo.set(path, r);
    return r;
  }

  function explainState(path: string, depth: number): UncoveredReason {
    const none = noInput(path);
    if (none) return none;
    const parent = parentOf(path);
    const leaf = path.slice(parent.length ? parent.length + 1 : 0);
    const parentConfig = parent ? configAt(def, parent) : def.machine;
    const enteredWithParent = parent !== '' && (parentConfig?.type === 'parallel' || parentConfig?.initial === leaf);
    const inside = (s: string) => s === path || s.startsWith(`${path}.`);
    const incoming = transitions.filter((t) => t.targets.some(inside) && !inside(t.source));
    if (enteredWithParent && !reached(parent)) {
      const why = depth < 20 ? state(parent, depth + 1) : undefined;
      return {
        item: path,
        code: 'parent_not_reached',
        via: parent,
        reason: `entered only with "${parent}", which is never reached${why ? `: ${why.reason}` : ''}`,
      };
    }
    if (!incoming.length) {
      return enteredWithParent
        ? { item: path, code: 'not_taken', reason: `"${parent}" is reached, but never enters it` }
        : { item: path, code: 'no_path', reason: 'no path from the initial state: no transition leads here' };
    }
    // The transition into it whose reason says most: one whose source is reached first.
    const ranked = [...incoming].sort((a, b) => Number(reached(b.source)) - Number(reached(a.source)));
    const first = ranked[0];
    const why = coveredTransitions.has(first.key) ? undefined : transition(first.key);
    const more = incoming.length > 1 ? ` (and ${incoming.length - 1} other transition${incoming.length > 2 ? 's' : ''} into it)` : '';
    const timers = [...new Set(incoming.map((t) => t.event))];
    if (timers.every((e) => def.events[e]?.kind === 'timer')) {
      return {
        item: path,
        code: 'deadline_only',
        via: first.key,
        event: timers.join(', '),
        reason: `only reachable after a deadline event (${timers.join(', ')})${why ? `: "${first.key}": ${why.reason}` : ''}`,
        ...(why?.guard ? { guard: why.guard } : {}),
      };
    }
    if (!why) return { item: path, code: 'not_taken', via: first.key, reason: `"${first.key}" was taken, but the state was left in the same step` };
    return {
      item: path,
      code: why.code,
      via: first.key,
      reason: `never entered: "${first.key}": ${why.reason}${more}`,
      ...(why.guard ? { guard: why.guard } : {}),
      ...(why.event ? { event: why.event } : {}),
      ...(why.issue ? { issue: why.issue } : {}),
    };
  }

  return { state: (p) => state(p), transition };
}
