/**
 * Parent and child instances. A parent's `startChildren` action starts one child instance of
 * another definition (or one per item of a context list); the host creates them with the parent's
 * transition. When a child finishes, the host sends its parent the reserved `child.done` event,
 * which the engine records under `context._children[group]` before the machine sees it, so that
 * an `always` transition guarded by `childrenDone` moves on once the last child has reported.
 */
import { EngineError } from './errors.js';
import { evaluateCondition, expressionScope } from './expressions.js';
import { getIn, isPlainObject, jsonClone } from './json.js';
import type { JsonValue } from './types.js';

/** The reserved event by which the host reports a finished child to its parent. */
export const CHILD_DONE_EVENT = 'child.done';
/** Context key under which the children of each group are counted. */
export const CHILDREN_KEY = '_children';

export interface ChildResult {
  key: string;
  childId: string;
  definitionKey: string;
  /** The child's final state path(s), comma-separated for parallel finals. */
  state: string;
  output?: JsonValue;
  at: string;
}

export interface ChildGroup {
  definition: string;
  started: number;
  done: number;
  results: ChildResult[];
}

/** The payload of `child.done`, as the host sends it. */
export interface ChildDonePayload {
  group: string;
  key: string;
  childId: string;
  definitionKey: string;
  state: string;
  output?: JsonValue;
}

type Ctx = Record<string, unknown>;

export function childGroups(context: Ctx): Record<string, ChildGroup> {
  const groups = context[CHILDREN_KEY];
  return isPlainObject(groups) ? (groups as Record<string, ChildGroup>) : {};
}

/** `<group>#<n>`: the n-th child (from 0) a group started; stable, so the host can key on it. */
export function childKey(group: string, ordinal: number): string {
  return `${group}#${ordinal}`;
}

/** Children started but not yet reported done, in start order. */
export function pendingChildren(context: Ctx): Array<{ group: string; key: string; definition: string }> {
  const out: Array<{ group: string; key: string; definition: string }> = [];
  for (const [group, g] of Object.entries(childGroups(context))) {
    const reported = new Set((g.results ?? []).map((r) => r.key));
    for (let i = 0; i < g.started; i++) {
      const key = childKey(group, i);
      if (!reported.has(key)) out.push({ group, key, definition: g.definition });
    }
  }
  return out;
}

/** Whether every child of `group` has reported (true for a group that started none). */
export function groupDone(context: Ctx, group: string): boolean {
  const g = childGroups(context)[group];
  return !!g && g.done >= g.started;
}

export interface ChildrenParams {
  group: string;
  definition: string;
  forEach?: string;
  /** Only the items of `forEach` for which this expression (seeing the item as `item`) is true. */
  where?: string;
}

/** The items a `startChildren` starts a child for: the `forEach` list (those `where` keeps), or one. */
export function childItems(params: Pick<ChildrenParams, 'group' | 'forEach' | 'where'>, context: Ctx, at: string): unknown[] {
  if (!params.forEach) return [undefined];
  const segs = params.forEach.split('.');
  const list = getIn(context, segs[0] === 'context' ? segs.slice(1) : segs);
  if (!Array.isArray(list)) return [];
  const where = params.where;
  if (!where) return list;
  const site = { path: '/machine', what: `which items of ${params.forEach} start a child of group "${params.group}"` };
  return list.filter((item) => evaluateCondition(where, expressionScope(context, at, { item }), site));
}

/** Counts a `startChildren` in context (the assign half of the action). */
export function recordChildrenStarted(params: ChildrenParams, context: Ctx, at: string): Ctx {
  const groups = childGroups(context);
  const g = groups[params.group] ?? { definition: params.definition, started: 0, done: 0, results: [] };
  const n = childItems(params, context, at).length;
  return { ...context, [CHILDREN_KEY]: { ...groups, [params.group]: { ...g, started: g.started + n } } };
}

/** Checks a `child.done` payload and records it; refuses a child that is not pending. */
export function recordChildDone(context: Ctx, payload: unknown, at: string): Ctx {
  const p = payload as Partial<ChildDonePayload>;
  const issues: Array<{ path: string; code: string; message: string }> = [];
  for (const f of ['group', 'key', 'childId', 'definitionKey', 'state'] as const) {
    if (!isPlainObject(payload) || typeof p[f] !== 'string' || !p[f]) issues.push({ path: `/payload/${f}`, code: 'required', message: 'must be a non-empty string' });
  }
  if (issues.length) throw new EngineError('INVALID_PAYLOAD', `invalid payload for "${CHILD_DONE_EVENT}": ${issues.map((i) => i.path).join(', ')}`, { issues });
  const pending = pendingChildren(context).some((c) => c.group === p.group && c.key === p.key);
  if (!pending) {
    throw new EngineError('EVENT_NOT_ACCEPTED', `no child "${p.key}" of group "${p.group}" is waited for`, { allowedEvents: [] });
  }
  const groups = childGroups(context);
  const g = groups[p.group!];
  const result: ChildResult = { key: p.key!, childId: p.childId!, definitionKey: p.definitionKey!, state: p.state!, at };
  if (p.output !== undefined) result.output = jsonClone(p.output);
  return { ...context, [CHILDREN_KEY]: { ...groups, [p.group!]: { ...g, done: g.done + 1, results: [...g.results, result] } } };
}
