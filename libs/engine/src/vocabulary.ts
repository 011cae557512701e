/**
 * The fixed vocabulary of guards and actions, as pure functions of (context, step env, params).
 *
 * They are registered as parameterized implementations in xstate `setup()` (see compile.ts), so
 * they run inside xstate's pure `transition()`. What they know of the event being processed
 * (type, payload, actor, instant) is the "step env", set by start()/step() around the call to
 * xstate: eventless (`always`) transitions and `onDone` transitions then see the same actor and
 * instant as the event that caused them.
 */
import { deepEqual, getIn, isPlainObject, jsonClone, setIn, splitPath } from './json.js';
import { groupDone, recordChildrenStarted, type ChildrenParams } from './children.js';
import { evaluateExpression, expressionScope } from './expressions.js';
import { START_STEP, type Actor, type GuardRef, type Operand, type StepEnv, type StepRecord } from './types.js';

const NEUTRAL_ACTOR: Actor = { id: 'system', roles: ['system'], units: [] };
const NEUTRAL_ENV: StepEnv = { type: '', payload: {}, actor: NEUTRAL_ACTOR, at: '' };

let currentEnv: StepEnv = NEUTRAL_ENV;

/** Runs `fn` with `env` as the step env (restored afterwards; synchronous, so never interleaved). */
export function withEnv<T>(env: StepEnv, fn: () => T): T {
  const prev = currentEnv;
  currentEnv = env;
  try {
    return fn();
  } finally {
    currentEnv = prev;
  }
}

export function getEnv(): StepEnv {
  return currentEnv;
}

// ---------------------------------------------------------------------------------------------
// Paths and operands

type Ctx = Record<string, unknown>;

/** Reads a rooted dotted path (`context.`, `payload.`, `actor.`, `event.`). */
export function readPath(path: string, context: Ctx, env: StepEnv): unknown {
  const segs = splitPath(path);
  switch (segs[0]) {
    case 'context':
      return getIn(context, segs, 1);
    case 'payload':
      return getIn(env.payload, segs, 1);
    case 'actor':
      return getIn(env.actor, segs, 1);
    case 'event':
      return getIn({ type: env.type, at: env.at, payload: env.payload }, segs, 1);
    default:
      return undefined;
  }
}

export function readOperand(op: Operand, context: Ctx, env: StepEnv): unknown {
  if ('path' in op && typeof op.path === 'string') return readPath(op.path, context, env);
  return (op as { value: unknown }).value;
}

/** Segments of a write path, with the optional `context.` prefix removed. */
export function writeSegments(path: string): string[] {
  const segs = splitPath(path);
  return segs.length > 1 && segs[0] === 'context' ? segs.slice(1) : segs;
}

/** A username from what the case holds: a string, or a person recorded as `{ id }`. */
export function personId(v: unknown): string | undefined {
  if (typeof v === 'string' && v) return v;
  if (isPlainObject(v) && typeof v.id === 'string' && v.id) return v.id;
  return undefined;
}

const nz = (v: unknown) => (v === undefined ? null : v);

// ---------------------------------------------------------------------------------------------
// Guards

export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'notIn' | 'contains';

export function compareValues(left: unknown, op: CompareOp, right: unknown): boolean {
  const l = nz(left);
  const r = nz(right);
  switch (op) {
    case '==':
      return deepEqual(l, r);
    case '!=':
      return !deepEqual(l, r);
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const comparable = (typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string');
      if (!comparable) return false;
      const a = l as number | string;
      const b = r as number | string;
      return op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;
    }
    case 'in':
      return Array.isArray(r) && r.some((x) => deepEqual(x, l));
    case 'notIn':
      return !(Array.isArray(r) && r.some((x) => deepEqual(x, l)));
    case 'contains':
      if (Array.isArray(l)) return l.some((x) => deepEqual(x, r));
      if (typeof l === 'string' && typeof r === 'string') return l.includes(r);
      return false;
    default:
      return false;
  }
}

type GuardFn = (params: Record<string, any>, context: Ctx, env: StepEnv) => boolean;

export const GUARDS: Readonly<Record<string, GuardFn>> = {
  hasRole: (p, _c, env) => env.actor.roles.includes(p.role),
  inUnit: (p, _c, env) => env.actor.units.includes(p.unit),
  compare: (p, c, env) => compareValues(readOperand(p.left, c, env), p.op, readOperand(p.right, c, env)),
  exists: (p, c, env) => nz(readPath(p.path, c, env)) !== null,
  // Checked against everyone who ever took the named steps (the case's history), not only the
  // value a later step may have overwritten: a `path` also names the steps that record an actor
  // there (added at compile time as `recordedBy`).
  notSameActor: (p, c, env) => {
    if (p.path !== undefined) {
      const stored = readPath(p.path, c, env);
      const ids = Array.isArray(stored) ? stored.map(personId) : [personId(stored)];
      if (ids.includes(env.actor.id)) return false;
    }
    const steps = [...((p.steps as string[] | undefined) ?? []), ...((p.recordedBy as string[] | undefined) ?? [])];
    return !actorsOfSteps(steps, env.history).has(env.actor.id);
  },
  all: (p, c, env) => (p.guards as GuardRef[]).every((g) => evalGuard(g, c, env)),
  any: (p, c, env) => (p.guards as GuardRef[]).some((g) => evalGuard(g, c, env)),
  not: (p, c, env) => !evalGuard(p.guard as GuardRef, c, env),
  childrenDone: (p, c) => groupDone(c, p.group),
  // A rule the fixed guards cannot say (a sum, a date a year later): FEEL over the case, the event's
  // payload and the actor; only `true` passes.
  expression: (p, c, env) =>
    evaluateExpression(p.expression, expressionScope(c, env.at, { payload: env.payload, actor: env.actor }), { path: '/machine', what: 'a guard' }) === true,
};

/** Who took any of `steps` (event types, or `@start`) in `history`. */
export function actorsOfSteps(steps: readonly string[], history: readonly StepRecord[] | undefined): Set<string> {
  const wanted = new Set(steps.map((s) => (s === START_STEP ? START_EVENT : s)));
  const out = new Set<string>();
  for (const h of history ?? []) if (wanted.has(h.event)) out.add(h.actor);
  return out;
}

/** History event type of a case's start. */
const START_EVENT = 'xstate.init';

export function evalGuard(ref: GuardRef, context: Ctx, env: StepEnv): boolean {
  const fn = GUARDS[ref.type];
  return fn ? fn(ref.params ?? {}, context, env) === true : false;
}

// ---------------------------------------------------------------------------------------------
// Context-changing actions (run through xstate `assign`)

type Assigner = (params: Record<string, any>, context: Ctx, env: StepEnv) => Ctx;

/** `_extensions` entry recorded by extendDeadline. */
export const EXTENSIONS_KEY = '_extensions';

export const ASSIGNERS: Readonly<Record<string, Assigner>> = {
  assign: (p, c, env) => {
    const set = p.set as Record<string, Operand>;
    // Operands are all read from the context as it was before this action.
    let next: unknown = c;
    for (const key of Object.keys(set)) {
      next = setIn(next, writeSegments(key), jsonClone(readOperand(set[key], c, env)));
    }
    return next as Ctx;
  },
  increment: (p, c) => {
    const segs = writeSegments(p.path);
    const cur = getIn(c, segs);
    const by = typeof p.by === 'number' ? p.by : 1;
    return setIn(c, segs, (typeof cur === 'number' ? cur : 0) + by) as Ctx;
  },
  append: (p, c, env) => {
    const segs = writeSegments(p.path);
    const cur = getIn(c, segs);
    const item = jsonClone(readOperand(p.item, c, env));
    return setIn(c, segs, Array.isArray(cur) ? [...cur, item] : [item]) as Ctx;
  },
  recordActor: (p, c, env) => setIn(c, writeSegments(p.path), { id: env.actor.id, at: env.at }) as Ctx,
  /** Synthesized before each `extendDeadline`: records the extension in context. */
  '@recordExtension': (p, c, env) => {
    const cur = c[EXTENSIONS_KEY];
    const entry: Record<string, unknown> = {
      deadline: p.deadline,
      by: jsonClone(p.by),
      at: env.at,
      actor: env.actor.id,
    };
    if (p.reason !== undefined) entry.reason = jsonClone(readOperand(p.reason, c, env));
    return { ...c, [EXTENSIONS_KEY]: Array.isArray(cur) ? [...cur, entry] : [entry] };
  },
  /** Synthesized before each `startChildren`: counts the children it starts. */
  '@recordChildren': (p, c, env) => recordChildrenStarted(p as unknown as ChildrenParams, c, env.at),
};

/** Actions that only produce effects (mapped from xstate's executable actions). */
export const EFFECT_ACTIONS: ReadonlySet<string> = new Set(['notify', 'emit', 'extendDeadline', 'startChildren']);

/** Synthesized entry/exit actions of states whose meta has a task or deadlines. */
export const ENTER_ACTION = '@enter';
export const EXIT_ACTION = '@exit';

export const GUARD_TYPES: readonly string[] = Object.keys(GUARDS);
export const ACTION_TYPES: readonly string[] = [...Object.keys(ASSIGNERS).filter((k) => !k.startsWith('@')), ...EFFECT_ACTIONS];

