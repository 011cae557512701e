/**
 * A Mermaid `stateDiagram-v2` of a compiled workflow. Labels come from definitions written by
 * administrators, so every label is escaped with Mermaid entity codes: no label can close a
 * string, start a new statement or inject markup/links.
 */
import type { CompiledWorkflow } from '../types.js';
import { nodePath } from './trace.js';

export interface MermaidOptions {
  /** Leaf state paths to highlight (e.g. activeStatePaths(state.value)). */
  active?: string[];
  lang?: 'vi' | 'en';
}

interface NodeLike {
  key: string;
  path: string[];
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  initial?: { target: NodeLike[] };
  states: Record<string, NodeLike>;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
}

interface TransitionLike {
  source: NodeLike;
  target?: NodeLike[];
  eventType: string;
  guard?: { type?: string; params?: Record<string, unknown> };
}

const RESERVED = new Set([
  'state',
  'end',
  'note',
  'direction',
  'class',
  'classDef',
  'style',
  'click',
  'as',
  'left',
  'right',
  'of',
  'hide',
  'default',
  'TB',
  'BT',
  'LR',
  'RL',
]);

/**
 * Escapes text for a Mermaid label: letters, digits, spaces and a few harmless punctuation marks
 * stay; everything else (quotes, `:`, `;`, `#`, `<`, `>`, brackets, braces, `%`, backticks …) becomes
 * a `#<code>;` entity; line breaks and other control characters become spaces.
 */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const ch of text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()) {
    out += /[\p{L}\p{M}\p{N} .,\-_()/+*'!?@=]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

export function toMermaid(wf: CompiledWorkflow, opts: MermaidOptions = {}): string {
  const lang = opts.lang ?? 'vi';
  const root = wf.machine.root as unknown as NodeLike;
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const idOf = (n: NodeLike): string => {
    const p = nodePath(n);
    let id = ids.get(p);
    if (id) return id;
    const base = p.replace(/[^A-Za-z0-9_]/g, '_') || 'root';
    id = RESERVED.has(base) || /^[0-9]/.test(base) ? `s_${base}` : base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    ids.set(p, id);
    return id;
  };
  // Assign ids in document order so that collisions are resolved deterministically.
  const assign = (n: NodeLike) => {
    for (const c of Object.values(n.states ?? {})) {
      idOf(c);
      assign(c);
    }
  };
  assign(root);

  const stateLabel = (n: NodeLike) => escapeMermaidLabel(wf.states.get(nodePath(n))?.label?.[lang] ?? n.key);
  const eventLabel = (t: TransitionLike): string => {
    let text: string;
    if (!t.eventType) text = lang === 'vi' ? '(tự động)' : '(auto)';
    else if (t.eventType.startsWith('xstate.done.state.')) text = lang === 'vi' ? '(hoàn thành)' : '(done)';
    else text = wf.definition.events[t.eventType]?.label?.[lang] ?? t.eventType;
    let label = escapeMermaidLabel(text);
    if (t.guard) label += ` [${escapeMermaidLabel(guardSummary(t.guard))}]`;
    return label;
  };

  const lines: string[] = ['stateDiagram-v2'];
  const deferred: string[] = [];
  let anyState: string | undefined;
  const edge = (t: TransitionLike, from: string): string => {
    // A targetless (internal) transition is drawn as a loop on its source.
    const targets = t.target?.length ? t.target.map(idOf) : [from];
    return targets.map((to) => `${from} --> ${to} : ${eventLabel(t)}`).join('\n');
  };
  const transitionsOf = (n: NodeLike): TransitionLike[] => [...[...n.transitions.values()].flat(), ...(n.always ?? [])];

  const block = (n: NodeLike, indent: string) => {
    const children = Object.values(n.states ?? {});
    if (n.type === 'parallel') {
      children.forEach((c, i) => {
        if (i) lines.push(`${indent}--`);
        declare(c, indent);
      });
    } else {
      const initial = n.initial?.target?.[0];
      if (initial) lines.push(`${indent}[*] --> ${idOf(initial)}`);
      for (const c of children) declare(c, indent);
    }
    // Transitions between siblings go in this block; the others at the end, once every id exists.
    for (const c of children) {
      for (const t of transitionsOf(c)) {
        const local = (t.target ?? []).every((to) => to.path.length === c.path.length && to.path.slice(0, -1).join('.') === c.path.slice(0, -1).join('.'));
        const text = edge(t, idOf(c));
        for (const line of text.split('\n')) {
          if (local) lines.push(`${indent}${line}`);
          else deferred.push(line);
        }
      }
      if (c.type === 'final') lines.push(`${indent}${idOf(c)} --> [*]`);
    }
  };
  const declare = (n: NodeLike, indent: string) => {
    const head = `${indent}state "${stateLabel(n)}" as ${idOf(n)}`;
    if (Object.keys(n.states ?? {}).length) {
      lines.push(`${head} {`);
      block(n, indent + '  ');
      lines.push(`${indent}}`);
    } else {
      lines.push(head);
    }
  };

  block(root, '  ');
  const rootTransitions = transitionsOf(root);
  if (rootTransitions.length) {
    anyState = 'root_any';
    for (let i = 2; used.has(anyState); i++) anyState = `root_any_${i}`;
    lines.push(`  state "${escapeMermaidLabel(lang === 'vi' ? '(mọi trạng thái)' : '(any state)')}" as ${anyState}`);
    for (const t of rootTransitions) for (const line of edge(t, anyState).split('\n')) deferred.push(line);
  }
  for (const line of deferred) lines.push(`  ${line}`);

  const active = (opts.active ?? []).filter((p) => ids.has(p));
  if (active.length) {
    lines.push('  classDef active fill:#fde68a,stroke:#b45309,stroke-width:2px');
    for (const p of active) lines.push(`  class ${ids.get(p)} active`);
  }
  return lines.join('\n') + '\n';
}

/** A short text for a guard: its type, with the role or unit for hasRole/inUnit. */
function guardSummary(g: { type?: string; params?: Record<string, unknown> }): string {
  const type = String(g.type ?? 'guard');
  const p = g.params ?? {};
  if (type === 'hasRole' && typeof p.role === 'string') return `${type} ${p.role}`;
  if (type === 'inUnit' && typeof p.unit === 'string') return `${type} ${p.unit}`;
  if ((type === 'all' || type === 'any') && Array.isArray(p.guards)) return `${type}(${p.guards.map((x) => guardSummary(x as never)).join(', ')})`;
  if (type === 'not' && p.guard) return `not(${guardSummary(p.guard as never)})`;
  return type;
}
