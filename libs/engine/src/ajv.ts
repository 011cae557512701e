import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import * as formatsModule from 'ajv-formats';
import { FILE_FORMAT, isFileId } from './file-refs.js';
import { deepEqual, isPlainObject, ptr } from './json.js';
import type { ValidationIssue } from './types.js';

type AddFormats = (ajv: Ajv) => Ajv;
// ajv-formats is CommonJS: under Node ESM the default import is module.exports (the plugin).
const addFormats: AddFormats = ((formatsModule as unknown as { default?: AddFormats }).default ?? (formatsModule as unknown as AddFormats)) as AddFormats;

const BASE_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  logger: false,
  messages: true,
};

/** A fresh Ajv with formats. One per definition, so user schemas' `$id`s never collide. */
export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...BASE_OPTIONS, ...extra });
  addFormats(ajv);
  ajv.addFormat(FILE_FORMAT, { type: 'string', validate: isFileId });
  return ajv;
}

function codeFor(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
    case 'dependencies':
    case 'dependentRequired':
      return 'required';
    case 'type':
      return 'invalid_type';
    case 'enum':
    case 'const':
      return 'invalid_value';
    case 'pattern':
    case 'format':
      return 'invalid_format';
    case 'minLength':
    case 'maxLength':
      return 'invalid_length';
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return 'invalid_size';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return 'out_of_range';
    case 'uniqueItems':
      return 'duplicate_item';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'unknown_key';
    case 'propertyNames':
      return 'invalid_key';
    default:
      return 'invalid';
  }
}

// ---------------------------------------------------------------------------------------------
// Messages that teach. A schema may carry the standard annotations `description` (a noun phrase:
// what is expected) and `examples` (one short example of each allowed shape); Ajv's `verbose`
// errors hand back the schema that failed, so a message can name what was expected there. Of the
// schemas applied to one place (through `if`/`then`/`else`, `anyOf`, `$ref`), the outermost
// annotated one speaks: it names every allowed shape, not only the branch Ajv happened to take.

interface Hint {
  description?: string;
  examples?: unknown[];
}

function hintOf(schema: unknown): Hint | undefined {
  if (!isPlainObject(schema)) return undefined;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const examples = Array.isArray(schema.examples) && schema.examples.length ? schema.examples : undefined;
  return description !== undefined || examples ? { description, examples } : undefined;
}

/** Where an error points: the value at `instancePath`, or the name of one of its keys. */
function placeOf(e: ErrorObject): string {
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  return propertyName === undefined ? e.instancePath : `${e.instancePath}\u0000${propertyName}`;
}

/** The outermost annotated schema applied at each place (Ajv reports enclosing applicators last). */
function hintsByPlace(errors: readonly ErrorObject[]): Map<string, Hint> {
  const out = new Map<string, Hint>();
  for (const e of errors) {
    if (e.keyword === 'propertyNames') continue; // its parent schema is the object's, not the name's
    const hint = hintOf(e.parentSchema);
    if (hint) out.set(placeOf(e), hint);
  }
  return out;
}

/** JSON on one line, spaced like the docs; the string "…" stands for any value. */
export function showJson(v: unknown): string {
  if (v === '…') return '…';
  if (Array.isArray(v)) return `[${v.map(showJson).join(', ')}]`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    return keys.length ? `{ ${keys.map((k) => `${JSON.stringify(k)}: ${showJson(v[k])}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(v) ?? String(v);
}

const clip = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 39)}…` : s);

/** A short picture of the value that was given (no deep dump: only the top-level keys of an object). */
function showGot(v: unknown): string {
  if (typeof v === 'string') return clip(v);
  if (Array.isArray(v)) return v.length ? 'a list' : '[]';
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (!keys.length) return '{}';
    return `{ ${keys
      .slice(0, 3)
      .map((k) => `${clip(k)}: …`)
      .join(', ')}${keys.length > 3 ? ', …' : ''} }`;
  }
  return JSON.stringify(v) ?? String(v);
}

/** ` (got …)` when Ajv was verbose (it then reports the data), else nothing; a key's name is already in its message. */
function got(e: ErrorObject): string {
  const isName = (e as ErrorObject & { propertyName?: string }).propertyName !== undefined;
  return 'data' in e && !isName ? ` (got ${showGot(e.data)})` : '';
}

function either(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' or ') : `one of ${items.join(', ')}`;
}

const shapesOf = (hint: Hint) => (hint.examples ?? []).map(showJson).join(' or ');

/** What the hint says is expected: `<description>, e.g. <examples>`, or the examples alone. */
function expected(hint: Hint): string {
  if (hint.description === undefined) return shapesOf(hint);
  return hint.examples ? `${hint.description}, e.g. ${shapesOf(hint)}` : hint.description;
}

/** The examples that are objects: what an object at this place should look like. */
function objectExamples(hint: Hint | undefined): string {
  const objects = (hint?.examples ?? []).filter(isPlainObject);
  return objects.length ? `e.g. ${objects.map(showJson).join(' or ')}` : '';
}

const TYPE_NAMES: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

function typeNames(type: unknown): string {
  const list = (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_NAMES[String(t)] ?? String(t));
  return list.join(' or ');
}

/** A few words for one alternative of an anyOf/oneOf, read from the branch schema itself. */
function describeSchema(schema: unknown): string {
  if (!isPlainObject(schema)) return schema === false ? 'nothing' : 'anything';
  const hint = hintOf(schema);
  if (hint) return expected(hint);
  if ('const' in schema) return showJson(schema.const);
  if (Array.isArray(schema.enum)) return either(schema.enum.map(showJson));
  if (Array.isArray(schema.required) && schema.required.length) {
    return `{ ${schema.required.map((k) => `${JSON.stringify(k)}: …`).join(', ')} }`;
  }
  if (schema.type !== undefined) return typeNames(schema.type);
  return 'another shape';
}

// ---------------------------------------------------------------------------------------------
// anyOf / oneOf: Ajv reports every branch's errors, then "must match a schema in anyOf". They are
// collapsed into what the author needs: the errors of the branch the value was meant for (named
// by a discriminating `const` property such as `type`, or the only branch whose shape fits), or
// else one issue at the value's path listing the alternatives.

/** An error, or an issue already worded (path relative to the validated data). */
interface Entry {
  e: ErrorObject;
  issue?: { path: string; code: string; message: string };
}

const SHAPE_KEYWORDS = new Set(['type', 'const', 'enum']);

/** A property every branch pins with `const` (or `enum`): it says which branch a value means. */
function discriminator(branches: readonly unknown[]): string | undefined {
  const first = branches[0];
  if (branches.length < 2 || !isPlainObject(first) || !isPlainObject(first.properties)) return undefined;
  return Object.keys(first.properties).find((k) => branches.every((b) => allowedOf(b, k) !== undefined));
}

function allowedOf(branch: unknown, key: string): unknown[] | undefined {
  const prop = isPlainObject(branch) && isPlainObject(branch.properties) ? branch.properties[key] : undefined;
  if (!isPlainObject(prop)) return undefined;
  if ('const' in prop) return [prop.const];
  return Array.isArray(prop.enum) ? prop.enum : undefined;
}

function resolveAlternatives(e: ErrorObject, inside: Entry[], hints: Map<string, Hint>): Entry[] {
  const at = e.schemaPath + '/';
  const byBranch = new Map<number, Entry[]>();
  for (const x of inside) {
    const i = Number(x.e.schemaPath.slice(at.length).split('/')[0]);
    byBranch.set(i, [...(byBranch.get(i) ?? []), x]);
  }
  const branches: unknown[] = Array.isArray(e.schema) ? e.schema : [...byBranch.keys()].map(() => undefined);
  const data: unknown = e.data;
  const path = e.instancePath;

  const key = isPlainObject(data) ? discriminator(branches) : undefined;
  if (key !== undefined && isPlainObject(data)) {
    const chosen = branches.findIndex((b) => allowedOf(b, key)!.some((v) => deepEqual(v, data[key])));
    if (chosen >= 0) return byBranch.get(chosen) ?? [{ e }];
    const allowed = either(branches.flatMap((b) => allowedOf(b, key)!).map(showJson));
    const message = key in data ? `must be ${allowed} (got ${showGot(data[key])})` : `"${key}" is required: ${allowed}`;
    return [{ e, issue: { path: `${path}/${ptr(key)}`, code: key in data ? 'invalid_value' : 'required', message } }];
  }

  const fits = branches
    .map((_, i) => i)
    .filter((i) => !(byBranch.get(i) ?? []).some((x) => !x.issue && x.e.instancePath === path && SHAPE_KEYWORDS.has(x.e.keyword)));
  if (fits.length === 1) return byBranch.get(fits[0]) ?? [{ e }];

  const codes = new Set(inside.map((x) => x.issue?.code ?? codeFor(x.e)));
  const code = codes.size === 1 ? [...codes][0] : codeFor(e);
  const hint = hints.get(path);
  const onlyRequired = inside.every((x) => !x.issue && x.e.keyword === 'required' && x.e.instancePath === path);
  let message: string;
  if (hint) {
    message = `must be ${expected(hint)}${got(e)}`;
  } else if (onlyRequired) {
    const sets = [...byBranch.values()].map((xs) =>
      xs.map((x) => JSON.stringify(String((x.e.params as { missingProperty?: unknown }).missingProperty))).join(' and '),
    );
    message = `${e.keyword === 'oneOf' ? 'must have exactly one of' : 'must have'} ${sets.join(' or ')}`;
  } else {
    message = `must be ${branches.map(describeSchema).join(' or ')}${got(e)}`;
  }
  return [{ e, issue: { path, code, message } }];
}

/** Replaces each failed anyOf/oneOf and its branches' errors by what `resolveAlternatives` keeps. */
function collapseAlternatives(errors: readonly ErrorObject[], hints: Map<string, Hint>): Entry[] {
  let out: Entry[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push({ e });
      continue;
    }
    const at = e.schemaPath + '/';
    const within = (x: Entry) => x.e.schemaPath.startsWith(at) && (x.e.instancePath === e.instancePath || x.e.instancePath.startsWith(e.instancePath + '/'));
    const inside = out.filter(within);
    out = out.filter((x) => !within(x));
    // A oneOf that several branches matched: the branches that failed are beside the point.
    const ambiguous = (e.params as { passingSchemas?: unknown }).passingSchemas != null;
    out.push(...(ambiguous || !inside.length ? [{ e }] : resolveAlternatives(e, inside, hints)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** The message of one error, naming what was expected where the schema says so. */
function messageFor(e: ErrorObject, hint: Hint | undefined): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${hint ? expected(hint) : typeNames(params.type)}${got(e)}`;
    case 'const':
      return `must be ${hint ? expected(hint) : showJson(params.allowedValue)}${got(e)}`;
    case 'enum':
      return `must be ${hint ? expected(hint) : either((params.allowedValues as unknown[]).map(showJson))}${got(e)}`;
    case 'minProperties':
    case 'maxProperties':
    case 'anyOf':
    case 'oneOf':
      return hint ? `must be ${expected(hint)}${got(e)}` : (e.message ?? e.keyword);
    case 'pattern':
    case 'format':
      if (hint?.description !== undefined) return `must be ${expected(hint)}${got(e)}`;
      return hint?.examples ? `${e.message}, e.g. ${shapesOf(hint)}` : (e.message ?? e.keyword);
    case 'required': {
      const example = objectExamples(hint);
      return `"${String(params.missingProperty)}" is required${example ? ` (${example})` : ''}`;
    }
    case 'dependencies':
    case 'dependentRequired':
      return `"${String(params.missingProperty)}" is required with "${String(params.property)}"`;
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      const props = isPlainObject(e.parentSchema) && isPlainObject(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : [];
      const allowed = props.length && props.length <= 16 ? `allowed: ${props.map((k) => JSON.stringify(k)).join(', ')}` : '';
      const notes = [allowed, objectExamples(hint)].filter(Boolean).join('; ');
      return `unknown key ${clip(key)}${notes ? ` (${notes})` : ''}`;
    }
    default:
      return e.message ?? e.keyword;
  }
}

/**
 * Maps Ajv errors to issues whose paths name the offending field, deduplicated, in order. With a
 * verbose Ajv, messages name what was expected (see `Hint`) and what was given.
 */
export function ajvIssues(errors: ErrorObject[] | null | undefined, prefix = ''): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  const hints = hintsByPlace(errors ?? []);
  for (const { e, issue } of collapseAlternatives(errors ?? [], hints)) {
    if (e.keyword === 'if') continue; // the then/else branch's own errors say what is wrong
    let path = prefix + e.instancePath;
    let code = codeFor(e);
    let message = messageFor(e, hints.get(placeOf(e)));
    const params = e.params as Record<string, unknown>;
    const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
    if (issue) {
      ({ code, message } = issue);
      path = prefix + issue.path;
    } else if (propertyName !== undefined) {
      path += '/' + ptr(propertyName);
      code = 'invalid_key';
      message = `invalid name ${clip(propertyName)}: ${message}`;
    } else if (e.keyword === 'propertyNames') {
      path += '/' + ptr(String(params.propertyName));
      message = `invalid name ${clip(String(params.propertyName))}`;
    } else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      path += '/' + ptr(String(params.additionalProperty ?? params.unevaluatedProperty));
    } else if (e.keyword === 'required') {
      path += '/' + ptr(String(params.missingProperty));
    }
    const id = path + '\u0000' + code;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path, code, message });
  }
  return out;
}

/** Wraps an Ajv validate function into `data -> issues` with a path prefix. */
export function toIssueValidator(fn: ValidateFunction, prefix: string): (data: unknown) => ValidationIssue[] {
  return (data: unknown) => (fn(data) ? [] : ajvIssues(fn.errors, prefix));
}
