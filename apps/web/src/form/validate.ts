// Client-side checks of a form value against its JSON Schema, for messages while typing: the
// usual keywords (required, type, enum/const, lengths, pattern, ranges, item counts, formats).
// The server checks everything again (Ajv) and its issues are mapped onto the same fields.
import type { Issue, JsonSchema } from '../api/types.ts';
import type { I18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { escapeToken } from '../json/pointer.ts';
import { choicesOf, isEmpty, itemSchema, typeOf } from './schema.ts';

export type FieldErrors = Record<string, string>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return !!v && typeof v === 'object' && !Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

export function validateValue(schema: JsonSchema, value: unknown, i18n: Pick<I18n, 't'>): FieldErrors {
  const errors: FieldErrors = {};
  const { t } = i18n;
  const put = (pointer: string, key: MessageKey, vars?: Record<string, string | number>) => {
    if (!(pointer in errors)) errors[pointer] = t(key, vars);
  };

  const walk = (s: JsonSchema, v: unknown, pointer: string) => {
    if (!s || typeof s !== 'object' || v === undefined) return;
    const choices = choicesOf(s);
    if (choices && !choices.some((c) => same(c.value, v))) return put(pointer, 'v.enum');
    if ('const' in s && !same(s.const, v)) return put(pointer, 'v.const', { value: JSON.stringify(s.const) });
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (types.length && !types.some((ty) => typeMatches(ty, v))) {
      const main = typeOf(s);
      if (main === 'integer' && typeof v === 'number') return put(pointer, 'v.integer');
      if (main === 'number' || main === 'integer') return put(pointer, 'v.number');
      return put(pointer, 'v.type', { type: types.join('/') });
    }
    if (typeof v === 'string') {
      const length = [...v].length;
      if (s.minLength !== undefined && length < s.minLength) return put(pointer, s.minLength === 1 ? 'v.required' : 'v.minLength', { n: s.minLength });
      if (s.maxLength !== undefined && length > s.maxLength) return put(pointer, 'v.maxLength', { n: s.maxLength });
      if (s.pattern) {
        try {
          if (!new RegExp(s.pattern, 'u').test(v)) return put(pointer, 'v.pattern');
        } catch {
          // a pattern this browser cannot compile: the server decides
        }
      }
      if (s.format === 'date' && !validDate(v)) return put(pointer, 'v.date');
      if (s.format === 'date-time' && (!DATE_TIME.test(v) || Number.isNaN(Date.parse(v)))) return put(pointer, 'v.dateTime');
      if (s.format === 'email' && !EMAIL.test(v)) return put(pointer, 'v.email');
    }
    if (typeof v === 'number') {
      if (s.minimum !== undefined && v < s.minimum) return put(pointer, 'v.minimum', { n: s.minimum });
      if (s.maximum !== undefined && v > s.maximum) return put(pointer, 'v.maximum', { n: s.maximum });
      if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return put(pointer, 'v.exclusiveMinimum', { n: s.exclusiveMinimum });
      if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) return put(pointer, 'v.exclusiveMaximum', { n: s.exclusiveMaximum });
    }
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < s.minItems) put(pointer, 'v.minItems', { n: s.minItems });
      if (s.maxItems !== undefined && v.length > s.maxItems) put(pointer, 'v.maxItems', { n: s.maxItems });
      const item = itemSchema(s);
      v.forEach((x, i) => {
        if (x === undefined || x === '') put(`${pointer}/${i}`, 'v.required');
        else walk(item, x, `${pointer}/${i}`);
      });
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const obj = v as Record<string, unknown>;
      for (const key of s.required ?? []) if (isEmpty(obj[key])) put(`${pointer}/${escapeToken(key)}`, 'v.required');
      for (const [key, sub] of Object.entries(s.properties ?? {})) if (obj[key] !== undefined) walk(sub, obj[key], `${pointer}/${escapeToken(key)}`);
    }
  };

  walk(schema, value ?? {}, '');
  return errors;
}

/** The server's issues (paths under /payload or /input) as field errors, in the chosen language. */
export function issuesToErrors(issues: Issue[], i18n: Pick<I18n, 't' | 'lang'>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const pointer = issue.path.replace(/^\/(payload|input)(?=\/|$)/, '');
    const key = `issue.${issue.code}` as MessageKey;
    const known = [
      'required',
      'invalid_type',
      'invalid_value',
      'invalid_format',
      'invalid_length',
      'invalid_size',
      'out_of_range',
      'duplicate_item',
      'unknown_key',
    ].includes(issue.code);
    // The localised sentence, and the server's precise reason (Ajv's English) beside it.
    const text = known ? `${i18n.t(key)} (${issue.message})` : issue.message || i18n.t('issue.invalid');
    errors[pointer] = errors[pointer] ? `${errors[pointer]} ${text}` : text;
  }
  return errors;
}
