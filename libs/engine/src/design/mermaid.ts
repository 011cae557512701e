/**
 * A Mermaid `stateDiagram-v2` of a compiled workflow, drawn for people to read: each guard as its
 * `description` or as a sentence made from its params (`soNguoi > 200`, `có vai trò chu-tich`), a
 * transition's `description` after its event, each state's deadlines (limit, event, reminders,
 * escalation) in a note, and, on request, compound states collapsed into one node.
 *
 * Labels come from definitions written by administrators, so every label is escaped with Mermaid
 * entity codes: no label can close a string, start a new statement or inject markup/links.
 */
import { feelText, isExpression } from '../expressions.js';
import type { CompiledWorkflow, DeadlineRule, DurationDefinition, GuardRef, Label, StateNodeDefinition, TransitionConfig, TransitionObject } from '../types.js';
import { nodePath } from './trace.js';
import type { NodeLike, TransitionLike } from './machine-shape.js';

export type DiagramLang = 'vi' | 'en';

export interface MermaidOptions {
  /** Leaf state paths to highlight (e.g. activeStatePaths(state.value)). */
  active?: string[];
  lang?: DiagramLang;
  /**
   * Compound or parallel states drawn as one node, their children hidden: dotted state paths
   * (`xuLy.thamDinh`) or state keys (every state with that key). Transitions into or out of a
   * hidden state attach to the collapsed node; those between its own children are not drawn.
   */
  collapse?: string[];
  /** States nested deeper than this are folded into their ancestor at this depth (1: top-level states only). */
  depth?: number;
  /**
   * `all` (the default, for admins): every guard, its description or a phrase made from its params.
   * `described` (for people following a case): only guards that carry a description; roles and data
   * conditions written for the machine are left out.
   */
  guards?: 'all' | 'described';
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
 * and symbols (typographic quotes, dashes, `≥ ≤ ≠ → · … ⏱`) stay; everything else (quotes, `:`,
 * `;`, `#`, `<`, `>`, brackets, braces, `%`, backticks …) becomes a `#<code>;` entity; line breaks
 * and other control characters become spaces.
 */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const ch of text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()) {
    out += /[\p{L}\p{M}\p{N} .,\-_()/+*'!?@=“”‘’—–…≥≤≠→·⏱]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

export function toMermaid(wf: CompiledWorkflow, opts: MermaidOptions = {}): string {
  const lang = opts.lang ?? 'vi';
  const w = WORDS[lang];
  const root = wf.machine.root as unknown as NodeLike;
  const ids = new Map<string, string>();
  const nodes = new Map<string, NodeLike>();
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
  // Assign ids in document order so that collisions are resolved deterministically (and the same
  // whatever is collapsed).
  const assign = (n: NodeLike) => {
    for (const c of Object.values(n.states ?? {})) {
      idOf(c);
      nodes.set(nodePath(c), c);
      assign(c);
    }
  };
  assign(root);

  // Collapsed states, and the node each state is drawn as (itself, or its outermost collapsed ancestor).
  const wanted = new Set(opts.collapse ?? []);
  const depth = opts.depth !== undefined && opts.depth >= 1 ? Math.floor(opts.depth) : undefined;
  const hasChildren = (n: NodeLike) => Object.keys(n.states ?? {}).length > 0;
  const collapsed = (n: NodeLike) => hasChildren(n) && (wanted.has(nodePath(n)) || wanted.has(n.key) || (depth !== undefined && n.path.length >= depth));
  const shownAs = (n: NodeLike): NodeLike => {
    for (let i = 1; i < n.path.length; i++) {
      const a = nodes.get(n.path.slice(0, i).join('.'));
      if (a && collapsed(a)) return a;
    }
    return n;
  };

  const definitionOf = (n: NodeLike): StateNodeDefinition | undefined => {
    let d: StateNodeDefinition | undefined = wf.definition.machine;
    for (const k of n.path) d = d?.states?.[k];
    return d;
  };
  /** The transition as written in the definition (for its guard's and its own description). */
  const written = (t: TransitionLike): TransitionObject | undefined => {
    const def = definitionOf(t.source);
    if (!def) return undefined;
    if (!t.eventType) return asList(def.always)[(t.source.always ?? []).indexOf(t)];
    const list = t.eventType.startsWith('xstate.done.state.') ? def.onDone : def.on?.[t.eventType];
    return asList(list)[(t.source.transitions.get(t.eventType) ?? []).indexOf(t)];
  };

  const stateLabel = (n: NodeLike) => {
    const text = escapeMermaidLabel(wf.states.get(nodePath(n))?.label?.[lang] ?? n.key);
    return collapsed(n) ? `${text} (…)` : text;
  };
  const eventName = (type: string) => wf.definition.events[type]?.label?.[lang] ?? type;
  const eventLabel = (t: TransitionLike): string => {
    let text: string;
    if (!t.eventType) text = w.auto;
    else if (t.eventType.startsWith('xstate.done.state.')) text = w.done;
    else text = eventName(t.eventType);
    let label = escapeMermaidLabel(text);
    const source = written(t);
    const guard = (source?.guard ?? t.guard) as GuardRef | undefined;
    if (guard && (opts.guards !== 'described' || guard.description?.[lang])) label += ` [${escapeMermaidLabel(guardText(guard, lang, eventName))}]`;
    if (typeof source?.description === 'string' && source.description.trim()) label += ` — ${escapeMermaidLabel(source.description)}`;
    return label;
  };

  const lines: string[] = ['stateDiagram-v2'];
  const deferred: string[] = [];
  const drawn = new Set<string>();
  let anyState: string | undefined;
  /** Edges of `t` drawn from `from` (a visible node's id): those inside a collapsed node are left out. */
  const edges = (t: TransitionLike, from: string, hidden: boolean): Array<{ line: string; to: NodeLike | undefined }> => {
    // A targetless (internal) transition is drawn as a loop on its source.
    const targets: Array<NodeLike | undefined> = t.target?.length ? t.target.map(shownAs) : [undefined];
    const out: Array<{ line: string; to: NodeLike | undefined }> = [];
    for (const to of targets) {
      const toId = to ? idOf(to) : from;
      if (hidden && toId === from) continue;
      const line = `${from} --> ${toId} : ${eventLabel(t)}`;
      if (drawn.has(line)) continue;
      drawn.add(line);
      out.push({ line, to });
    }
    return out;
  };
  const ownTransitions = (n: NodeLike): TransitionLike[] => [...[...n.transitions.values()].flat(), ...(n.always ?? [])];
  /** A node's transitions and, when it is collapsed, those of every state inside it. */
  const transitionsOf = (n: NodeLike): Array<{ t: TransitionLike; hidden: boolean }> => {
    const out = ownTransitions(n).map((t) => ({ t, hidden: false }));
    if (collapsed(n)) {
      const walk = (c: NodeLike) => {
        for (const t of ownTransitions(c)) out.push({ t, hidden: true });
        Object.values(c.states ?? {}).forEach(walk);
      };
      Object.values(n.states ?? {}).forEach(walk);
    }
    return out;
  };
  const siblings = (a: NodeLike, b: NodeLike) => a.path.length === b.path.length && a.path.slice(0, -1).join('.') === b.path.slice(0, -1).join('.');

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
      for (const { t, hidden } of transitionsOf(c)) {
        for (const { line, to } of edges(t, idOf(c), hidden)) {
          if (!to || siblings(to, c)) lines.push(`${indent}${line}`);
          else deferred.push(line);
        }
      }
      if (c.type === 'final') lines.push(`${indent}${idOf(c)} --> [*]`);
    }
  };
  const declare = (n: NodeLike, indent: string) => {
    const head = `${indent}state "${stateLabel(n)}" as ${idOf(n)}`;
    if (hasChildren(n) && !collapsed(n)) {
      lines.push(`${head} {`);
      block(n, indent + '  ');
      lines.push(`${indent}}`);
    } else {
      lines.push(head);
    }
    lines.push(...note(idOf(n), wf.states.get(nodePath(n))?.deadlines ?? [], indent));
  };
  const note = (id: string, deadlines: readonly DeadlineRule[], indent: string): string[] => {
    const texts = deadlines.map((d) => escapeMermaidLabel(deadlineText(d, lang, eventName)));
    if (!texts.length) return [];
    if (texts.length === 1) return [`${indent}note right of ${id} : ${texts[0]}`];
    // One note per state (Mermaid keeps the last): a deadline a line. Each line starts with ⏱, never `end note`.
    return [`${indent}note right of ${id}`, ...texts.map((x) => `${indent}  ${x}`), `${indent}end note`];
  };

  block(root, '  ');
  const rootTransitions = ownTransitions(root);
  const rootDeadlines = wf.states.get('')?.deadlines ?? [];
  if (rootTransitions.length || rootDeadlines.length) {
    anyState = 'root_any';
    for (let i = 2; used.has(anyState); i++) anyState = `root_any_${i}`;
    lines.push(`  state "${escapeMermaidLabel(w.anyState)}" as ${anyState}`);
    lines.push(...note(anyState, rootDeadlines, '  '));
    for (const t of rootTransitions) for (const { line } of edges(t, anyState, false)) deferred.push(line);
  }
  for (const line of deferred) lines.push(`  ${line}`);

  const active = [...new Set((opts.active ?? []).filter((p) => nodes.has(p)).map((p) => ids.get(nodePath(shownAs(nodes.get(p)!)))!))];
  if (active.length) {
    lines.push('  classDef active fill:#fde68a,stroke:#b45309,stroke-width:2px');
    for (const id of active) lines.push(`  class ${id} active`);
  }
  return lines.join('\n') + '\n';
}

function asList(t: TransitionConfig | undefined): TransitionObject[] {
  if (t === undefined) return [];
  if (typeof t === 'string') return [{ target: t }];
  return Array.isArray(t) ? t : [t];
}

// ---------------------------------------------------------------------------------------------
// Words

const PRIORITY: Record<DiagramLang, Record<string, string>> = {
  vi: { low: 'thấp', normal: 'thường', high: 'cao', urgent: 'khẩn' },
  en: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
};

const UNITS: Record<DiagramLang, Record<string, [string, string]>> = {
  vi: { Y: ['năm', 'năm'], M: ['tháng', 'tháng'], W: ['tuần', 'tuần'], D: ['ngày', 'ngày'], H: ['giờ', 'giờ'], m: ['phút', 'phút'], S: ['giây', 'giây'] },
  en: {
    Y: ['year', 'years'],
    M: ['month', 'months'],
    W: ['week', 'weeks'],
    D: ['day', 'days'],
    H: ['hour', 'hours'],
    m: ['minute', 'minutes'],
    S: ['second', 'seconds'],
  },
};

const WORDS = {
  vi: {
    auto: '(tự động)',
    done: '(hoàn thành)',
    anyState: '(mọi trạng thái)',
    and: 'và',
    or: 'hoặc',
    not: 'không phải',
    yes: 'đúng',
    no: 'sai',
    empty: 'trống',
    hasRole: (r: string) => `có vai trò ${r}`,
    lacksRole: (r: string) => `không có vai trò ${r}`,
    inUnit: (u: string) => `thuộc đơn vị ${u}`,
    notInUnit: (u: string) => `không thuộc đơn vị ${u}`,
    exists: (p: string) => `đã có ${p}`,
    missing: (p: string) => `chưa có ${p}`,
    notWhoDid: (steps: string) => `không phải người đã ${steps}`,
    started: 'tạo hồ sơ',
    notWhoIsIn: (p: string) => `không phải người ở ${p}`,
    childrenDone: (g: string) => `các hồ sơ con ${g} đã xong`,
    isOneOf: (l: string, values: string) => `${l} là ${values}`,
    isNoneOf: (l: string, values: string) => `${l} khác ${values}`,
    contains: 'chứa',
    workingDays: (n: number) => `${n} ngày làm việc`,
    endOfDay: 'trong ngày',
    daysUnit: 'số ngày',
    workingDaysUnit: 'số ngày làm việc',
    computed: (unit: string, e: string) => `${unit} theo ${e}`.trim(),
    when: (e: string) => `khi ${e}`,
    from: (span: string, p: string) => `${span} kể từ ${p}`,
    before: (span: string, p: string) => `${span} trước ${p}`,
    remind: (spans: string) => `nhắc trước ${spans}`,
    priority: (p: string) => `ưu tiên ${p}`,
    escalateTo: (roles: string) => `chuyển lên ${roles}`,
    notify: (who: string) => (who ? `báo ${who}` : 'gửi thông báo'),
  },
  en: {
    auto: '(auto)',
    done: '(done)',
    anyState: '(any state)',
    and: 'and',
    or: 'or',
    not: 'not',
    yes: 'true',
    no: 'false',
    empty: 'empty',
    hasRole: (r: string) => `has role ${r}`,
    lacksRole: (r: string) => `lacks role ${r}`,
    inUnit: (u: string) => `in unit ${u}`,
    notInUnit: (u: string) => `not in unit ${u}`,
    exists: (p: string) => `${p} given`,
    missing: (p: string) => `no ${p}`,
    notWhoDid: (steps: string) => `not who did ${steps}`,
    started: 'start the case',
    notWhoIsIn: (p: string) => `not the one in ${p}`,
    childrenDone: (g: string) => `children ${g} all done`,
    isOneOf: (l: string, values: string) => `${l} is ${values}`,
    isNoneOf: (l: string, values: string) => `${l} is none of ${values}`,
    contains: 'contains',
    workingDays: (n: number) => `${n} working day${n === 1 ? '' : 's'}`,
    endOfDay: 'by the end of the day',
    daysUnit: 'days',
    workingDaysUnit: 'working days',
    computed: (unit: string, e: string) => `${unit} as ${e}`.trim(),
    when: (e: string) => `when ${e}`,
    from: (span: string, p: string) => `${span} from ${p}`,
    before: (span: string, p: string) => `${span} before ${p}`,
    remind: (spans: string) => `reminder ${spans} before`,
    priority: (p: string) => `priority ${p}`,
    escalateTo: (roles: string) => `escalated to ${roles}`,
    notify: (who: string) => (who ? `notify ${who}` : 'notification'),
  },
};

const OPS: Record<string, string> = { '==': '=', '!=': '≠', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** A read path as people know it: `payload.soNguoi` and `context.soNguoi` are `soNguoi`. */
function pathText(path: unknown): string {
  return String(path).replace(/^(payload|context)\./, '');
}

function valueText(v: unknown, lang: DiagramLang): string {
  const w = WORDS[lang];
  if (v === null || v === undefined) return w.empty;
  if (typeof v === 'string') return `“${v.length > 60 ? `${v.slice(0, 59)}…` : v}”`;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'number') return String(v);
  const json = JSON.stringify(v);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
}

function operandText(op: unknown, lang: DiagramLang): string {
  if (op && typeof op === 'object' && 'path' in op) return pathText((op as { path: unknown }).path);
  if (op && typeof op === 'object' && 'value' in op) return valueText((op as { value: unknown }).value, lang);
  return '?';
}

/** `“a”, “b” hoặc “c”` for a literal list; the operand's text otherwise. */
function choicesText(op: unknown, lang: DiagramLang): string {
  const value = op && typeof op === 'object' && 'value' in op ? (op as { value: unknown }).value : undefined;
  if (!Array.isArray(value) || !value.length) return operandText(op, lang);
  const items = value.map((v) => valueText(v, lang));
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} ${WORDS[lang].or} ${items[items.length - 1]}`;
}

const composite = (g: GuardRef) => !g.description && (g.type === 'all' || g.type === 'any') && ((g.params?.guards as unknown[] | undefined)?.length ?? 0) > 1;

/**
 * A guard as a phrase in `lang`: its `description` when it has one, else made from its params
 * (`ketQua = “thiếu”`, `soNguoi > 200`, `có vai trò chu-tich`, `A và B`, `không phải (…)`).
 */
export function guardText(g: GuardRef, lang: DiagramLang = 'vi', eventName: (type: string) => string = (t) => t): string {
  const w = WORDS[lang];
  const described = (g as { description?: Partial<Label> }).description?.[lang];
  if (typeof described === 'string' && described.trim()) return described.trim();
  const p = g.params ?? {};
  const inner = (x: GuardRef) => {
    const text = guardText(x, lang, eventName);
    return composite(x) ? `(${text})` : text;
  };
  switch (g.type) {
    case 'hasRole':
      return w.hasRole(String(p.role));
    case 'inUnit':
      return w.inUnit(String(p.unit));
    case 'exists':
      return w.exists(pathText(p.path));
    case 'compare': {
      const left = operandText(p.left, lang);
      switch (p.op) {
        case 'in':
          return w.isOneOf(left, choicesText(p.right, lang));
        case 'notIn':
          return w.isNoneOf(left, choicesText(p.right, lang));
        case 'contains':
          return `${left} ${w.contains} ${operandText(p.right, lang)}`;
        default:
          return `${left} ${OPS[String(p.op)] ?? String(p.op)} ${operandText(p.right, lang)}`;
      }
    }
    case 'notSameActor': {
      const parts: string[] = [];
      const steps = Array.isArray(p.steps) ? (p.steps as string[]) : [];
      if (steps.length) parts.push(w.notWhoDid(steps.map((s) => (s === '@start' ? w.started : eventName(s))).join(` ${w.or} `)));
      if (p.path !== undefined) parts.push(w.notWhoIsIn(pathText(p.path)));
      return parts.join(', ') || g.type;
    }
    case 'all':
    case 'any':
      if (!Array.isArray(p.guards)) return g.type;
      return (p.guards as GuardRef[]).map(inner).join(` ${g.type === 'all' ? w.and : w.or} `);
    case 'not': {
      const x = p.guard as GuardRef | undefined;
      if (!x) return g.type;
      if (!x.description && x.type === 'hasRole') return w.lacksRole(String(x.params?.role));
      if (!x.description && x.type === 'inUnit') return w.notInUnit(String(x.params?.unit));
      if (!x.description && x.type === 'exists') return w.missing(pathText(x.params?.path));
      const text = guardText(x, lang, eventName);
      return `${w.not} ${x.description || x.type === 'notSameActor' ? text : `(${text})`}`;
    }
    case 'childrenDone':
      return w.childrenDone(String(p.group));
    case 'expression':
      return feelText(String(p.expression));
    default:
      return String(g.type ?? 'guard');
  }
}

/** `10 ngày làm việc`, `3 days`, `PT4H` as `4 giờ` / `4 hours`. */
export function durationText(d: DurationDefinition, lang: DiagramLang = 'vi'): string {
  const units = UNITS[lang];
  const w = WORDS[lang];
  const amount = (n: number, unit: string) => `${n} ${units[unit][n === 1 ? 0 : 1]}`;
  // A length the case decides is shown as its expression: the reader sees what it depends on.
  if ('workingDays' in d) return isExpression(d.workingDays) ? w.computed(w.workingDaysUnit, feelText(d.workingDays)) : w.workingDays(d.workingDays);
  if ('days' in d) return isExpression(d.days) ? w.computed(w.daysUnit, feelText(d.days)) : d.days === 0 ? w.endOfDay : amount(d.days, 'D');
  if (isExpression(d.duration)) return w.computed('', feelText(d.duration));
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(d.duration);
  if (!m) return d.duration;
  const parts = (['Y', 'M', 'W', 'D', 'H', 'm', 'S'] as const).flatMap((unit, i) => (m[i + 1] && Number(m[i + 1]) ? [amount(Number(m[i + 1]), unit)] : []));
  return parts.join(' ') || d.duration;
}

/** `⏱ Hạn thẩm định — 10 ngày làm việc → Quá hạn · nhắc trước 2 ngày làm việc · chuyển lên chu-tich`. */
export function deadlineText(d: DeadlineRule, lang: DiagramLang = 'vi', eventName: (type: string) => string = (t) => t): string {
  const w = WORDS[lang];
  const from = typeof d.from === 'object' ? pathText(d.from.context) : undefined;
  let span = d.before ? durationText(d.before, lang) : d.after ? durationText(d.after, lang) : '';
  if (from) span = d.before ? w.before(span, from) : w.from(span, from);
  const label = d.label?.[lang];
  let head = `⏱ ${label ? `${label} — ${span}` : span}`;
  if (d.event) head += ` → ${eventName(d.event)}`;
  const parts = [head];
  if (d.when) parts.push(w.when(feelText(d.when)));
  if (d.reminders?.length) parts.push(w.remind(d.reminders.map((r) => durationText(r.before, lang)).join(', ')));
  const e = d.escalate;
  if (e?.priority) parts.push(w.priority(PRIORITY[lang][e.priority] ?? e.priority));
  if (e?.addRoles?.length) parts.push(w.escalateTo(e.addRoles.join(', ')));
  if (e?.notify) parts.push(w.notify([...(e.notify.roles ?? []), ...(e.notify.users ?? [])].map((u) => (isExpression(u) ? feelText(u) : u)).join(', ')));
  return parts.join(' · ');
}
