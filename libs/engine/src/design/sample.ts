/**
 * Deterministic sample data for simulations: payloads from JSON Schemas, and the all-powerful
 * simulation actor. No randomness: the same definition always yields the same samples.
 */
import { deepEqual, isPlainObject, jsonClone } from '../json.js';
import type { Actor, CompiledWorkflow, JsonSchema } from '../types.js';
import type { FieldWant, Hint, Want } from './guards.js';

/** Default start instant of simulations (a Monday, 09:00 in Vietnam). */
export const SIM_START_AT = '2026-01-05T02:00:00.000Z';

/** Adds `hours` to an ISO instant. */
export function addHours(at: string, hours: number): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : new Date(t + hours * 3_600_000).toISOString();
}

const MAX_VARIANTS = 12;

/**
 * A string matching a simple regular expression (literals, escapes, classes, groups with `|`,
 * quantifiers), at least `minLength` long when a repetition allows it; undefined when the pattern
 * is beyond this (the sample then does not match, and the coverage report says so).
 */
export function fromPattern(pattern: string, minLength = 0): string | undefined {
  let i = 0;
  const CLASS: Record<string, string> = { d: '1', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };
  // Returns alternatives' first branch as a list of [text unit, min, max] pieces.
  type Piece = { text: string; min: number; max: number };
  const seq = (): Piece[] | undefined => {
    const pieces: Piece[] = [];
    while (i < pattern.length) {
      const c = pattern[i];
      let text: string | undefined;
      if (c === '^' || c === '$') {
        i++;
        continue;
      } else if (c === '|') {
        // Skip the other branches of this level.
        let depth = 0;
        while (i < pattern.length && !(depth === 0 && pattern[i] === ')')) {
          if (pattern[i] === '\\') i++;
          else if (pattern[i] === '(') depth++;
          else if (pattern[i] === ')') depth--;
          i++;
        }
        return pieces;
      } else if (c === ')') {
        return pieces;
      } else if (c === '(') {
        i++;
        if (pattern.startsWith('?:', i)) i += 2;
        const inner = seq();
        if (!inner || pattern[i] !== ')') return undefined;
        i++;
        text = inner.map((p) => p.text.repeat(p.min)).join('');
      } else if (c === '[') {
        const end = pattern.indexOf(']', i + 1);
        if (end < 0) return undefined;
        const body = pattern.slice(i + 1, end);
        if (body.startsWith('^')) return undefined;
        text = body[0] === '\\' ? (CLASS[body[1]] ?? body[1]) : body[0];
        i = end + 1;
      } else if (c === '\\') {
        const e = pattern[i + 1];
        if (e === undefined) return undefined;
        text = CLASS[e] ?? e;
        i += 2;
      } else if (c === '.') {
        text = 'a';
        i++;
      } else if ('*+?{'.includes(c)) {
        return undefined;
      } else {
        text = c;
        i++;
      }
      let min = 1;
      let max = 1;
      const q = pattern[i];
      if (q === '*' || q === '+' || q === '?') {
        min = q === '+' ? 1 : 0;
        max = q === '?' ? 1 : Infinity;
        i++;
      } else if (q === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) return undefined;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
        i += m[0].length;
      }
      pieces.push({ text, min, max });
    }
    return pieces;
  };
  try {
    const pieces = seq();
    if (!pieces) return undefined;
    let out = pieces.map((p) => p.text.repeat(p.min)).join('');
    // Longer when the form asks for a minimum length: repeat the last piece that may repeat.
    const grow = [...pieces].reverse().find((p) => p.max > p.min && p.text.length);
    if (out.length < minLength && grow) {
      const extra = Math.min(grow.max - grow.min, Math.ceil((minLength - out.length) / grow.text.length));
      const k = pieces.lastIndexOf(grow);
      out = pieces.map((p, j) => p.text.repeat(p.min + (j === k ? extra : 0))).join('');
    }
    return new RegExp(pattern, 'u').test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Sample values of one schema: several for an enum (each value), one otherwise. */
export function sampleValues(schema: JsonSchema | undefined, at: string = SIM_START_AT): unknown[] {
  if (!isPlainObject(schema)) return [{}];
  const s = schema as Record<string, any>;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.slice(0, MAX_VARIANTS);
  if ('const' in s) return [s.const];
  if (s.default !== undefined) return [s.default];
  for (const k of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (Array.isArray(s[k]) && s[k].length) return sampleValues(s[k][0], at);
  }
  const type = Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? s.type[0]) : s.type;
  switch (type ?? (s.properties ? 'object' : undefined)) {
    case 'string': {
      switch (s.format) {
        case 'date-time':
          return [at];
        case 'date':
          return [at.slice(0, 10)];
        case 'time':
          return [at.slice(11, 19)];
        case 'email':
          return ['mau@example.com'];
        case 'uri':
        case 'url':
          return ['https://example.com/mau'];
        case 'uuid':
        case 'phoihop-file':
          return ['00000000-0000-4000-8000-000000000000'];
      }
      if (typeof s.pattern === 'string') {
        const fitting = fromPattern(s.pattern, typeof s.minLength === 'number' ? s.minLength : 0);
        if (fitting !== undefined) return [fitting];
      }
      let v = 'mẫu';
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      while (v.length < min) v += ' mẫu';
      v = v.slice(0, Math.max(min, 3));
      if (typeof s.maxLength === 'number') v = v.slice(0, s.maxLength);
      return [v];
    }
    case 'integer':
    case 'number': {
      if (typeof s.minimum === 'number') return [type === 'integer' ? Math.ceil(s.minimum) : s.minimum];
      if (typeof s.exclusiveMinimum === 'number') return [Math.floor(s.exclusiveMinimum) + 1];
      if (typeof s.maximum === 'number' && s.maximum < 0) return [type === 'integer' ? Math.floor(s.maximum) : s.maximum];
      return [0];
    }
    case 'boolean':
      return [true];
    case 'null':
      return [null];
    case 'array': {
      const n = typeof s.minItems === 'number' ? s.minItems : 0;
      const item = sampleValues(s.items as JsonSchema, at)[0];
      return [Array.from({ length: n }, () => item)];
    }
    case 'object':
      return samplePayloads(s, at);
    default:
      return [{}];
  }
}

/**
 * Payload variants for an object schema: required properties only; the product of their
 * candidate values (enum values each), at most 12 variants.
 */
export function samplePayloads(schema: JsonSchema | undefined, at: string = SIM_START_AT): Record<string, unknown>[] {
  if (!isPlainObject(schema)) return [{}];
  const s = schema as Record<string, any>;
  const props = (isPlainObject(s.properties) ? s.properties : {}) as Record<string, JsonSchema>;
  const required: string[] = Array.isArray(s.required) ? s.required : [];
  let variants: Record<string, unknown>[] = [{}];
  for (const key of required) {
    const values = sampleValues(props[key], at);
    const next: Record<string, unknown>[] = [];
    for (const v of variants) for (const value of values) if (next.length < MAX_VARIANTS) next.push({ ...v, [key]: value });
    variants = next;
  }
  return variants;
}

/** One sampled payload (or start input) and why it is there. */
export interface SampleVariant {
  payload: Record<string, unknown>;
  /** `base`: required fields with each enum value; `optional`: every optional field present; `guard`: aimed at a guard. */
  origin: 'base' | 'optional' | 'guard';
  /** The guards' sides it aims at: the transition, the side (true or false), the guard as read. */
  aims: Array<{ transition: string; side: boolean; guard: string }>;
}

/** Most variants per form. */
const MAX_SAMPLE_VARIANTS = 40;
/** Most values tried for one wanted condition (e.g. each value of an `in` list). */
const MAX_VALUES_PER_WANT = 4;

const ABSENT = Symbol('absent');

/** The schema of `field` below an object schema (properties, then items for a numeric segment). */
export function schemaAt(schema: JsonSchema | undefined, field: readonly string[]): JsonSchema | undefined {
  let cur: unknown = schema;
  for (const seg of field) {
    if (!isPlainObject(cur)) return undefined;
    const s = cur as Record<string, unknown>;
    if (/^\d+$/.test(seg) && isPlainObject(s.items)) cur = s.items;
    else cur = isPlainObject(s.properties) ? (s.properties as Record<string, unknown>)[seg] : undefined;
  }
  return cur as JsonSchema | undefined;
}

const typeOf = (s: JsonSchema | undefined): string | undefined => {
  if (!isPlainObject(s)) return undefined;
  const t = (s as Record<string, unknown>).type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  return typeof t === 'string' ? t : undefined;
};

/**
 * Values of a field that meet a wanted condition, the ones the field's schema allows first (an
 * enum's values, an integer for an integer, within minimum and maximum when possible). A value
 * the schema refuses may come last: the form then cannot make the guard come out that way, which
 * the coverage report says.
 */
export function valuesFor(want: Want, schema: JsonSchema | undefined, at: string = SIM_START_AT): Array<unknown | typeof ABSENT> {
  const s = (isPlainObject(schema) ? schema : {}) as Record<string, any>;
  const enumValues: unknown[] | undefined = Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : undefined;
  const type = typeOf(schema);
  const integer = type === 'integer';
  const pick = (pred: (v: unknown) => boolean, fallback: unknown[]): unknown[] => {
    const fromEnum = enumValues?.filter(pred) ?? [];
    return (fromEnum.length ? fromEnum : fallback).slice(0, MAX_VALUES_PER_WANT);
  };
  const num = (v: unknown) => typeof v === 'number';
  const str = (v: unknown) => typeof v === 'string';
  switch (want.op) {
    case 'present':
      return [sampleValues(schema, at)[0] ?? 'mẫu'];
    case 'absent':
      return [ABSENT];
    case 'eq':
      return [want.value];
    case 'ne': {
      const v = want.value;
      if (v === null || v === undefined) return [sampleValues(schema, at)[0] ?? 'mẫu'];
      const other =
        typeof v === 'boolean'
          ? !v
          : num(v)
            ? (v as number) + 1
            : str(v)
              ? (sampleValues(schema, at).find((x) => !deepEqual(x, v)) ?? `${v as string} khác`)
              : null;
      return pick((x) => !deepEqual(x, v), [other]);
    }
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le': {
      const v = want.value;
      const holds = (x: unknown) =>
        (num(x) && num(v)) || (str(x) && str(v))
          ? want.op === 'gt'
            ? (x as number) > (v as number)
            : want.op === 'ge'
              ? (x as number) >= (v as number)
              : want.op === 'lt'
                ? (x as number) < (v as number)
                : (x as number) <= (v as number)
          : false;
      let fallback: unknown[];
      if (num(v)) {
        const n = v as number;
        const step = integer || Number.isInteger(n) ? 1 : Math.max(Math.abs(n) / 100, 0.01);
        const base = integer ? (want.op === 'gt' || want.op === 'le' ? Math.floor(n) : Math.ceil(n)) : n;
        fallback = [want.op === 'gt' ? base + step : want.op === 'lt' ? base - step : base];
        // Far from the limit too, within the schema's bounds: a large number, a small one.
        const max = typeof s.maximum === 'number' ? s.maximum : undefined;
        const min = typeof s.minimum === 'number' ? s.minimum : undefined;
        if ((want.op === 'gt' || want.op === 'ge') && max !== undefined && holds(max)) fallback.push(max);
        if ((want.op === 'lt' || want.op === 'le') && min !== undefined && holds(min)) fallback.push(min);
      } else if (str(v)) {
        const t = v as string;
        fallback = [want.op === 'gt' ? `${t}z` : want.op === 'lt' ? (t.length ? t.slice(0, -1) : '') : t];
      } else {
        return [];
      }
      return pick(holds, fallback.filter(holds));
    }
    case 'in':
      return pick((x) => want.values.some((y) => deepEqual(x, y)), want.values);
    case 'notIn': {
      const fallback = want.values.every(num)
        ? [Math.max(...(want.values as number[])) + 1]
        : want.values.every((x) => typeof x === 'boolean')
          ? [true, false].filter((b) => !want.values.includes(b))
          : ['khác'];
      return pick((x) => !want.values.some((y) => deepEqual(x, y)), fallback);
    }
    case 'contains':
      return type === 'array' || (type === undefined && !str(want.value)) ? [[want.value]] : [str(want.value) ? want.value : String(want.value)];
    case 'notContains':
      return type === 'array' || (type === undefined && !str(want.value)) ? [[]] : [''];
  }
}

/** `obj` with `value` at `field`, intermediate objects sampled from their schema (copy). */
function withField(
  obj: Record<string, unknown>,
  field: readonly string[],
  value: unknown,
  schema: JsonSchema | undefined,
  at: string,
): Record<string, unknown> {
  const root = jsonClone(obj);
  let cur: Record<string, unknown> = root;
  for (let i = 0; i < field.length - 1; i++) {
    const seg = field[i];
    if (!isPlainObject(cur[seg])) {
      if (value === ABSENT) return root;
      const sub = schemaAt(schema, field.slice(0, i + 1));
      cur[seg] = typeOf(sub) === 'object' || isPlainObject((sub as Record<string, unknown> | undefined)?.properties) ? { ...samplePayloads(sub, at)[0] } : {};
    }
    cur = cur[seg] as Record<string, unknown>;
  }
  const leaf = field[field.length - 1];
  if (value === ABSENT) delete cur[leaf];
  else cur[leaf] = jsonClone(value);
  return root;
}

/** Each way of meeting all `fields` at once (the product of their values, bounded). */
function applyWants(base: Record<string, unknown>, fields: FieldWant[], schema: JsonSchema | undefined, at: string): Record<string, unknown>[] {
  let out: Record<string, unknown>[] = [base];
  for (const f of fields) {
    if (!f.field.length) continue;
    const values = valuesFor(f.want, schemaAt(schema, f.field), at);
    if (!values.length) return [];
    const next: Record<string, unknown>[] = [];
    for (const o of out) for (const v of values) if (next.length < MAX_VALUES_PER_WANT) next.push(withField(o, f.field, v, schema, at));
    out = next;
  }
  return out;
}

/** Whether a value meets the simple parts of an `if` schema (required, const, enum, type of its properties). */
function meets(value: Record<string, unknown>, cond: unknown): boolean {
  if (!isPlainObject(cond)) return cond !== false;
  const c = cond as Record<string, any>;
  if (Array.isArray(c.required) && !c.required.every((k: string) => k in value)) return false;
  for (const [k, sub] of Object.entries(isPlainObject(c.properties) ? (c.properties as Record<string, any>) : {})) {
    if (!(k in value) || !isPlainObject(sub)) continue;
    if ('const' in sub && !deepEqual(value[k], sub.const)) return false;
    if (Array.isArray(sub.enum) && !sub.enum.some((x: unknown) => deepEqual(x, value[k]))) return false;
  }
  return true;
}

/**
 * `payload` made to meet what the schema's conditions (`if`/`then`/`else`, also inside `allOf`)
 * ask of it: the fields they require, within the minimum and maximum they set. So that a payload
 * choosing a conclusion carries what that conclusion needs (a score of at least 90, an award).
 */
export function fitConditionals(payload: Record<string, unknown>, schema: JsonSchema | undefined, at: string = SIM_START_AT): Record<string, unknown> {
  if (!isPlainObject(schema)) return payload;
  const s = schema as Record<string, any>;
  const conds = [s, ...(Array.isArray(s.allOf) ? s.allOf : [])].filter((c) => isPlainObject(c) && 'if' in c);
  if (!conds.length) return payload;
  const props = (isPlainObject(s.properties) ? s.properties : {}) as Record<string, JsonSchema>;
  let out = payload;
  for (const c of conds) {
    const branch = meets(out, c.if) ? c.then : c.else;
    if (!isPlainObject(branch)) continue;
    const b = branch as Record<string, any>;
    const bProps = (isPlainObject(b.properties) ? b.properties : {}) as Record<string, Record<string, any>>;
    for (const k of Array.isArray(b.required) ? (b.required as string[]) : []) {
      if (!(k in out)) out = withField(out, [k], sampleValues({ ...(props[k] as object), ...(bProps[k] ?? {}) }, at)[0], schema, at);
    }
    for (const [k, sub] of Object.entries(bProps)) {
      if (!(k in out) || !isPlainObject(sub)) continue;
      const v = out[k];
      if ('const' in sub) out = withField(out, [k], sub.const, schema, at);
      else if (Array.isArray(sub.enum) && !sub.enum.some((x: unknown) => deepEqual(x, v))) out = withField(out, [k], sub.enum[0], schema, at);
      else if (typeof v === 'number' && typeof sub.minimum === 'number' && v < sub.minimum) out = withField(out, [k], sub.minimum, schema, at);
      else if (typeof v === 'number' && typeof sub.maximum === 'number' && v > sub.maximum) out = withField(out, [k], sub.maximum, schema, at);
    }
  }
  return out;
}

/**
 * The payloads (or start inputs) the simulation tries for one form, each with its origin: first
 * samplePayloads() (required fields, each enum value), then every optional field present, then
 * for each hint the values that make a guard true or false (both sides of every comparison, each
 * value of an `in` list, a field present and absent for `exists`). Deterministic, unique, bounded.
 */
export function sampleVariants(schema: JsonSchema | undefined, hints: readonly Hint[] = [], at: string = SIM_START_AT): SampleVariant[] {
  const out: SampleVariant[] = [];
  const byKey = new Map<string, SampleVariant>();
  const push = (raw: Record<string, unknown>, origin: SampleVariant['origin'], hint?: Hint) => {
    const payload = fitConditionals(raw, schema, at);
    const key = JSON.stringify(payload);
    let v = byKey.get(key);
    if (!v) {
      if (out.length >= MAX_SAMPLE_VARIANTS) return;
      v = { payload, origin, aims: [] };
      byKey.set(key, v);
      out.push(v);
    }
    if (hint) v.aims.push({ transition: hint.transition, side: hint.side, guard: hint.guard });
  };
  const base = samplePayloads(schema, at);
  for (const p of base) push(p, 'base');
  const s = (isPlainObject(schema) ? schema : {}) as Record<string, any>;
  const props = (isPlainObject(s.properties) ? s.properties : {}) as Record<string, JsonSchema>;
  const required: string[] = Array.isArray(s.required) ? s.required : [];
  const optional = Object.keys(props).filter((k) => !required.includes(k));
  // Every optional field present, lists of one item, numbers of one at least (a count that is not zero).
  const lists = Object.keys(props).filter((k) => typeOf(props[k]) === 'array' && !(((props[k] as Record<string, unknown>).minItems as number) > 0));
  const numbers = Object.keys(props).filter((k) => {
    const p = props[k] as Record<string, unknown>;
    return (typeOf(p) === 'integer' || typeOf(p) === 'number') && !Array.isArray(p.enum) && !(typeof p.maximum === 'number' && p.maximum < 1);
  });
  if (optional.length || lists.length || numbers.length) {
    let all = { ...base[0] };
    for (const k of optional) all = withField(all, [k], sampleValues(props[k], at)[0], schema, at);
    for (const k of lists) all = withField(all, [k], [sampleValues((props[k] as Record<string, unknown>).items as JsonSchema, at)[0]], schema, at);
    for (const k of numbers) if (typeof all[k] === 'number' && (all[k] as number) < 1) all = withField(all, [k], 1, schema, at);
    push(all, 'optional');
  }
  for (const hint of hints) for (const p of applyWants(base[0] ?? {}, hint.fields, schema, at)) push(p, 'guard', hint);
  return out;
}

/** Every string found under `key` fields matching `pick` in a JSON tree (sorted, unique). */
function collect(root: unknown, pick: (obj: Record<string, unknown>) => unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isPlainObject(v)) {
      for (const x of pick(v)) if (typeof x === 'string') out.add(x);
      Object.values(v).forEach(walk);
    }
  };
  walk(root);
  return [...out].sort();
}

/**
 * The simulation actor: id `mo-phong`, every role the definition names (declared, in tasks,
 * guards, notifications, escalations) plus `admin`, and every unit named in tasks and guards.
 */
export function simulationActor(wf: CompiledWorkflow): { id: string; roles: string[]; units: string[] } {
  const def = wf.definition;
  const roles = new Set<string>(['admin', ...Object.keys(def.roles ?? {})]);
  for (const r of collect(def.machine, (o) => {
    const out: unknown[] = [];
    if (Array.isArray(o.roles)) out.push(...o.roles);
    if (Array.isArray(o.addRoles)) out.push(...o.addRoles);
    if (o.type === 'hasRole' && isPlainObject(o.params)) out.push(o.params.role);
    return out;
  }))
    roles.add(r);
  const units = collect(def.machine, (o) => {
    const out: unknown[] = [];
    if (Array.isArray(o.units)) out.push(...o.units);
    if (o.type === 'inUnit' && isPlainObject(o.params)) out.push(o.params.unit);
    return out;
  });
  return { id: 'mo-phong', roles: [...roles].sort(), units } satisfies Actor;
}
