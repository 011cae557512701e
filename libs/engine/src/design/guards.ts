/**
 * What the simulation reads from the guards of a workflow: every transition with its guard, a
 * readable form of each guard (`compare(payload.soNguoi > 200)`), and the data that would make a
 * guard true or false — which value of which field of which form (an event's payload, or the start
 * input, also through the `assign` actions that copy a payload field into the context). Pure.
 */
import { isPlainObject } from '../json.js';
import type { ActionRef, CompiledWorkflow, GuardRef, JsonSchema } from '../types.js';
import { writeSegments } from '../vocabulary.js';
import { simulationActor } from './sample.js';
import { nodePath, transitionEventName, transitionKey } from './trace.js';
import type { NodeLike, TransitionLike } from './machine-shape.js';

// ---------------------------------------------------------------------------------------------
// Transitions

/** One transition of the compiled machine. */
export interface TransitionInfo {
  /** transitionKey(): `"source --EVENT--> target"`. */
  key: string;
  /** Source state path ('' for the root). */
  source: string;
  /** The event type; `always` and `onDone` for eventless ones. */
  event: string;
  /** Target state paths; the source for a targetless transition. */
  targets: string[];
  guard?: GuardRef;
  /** Keys of the transitions listed before it for the same source and event (they take precedence). */
  earlier: string[];
  actions: ActionRef[];
}

const asGuard = (g: unknown): GuardRef | undefined => (isPlainObject(g) && typeof g.type === 'string' ? (g as unknown as GuardRef) : undefined);
const asActions = (list: unknown[] | undefined): ActionRef[] =>
  (list ?? []).filter((a): a is ActionRef => isPlainObject(a) && typeof (a as { type?: unknown }).type === 'string');

/** Every transition of the machine, in document order (the order of transitionCatalogue()). */
export function machineTransitions(wf: CompiledWorkflow): TransitionInfo[] {
  const out: TransitionInfo[] = [];
  const list = (ts: TransitionLike[]) => {
    const earlier: string[] = [];
    for (const t of ts) {
      const key = transitionKey(t as never);
      out.push({
        key,
        source: nodePath(t.source),
        event: transitionEventName(t),
        targets: t.target?.length ? t.target.map(nodePath) : [nodePath(t.source)],
        guard: asGuard(t.guard),
        earlier: [...earlier],
        actions: asActions(t.actions),
      });
      earlier.push(key);
    }
  };
  const walk = (n: NodeLike) => {
    for (const ts of n.transitions.values()) list(ts);
    if (n.always?.length) list(n.always);
    for (const c of Object.values(n.states ?? {})) walk(c);
  };
  walk(wf.machine.root as unknown as NodeLike);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading guards

type Operand = { path: string } | { value: unknown };
const isPathOperand = (o: unknown): o is { path: string } => isPlainObject(o) && typeof o.path === 'string';
const operandText = (o: unknown) => (isPathOperand(o) ? o.path : isPlainObject(o) && 'value' in o ? JSON.stringify(o.value) : '?');

/** A guard as a designer reads it: `compare(payload.soNguoi > 200)`, `all(hasRole(chu-tich), exists(payload.ghiChu))`. */
export function describeGuard(g: GuardRef | undefined): string {
  if (!g) return '(none)';
  const p = (g.params ?? {}) as Record<string, unknown>;
  switch (g.type) {
    case 'compare':
      return `compare(${operandText(p.left)} ${String(p.op)} ${operandText(p.right)})`;
    case 'exists':
      return `exists(${String(p.path)})`;
    case 'hasRole':
      return `hasRole(${String(p.role)})`;
    case 'inUnit':
      return `inUnit(${String(p.unit)})`;
    case 'childrenDone':
      return `childrenDone(${String(p.group)})`;
    case 'expression':
      return `expression(${String(p.expression).slice(1).trim()})`;
    case 'notSameActor': {
      const parts = [...(typeof p.path === 'string' ? [p.path] : []), ...((p.steps as string[] | undefined) ?? [])];
      return `notSameActor(${parts.join(', ')})`;
    }
    case 'all':
    case 'any':
      return `${g.type}(${((p.guards as GuardRef[] | undefined) ?? []).map(describeGuard).join(', ')})`;
    case 'not':
      return `not(${describeGuard(p.guard as GuardRef)})`;
    default:
      return g.type;
  }
}

/** Whether a guard's outcome depends on who acts (roles, units, separation of duties) rather than on data. */
export function guardKind(g: GuardRef | undefined): 'data' | 'actor' | 'children' | 'mixed' | 'none' {
  const kinds = new Set<string>();
  const visit = (x: GuardRef | undefined) => {
    if (!x) return;
    const p = (x.params ?? {}) as Record<string, unknown>;
    if (x.type === 'all' || x.type === 'any') for (const c of (p.guards as GuardRef[]) ?? []) visit(c);
    else if (x.type === 'not') visit(p.guard as GuardRef);
    else if (x.type === 'hasRole' || x.type === 'inUnit' || x.type === 'notSameActor') kinds.add('actor');
    else if (x.type === 'childrenDone') kinds.add('children');
    else kinds.add('data');
  };
  visit(g);
  if (!kinds.size) return 'none';
  return kinds.size === 1 ? ([...kinds][0] as 'data' | 'actor' | 'children') : 'mixed';
}

/** The roles and units a guard tests (`hasRole`, `inUnit`), anywhere in it. */
export function guardRolesAndUnits(g: GuardRef | undefined): { roles: string[]; units: string[] } {
  const roles = new Set<string>();
  const units = new Set<string>();
  const visit = (x: GuardRef | undefined) => {
    if (!x) return;
    const p = (x.params ?? {}) as Record<string, unknown>;
    if (x.type === 'all' || x.type === 'any') for (const c of (p.guards as GuardRef[]) ?? []) visit(c);
    else if (x.type === 'not') visit(p.guard as GuardRef);
    else if (x.type === 'hasRole' && typeof p.role === 'string') roles.add(p.role);
    else if (x.type === 'inUnit' && typeof p.unit === 'string') units.add(p.unit);
  };
  visit(g);
  return { roles: [...roles].sort(), units: [...units].sort() };
}

/** The children of an `all` guard (the guard itself otherwise): named one by one when some never held. */
export function guardConjuncts(g: GuardRef): GuardRef[] {
  if (g.type !== 'all') return [g];
  return ((g.params?.guards as GuardRef[] | undefined) ?? []).flatMap(guardConjuncts);
}

// ---------------------------------------------------------------------------------------------
// What makes a guard true or false

/** A condition on one value that a guard reads. */
export type Want =
  | { op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'contains' | 'notContains'; value: unknown }
  | { op: 'in' | 'notIn'; values: unknown[] }
  | { op: 'present' | 'absent' };

/** `path` (as a guard reads it: `payload.x`, `context.x`, `event.payload.x`) must satisfy `want`. */
export interface Constraint {
  path: string;
  want: Want;
}

/** Alternatives: any one list of constraints makes the guard come out as wanted ([] = no condition on data). */
type Alternatives = Constraint[][];

const MAX_ALTERNATIVES = 8;

const NEGATE: Record<string, string> = {
  '==': '!=',
  '!=': '==',
  '>': '<=',
  '<=': '>',
  '<': '>=',
  '>=': '<',
  in: 'notIn',
  notIn: 'in',
  contains: 'notContains',
  notContains: 'contains',
};
const FLIP: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=', '==': '==', '!=': '!=' };
const OP_WANT: Record<string, Want['op']> = {
  '==': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'ge',
  '<': 'lt',
  '<=': 'le',
  contains: 'contains',
  notContains: 'notContains',
};

/** The value a path always holds (a context value nothing changes), if known. */
export type KnownValue = (path: string) => { value: unknown } | undefined;

function compareWants(p: Record<string, unknown>, want: boolean, known?: KnownValue): Alternatives {
  let path: string;
  let op = String(p.op);
  let lit: unknown;
  // A path compared with a context value nothing changes (a threshold): that value is the literal.
  if (isPathOperand(p.left) && isPathOperand(p.right)) {
    const right = known?.(p.right.path);
    const left = right ? undefined : known?.(p.left.path);
    if (right) p = { ...p, right: right };
    else if (left) p = { ...p, left: left };
  }
  if (isPathOperand(p.left) && !isPathOperand(p.right) && isPlainObject(p.right)) {
    path = p.left.path;
    lit = (p.right as { value?: unknown }).value;
  } else if (isPathOperand(p.right) && !isPathOperand(p.left) && isPlainObject(p.left)) {
    path = p.right.path;
    lit = (p.left as { value?: unknown }).value;
    // `literal OP path` read from the path's side.
    if (op === 'in') op = 'contains';
    else if (op === 'notIn') op = 'notContains';
    else if (op === 'contains') op = Array.isArray(lit) ? 'in' : '==';
    else op = FLIP[op] ?? op;
  } else {
    return [[]]; // two paths or two literals: nothing to choose
  }
  if (!want) op = NEGATE[op] ?? op;
  if (op === 'in' || op === 'notIn') return [[{ path, want: { op, values: Array.isArray(lit) ? lit : [lit] } }]];
  const w = OP_WANT[op];
  return w ? [[{ path, want: { op: w, value: lit } as Want }]] : [[]];
}

function product(lists: Alternatives[]): Alternatives {
  let out: Alternatives = [[]];
  for (const alts of lists) {
    const next: Alternatives = [];
    for (const a of out) for (const b of alts) if (next.length < MAX_ALTERNATIVES) next.push([...a, ...b]);
    out = next;
  }
  return out;
}

const union = (lists: Alternatives[]): Alternatives => lists.flat().slice(0, MAX_ALTERNATIVES);

/** The data that would make `g` come out `want`: alternatives of constraints. Actor guards ask nothing of data. */
export function guardWants(g: GuardRef | undefined, want: boolean, known?: KnownValue, depth = 0): Alternatives {
  if (!g || depth > 8) return [[]];
  const p = (g.params ?? {}) as Record<string, unknown>;
  const children = (p.guards as GuardRef[] | undefined) ?? [];
  switch (g.type) {
    case 'compare':
      return compareWants(p, want, known);
    case 'exists':
      return typeof p.path === 'string' ? [[{ path: p.path, want: { op: want ? 'present' : 'absent' } }]] : [[]];
    case 'all':
      return want ? product(children.map((c) => guardWants(c, true, known, depth + 1))) : union(children.map((c) => guardWants(c, false, known, depth + 1)));
    case 'any':
      return want ? union(children.map((c) => guardWants(c, true, known, depth + 1))) : product(children.map((c) => guardWants(c, false, known, depth + 1)));
    case 'not':
      return guardWants(p.guard as GuardRef, !want, known, depth + 1);
    default:
      return [[]];
  }
}

// ---------------------------------------------------------------------------------------------
// From the paths a guard reads to the forms that set them

/** `@input` for the start input; otherwise an event type. */
export const INPUT_TARGET = '@input';

/** A wanted value of one field of one form. */
export interface FieldWant {
  field: string[];
  want: Want;
}

/** Data that would make a transition's guard come out one way: per form, the fields to set. */
export interface Hint {
  /** The transition whose guard it is. */
  transition: string;
  /** The side of the guard it aims at. */
  side: boolean;
  /** A readable form of the guard. */
  guard: string;
  fields: FieldWant[];
}

const schemaProps = (s: JsonSchema | undefined): Record<string, unknown> | undefined =>
  isPlainObject(s) && isPlainObject((s as Record<string, unknown>).properties)
    ? ((s as Record<string, unknown>).properties as Record<string, unknown>)
    : undefined;

/** Per form (`@input` or an event type), the data that would make each guard true and false. */
export function guardHints(wf: CompiledWorkflow, transitions: TransitionInfo[] = machineTransitions(wf)): Map<string, Hint[]> {
  const def = wf.definition;
  const eventTypes = Object.keys(def.events);
  // context field (write segments) <- payload field of an event, from `assign` actions of its transitions.
  const copies: Array<{ event: string; into: string[]; from: string[] }> = [];
  const written = new Set<string>();
  for (const t of transitions) {
    for (const a of t.actions) {
      const params = (a.params ?? {}) as Record<string, unknown>;
      if (a.type === 'assign' && isPlainObject(params.set)) {
        for (const [key, operand] of Object.entries(params.set as Record<string, Operand>)) {
          const into = writeSegments(key);
          written.add(into[0]);
          if (!isPathOperand(operand) || !eventTypes.includes(t.event)) continue;
          const segs = operand.path.split('.');
          const from = segs[0] === 'payload' ? segs.slice(1) : segs[0] === 'event' && segs[1] === 'payload' ? segs.slice(2) : undefined;
          if (from) copies.push({ event: t.event, into, from });
        }
      } else if (typeof params.path === 'string') {
        written.add(writeSegments(params.path)[0]);
      }
    }
  }
  const inputProps = schemaProps(def.inputSchema);
  const actor = simulationActor(wf);
  const known: KnownValue = (path) => {
    // The simulated actor's roles and units: a context value compared with them is one of them.
    if (path === 'actor.units' || path === 'actor.roles') return { value: path === 'actor.units' ? actor.units : actor.roles };
    const segs = path.split('.');
    if (segs[0] !== 'context' || segs.length < 2 || written.has(segs[1]) || inputProps?.[segs[1]] !== undefined || !def.context) return undefined;
    let cur: unknown = def.context;
    for (const seg of segs.slice(1)) cur = isPlainObject(cur) ? cur[seg] : undefined;
    return cur === undefined || cur === null ? undefined : { value: cur };
  };

  /** The forms and fields a guard's path can be set from. */
  const sourcesOf = (path: string, event: string): Array<{ target: string; field: string[] }> => {
    const segs = path.split('.');
    const payload = segs[0] === 'payload' ? segs.slice(1) : segs[0] === 'event' && segs[1] === 'payload' ? segs.slice(2) : undefined;
    const out: Array<{ target: string; field: string[] }> = [];
    if (payload?.length) {
      if (eventTypes.includes(event)) out.push({ target: event, field: payload });
      else for (const e of eventTypes) if (schemaProps(def.events[e].schema)?.[payload[0]] !== undefined) out.push({ target: e, field: payload });
    } else if (segs[0] === 'context' && segs.length > 1) {
      const field = segs.slice(1);
      const declared = inputProps?.[field[0]] !== undefined;
      const free = def.inputSchema === undefined && !written.has(field[0]) && !(def.context && field[0] in def.context);
      if (declared || free) out.push({ target: INPUT_TARGET, field });
      for (const c of copies) {
        const from = [...c.from, ...field.slice(c.into.length)];
        if (from.length && c.into.length <= field.length && c.into.every((s, i) => s === field[i])) out.push({ target: c.event, field: from });
      }
    }
    return out;
  };

  const hints = new Map<string, Hint[]>();
  const seen = new Set<string>();
  for (const t of transitions) {
    if (!t.guard) continue;
    const guard = describeGuard(t.guard);
    for (const side of [true, false]) {
      for (const alternative of guardWants(t.guard, side, known)) {
        const perTarget = new Map<string, FieldWant[]>();
        for (const c of alternative) {
          for (const s of sourcesOf(c.path, t.event)) {
            if (!perTarget.has(s.target)) perTarget.set(s.target, []);
            perTarget.get(s.target)!.push({ field: s.field, want: c.want });
          }
        }
        for (const [target, fields] of perTarget) {
          const id = `${target} ${JSON.stringify(fields)}`;
          if (seen.has(id)) continue;
          seen.add(id);
          if (!hints.has(target)) hints.set(target, []);
          hints.get(target)!.push({ transition: t.key, side, guard, fields });
        }
      }
    }
  }
  return hints;
}

/**
 * The context paths the control flow depends on: those guards read (and, transitively, the context
 * paths `assign` copies into them), and the lists children are started for. Two contexts equal on
 * these behave the same, so the exploration keeps one of them.
 */
export function contextPathsRead(wf: CompiledWorkflow, transitions: TransitionInfo[] = machineTransitions(wf)): string[][] {
  const out = new Map<string, string[]>();
  const addRead = (path: unknown) => {
    if (typeof path !== 'string') return;
    const segs = path.split('.');
    if (segs[0] === 'context' && segs.length > 1) out.set(segs.slice(1).join('.'), segs.slice(1));
  };
  const visitGuard = (g: GuardRef | undefined) => {
    if (!g) return;
    const p = (g.params ?? {}) as Record<string, unknown>;
    if (g.type === 'all' || g.type === 'any') for (const c of (p.guards as GuardRef[]) ?? []) visitGuard(c);
    else if (g.type === 'not') visitGuard(p.guard as GuardRef);
    else if (g.type === 'compare') {
      for (const o of [p.left, p.right]) if (isPathOperand(o)) addRead(o.path);
    } else if (g.type === 'exists' || g.type === 'notSameActor') addRead(p.path);
  };
  for (const t of transitions) visitGuard(t.guard);
  // startChildren lists (their length is the number of children awaited), in any action.
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isPlainObject(v)) {
      if (v.type === 'startChildren' && isPlainObject(v.params)) addRead(v.params.forEach);
      Object.values(v).forEach(walk);
    }
  };
  walk(wf.definition.machine);
  // What assign copies from the context into a path read above is read too.
  const copies: Array<{ into: string[]; from: string }> = [];
  const collectCopies = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collectCopies);
    else if (isPlainObject(v)) {
      if (v.type === 'assign' && isPlainObject(v.params) && isPlainObject(v.params.set)) {
        for (const [key, operand] of Object.entries(v.params.set)) if (isPathOperand(operand)) copies.push({ into: writeSegments(key), from: operand.path });
      }
      Object.values(v).forEach(collectCopies);
    }
  };
  collectCopies(wf.definition.machine);
  const overlaps = (a: string[], b: string[]) => a.slice(0, Math.min(a.length, b.length)).every((s, i) => s === b[i]);
  for (let changed = true; changed;) {
    changed = false;
    for (const c of copies) {
      const segs = c.from.split('.');
      if (segs[0] !== 'context' || out.has(segs.slice(1).join('.'))) continue;
      if ([...out.values()].some((r) => overlaps(r, c.into))) {
        addRead(c.from);
        changed = true;
      }
    }
  }
  return [...out.values()];
}

/** The steps separation of duties looks at (`notSameActor` steps and the steps recording its path): who took them matters. */
export function stepsWhoseActorMatters(transitions: TransitionInfo[]): Set<string> {
  const out = new Set<string>();
  const visit = (g: GuardRef | undefined) => {
    if (!g) return;
    const p = (g.params ?? {}) as Record<string, unknown>;
    if (g.type === 'all' || g.type === 'any') for (const c of (p.guards as GuardRef[]) ?? []) visit(c);
    else if (g.type === 'not') visit(p.guard as GuardRef);
    else if (g.type === 'notSameActor') for (const s of [...((p.steps as string[]) ?? []), ...((p.recordedBy as string[]) ?? [])]) out.add(s);
  };
  for (const t of transitions) visit(t.guard);
  return out;
}
