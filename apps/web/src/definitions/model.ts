// Reading a definition's source: state labels by path, event labels, the task of a state, and
// the leaf paths of an XState state value.
import type { DefinitionSource, EventSource, Label, StateNodeSource, TaskMeta } from '../api/types.ts';

/** 'a' | { a: 'b' } | { p: { x: 'y', z: 'w' } } → ['a'] | ['a.b'] | ['p.x.y', 'p.z.w']. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  if (value && typeof value === 'object') {
    const out: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = prefix ? `${prefix}.${k}` : k;
      if (v === null || v === undefined || (typeof v === 'object' && Object.keys(v as object).length === 0)) out.push(p);
      else out.push(...leafPaths(v, p));
    }
    return out;
  }
  return [];
}

export function findState(source: DefinitionSource | undefined, path: string): StateNodeSource | undefined {
  let node: StateNodeSource | undefined = source?.machine;
  for (const key of path.split('.')) {
    if (!node?.states || !Object.prototype.hasOwnProperty.call(node.states, key)) return undefined;
    node = node.states[key];
  }
  return node;
}

export function stateLabel(source: DefinitionSource | undefined, path: string): Label | undefined {
  return findState(source, path)?.meta?.label;
}

export function eventOf(source: DefinitionSource | undefined, type: string): EventSource | undefined {
  const events = source?.events;
  return events && Object.prototype.hasOwnProperty.call(events, type) ? events[type] : undefined;
}

/** The tasks open on these active leaf paths: each state (or ancestor) whose meta declares one. */
export function tasksOf(source: DefinitionSource | undefined, leaves: string[]): Array<{ state: string; task: TaskMeta }> {
  const out: Array<{ state: string; task: TaskMeta }> = [];
  const seen = new Set<string>();
  for (const leaf of leaves) {
    const parts = leaf.split('.');
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('.');
      if (seen.has(path)) continue;
      seen.add(path);
      const task = findState(source, path)?.meta?.task;
      if (task) out.push({ state: path, task });
    }
  }
  return out;
}

/** A deadline's label by its key, from the step that declares it (reminders and past timers name only the key). */
export function deadlineLabel(source: DefinitionSource | undefined, key: string): Label | undefined {
  const visit = (node: StateNodeSource | undefined, depth: number): Label | undefined => {
    if (!node || depth > 50) return undefined;
    const own = node.meta?.deadlines?.find((d) => d.key === key)?.label;
    if (own) return own;
    for (const child of Object.values(node.states ?? {})) {
      const found = visit(child, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(source?.machine, 0);
}
