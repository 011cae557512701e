import { describe, expect, it } from '@jest/globals';
import { validateDefinition } from './compile.js';
import { clone, tinyDefinition } from './test-fixtures.js';
import type { DocumentDefinition, WorkflowDefinition } from './types.js';
import { documentPlaceholderIssues } from './validate.js';

const doc: DocumentDefinition = {
  key: 'to-trinh',
  title: { vi: 'Tờ trình', en: 'Proposal' },
  template: 'templates/to-trinh.docx',
  on: 'GUI',
  number: { scheme: '{seq}/TTr-UBND', field: 'soToTrinh' },
  issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG AN PHONG',
  place: 'An Phong',
};

function withDocument(over: Partial<DocumentDefinition> = {}, required?: string[]): WorkflowDefinition {
  const def = clone(tinyDefinition);
  const schema = def.events.GUI.schema as { required: string[]; properties: Record<string, unknown> };
  schema.properties.soToTrinh = { type: 'string', readOnly: true };
  if (required) schema.required = required;
  def.documents = [{ ...doc, ...over }];
  return def;
}

describe('documents in a definition', () => {
  it('accepts a document issued by a declared event into a payload field it does not require', () => {
    expect(validateDefinition(withDocument())).toEqual({ valid: true, issues: [] });
  });

  it('refuses an unknown event, a number field the payload lacks or must give, a scheme without {seq}, a missing template and a repeated key', () => {
    const issues = (def: WorkflowDefinition) => validateDefinition(def).issues.map((i) => [i.path, i.code]);
    expect(issues(withDocument({ on: 'KHONG_CO' }))).toEqual([['/documents/0/on', 'unknown_event']]);
    expect(issues(withDocument({ number: { scheme: '{seq}/TTr', field: 'khongCo' } }))).toEqual([['/documents/0/number/field', 'unknown_field']]);
    expect(issues(withDocument({}, ['soTien', 'soToTrinh']))).toEqual([['/documents/0/number/field', 'number_field_required']]);
    expect(issues(withDocument({ number: { scheme: 'TTr-UBND' } }))[0]).toEqual(['/documents/0/number/scheme', 'invalid_format']);
    const untemplated = withDocument();
    delete untemplated.documents![0].template;
    expect(issues(untemplated)).toEqual([['/documents/0/template', 'missing_template']]);
    const twice = withDocument();
    twice.documents!.push(clone(doc));
    expect(issues(twice)).toEqual([['/documents/1/key', 'duplicate_key']]);
  });

  it('takes placeholders naming built-ins, context and payload fields, and names any other', () => {
    const def = withDocument();
    expect(documentPlaceholderIssues(def, { 'to-trinh': ['so', 'diaDanhNgay', 'noiNhan', 'soTien', 'ghiChu', 'soToTrinh'] })).toEqual([]);
    expect(documentPlaceholderIssues(def, { 'to-trinh': ['so', 'nguoiKhongCo'] })).toEqual([
      { path: '/documents/0/templateData', code: 'unknown_placeholder', message: expect.stringContaining('{nguoiKhongCo}') },
    ]);
  });
});
