import { describe, expect, it } from '@jest/globals';
import { ajvIssues, createAjv, showJson } from './ajv.js';
import type { ValidationIssue } from './types.js';

/** Issues of `data` against `schema`, with a verbose Ajv (as the definition format uses) or not. */
function issues(schema: object, data: unknown, verbose = true): ValidationIssue[] {
  const validate = createAjv({ verbose }).compile(schema);
  return validate(data) ? [] : ajvIssues(validate.errors, '/x');
}

describe('ajvIssues: alternatives (oneOf / anyOf)', () => {
  const byType = {
    oneOf: [
      { type: 'object', required: ['type', 'role'], properties: { type: { const: 'hasRole' }, role: { type: 'string' } } },
      { type: 'object', required: ['type', 'unit'], properties: { type: { const: 'inUnit' }, unit: { type: 'string' } } },
    ],
  };

  it('follows a discriminating `type` to the branch the value means, and reports only its errors', () => {
    expect(issues(byType, { type: 'inUnit', unit: 7 })).toEqual([{ path: '/x/unit', code: 'invalid_type', message: 'must be a string (got 7)' }]);
    expect(issues(byType, { type: 'hasRole' })).toEqual([expect.objectContaining({ path: '/x/role', code: 'required' })]);
  });

  it('names the allowed discriminator values when none matches', () => {
    expect(issues(byType, { type: 'isManager' })).toEqual([
      { path: '/x/type', code: 'invalid_value', message: 'must be "hasRole" or "inUnit" (got "isManager")' },
    ]);
    expect(issues(byType, { role: 'a' })).toEqual([{ path: '/x/type', code: 'required', message: '"type" is required: "hasRole" or "inUnit"' }]);
  });

  it('keeps the errors of the only branch whose shape fits the value', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'object', required: ['context'], properties: { context: { type: 'string' } } }] };
    expect(issues(schema, {})).toEqual([{ path: '/x/context', code: 'required', message: '"context" is required' }]);
  });

  it('lists the alternatives in one issue when no branch fits', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
    expect(issues(schema, 5)).toEqual([{ path: '/x', code: 'invalid_type', message: 'must be a string or a list (got 5)' }]);
    const consts = { oneOf: [{ const: 'entry' }, { type: 'object', required: ['context'] }] };
    expect(issues(consts, 3)).toEqual([{ path: '/x', code: 'invalid', message: 'must be "entry" or { "context": … } (got 3)' }]);
  });

  it('says which keys are needed when the branches only require keys', () => {
    const schema = { type: 'object', anyOf: [{ required: ['roles'] }, { required: ['actorsOf'] }] };
    expect(issues(schema, {})).toEqual([{ path: '/x', code: 'required', message: 'must have "roles" or "actorsOf"' }]);
  });

  it('reports a oneOf that several branches match as such, without the failing branch', () => {
    const schema = { oneOf: [{ type: 'number' }, { type: 'integer' }, { type: 'string' }] };
    expect(issues(schema, 3)).toEqual([{ path: '/x', code: 'invalid', message: 'must match exactly one schema in oneOf' }]);
  });

  it('uses the annotations of the schema holding the alternatives', () => {
    const schema = { examples: ['entry', { context: 'ngayNhan' }], anyOf: [{ const: 'entry' }, { type: 'object' }] };
    expect(issues(schema, 'start')).toEqual([{ path: '/x', code: 'invalid', message: 'must be "entry" or { "context": "ngayNhan" } (got "start")' }]);
  });
});

describe('ajvIssues: values and shapes', () => {
  it('names the allowed values of const and enum', () => {
    expect(issues({ const: 'entry' }, 'start')[0]).toEqual({ path: '/x', code: 'invalid_value', message: 'must be "entry" (got "start")' });
    expect(issues({ enum: ['low', 'high'] }, 'asap')[0].message).toBe('must be "low" or "high" (got "asap")');
    expect(issues({ enum: ['human', 'system', 'timer'] }, 1)[0].message).toBe('must be one of "human", "system", "timer" (got 1)');
  });

  it('does not echo the value when Ajv is not verbose (payloads, inputs)', () => {
    expect(issues({ enum: ['human', 'system'] }, 'robot', false)[0].message).toBe('must be "human" or "system"');
    expect(issues({ type: 'object' }, 'x', false)[0].message).toBe('must be an object');
  });

  it('quotes the outermost annotated schema applied where the error is', () => {
    const schema = {
      description: 'a guard object',
      examples: [{ type: 'hasRole', params: { role: '...' } }],
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: { type: 'string' }, params: { type: 'object' } },
    };
    expect(issues(schema, 'daDuyet')).toEqual([
      { path: '/x', code: 'invalid_type', message: 'must be a guard object, e.g. { "type": "hasRole", "params": { "role": "..." } } (got "daDuyet")' },
    ]);
    expect(issues(schema, { role: 'a' })).toEqual([
      { path: '/x/type', code: 'required', message: '"type" is required (e.g. { "type": "hasRole", "params": { "role": "..." } })' },
      {
        path: '/x/role',
        code: 'unknown_key',
        message: 'unknown key "role" (allowed: "type", "params"; e.g. { "type": "hasRole", "params": { "role": "..." } })',
      },
    ]);
    const fromSchema = {
      examples: ['entry', { context: 'ngayNhan' }],
      if: { type: 'string' },
      then: { const: 'entry' },
      else: { type: 'object', required: ['context'], properties: { context: { type: 'string' } } },
    };
    expect(issues(fromSchema, 'start')[0].message).toBe('must be "entry" or { "context": "ngayNhan" } (got "start")');
    expect(issues(fromSchema, 3)).toEqual([{ path: '/x', code: 'invalid_type', message: 'must be "entry" or { "context": "ngayNhan" } (got 3)' }]);
  });

  it('teaches a pattern by its description and examples instead of the regular expression', () => {
    const schema = { type: 'string', pattern: '^[a-z]+$', description: 'lowercase letters', examples: ['khieu'] };
    expect(issues(schema, 'Đơn')[0]).toEqual({ path: '/x', code: 'invalid_format', message: 'must be lowercase letters, e.g. "khieu" (got "Đơn")' });
  });

  it('shows what was given briefly', () => {
    const long = 'x'.repeat(100);
    expect(issues({ type: 'number' }, long)[0].message).toBe(`must be a number (got "${'x'.repeat(39)}…")`);
    expect(issues({ type: 'string' }, { a: 1, b: 2, c: 3, d: 4 })[0].message).toBe('must be a string (got { "a": …, "b": …, "c": …, … })');
    expect(issues({ type: 'string' }, [1])[0].message).toBe('must be a string (got a list)');
  });
});

describe('showJson', () => {
  it('writes JSON on one line, "…" standing for any value', () => {
    expect(showJson({ type: 'hasRole', params: { role: '...' } })).toBe('{ "type": "hasRole", "params": { "role": "..." } }');
    expect(showJson({ target: 'daDuyet', guard: '…', list: [1, 'a'], empty: {} })).toBe('{ "target": "daDuyet", "guard": …, "list": [1, "a"], "empty": {} }');
  });
});
