/**
 * Deterministic sample data for simulations: payloads from JSON Schemas, and the all-powerful
 * simulation actor. No randomness: the same definition always yields the same samples.
 */
import { isPlainObject } from '../json.js';
import type { Actor, CompiledWorkflow, JsonSchema } from '../types.js';

/** Default start instant of simulations (a Monday, 09:00 in Vietnam). */
export const SIM_START_AT = '2026-01-05T02:00:00.000Z';

/** Adds `hours` to an ISO instant. */
export function addHours(at: string, hours: number): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? at : new Date(t + hours * 3_600_000).toISOString();
}

const MAX_VARIANTS = 12;

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
