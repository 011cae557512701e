import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import * as formatsModule from 'ajv-formats';
import { FILE_FORMAT, isFileId } from './file-refs.js';
import { ptr } from './json.js';
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

/** Maps Ajv errors to issues whose paths name the offending field, deduplicated, in order. */
export function ajvIssues(errors: ErrorObject[] | null | undefined, prefix = ''): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === 'if') continue; // the then/else branch's own errors say what is wrong
    let path = prefix + e.instancePath;
    let code = codeFor(e);
    let message = e.message ?? e.keyword;
    const params = e.params as Record<string, unknown>;
    const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
    if (propertyName !== undefined) {
      path += '/' + ptr(propertyName);
      code = 'invalid_key';
      message = `invalid name "${propertyName}": ${message}`;
    } else if (e.keyword === 'propertyNames') {
      path += '/' + ptr(String(params.propertyName));
      message = `invalid name "${String(params.propertyName)}"`;
    } else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const key = String(params.additionalProperty ?? params.unevaluatedProperty);
      path += '/' + ptr(key);
      message = `unknown key "${key}"`;
    } else if (e.keyword === 'required') {
      path += '/' + ptr(String(params.missingProperty));
      message = `"${String(params.missingProperty)}" is required`;
    } else if (e.keyword === 'enum') {
      message = `${message}: ${JSON.stringify(params.allowedValues)}`;
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
