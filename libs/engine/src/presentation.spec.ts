import { describe, expect, it } from '@jest/globals';
import { caseSummary, compileWorkflow, designWarnings, EngineError, foldForSearch, searchText, start, step, toMermaid, validateDefinition, type WorkflowDefinition } from './index.js';
import { actors, clone, tinyDefinition } from './test-fixtures.js';

type AnyObj = Record<string, any>;  

const L = (vi: string, en: string) => ({ vi, en });

/** The tiny proposal with a citizen, a channel, a summary, field labels and a guard that explains itself. */
function presented(fn: (d: AnyObj) => void = () => {}): WorkflowDefinition {
  const d = clone(tinyDefinition) as AnyObj;
  d.context = { soTien: 0, nguoiDeNghi: null, kenh: null, diaChi: null, ghiChuNoiBo: null, daNhacViec: false };
  d.inputSchema = {
    type: 'object',
    properties: { nguoiDeNghi: { type: 'string' }, kenh: { type: 'string', enum: ['truc-tiep', 'buu-chinh'] }, diaChi: { type: 'string' }, ngayNhan: { type: 'string', format: 'date' } },
  };
  d.summary = '{nguoiDeNghi}: {kenh} — {ngayNhan}';
  d.fields = {
    soTien: { label: L('Số tiền', 'Amount') },
    nguoiDeNghi: { label: L('Người đề nghị', 'Applicant'), search: true },
    kenh: { label: L('Kênh', 'Channel') },
    diaChi: { label: L('Địa chỉ', 'Address'), search: true },
    ghiChuNoiBo: { label: L('Ghi chú nội bộ', 'Internal note') },
    daNhacViec: { hidden: true },
    ngayNhan: { label: L('Ngày nhận', 'Date received'), format: 'date' },
    ghiChu: { label: L('Ghi chú', 'Note') },
  };
  d.values = { 'truc-tiep': L('Trực tiếp', 'In person'), 'buu-chinh': L('Bưu chính', 'By post') };
  const guards = d.machine.states.choDuyet.on.DUYET[0].guard.params.guards;
  guards[1] = { ...guards[1], message: L('Số tiền vượt mức trưởng phòng được duyệt (1.000.000 đồng)', 'The amount exceeds what a head of department may approve (1,000,000 dong)'), field: 'soTien' };
  d.events.DUYET.schema = { type: 'object', properties: { soTien: { type: 'number' } } };
  fn(d);
  return d as WorkflowDefinition;
}

describe('what people read of a case (issue 20)', () => {
  it('the summary fills its fields, shows enum values by label and dates as dd/mm/yyyy, and drops empty parts', () => {
    const def = presented();
    expect(caseSummary(def, { nguoiDeNghi: 'Nguyễn Văn A', kenh: 'truc-tiep', ngayNhan: '2026-03-05' })).toBe('Nguyễn Văn A: Trực tiếp — 05/03/2026');
    expect(caseSummary(def, { nguoiDeNghi: 'Nguyễn Văn A', kenh: null })).toBe('Nguyễn Văn A: —'.replace(/[: —]+$/, ''));
    expect(caseSummary(def, {})).toBeNull();
    // An instant is dated in Việt Nam: 20:00 UTC on 4 March is already 5 March there.
    expect(caseSummary(def, { nguoiDeNghi: 'B', kenh: 'buu-chinh', ngayNhan: '2026-03-04T20:00:00.000Z' })).toBe('B: Bưu chính — 05/03/2026');
    expect(caseSummary(def, { nguoiDeNghi: 'B', kenh: 'buu-chinh', ngayNhan: '2026-03-04T20:00:00+07:00' })).toBe('B: Bưu chính — 04/03/2026');
    expect(caseSummary({ summary: '{noiDung}' }, { noiDung: 'x'.repeat(500) })).toHaveLength(200);
    expect(caseSummary({}, { a: 1 })).toBeNull();
  });

  it('search text is folded: no diacritics, đ as d, lowercase; only the business key, the summary and search fields', () => {
    expect(foldForSearch('  Nguyễn Văn ĐỨC  ')).toBe('nguyen van duc');
    const text = searchText(presented(), 'KN-2026-001', { nguoiDeNghi: 'Trần Thị Bích', diaChi: 'Tổ dân phố 3, phường An Phong', ghiChuNoiBo: 'bí mật' });
    expect(text).toContain('kn-2026-001');
    expect(text).toContain('tran thi bich');
    expect(text).toContain('to dan pho 3, phuong an phong');
    expect(text).not.toContain('bi mat');
  });

  it('a refused step says the guard\'s words and names the field', () => {
    const wf = compileWorkflow(presented());
    let s = start(wf, { nguoiDeNghi: 'Nguyễn Văn A' }, { actor: actors.chuyenVien, at: '2026-03-02T02:00:00.000Z' });
    s = step(wf, s.state, { type: 'GUI', payload: { soTien: 2_000_000 } }, { actor: actors.chuyenVien, at: '2026-03-02T03:00:00.000Z' });
    let refused: EngineError | undefined;
    try {
      step(wf, s.state, { type: 'DUYET', payload: {} }, { actor: actors.truongPhong, at: '2026-03-02T04:00:00.000Z' });
    } catch (error) {
      refused = error as EngineError;
    }
    expect(refused?.code).toBe('GUARD_REJECTED');
    expect(refused?.message).toBe('event "DUYET" is not allowed now: The amount exceeds what a head of department may approve (1,000,000 dong)');
    expect(refused?.refusals).toEqual([{ message: L('Số tiền vượt mức trưởng phòng được duyệt (1.000.000 đồng)', 'The amount exceeds what a head of department may approve (1,000,000 dong)'), field: 'soTien' }]);
    expect(refused?.failedGuards).toEqual(['compare']);
  });

  it('a guard without words refuses as before, with no refusals', () => {
    const wf = compileWorkflow(tinyDefinition);
    let s = start(wf, {}, { actor: actors.chuyenVien, at: '2026-03-02T02:00:00.000Z' });
    s = step(wf, s.state, { type: 'GUI', payload: { soTien: 2_000_000 } }, { actor: actors.chuyenVien, at: '2026-03-02T03:00:00.000Z' });
    expect(() => step(wf, s.state, { type: 'DUYET' }, { actor: actors.truongPhong, at: '2026-03-02T04:00:00.000Z' })).toThrow(/no transition's guard passed \(compare\)/);
  });

  it('the validator refuses a summary or field naming nothing, a hidden field searched or summarised, a refusal field not in the payload', () => {
    const codes = (d: WorkflowDefinition) => validateDefinition(d).issues.map((i) => `${i.path} ${i.code}`);
    expect(codes(presented())).toEqual([]);
    expect(codes(presented((d) => (d.summary = '{khongCo}')))).toEqual(['/summary unknown_field']);
    expect(codes(presented((d) => (d.fields.khongCo = { label: L('X', 'X') })))).toEqual(['/fields/khongCo unknown_field']);
    expect(codes(presented((d) => (d.fields.daNhacViec.search = true)))).toEqual(['/fields/daNhacViec/search hidden_field_searched']);
    expect(codes(presented((d) => (d.summary = '{daNhacViec}')))).toEqual(['/summary hidden_field_in_summary']);
    expect(codes(presented((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[1].field = 'khac')))).toEqual([
      '/machine/states/choDuyet/on/DUYET/0/guard/params/guards/1/field unknown_field',
    ]);
    const noMessage = presented((d) => delete d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[1].message);
    expect(validateDefinition(noMessage).issues).toEqual([expect.objectContaining({ path: '/machine/states/choDuyet/on/DUYET/0/guard/params/guards/1', message: expect.stringContaining('message') })]);
    const topLevel = presented((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.field = 'soTien'));
    expect(codes(topLevel)).toEqual(['/machine/states/choDuyet/on/DUYET/0/guard required']);
  });

  it('warns where people would read a code: an enum value or a field without a label', () => {
    const codes = (d: WorkflowDefinition) => designWarnings(d).filter((w) => w.code.startsWith('unlabelled')).map((w) => w.message.match(/"([^"]+)"/)?.[1]);
    expect(codes(presented())).toEqual([]);
    expect(codes(presented((d) => delete d.values['buu-chinh']))).toEqual(['buu-chinh']);
    expect(codes(presented((d) => delete d.fields.diaChi))).toEqual(['diaChi']);
    expect(codes(presented((d) => delete d.fields.ghiChu))).toEqual(['ghiChu']);
  });

  it('the diagram for people leaves out guards written for the machine, keeping described ones', () => {
    const wf = compileWorkflow(presented());
    expect(toMermaid(wf)).toContain('[có vai trò truong-phong');
    expect(toMermaid(wf, { guards: 'described' })).toContain('choDuyet --> daDuyet : Phê duyệt\n');
    const described = compileWorkflow(presented((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.description = L('trong hạn mức', 'within the limit'))));
    expect(toMermaid(described, { guards: 'described' })).toContain('Phê duyệt [trong hạn mức]');
  });
});
