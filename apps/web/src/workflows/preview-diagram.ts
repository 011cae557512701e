// A Mermaid stateDiagram-v2 drawn in the browser from the definition being edited, for the live
// preview (the API draws only saved versions: GET …/versions/:v/diagram). It follows the engine's
// toMermaid (libs/engine/src/design/mermaid.ts): same ids, same escaping of every label — no label
// can close a string or inject markup — and the same shapes; the saved version's diagram comes from
// the API.
import type { DefinitionSource, Label, StateNodeSource } from '../api/types.ts';
import type { Lang } from '../i18n/i18n.tsx';

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

/** The engine's escapeMermaidLabel: letters, digits, spaces and harmless marks stay; the rest become #code; entities. */
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

interface Node {
  key: string;
  path: string[];
  source: StateNodeSource;
  parent: Node | null;
  children: Node[];
}

interface Transition {
  event: string; // '' for always, 'done' for onDone
  targets: Node[];
  guard?: { type?: unknown; params?: Record<string, unknown> };
}

const own = (o: object | undefined, k: string) => !!o && Object.prototype.hasOwnProperty.call(o, k);

function guardSummary(g: { type?: unknown; params?: Record<string, unknown> }): string {
  const type = String(g.type ?? 'guard');
  const p = g.params ?? {};
  if (type === 'hasRole' && typeof p.role === 'string') return `${type} ${p.role}`;
  if (type === 'inUnit' && typeof p.unit === 'string') return `${type} ${p.unit}`;
  if ((type === 'all' || type === 'any') && Array.isArray(p.guards)) return `${type}(${p.guards.map((x) => guardSummary((x ?? {}) as never)).join(', ')})`;
  if (type === 'not' && p.guard) return `not(${guardSummary(p.guard as never)})`;
  return type;
}

const text = (label: Label | undefined, lang: Lang, fallback: string) => {
  const v = label && typeof label === 'object' ? label[lang] : undefined;
  return typeof v === 'string' && v.trim() ? v : fallback;
};

/** Throws on a definition whose targets do not resolve (the preview is drawn only for valid ones). */
export function previewMermaid(def: DefinitionSource, lang: Lang): string {
  const rootId = def.machine.id ?? def.key;
  const byId = new Map<string, Node>();
  const build = (key: string, source: StateNodeSource, parent: Node | null): Node => {
    const node: Node = { key, path: parent ? [...parent.path, key] : [], source, parent, children: [] };
    byId.set([rootId, ...node.path].join('.'), node);
    if (source.id) byId.set(source.id, node);
    for (const [k, child] of Object.entries(source.states ?? {})) node.children.push(build(k, child, node));
    return node;
  };
  const root = build('(machine)', def.machine, null);
  const child = (n: Node, key: string) => n.children.find((c) => c.key === key);
  const descend = (n: Node | undefined, parts: string[]) => parts.reduce<Node | undefined>((cur, k) => (cur && k ? child(cur, k) : cur), n);
  const resolve = (from: Node, target: string): Node => {
    let found: Node | undefined;
    if (target.startsWith('#')) {
      const idPath = target.slice(1);
      found = byId.get(idPath);
      if (!found) {
        const [id, ...rest] = idPath.split('.');
        found = descend(byId.get(id), rest);
      }
    } else if (target.startsWith('.')) found = descend(from, target.slice(1).split('.'));
    else if (from.parent) found = descend(from.parent, target.split('.'));
    if (!found) throw new Error(`target "${target}" does not resolve`);
    return found;
  };
  const transitions = (n: Node, raw: unknown, event: string): Transition[] => {
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.map((t) => {
      const obj = (typeof t === 'string' ? { target: t } : (t ?? {})) as { target?: unknown; guard?: Transition['guard'] };
      const targets = obj.target === undefined ? [] : (Array.isArray(obj.target) ? obj.target : [obj.target]).map((x) => resolve(n, String(x)));
      return { event, targets, guard: obj.guard };
    });
  };
  const transitionsOf = (n: Node): Transition[] => [
    ...Object.entries(n.source.on ?? {}).flatMap(([event, raw]) => transitions(n, raw, event)),
    ...transitions(n, n.source.onDone, 'done'),
    ...transitions(n, n.source.always, ''),
  ];

  const ids = new Map<Node, string>();
  const used = new Set<string>();
  const idOf = (n: Node): string => {
    let id = ids.get(n);
    if (id) return id;
    const p = n.path.join('.');
    const base = p.replace(/[^A-Za-z0-9_]/g, '_') || 'root';
    id = RESERVED.has(base) || /^[0-9]/.test(base) ? `s_${base}` : base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    ids.set(n, id);
    return id;
  };
  const assign = (n: Node) => n.children.forEach((c) => (idOf(c), assign(c)));
  assign(root);

  const stateLabel = (n: Node) => escapeMermaidLabel(text(n.source.meta?.label, lang, n.key));
  const eventLabel = (t: Transition) => {
    const label = !t.event
      ? lang === 'vi'
        ? '(tự động)'
        : '(auto)'
      : t.event === 'done'
        ? lang === 'vi'
          ? '(hoàn thành)'
          : '(done)'
        : text(own(def.events, t.event) ? def.events[t.event].label : undefined, lang, t.event);
    return escapeMermaidLabel(label) + (t.guard ? ` [${escapeMermaidLabel(guardSummary(t.guard))}]` : '');
  };

  const lines = ['stateDiagram-v2'];
  const deferred: string[] = [];
  const edges = (t: Transition, from: string) => (t.targets.length ? t.targets.map(idOf) : [from]).map((to) => `${from} --> ${to} : ${eventLabel(t)}`);
  const declare = (n: Node, indent: string) => {
    const head = `${indent}state "${stateLabel(n)}" as ${idOf(n)}`;
    if (n.children.length) {
      lines.push(`${head} {`);
      block(n, indent + '  ');
      lines.push(`${indent}}`);
    } else lines.push(head);
  };
  const block = (n: Node, indent: string) => {
    if (n.source.type === 'parallel') {
      n.children.forEach((c, i) => {
        if (i) lines.push(`${indent}--`);
        declare(c, indent);
      });
    } else {
      const initial = n.source.initial ? child(n, n.source.initial) : undefined;
      if (initial) lines.push(`${indent}[*] --> ${idOf(initial)}`);
      for (const c of n.children) declare(c, indent);
    }
    for (const c of n.children) {
      for (const t of transitionsOf(c)) {
        const local = t.targets.every((to) => to.parent === c.parent);
        for (const line of edges(t, idOf(c))) {
          if (local) lines.push(`${indent}${line}`);
          else deferred.push(line);
        }
      }
      if (c.source.type === 'final') lines.push(`${indent}${idOf(c)} --> [*]`);
    }
  };
  block(root, '  ');
  const rootTransitions = transitionsOf(root);
  if (rootTransitions.length) {
    let any = 'root_any';
    for (let i = 2; used.has(any); i++) any = `root_any_${i}`;
    lines.push(`  state "${escapeMermaidLabel(lang === 'vi' ? '(mọi trạng thái)' : '(any state)')}" as ${any}`);
    for (const t of rootTransitions) deferred.push(...edges(t, any));
  }
  for (const line of deferred) lines.push(`  ${line}`);
  return lines.join('\n') + '\n';
}
