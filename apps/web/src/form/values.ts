// The values a generated form starts with and sends: defaults and constants filled in, empty
// answers dropped.
import type { JsonSchema } from '../api/types.ts';
import { isEmpty, itemSchema, kindOf } from './schema.ts';

type Obj = Record<string, unknown>;

/** Defaults and constants filled in, nested objects present so their fields can be edited. */
export function initialValue(schema: JsonSchema | undefined): Obj {
  const build = (s: JsonSchema): unknown => {
    if (s.default !== undefined) return structuredClone(s.default);
    if ('const' in s) return s.const;
    if (kindOf(s) === 'object') {
      const out: Obj = {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        const v = build(sub);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    return undefined;
  };
  const v = schema ? build(schema) : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

/** Drops empty strings, undefined and empty optional objects before sending. */
export function prune(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v, schema ? itemSchema(schema) : undefined));
  if (value && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value as Obj)) {
      const sub = schema?.properties?.[k];
      const p = prune(v, sub);
      if (isEmpty(p)) continue;
      const required = schema?.required?.includes(k);
      if (!required && p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}
