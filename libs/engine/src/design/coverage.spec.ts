import { describe, expect, it } from '@jest/globals';
import { compileWorkflow, explorePaths, type WorkflowDefinition } from '../index.js';
import { guardHints, machineTransitions } from './guards.js';
import { fitConditionals, fromPattern, samplePayloads, sampleVariants } from './sample.js';

const L = (vi: string, en: string) => ({ vi, en });
const cmp = (left: string, op: string, value: unknown) => ({ type: 'compare', params: { left: { path: left }, op, right: { value } } });
const final = (vi: string, en: string) => ({ type: 'final' as const, meta: { label: L(vi, en) } });

/**
 * A registration whose branches need what required-only, minimum-value samples never hold: a
 * number above a threshold, an enum value, an optional field; a value the form refuses; a start
 * input field; and a state only a deadline reaches, from a state no payload reaches.
 */
const registration: WorkflowDefinition = {
  key: 'dang-ky-su-kien',
  title: L('Đăng ký tổ chức sự kiện', 'Event registration'),
  roles: { 'van-phong': L('Văn phòng', 'Office') },
  inputSchema: { type: 'object', required: ['tenSuKien'], properties: { tenSuKien: { type: 'string', minLength: 3 }, uuTien: { type: 'boolean' } } },
  events: {
    DANG_KY: {
      label: L('Đăng ký', 'Register'),
      kind: 'human',
      schema: {
        type: 'object',
        required: ['loai', 'soNguoi'],
        additionalProperties: false,
        properties: {
          loai: { enum: ['ca-nhan', 'to-chuc'] },
          soNguoi: { type: 'integer', minimum: 1, maximum: 500 },
          ghiChu: { type: 'string', maxLength: 200 },
        },
      },
    },
    XONG: { label: L('Xong', 'Done'), kind: 'human' },
    QUA_HAN: { label: L('Quá hạn', 'Overdue'), kind: 'timer' },
  },
  machine: {
    initial: 'tiepNhan',
    states: {
      tiepNhan: {
        meta: {
          label: L('Tiếp nhận', 'Intake'),
          task: { title: L('Tiếp nhận đăng ký', 'Take the registration'), roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'], outcomes: ['DANG_KY'] },
        },
        always: { target: 'khan', guard: cmp('context.uuTien', '==', true) },
        on: {
          DANG_KY: [
            // More than the form allows: never true with a payload the form accepts.
            { target: 'sieuLon', guard: cmp('payload.soNguoi', '>', 1000) },
            { target: 'lon', guard: cmp('payload.soNguoi', '>', 200) },
            { target: 'toChuc', guard: cmp('payload.loai', '==', 'to-chuc') },
            { target: 'coGhiChu', guard: { type: 'exists', params: { path: 'payload.ghiChu' } } },
            { target: 'thuong' },
          ],
        },
      },
      khan: { meta: { label: L('Khẩn', 'Urgent') }, on: { XONG: 'xong' } },
      lon: { meta: { label: L('Sự kiện lớn', 'Large event') }, on: { XONG: 'xong' } },
      toChuc: { meta: { label: L('Tổ chức đăng ký', 'Registered by an organisation') }, on: { XONG: 'xong' } },
      coGhiChu: { meta: { label: L('Có ghi chú', 'With a note') }, on: { XONG: 'xong' } },
      thuong: { meta: { label: L('Thông thường', 'Ordinary') }, on: { XONG: 'xong' } },
      sieuLon: {
        meta: { label: L('Rất lớn', 'Huge'), deadlines: [{ key: 'sieuLon', after: { workingDays: 2 }, event: 'QUA_HAN' }] },
        on: { XONG: 'xong', QUA_HAN: 'quaHan' },
      },
      quaHan: final('Quá hạn', 'Overdue'),
      xong: final('Xong', 'Done'),
    },
  },
};

describe('sampling aimed at the guards', () => {
  const wf = compileWorkflow(registration);

  it('required-only, minimum-value samples hold none of the branches', () => {
    expect(samplePayloads(registration.events.DANG_KY.schema)).toEqual([
      { loai: 'ca-nhan', soNguoi: 1 },
      { loai: 'to-chuc', soNguoi: 1 },
    ]);
  });

  it('samples each enum value, every optional field, both sides of each comparison and of exists', () => {
    const hints = guardHints(wf, machineTransitions(wf));
    const variants = sampleVariants(registration.events.DANG_KY.schema, hints.get('DANG_KY'));
    const payloads = variants.map((v) => v.payload);
    expect(payloads).toEqual(
      expect.arrayContaining([
        { loai: 'ca-nhan', soNguoi: 1 },
        { loai: 'to-chuc', soNguoi: 1 },
        { loai: 'ca-nhan', soNguoi: 1, ghiChu: 'mẫu' }, // every optional field present
        { loai: 'ca-nhan', soNguoi: 201 }, // just above 200
        { loai: 'ca-nhan', soNguoi: 500 }, // the largest the form allows
        { loai: 'ca-nhan', soNguoi: 200 }, // the other side
        { loai: 'ca-nhan', soNguoi: 1001 }, // above 1000: the form refuses it
      ]),
    );
    const aimed = (side: boolean, transition: string) =>
      variants.filter((v) => v.aims.some((a) => a.side === side && a.transition === transition)).map((v) => v.payload);
    expect(aimed(true, 'tiepNhan --DANG_KY--> lon')).toContainEqual({ loai: 'ca-nhan', soNguoi: 201 });
    expect(aimed(false, 'tiepNhan --DANG_KY--> lon')).toContainEqual({ loai: 'ca-nhan', soNguoi: 200 });
    expect(aimed(true, 'tiepNhan --DANG_KY--> coGhiChu')).toEqual([{ loai: 'ca-nhan', soNguoi: 1, ghiChu: 'mẫu' }]);
    // The start input: the field an eventless guard reads, true and false.
    const inputs = sampleVariants(registration.inputSchema, hints.get('@input')).map((v) => v.payload);
    expect(inputs).toEqual(
      expect.arrayContaining([
        { tenSuKien: 'mẫu', uuTien: true },
        { tenSuKien: 'mẫu', uuTien: false },
      ]),
    );
  });

  it('fills what a chosen value requires (if/then) and strings matching a pattern', () => {
    const schema = {
      type: 'object',
      required: ['ketLuan', 'diem'],
      properties: { ketLuan: { enum: ['dat', 'khong-dat'] }, diem: { type: 'integer', minimum: 0 }, lyDo: { type: 'string', minLength: 3 } },
      allOf: [
        { if: { properties: { ketLuan: { const: 'dat' } } }, then: { properties: { diem: { minimum: 70 } } } },
        { if: { properties: { ketLuan: { const: 'khong-dat' } } }, then: { required: ['lyDo'] } },
      ],
    };
    expect(fitConditionals({ ketLuan: 'dat', diem: 0 }, schema)).toEqual({ ketLuan: 'dat', diem: 70 });
    expect(fitConditionals({ ketLuan: 'khong-dat', diem: 0 }, schema)).toEqual({ ketLuan: 'khong-dat', diem: 0, lyDo: 'mẫu' });
    expect(fromPattern('^[0-9]+/BC-[A-Z]+$')).toBe('0/BC-A');
    expect(fromPattern('^[a-z][a-z0-9-]{1,62}$', 5)).toBe('aaaaa');
    expect(fromPattern('^(QĐ|CV)-\\d{3}$')).toBe('QĐ-111');
    expect(fromPattern('^(?!x)')).toBeUndefined();
  });
});

describe('coverage with reasons', () => {
  const report = explorePaths(compileWorkflow(registration));

  it('reaches the enum branch, the number above the threshold, the optional field and the start input branch', () => {
    for (const state of ['lon', 'toChuc', 'coGhiChu', 'thuong', 'khan', 'xong']) expect(report.stateCoverage.covered).toContain(state);
    expect(report.shortest.lon[0]).toMatchObject({ event: 'DANG_KY', payload: { soNguoi: 201 } });
    expect(report.shortest.toChuc[0]).toMatchObject({ event: 'DANG_KY', payload: { loai: 'to-chuc' } });
    expect(report.shortest.coGhiChu[0]).toMatchObject({ event: 'DANG_KY', payload: { ghiChu: 'mẫu' } });
    // Who would send it in a real case: the task's candidates.
    expect(report.shortest.lon[0].by).toEqual({ roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'], task: 'tiepNhan' });
    // The urgent branch needs another start input than the report's: said per state.
    expect(report.input).toEqual({ tenSuKien: 'mẫu' });
    expect(report.shortest.khan).toEqual([]);
    expect(report.shortestInput).toEqual({ khan: { tenSuKien: 'mẫu', uuTien: true } });
    const fromOther = report.paths.filter((p) => p.input);
    expect(fromOther).toEqual([{ input: { tenSuKien: 'mẫu', uuTien: true }, steps: [{ event: 'XONG', to: ['xong'] }], end: ['xong'], done: true }]);
  });

  it('names each state and transition never reached, and why', () => {
    expect(report.stateCoverage.uncovered).toEqual(['sieuLon', 'quaHan']);
    expect(report.stateCoverage.reasons).toEqual([
      {
        item: 'sieuLon',
        code: 'guard_outside_form',
        via: 'tiepNhan --DANG_KY--> sieuLon',
        guard: 'compare(payload.soNguoi > 1000)',
        issue: expect.objectContaining({ path: '/payload/soNguoi' }),
        reason: expect.stringMatching(
          /^never entered: "tiepNhan --DANG_KY--> sieuLon": guard compare\(payload.soNguoi > 1000\) is never true with a payload the form accepts \(\/payload\/soNguoi must be <= 500\)/,
        ),
      },
      {
        item: 'quaHan',
        code: 'deadline_only',
        via: 'sieuLon --QUA_HAN--> quaHan',
        event: 'QUA_HAN',
        reason: 'only reachable after a deadline event (QUA_HAN): "sieuLon --QUA_HAN--> quaHan": its source state "sieuLon" is never reached',
      },
    ]);
    const why = Object.fromEntries(report.transitionCoverage.reasons.map((r) => [r.item, [r.code, r.reason]]));
    expect(why['tiepNhan --DANG_KY--> sieuLon'][0]).toBe('guard_outside_form');
    expect(why['sieuLon --QUA_HAN--> quaHan']).toEqual(['source_not_reached', 'its source state "sieuLon" is never reached']);
    expect(report.transitionCoverage.uncovered).toEqual(['tiepNhan --DANG_KY--> sieuLon', 'sieuLon --XONG--> xong', 'sieuLon --QUA_HAN--> quaHan']);
  });

  it('a guard no sampled payload makes true is named, part by part', () => {
    const def = JSON.parse(JSON.stringify(registration));
    // A threshold in the context nothing sets, compared with a value that no payload carries.
    def.context = { mucDo: 'thap' };
    def.machine.states.tiepNhan.on.DANG_KY[1].guard = {
      type: 'all',
      params: { guards: [cmp('payload.soNguoi', '>', 200), cmp('context.mucDo', '==', 'cao')] },
    };
    const r = explorePaths(compileWorkflow(def));
    expect(r.stateCoverage.reasons.find((x) => x.item === 'lon')).toEqual({
      item: 'lon',
      code: 'guard_never_true',
      via: 'tiepNhan --DANG_KY--> lon',
      guard: 'compare(context.mucDo == "cao")',
      reason: 'never entered: "tiepNhan --DANG_KY--> lon": guard compare(context.mucDo == "cao") was never true with the sampled payloads',
    });
  });

  it('an earlier branch always taken, and a start input no sample fits, are said', () => {
    const def = JSON.parse(JSON.stringify(registration));
    def.machine.states.tiepNhan.on.DANG_KY.splice(1, 0, { target: 'toChuc', guard: cmp('payload.soNguoi', '>', 100) });
    const r = explorePaths(compileWorkflow(def));
    expect(r.transitionCoverage.reasons.find((x) => x.item === 'tiepNhan --DANG_KY--> lon')).toMatchObject({
      code: 'earlier_transition',
      via: 'tiepNhan --DANG_KY--> toChuc',
    });
    def.inputSchema.properties.tenSuKien.pattern = '^(?=x)';
    const none = explorePaths(compileWorkflow(def));
    expect(none.stateCoverage.ratio).toBe(0);
    expect(none.stateCoverage.reasons[0]).toMatchObject({ code: 'input_never_valid', reason: expect.stringContaining('/input/tenSuKien') });
  });
});
