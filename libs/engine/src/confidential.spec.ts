import { describe, expect, it } from '@jest/globals';
import {
  caseSummary,
  compileWorkflow,
  CONFIDENTIAL_MASK,
  confidentialFields,
  maskConfidential,
  readsConfidential,
  searchText,
  start,
  step,
  validateDefinition,
  type WorkflowDefinition,
} from './index.js';
import { actors, clone, tinyDefinition } from './test-fixtures.js';

type AnyObj = Record<string, any>;
const L = (vi: string, en: string) => ({ vi, en });
const HANDLERS = { roles: ['truong-phong'], units: ['phong-vh'], steps: ['@start', 'choDuyet'] };

/** The tiny proposal with a denouncer kept secret (name, contacts), a public summary and an emit. */
function secretive(fn: (d: AnyObj) => void = () => {}): WorkflowDefinition {
  const d = clone(tinyDefinition) as AnyObj;
  d.context = { soTien: 0, nguoiToCao: null, lienHe: null, noiDung: null };
  d.inputSchema = {
    type: 'object',
    properties: {
      nguoiToCao: { type: 'string' },
      lienHe: { type: 'object', properties: { diaChi: { type: 'string' }, soDienThoai: { type: 'string' } } },
      noiDung: { type: 'string' },
    },
  };
  d.summary = '{noiDung}';
  d.fields = {
    nguoiToCao: { label: L('Người tố cáo', 'Denouncer'), confidential: clone(HANDLERS) },
    'lienHe.diaChi': { label: L('Địa chỉ', 'Address'), confidential: clone(HANDLERS) },
    noiDung: { label: L('Nội dung', 'Content'), search: true },
  };
  d.machine.states.nhap.on.GUI.actions.push({
    type: 'emit',
    params: { topic: 'to-cao.gui', data: { ai: { path: 'context.nguoiToCao' }, noi: { path: 'context.lienHe' }, noiDung: { path: 'context.noiDung' }, hoSo: { path: 'context' }, su: { path: 'event' } } },
  });
  fn(d);
  return d as WorkflowDefinition;
}

const codes = (d: WorkflowDefinition) => validateDefinition(d).issues.map((i) => `${i.code} ${i.path}`);

describe('confidential fields (issue 18 item 4)', () => {
  it('lists the marked fields and tells which paths read them', () => {
    const def = secretive();
    expect(confidentialFields(def).map((f) => f.path)).toEqual(['nguoiToCao', 'lienHe.diaChi']);
    expect(readsConfidential(def, 'nguoiToCao')).toBe(true);
    expect(readsConfidential(def, 'context.nguoiToCao')).toBe(true);
    expect(readsConfidential(def, 'payload.nguoiToCao.hoTen')).toBe(true);
    expect(readsConfidential(def, 'lienHe')).toBe(true); // the object that holds the address
    expect(readsConfidential(def, 'lienHe.soDienThoai')).toBe(false);
    expect(readsConfidential(def, 'noiDung')).toBe(false);
    expect(readsConfidential(def, 'context.nguoiToCao.length')).toBe(false); // a count (of a list) says nothing of the person
    // The whole context, payload or event holds them all; the actor and the event's type do not.
    for (const whole of ['context', 'payload', 'event', 'event.payload']) expect(readsConfidential(def, whole)).toBe(true);
    expect(readsConfidential(def, 'event.payload.nguoiToCao')).toBe(true);
    expect(readsConfidential(def, 'event.payload.noiDung')).toBe(false);
    expect(readsConfidential(def, 'event.type')).toBe(false);
    expect(readsConfidential(def, 'actor.id')).toBe(false);
    expect(readsConfidential({ fields: {} }, 'context')).toBe(false);
  });

  it('masks what the reader may not read, leaves the rest, reports both, and never changes its input', () => {
    const def = secretive();
    const context = { nguoiToCao: 'Nguyễn Văn A', lienHe: { diaChi: 'Tổ 3', soDienThoai: '0912' }, noiDung: 'Nhận hối lộ', soTien: 0 };
    const none = maskConfidential(def, context);
    expect(none.value).toEqual({ nguoiToCao: CONFIDENTIAL_MASK, lienHe: { diaChi: CONFIDENTIAL_MASK, soDienThoai: '0912' }, noiDung: 'Nhận hối lộ', soTien: 0 });
    expect(none.masked).toEqual(['nguoiToCao', 'lienHe.diaChi']);
    expect(none.revealed).toEqual([]);
    expect(context.nguoiToCao).toBe('Nguyễn Văn A');
    const some = maskConfidential(def, context, (f) => f.path === 'nguoiToCao');
    expect(some.value).toMatchObject({ nguoiToCao: 'Nguyễn Văn A', lienHe: { diaChi: CONFIDENTIAL_MASK } });
    expect(some.revealed).toEqual(['nguoiToCao']);
    // Empty values say nothing of a person: left as they are, neither masked nor counted as read.
    expect(maskConfidential(def, { nguoiToCao: null, noiDung: 'x' }, () => true)).toEqual({ value: { nguoiToCao: null, noiDung: 'x' }, masked: [], revealed: [] });
    expect(maskConfidential(def, null).value).toBeNull();
  });

  it('keeps confidential values out of the summary, the search text and emitted data (webhooks)', () => {
    const def = secretive((d) => {
      d.summary = '{nguoiToCao}: {noiDung}'; // refused by the validator; the engine still never fills it
    });
    const context = { nguoiToCao: 'Nguyễn Văn A', noiDung: 'Nhận hối lộ' };
    expect(caseSummary(def, context)).toBe('Nhận hối lộ');
    const searchable = secretive((d) => {
      d.fields.nguoiToCao.search = true;
    });
    expect(searchText(searchable, 'TC-1', context)).toBe('tc-1 nhan hoi lo nhan hoi lo');
    const wf = compileWorkflow(secretive());
    const started = start(wf, { nguoiToCao: 'Nguyễn Văn A', lienHe: { diaChi: 'Tổ 3' }, noiDung: 'Nhận hối lộ' }, { actor: actors.chuyenVien, at: '2026-05-04T02:00:00Z' });
    const sent = step(wf, started.state, { type: 'GUI', payload: { soTien: 1 } }, { actor: actors.chuyenVien, at: '2026-05-04T03:00:00Z' });
    const emit = sent.effects.find((e) => e.type === 'emit');
    expect(emit).toMatchObject({ data: { ai: CONFIDENTIAL_MASK, noi: CONFIDENTIAL_MASK, noiDung: 'Nhận hối lộ' } });
    // The whole context leaves with only its confidential fields masked; the whole event (its payload) as the mask.
    expect(emit).toMatchObject({ data: { hoSo: { nguoiToCao: CONFIDENTIAL_MASK, lienHe: { diaChi: CONFIDENTIAL_MASK }, noiDung: 'Nhận hối lộ' }, su: CONFIDENTIAL_MASK } });
    // The case itself keeps the values: only what leaves for others is masked.
    expect(sent.state.context.nguoiToCao).toBe('Nguyễn Văn A');
  });

  it('the shipped way validates', () => {
    expect(codes(secretive())).toEqual([]);
  });

  it('refuses marks naming unknown roles, malformed units, unknown steps, or no reader at all', () => {
    const def = secretive((d) => {
      d.fields.nguoiToCao.confidential = { roles: ['ke-toan'], units: ['Phong VH'], steps: ['daDuyet', 'khongCo.trangThai', '@start'] };
      d.fields['lienHe.diaChi'].confidential = {};
    });
    expect(codes(def)).toEqual(
      expect.arrayContaining([
        'unknown_role /fields/nguoiToCao/confidential/roles/0',
        'unknown_unit /fields/nguoiToCao/confidential/units/0',
        'unknown_state /fields/nguoiToCao/confidential/steps/1',
        'confidential_without_readers /fields/lienHe.diaChi/confidential',
      ]),
    );
    expect(codes(def)).not.toContain('unknown_state /fields/nguoiToCao/confidential/steps/0');
    expect(codes(def)).not.toContain('unknown_state /fields/nguoiToCao/confidential/steps/2');
  });

  it('refuses a confidential field in the summary or searched (lists, notifications, e-mails and search would show it)', () => {
    const def = secretive((d) => {
      d.summary = '{nguoiToCao}: {noiDung}';
      d.fields.nguoiToCao.search = true;
    });
    expect(codes(def)).toEqual(expect.arrayContaining(['confidential_field_in_summary /summary', 'confidential_field_searched /fields/nguoiToCao/search']));
    const reported = secretive((d) => {
      d.reporting = { breakdowns: [{ key: 'ai', label: L('Theo người tố cáo', 'By denouncer'), path: 'context.nguoiToCao' }] };
    });
    expect(codes(reported)).toContain('confidential_field_reported /reporting/breakdowns/0/path');
    const parent = secretive((d) => {
      d.summary = '{lienHe}'; // the object holding the address
    });
    expect(codes(parent)).toContain('confidential_field_in_summary /summary');
  });

  it('refuses a mark that is not the documented shape', () => {
    const def = secretive((d) => {
      d.fields.nguoiToCao.confidential = { who: ['everyone'] };
    });
    expect(validateDefinition(def).issues.length).toBeGreaterThan(0);
    for (const mark of [{ roles: 'chu-tich' }, { steps: 5 }, { units: [7] }, null, 'chu-tich', []]) {
      const odd = secretive((d) => {
        d.fields.nguoiToCao.confidential = mark;
      });
      const issues = validateDefinition(odd).issues;
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.map((i) => i.code)).not.toContain('internal_error');
    }
  });
});
