/**
 * Design checks run by validateDefinition() once the structural checks pass (targets resolve, ids
 * are unique, …): states that can never be reached, atomic states with no way out, tasks whose
 * outcomes no person can send, deadlines that do nothing. Purely static, over the node tree of
 * validate.ts; guards are ignored (every guarded transition is assumed possible).
 */
import type { NodeInfo } from '../node-info.js';
import type { TransitionObject, ValidationIssue, WorkflowDefinition } from '../types.js';

/** Resolves a transition target as XState does (see StaticChecker.resolveTarget). */
export type TargetResolver = (source: NodeInfo, target: string) => NodeInfo | string;

interface Edge {
  source: NodeInfo;
  targets: NodeInfo[];
}

/** The transitions of `n` (`on`, `always`, `onDone`) with resolved targets; targetless ones have none. */
function edgesOf(n: NodeInfo, resolve: TargetResolver): Edge[] {
  const out: Edge[] = [];
  const add = (t: unknown) => {
    const list = typeof t === 'string' ? [{ target: t }] : Array.isArray(t) ? (t as TransitionObject[]) : [t as TransitionObject];
    for (const item of list) {
      const raw = item?.target === undefined ? [] : Array.isArray(item.target) ? item.target : [item.target];
      const targets: NodeInfo[] = [];
      for (const r of raw) {
        const node = resolve(n, r);
        if (typeof node !== 'string') targets.push(node);
      }
      out.push({ source: n, targets });
    }
  };
  for (const t of Object.values(n.def.on ?? {})) add(t);
  if (n.def.always !== undefined) add(n.def.always);
  if (n.def.onDone !== undefined) add(n.def.onDone);
  return out;
}

function isDescendant(n: NodeInfo, ancestor: NodeInfo): boolean {
  for (let a = n.parent; a; a = a.parent) if (a === ancestor) return true;
  return false;
}

/** Nodes entered when a transition goes to `targets`: their ancestors, default descendants, and untargeted parallel regions. */
export function enteredBy(targets: NodeInfo[]): Set<NodeInfo> {
  const out = new Set<NodeInfo>();
  const onPath = new Set<NodeInfo>();
  for (const t of targets) for (let a: NodeInfo | undefined = t; a; a = a.parent) onPath.add(a);
  const enterDefault = (m: NodeInfo) => {
    out.add(m);
    if (m.kind === 'parallel') for (const c of m.children.values()) enterDefault(c);
    else if (m.kind === 'compound' && m.def.initial !== undefined) {
      const c = m.children.get(m.def.initial);
      if (c) enterDefault(c);
    }
  };
  for (const a of onPath) {
    out.add(a);
    if (a.kind === 'parallel') {
      for (const c of a.children.values()) if (!onPath.has(c)) enterDefault(c);
    }
  }
  for (const t of targets) enterDefault(t);
  return out;
}

export function designChecks(def: WorkflowDefinition, root: NodeInfo, nodes: NodeInfo[], resolve: TargetResolver): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message });
  const edges = new Map<NodeInfo, Edge[]>(nodes.map((n) => [n, edgesOf(n, resolve)]));

  // -- unreachable_state: fixpoint over "active nodes' transitions enter their targets" ----------
  const reachable = enteredBy([root]);
  const queue = [...reachable];
  while (queue.length) {
    const n = queue.shift()!;
    for (const e of edges.get(n) ?? []) {
      if (!e.targets.length) continue;
      for (const m of enteredBy(e.targets)) {
        if (!reachable.has(m)) {
          reachable.add(m);
          queue.push(m);
        }
      }
    }
  }
  for (const n of nodes) {
    if (reachable.has(n) || (n.parent && !reachable.has(n.parent))) continue; // report the topmost only
    add(n.ptr, 'unreachable_state', `state "${n.path}" can never be reached: no transition, initial state or parallel region leads to it`);
  }

  // -- dead_end: a reachable non-final atomic state nothing can leave -----------------------------
  const leaves = (src: NodeInfo) => (edges.get(src) ?? []).some((e) => e.targets.length > 0);
  for (const n of nodes) {
    if (n.kind !== 'atomic' || !reachable.has(n)) continue;
    let exit = false;
    for (let a: NodeInfo | undefined = n; a && !exit; a = a.parent) exit = leaves(a);
    // In a parallel state, another region's transition that leaves its own region also exits `n`.
    for (let a: NodeInfo | undefined = n.parent, region: NodeInfo = n; a && !exit; region = a, a = a.parent) {
      if (a.kind !== 'parallel') continue;
      for (const other of a.children.values()) {
        if (other === region) continue;
        for (const m of nodes) {
          if (m !== other && !isDescendant(m, other)) continue;
          if ((edges.get(m) ?? []).some((e) => e.targets.some((t) => t !== other && !isDescendant(t, other)))) exit = true;
        }
      }
    }
    if (!exit) {
      add(
        n.ptr,
        'dead_end',
        `state "${n.path}" is not final but no transition leaves it (nor any of its parent states): an instance there would be stuck forever`,
      );
    }
  }

  // -- tasks and deadlines ----------------------------------------------------------------------
  for (const n of nodes) {
    const meta = n.def.meta;
    const outcomes = meta?.task?.outcomes;
    if (outcomes !== undefined && !outcomes.some((o) => def.events[o]?.kind === 'human')) {
      add(
        `${n.ptr}/meta/task/outcomes`,
        'task_without_human_event',
        `the task of state "${n.path}" has no outcome a person can send: list at least one event of kind "human"`,
      );
    }
    // A deadline without `event` or `escalate` is legitimate: when it passes the platform records
    // `deadline.passed` and the instance is listed as overdue (docs/deadlines.md). What does nothing
    // is an `escalate` block that escalates nothing and no event to go with it.
    (meta?.deadlines ?? []).forEach((dl, i) => {
      const esc = dl.escalate;
      if (dl.event !== undefined || esc === undefined) return;
      if (esc.priority !== undefined || !!esc.addRoles?.length || esc.notify !== undefined) return;
      add(
        `${n.ptr}/meta/deadlines/${i}`,
        'deadline_without_handler',
        `deadline "${dl.key}" has no "event" and its "escalate" names no priority, role or notification: it would do nothing when it passes`,
      );
    });
  }
  return issues;
}
