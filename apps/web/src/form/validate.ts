// Client-side checks of a form value against its JSON Schema, for messages while typing. The
// schema is the event's own, run by a standard validator (@cfworker/json-schema): Ajv, which the
// server uses, compiles schemas to code, and the app's Content-Security-Policy allows no eval. The
// server checks everything again with Ajv and its issues are mapped onto the same fields.
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { Issue, JsonSchema, Label } from '../api/types.ts';
import { pick } from '../definitions/presentation.ts';
import type { I18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { escapeToken, parsePointer } from '../json/pointer.ts';
import { isEmpty, itemSchema, typeOf } from './schema.ts';

export type FieldErrors = Record<string, string>;

/** The value at a form pointer (`/a/0/b`); an empty text counts as no value. */
export function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const token of parsePointer(pointer)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  return node === '' ? undefined : node;
}

/** One compiled validator per schema object (forms re-validate on every keystroke). */
const validators = new WeakMap<object, Validator>();

function validatorOf(schema: JsonSchema): Validator {
  let v = validators.get(schema);
  if (!v) {
    v = new Validator(schema as Schema, '2019-09', false);
    validators.set(schema, v);
  }
  return v;
}

/** The subschema a JSON pointer (`#/properties/a/minLength`'s parent) names. */
function schemaAt(root: JsonSchema, location: string): JsonSchema {
  const tokens = location.replace(/^#\/?/, '').split('/').filter(Boolean).slice(0, -1);
  let node: unknown = root;
  for (const t of tokens) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[t.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return (node && typeof node === 'object' ? node : {}) as JsonSchema;
}

/** A field pointer (`/a/0/b`) from the validator's instance location (`#/a/0/b`), decoded as JSON pointers are. */
const pointerOf = (instanceLocation: string) => decodeURI(instanceLocation.replace(/^#/, ''));

/** Empty strings are fields left blank: absent, as the form sends them (a blank list item is null, as JSON has it). */
function withoutBlanks(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : withoutBlanks(x)));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => !isEmpty(x)).map(([k, x]) => [k, withoutBlanks(x)]));
  return v;
}

/** The message for one failed keyword, with the numbers its subschema names; null for keywords that only wrap others. */
function messageOf(unit: OutputUnit, root: JsonSchema): { pointer: string; key: MessageKey; vars?: Record<string, string | number> } | null {
  const s = schemaAt(root, unit.keywordLocation);
  const pointer = pointerOf(unit.instanceLocation);
  switch (unit.keyword) {
    case 'required': {
      const missing = /"([^"]+)"/.exec(unit.error)?.[1];
      return missing === undefined ? null : { pointer: `${pointer}/${escapeToken(missing)}`, key: 'v.required' };
    }
    case 'enum':
      return { pointer, key: 'v.enum' };
    case 'const':
      return { pointer, key: 'v.const', vars: { value: JSON.stringify(s.const) } };
    case 'type': {
      const main = typeOf(s);
      if (main === 'integer') return { pointer, key: 'v.integer' };
      if (main === 'number') return { pointer, key: 'v.number' };
      const types = Array.isArray(s.type) ? s.type : [s.type];
      return { pointer, key: 'v.type', vars: { type: types.join('/') } };
    }
    case 'minLength':
      return { pointer, key: s.minLength === 1 ? 'v.required' : 'v.minLength', vars: { n: s.minLength ?? 0 } };
    case 'maxLength':
      return { pointer, key: 'v.maxLength', vars: { n: s.maxLength ?? 0 } };
    case 'pattern':
      return { pointer, key: 'v.pattern' };
    case 'format':
      return s.format === 'date' ? { pointer, key: 'v.date' } : s.format === 'date-time' ? { pointer, key: 'v.dateTime' } : s.format === 'email' ? { pointer, key: 'v.email' } : null;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
      return { pointer, key: `v.${unit.keyword}` as MessageKey, vars: { n: (s as Record<string, number>)[unit.keyword] ?? 0 } };
    default:
      // properties, items, allOf, $ref…: they only say that something inside failed, which has its own unit.
      return null;
  }
}

export function validateValue(schema: JsonSchema, value: unknown, i18n: Pick<I18n, 't'>): FieldErrors {
  const errors: FieldErrors = {};
  const put = (pointer: string, key: MessageKey, vars?: Record<string, string | number>) => {
    if (!(pointer in errors)) errors[pointer] = i18n.t(key, vars);
  };
  const given = value ?? {};
  // A blank item of a list is a field left empty: named as required where it stands.
  const blankItems = (s: JsonSchema, v: unknown, pointer: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => (x === undefined || x === '' ? put(`${pointer}/${i}`, 'v.required') : blankItems(itemSchema(s), x, `${pointer}/${i}`)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) blankItems((s.properties ?? {})[k] ?? {}, x, `${pointer}/${escapeToken(k)}`);
  };
  blankItems(schema, given, '');
  const result = validatorOf(schema).validate(withoutBlanks(given));
  if (result.valid) return errors;
  // Innermost first: a field's own reason before the wrapping keywords of its parents.
  for (const unit of [...result.errors].reverse()) {
    const m = messageOf(unit, schema);
    if (m) put(m.pointer, m.key, m.vars);
  }
  return errors;
}

/**
 * The server's issues (paths under /payload or /input) as field errors, in the chosen language. A
 * rule of the workflow that refused the step (`refused`) says why in both languages (`label`); one
 * that names no field is the whole form's (pointer '').
 */
export function issuesToErrors(issues: Array<Issue & { label?: Label }>, i18n: Pick<I18n, 't' | 'lang'>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const pointer = issue.path.replace(/^\/(payload|input)(?=\/|$)/, '');
    const said = pick(issue.label, i18n.lang);
    if (said || issue.code === 'refused') {
      const text = said ?? i18n.t('task.refused');
      errors[pointer] = errors[pointer] ? `${errors[pointer]} ${text}` : text;
      continue;
    }
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
