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
  // `over` may remove a property by naming it undefined; a definition is JSON, so it is left out.
  def.documents = [JSON.parse(JSON.stringify({ ...doc, ...over })) as DocumentDefinition];
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

  it('takes a document issued on entering a state, numbered in the register only', () => {
    const def = withDocument({ on: undefined, onEnter: 'choDuyet', number: { scheme: '{seq}/TB-UBND' } });
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
    expect(documentPlaceholderIssues(def, { 'to-trinh': ['so', 'soTien'] })).toEqual([]);
    // The payload of the event that happened to enter the state is not the template's to read.
    expect(documentPlaceholderIssues(def, { 'to-trinh': ['ghiChu'] })).toEqual([
      { path: '/documents/0/templateData', code: 'unknown_placeholder', message: expect.stringContaining('start input field') },
    ]);
  });

  it('refuses a document with both triggers or none, an unknown or initial state, and a number field no payload carries', () => {
    const issues = (def: WorkflowDefinition) => validateDefinition(def).issues.map((i) => [i.path, i.code]);
    expect(issues(withDocument({ onEnter: 'choDuyet' }))).toEqual([['/documents/0', 'document_trigger']]);
    expect(issues(withDocument({ on: undefined }))).toEqual([['/documents/0', 'document_trigger']]);
    const scheme = { scheme: '{seq}/TB-UBND' };
    expect(issues(withDocument({ on: undefined, onEnter: 'khongCo', number: scheme }))).toEqual([['/documents/0/onEnter', 'unknown_state']]);
    expect(issues(withDocument({ on: undefined, onEnter: 'nhap', number: scheme }))).toEqual([['/documents/0/onEnter', 'initial_state']]);
    expect(issues(withDocument({ on: undefined, onEnter: 'choDuyet' }))).toEqual([['/documents/0/number/field', 'number_field_on_enter']]);
    const timed = withDocument({ on: 'QUA_HAN' });
    timed.events.QUA_HAN = { label: { vi: 'Quá hạn', en: 'Overdue' }, kind: 'timer' };
    expect(issues(timed)).toContainEqual(['/documents/0/number/field', 'number_field_system_event']);
  });

  it('takes placeholders naming built-ins, context and payload fields, and names any other', () => {
    const def = withDocument();
    expect(documentPlaceholderIssues(def, { 'to-trinh': ['so', 'diaDanhNgay', 'noiNhan', 'soTien', 'ghiChu', 'soToTrinh'] })).toEqual([]);
    expect(documentPlaceholderIssues(def, { 'to-trinh': ['so', 'nguoiKhongCo'] })).toEqual([
      { path: '/documents/0/templateData', code: 'unknown_placeholder', message: expect.stringContaining('{nguoiKhongCo}') },
    ]);
  });
});
