import { describe, expect, it } from '@jest/globals';
import {
  activeStatePaths,
  allowedEvents,
  compileWorkflow,
  EngineError,
  start,
  stateLabel,
  step,
  type Actor,
  type Effect,
  type PersistedState,
  type StepInput,
  type StepResult,
} from './index.js';
import { actors, clone, complaintDefinition, tinyDefinition } from './test-fixtures.js';

const wf = compileWorkflow(complaintDefinition);
const tinyWf = compileWorkflow(tinyDefinition);

const INPUT = { nguoiKhieuNai: 'Nguyễn Văn An', ngayNhan: '2026-01-05T01:30:00.000Z' };
const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T02:00:00.000Z`;

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/**
 * Runs a scenario; after every step the state goes through JSON.stringify/parse (as it does
 * through the database), must come back deep-equal, and is frozen before it is used again.
 */
function run(steps: Array<[StepInput, Actor, string]>, startActor: Actor = actors.tiepDan): StepResult[] {
  const results: StepResult[] = [];
  let r = start(wf, INPUT, { actor: startActor, at: day(5) });
  results.push(r);
  for (const [event, actor, at] of steps) {
    const restored = JSON.parse(JSON.stringify(r.state)) as PersistedState;
    expect(restored).toEqual(r.state);
    r = step(wf, deepFreeze(restored), event, { actor, at });
    results.push(r);
  }
  expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  return results;
}

const types = (effects: Effect[]) => effects.map((e) => ('state' in e ? `${e.type} ${e.state}` : e.type));

function refusal(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  }
  throw new Error('expected an EngineError');
}

const happyPath: Array<[StepInput, Actor, string]> = [
  [{ type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, actors.tiepDan, day(6)],
  [{ type: 'THU_LY' }, actors.xuLy, day(7)],
  [{ type: 'BINH_LUAN', payload: { noiDung: 'Đã liên hệ công dân qua điện thoại' } }, actors.xuLy, day(8)],
  [{ type: 'XAC_MINH_XONG' }, actors.thanhTra, day(9)],
  [{ type: 'DOI_THOAI_XONG' }, actors.xuLy, day(12)],
  [{ type: 'KET_LUAN', payload: { ketQua: 'dung-mot-phan', soQuyetDinh: '15/QĐ-UBND' } }, actors.chuTich, day(14)],
];

describe('start()', () => {
  it('builds the context from definition.context and the input, and opens the first task', () => {
    const r = start(wf, INPUT, { actor: actors.tiepDan, at: day(5) });
    expect(r.from).toBe('');
    expect(r.to).toBe('tiepNhan');
    expect(r.state.value).toBe('tiepNhan');
    expect(r.state.status).toBe('active');
    expect(r.state.context).toEqual({
      loai: null,
      soLanGiaHan: 0,
      ghiChu: [],
      nguoiTiepNhan: null,
      ketQua: null,
      nguoiKhieuNai: 'Nguyễn Văn An',
      ngayNhan: '2026-01-05T01:30:00.000Z',
    });
    expect(r.effects).toEqual([
      {
        type: 'task.open',
        state: 'tiepNhan',
        task: {
          title: { vi: 'Tiếp nhận và phân loại đơn', en: 'Register and classify the letter' },
          roles: ['can-bo-tiep-dan'],
          units: ['ubnd-phuong'],
          priority: 'normal',
          outcomes: ['TIEP_NHAN'],
        },
        at: day(5),
      },
      {
        type: 'timer.arm',
        state: 'tiepNhan',
        deadline: {
          key: 'tiep-nhan',
          label: { vi: 'Hạn thụ lý', en: 'Acceptance time limit' },
          after: { workingDays: 10 },
          from: { context: 'ngayNhan' },
          escalate: {
            priority: 'urgent',
            addRoles: ['chu-tich'],
            notify: { roles: ['chu-tich'], message: { vi: 'Đơn quá hạn thụ lý', en: 'Letter overdue for acceptance' } },
          },
          reminders: [{ before: { workingDays: 2 } }],
        },
        // counted from the context field, not from the moment of entry
        startAt: '2026-01-05T01:30:00.000Z',
        at: day(5),
      },
    ]);
  });

  it('validates the input against inputSchema (INVALID_INPUT, issues name the field)', () => {
    let e = refusal(() => start(wf, { ngayNhan: 'hôm qua' }, { actor: actors.tiepDan, at: day(5) }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/input/nguoiKhieuNai', code: 'required' }),
        expect.objectContaining({ path: '/input/ngayNhan', code: 'invalid_format' }),
      ]),
    );
    e = refusal(() => start(wf, undefined, { actor: actors.tiepDan, at: day(5) }));
    expect(e.code).toBe('INVALID_INPUT');
    e = refusal(() => start(wf, [1] as never, { actor: actors.tiepDan, at: day(5) }));
    expect(e.issues).toEqual([expect.objectContaining({ path: '/input', code: 'invalid_type' })]);
    e = refusal(() => start(wf, { ...INPUT, soNguoiKy: 1.5 }, { actor: actors.tiepDan, at: day(5) }));
    expect(e.issues).toEqual([expect.objectContaining({ path: '/input/soNguoiKy', code: 'invalid_type' })]);
    e = refusal(() => start(wf, { ...INPUT, khac: 1 }, { actor: actors.tiepDan, at: day(5) }));
    expect(e.issues).toEqual([expect.objectContaining({ path: '/input/khac', code: 'unknown_key' })]);
  });

  it('accepts no input when there is no inputSchema, and input overrides context', () => {
    expect(start(tinyWf, undefined, { actor: actors.chuyenVien, at: day(1) }).state.context).toEqual({ soTien: 0 });
    expect(start(tinyWf, { soTien: 5, ghiChu: 'Gấp' }, { actor: actors.chuyenVien, at: day(1) }).state.context).toEqual({
      soTien: 5,
      ghiChu: 'Gấp',
    });
  });

  it('gives each instance its own context', () => {
    const a = start(wf, INPUT, { actor: actors.tiepDan, at: day(5) });
    (a.state.context.ghiChu as string[]).push('sửa đổi ngoài engine');
    const b = start(wf, INPUT, { actor: actors.tiepDan, at: day(5) });
    expect(b.state.context.ghiChu).toEqual([]);
    expect(wf.definition.context!.ghiChu).toEqual([]);
  });

  it('rejects a malformed actor or instant as a programming error', () => {
    expect(() => start(wf, INPUT, { actor: { id: 'x' } as Actor, at: day(5) })).toThrow(TypeError);
    expect(() => start(wf, INPUT, { actor: actors.tiepDan, at: 'hôm nay' })).toThrow(TypeError);
  });
});

describe('step(): a complaint from registration to decision', () => {
  const results = run(happyPath);
  const [, tiepNhan, thuLy, binhLuan, xacMinh, doiThoai, ketLuan] = results;

  it('TIEP_NHAN: assign + recordActor, then `always` picks xuLy; exits before entries; parent before child', () => {
    expect(tiepNhan.from).toBe('tiepNhan');
    expect(tiepNhan.to).toEqual({ xuLy: 'thuLy' });
    expect(tiepNhan.state.context).toMatchObject({
      loai: 'thuoc-tham-quyen',
      hoSo: { nguon: 'truc-tiep' },
      nguoiTiepNhan: { id: 'u-tiep-dan', at: day(6) },
    });
    expect(types(tiepNhan.effects)).toEqual(['timer.cancel tiepNhan', 'task.close tiepNhan', 'timer.arm xuLy', 'task.open xuLy.thuLy']);
    const arm = tiepNhan.effects[2] as Extract<Effect, { type: 'timer.arm' }>;
    expect(arm.startAt).toBe(day(6));
    expect(arm.deadline).toEqual({
      key: 'giai-quyet',
      after: { days: 30 },
      from: 'entry',
      event: 'QUA_HAN',
      reminders: [{ before: { days: 5 }, message: { vi: 'Sắp hết hạn giải quyết', en: 'Time limit approaching' } }],
    });
  });

  it('THU_LY enters a parallel state: one task per region', () => {
    expect(thuLy.to).toEqual({ xuLy: { xacMinh: { hoSo: 'dangXacMinh', doiThoai: 'choDoiThoai' } } });
    expect(types(thuLy.effects)).toEqual(['task.close xuLy.thuLy', 'task.open xuLy.xacMinh.hoSo.dangXacMinh', 'task.open xuLy.xacMinh.doiThoai.choDoiThoai']);
    expect(activeStatePaths(thuLy.state.value)).toEqual(['xuLy.xacMinh.hoSo.dangXacMinh', 'xuLy.xacMinh.doiThoai.choDoiThoai']);
  });

  it('BINH_LUAN is a targetless transition on an ancestor: context changes, no task or timer churn', () => {
    expect(binhLuan.to).toEqual(binhLuan.from);
    expect(binhLuan.effects).toEqual([]);
    expect(binhLuan.state.context.ghiChu).toEqual(['Đã liên hệ công dân qua điện thoại']);
  });

  it('one region reaching its final state does not finish the parallel state', () => {
    expect(xacMinh.to).toEqual({ xuLy: { xacMinh: { hoSo: 'daXacMinh', doiThoai: 'choDoiThoai' } } });
    expect(types(xacMinh.effects)).toEqual(['task.close xuLy.xacMinh.hoSo.dangXacMinh']);
    expect(allowedEvents(wf, xacMinh.state)).toEqual(['BINH_LUAN', 'DOI_THOAI_XONG', 'GIA_HAN', 'HUY', 'QUA_HAN']);
  });

  it('both regions final -> onDone moves on to ketLuan', () => {
    expect(doiThoai.to).toEqual({ xuLy: 'ketLuan' });
    expect(types(doiThoai.effects)).toEqual(['task.close xuLy.xacMinh.doiThoai.choDoiThoai', 'task.open xuLy.ketLuan']);
  });

  it('KET_LUAN reaches a top-level final state: effects in XState order, then instance.done', () => {
    expect(ketLuan.to).toBe('daGiaiQuyet');
    expect(ketLuan.state.status).toBe('done');
    expect(ketLuan.state.context).toMatchObject({
      ketQua: 'dung-mot-phan',
      soQuyetDinh: '15/QĐ-UBND',
      nguoiKy: { id: 'u-chu-tich', at: day(14) },
    });
    expect(ketLuan.effects).toEqual([
      { type: 'task.close', state: 'xuLy.ketLuan', at: day(14) },
      { type: 'timer.cancel', state: 'xuLy', deadlineKey: 'giai-quyet', at: day(14) },
      {
        type: 'emit',
        topic: 'khieu-nai.quyet-dinh',
        // `context.ketQua` is read after the assign that precedes the emit
        data: { soQuyetDinh: '15/QĐ-UBND', ketQua: 'dung-mot-phan', nguoiKy: 'u-chu-tich', luc: day(14) },
        at: day(14),
      },
      {
        type: 'notify',
        roles: ['can-bo-xu-ly'],
        users: ['cong-dan-portal', 'u-tiep-dan'],
        message: { vi: 'Đã có quyết định giải quyết khiếu nại', en: 'The complaint has been decided' },
        at: day(14),
      },
      { type: 'instance.done', output: { ketQua: 'giai-quyet' }, at: day(14) },
    ]);
    expect(allowedEvents(wf, ketLuan.state)).toEqual([]);
  });

  it('every task opened is closed, every timer armed is cancelled', () => {
    const all = results.flatMap((r) => r.effects);
    const opened = all.filter((e) => e.type === 'task.open').map((e) => (e as { state: string }).state);
    const closed = all.filter((e) => e.type === 'task.close').map((e) => (e as { state: string }).state);
    expect([...closed].sort()).toEqual([...opened].sort());
    const armed = all.filter((e) => e.type === 'timer.arm').map((e) => (e as { deadline: { key: string } }).deadline.key);
    const cancelled = all.filter((e) => e.type === 'timer.cancel').map((e) => (e as { deadlineKey: string }).deadlineKey);
    expect([...cancelled].sort()).toEqual([...armed].sort());
  });

  it('is deterministic: the same inputs give deep-equal outputs, across compilations too', () => {
    expect(run(happyPath)).toEqual(results);
    const other = compileWorkflow(clone(complaintDefinition));
    let r = start(other, INPUT, { actor: actors.tiepDan, at: day(5) });
    expect(r).toEqual(results[0]);
    happyPath.forEach(([event, actor, at], i) => {
      r = step(other, r.state, event, { actor, at });
      expect(r).toEqual(results[i + 1]);
    });
  });

  it('PersistedState.snapshot is plain JSON, equal to what machine.getPersistedSnapshot gives', () => {
    for (const r of results) {
      const resolved = wf.machine.resolveState({ value: r.state.value, context: r.state.context, output: (r.state.snapshot as { output?: unknown }).output });
      expect(r.state.snapshot).toEqual(JSON.parse(JSON.stringify(wf.machine.getPersistedSnapshot(resolved))));
      const json = JSON.stringify(r.state.snapshot);
      expect(JSON.parse(json)).toEqual(r.state.snapshot);
      expect(json).not.toMatch(/"machine"|"_nodes"/);
    }
  });
});

describe('step(): other paths', () => {
  it('`always` takes the guarded branch: forwarded, done at once, notify resolves a user from context', () => {
    const [, r] = run([[{ type: 'TIEP_NHAN', payload: { loai: 'ngoai-tham-quyen' } }, actors.tiepDan, day(6)]]);
    expect(r.to).toBe('chuyenDon');
    expect(r.state.status).toBe('done');
    expect(r.effects).toEqual([
      { type: 'timer.cancel', state: 'tiepNhan', deadlineKey: 'tiep-nhan', at: day(6) },
      { type: 'task.close', state: 'tiepNhan', at: day(6) },
      {
        type: 'notify',
        roles: [],
        users: ['u-tiep-dan'],
        message: { vi: 'Đơn không thuộc thẩm quyền, đã chuyển', en: 'Letter outside competence, forwarded' },
        at: day(6),
      },
      { type: 'instance.done', output: { ketQua: 'chuyen-don' }, at: day(6) },
    ]);
  });

  it('a root transition (.child target) leaves a nested parallel state: descendants exit before ancestors', () => {
    const results = run([
      [{ type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, actors.tiepDan, day(6)],
      [{ type: 'THU_LY' }, actors.xuLy, day(7)],
      [{ type: 'HUY' }, actors.chuTich, day(8)],
    ]);
    const huy = results[3];
    expect(huy.to).toBe('daRut');
    expect(huy.state.status).toBe('done');
    // XState (like SCXML) exits in reverse document order: the later region first
    expect(types(huy.effects)).toEqual([
      'task.close xuLy.xacMinh.doiThoai.choDoiThoai',
      'task.close xuLy.xacMinh.hoSo.dangXacMinh',
      'timer.cancel xuLy',
      'instance.done',
    ]);
    expect(huy.effects[3]).toEqual({ type: 'instance.done', at: day(8) });
  });

  it('GIA_HAN: extendDeadline gives timer.extend and records the extension; the third is refused', () => {
    const results = run([
      [{ type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, actors.tiepDan, day(6)],
      [{ type: 'GIA_HAN', payload: { lyDo: 'Vụ việc phức tạp' } }, actors.chuTich, day(20)],
      [{ type: 'GIA_HAN', payload: { lyDo: 'Cần giám định tài liệu' } }, actors.chuTich, day(25)],
    ]);
    const [, , first, second] = results;
    expect(first.effects).toEqual([{ type: 'timer.extend', deadlineKey: 'giai-quyet', by: { days: 30 }, reason: 'Vụ việc phức tạp', at: day(20) }]);
    expect(second.state.context.soLanGiaHan).toBe(2);
    expect(second.state.context._extensions).toEqual([
      { deadline: 'giai-quyet', by: { days: 30 }, at: day(20), actor: 'u-chu-tich', reason: 'Vụ việc phức tạp' },
      { deadline: 'giai-quyet', by: { days: 30 }, at: day(25), actor: 'u-chu-tich', reason: 'Cần giám định tài liệu' },
    ]);
    const e = refusal(() => step(wf, second.state, { type: 'GIA_HAN', payload: { lyDo: 'Lần ba' } }, { actor: actors.chuTich, at: day(28) }));
    expect(e.code).toBe('GUARD_REJECTED');
  });

  it('a timer event from the system actor runs its actions (QUA_HAN -> notify)', () => {
    const results = run([[{ type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, actors.tiepDan, day(6)]]);
    const r = step(wf, results[1].state, { type: 'QUA_HAN' }, { actor: actors.system, at: '2026-02-05T02:00:00.000Z' });
    expect(r.to).toEqual(r.from);
    expect(r.effects).toEqual([
      {
        type: 'notify',
        roles: ['chu-tich'],
        users: [],
        message: { vi: 'Khiếu nại quá hạn giải quyết', en: 'Complaint overdue' },
        at: '2026-02-05T02:00:00.000Z',
      },
    ]);
  });

  it('separation of duties: who registered the letter cannot accept it, whatever their roles', () => {
    const results = run([[{ type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, actors.kiemNhiem, day(6)]], actors.kiemNhiem);
    const e = refusal(() => step(wf, results[1].state, { type: 'THU_LY' }, { actor: actors.kiemNhiem, at: day(7) }));
    expect(e.code).toBe('GUARD_REJECTED');
    expect(e.allowedEvents).toEqual(['BINH_LUAN', 'GIA_HAN', 'HUY', 'QUA_HAN', 'THU_LY']);
    expect(step(wf, results[1].state, { type: 'THU_LY' }, { actor: actors.xuLy, at: day(7) }).to).toEqual({
      xuLy: { xacMinh: { hoSo: 'dangXacMinh', doiThoai: 'choDoiThoai' } },
    });
  });

  it('restores from value/context when the snapshot is missing', () => {
    const s = start(wf, INPUT, { actor: actors.tiepDan, at: day(5) }).state;
    const r = step(wf, { ...s, snapshot: undefined }, { type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, { actor: actors.tiepDan, at: day(6) });
    expect(r.to).toEqual({ xuLy: 'thuLy' });
  });

  it('a persisted state that does not fit the machine is a plain Error (data corruption), not a refusal', () => {
    const s = start(wf, INPUT, { actor: actors.tiepDan, at: day(5) }).state;
    const bad = { ...s, value: 'khongCo', snapshot: { ...(s.snapshot as object), value: 'khongCo' } };
    expect(() => step(wf, bad, { type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, { actor: actors.tiepDan, at: day(6) })).toThrow(
      /does not fit workflow "khieu-nai"/,
    );
  });
});

describe('step(): refusals, in order', () => {
  const [initial, afterRegistration] = run([[{ type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, actors.tiepDan, day(6)]]);
  const done = run(happyPath).at(-1)!.state;
  const opts = { actor: actors.chuTich, at: day(20) };

  it('INSTANCE_DONE first, whatever the event', () => {
    expect(refusal(() => step(wf, done, { type: 'KHONG_CO', payload: 'rác' as never }, opts)).code).toBe('INSTANCE_DONE');
    expect(refusal(() => step(wf, { ...done, status: 'active' }, { type: 'HUY' }, opts)).code).toBe('INSTANCE_DONE');
  });

  it('EVENT_NOT_ACCEPTED for a type outside the catalogue, or one no active state handles; lists allowed events', () => {
    let e = refusal(() => step(wf, initial.state, { type: 'KHONG_CO' }, opts));
    expect(e.code).toBe('EVENT_NOT_ACCEPTED');
    expect(e.allowedEvents).toEqual(['HUY', 'TIEP_NHAN']);
    // in the catalogue, but handled only deeper in the machine; the invalid payload is not looked at yet
    e = refusal(() => step(wf, initial.state, { type: 'KET_LUAN', payload: { ketQua: 'sai-het' } }, opts));
    expect(e.code).toBe('EVENT_NOT_ACCEPTED');
    expect(e.allowedEvents).toEqual(['HUY', 'TIEP_NHAN']);
    e = refusal(() => step(wf, initial.state, { type: 'toString' }, opts));
    expect(e.code).toBe('EVENT_NOT_ACCEPTED');
    e = refusal(() => step(wf, initial.state, {} as StepInput, opts));
    expect(e.code).toBe('EVENT_NOT_ACCEPTED');
  });

  it('INVALID_PAYLOAD before guards; issues name the field', () => {
    let e = refusal(() => step(wf, initial.state, { type: 'TIEP_NHAN', payload: {} }, { actor: actors.thanhTra, at: day(6) }));
    expect(e.code).toBe('INVALID_PAYLOAD');
    expect(e.issues).toEqual([expect.objectContaining({ path: '/payload/loai', code: 'required' })]);
    e = refusal(() => step(wf, initial.state, { type: 'TIEP_NHAN', payload: { loai: 'khac', them: 1 } }, opts));
    expect(e.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/payload/loai', code: 'invalid_value' }),
        expect.objectContaining({ path: '/payload/them', code: 'unknown_key' }),
      ]),
    );
    e = refusal(() => step(wf, initial.state, { type: 'TIEP_NHAN', payload: ['thuoc-tham-quyen'] as never }, opts));
    expect(e.issues).toEqual([expect.objectContaining({ path: '/payload', code: 'invalid_type' })]);
    e = refusal(() => step(wf, initial.state, { type: 'TIEP_NHAN', payload: { loai: new Date(0) } as never }, opts));
    expect(e.issues).toEqual([expect.objectContaining({ path: '/payload/loai', code: 'not_json' })]);
  });

  it('GUARD_REJECTED when a transition exists but no guard passes', () => {
    const e = refusal(() => step(wf, initial.state, { type: 'TIEP_NHAN', payload: { loai: 'thuoc-tham-quyen' } }, { actor: actors.thanhTra, at: day(6) }));
    expect(e.code).toBe('GUARD_REJECTED');
    expect(e.allowedEvents).toEqual(['HUY', 'TIEP_NHAN']);
    const huy = refusal(() => step(wf, afterRegistration.state, { type: 'HUY' }, { actor: actors.xuLy, at: day(7) }));
    expect(huy.code).toBe('GUARD_REJECTED');
  });

  it('the admin role passes `any` guards that name it; refusals leave the state untouched', () => {
    const frozen = deepFreeze(clone(afterRegistration.state));
    const r = step(wf, frozen, { type: 'HUY' }, { actor: { id: 'quan-tri', roles: ['admin'], units: [] }, at: day(7) });
    expect(r.to).toBe('daRut');
    expect(frozen).toEqual(afterRegistration.state);
  });
});

describe('root-level meta and instant completion', () => {
  const at = '2026-05-04T01:00:00.000Z';

  it('a machine whose initial state is final is done at start()', () => {
    const def = {
      key: 'toi-gian',
      title: { vi: 'Tối giản', en: 'Minimal' },
      events: {},
      machine: { initial: 'xong', states: { xong: { type: 'final', output: { ok: true } } } },
    };
    const w = compileWorkflow(def);
    const r = start(w, undefined, { actor: actors.system, at });
    expect(r.state.status).toBe('done');
    expect(r.effects).toEqual([{ type: 'instance.done', output: { ok: true }, at }]);
    expect(refusal(() => step(w, r.state, { type: 'BAT_KY' }, { actor: actors.system, at })).code).toBe('INSTANCE_DONE');
  });

  it('deadlines on the root are armed at start and cancelled when the instance finishes', () => {
    const def = {
      key: 'han-tong',
      title: { vi: 'Hạn tổng', en: 'Overall limit' },
      events: { XONG: { label: { vi: 'Hoàn thành', en: 'Done' }, kind: 'human' } },
      machine: {
        initial: 'dangLam',
        meta: { deadlines: [{ key: 'tong', after: { days: 60 } }] },
        states: { dangLam: { on: { XONG: 'daXong' } }, daXong: { type: 'final' } },
      },
    };
    const w = compileWorkflow(def);
    const s = start(w, undefined, { actor: actors.chuyenVien, at });
    expect(s.effects).toEqual([
      { type: 'timer.arm', state: '', deadline: { key: 'tong', after: { days: 60 }, from: 'entry', reminders: [] }, startAt: at, at },
    ]);
    const r = step(w, s.state, { type: 'XONG' }, { actor: actors.chuyenVien, at });
    expect(r.effects).toEqual([
      { type: 'timer.cancel', state: '', deadlineKey: 'tong', at },
      { type: 'instance.done', at },
    ]);
  });
});

describe('allowedEvents, stateLabel, activeStatePaths', () => {
  it('allowedEvents: sorted types with any transition from an active node or its ancestors, guards ignored', () => {
    const s = start(wf, INPUT, { actor: actors.tiepDan, at: day(5) }).state;
    expect(allowedEvents(wf, s)).toEqual(['HUY', 'TIEP_NHAN']);
    expect(allowedEvents(wf, clone(s))).toEqual(['HUY', 'TIEP_NHAN']);
    const list = allowedEvents(wf, s);
    list.push('GHI_DE');
    expect(allowedEvents(wf, s)).toEqual(['HUY', 'TIEP_NHAN']);
    expect(allowedEvents(tinyWf, start(tinyWf, undefined, { actor: actors.chuyenVien, at: day(1) }).state)).toEqual(['GUI']);
  });

  it('stateLabel: by dotted path', () => {
    expect(stateLabel(wf, 'tiepNhan')).toEqual({ vi: 'Tiếp nhận đơn', en: 'Registering the letter' });
    expect(stateLabel(wf, 'xuLy.xacMinh.doiThoai.choDoiThoai')).toEqual({ vi: 'Chờ đối thoại', en: 'Awaiting dialogue' });
    expect(stateLabel(wf, 'xuLy.xacMinh.hoSo.daXacMinh')).toBeUndefined();
    expect(stateLabel(wf, 'khongCo')).toBeUndefined();
  });

  it('activeStatePaths: leaf paths of a state value', () => {
    expect(activeStatePaths('nhap')).toEqual(['nhap']);
    expect(activeStatePaths({ xuLy: 'thuLy' })).toEqual(['xuLy.thuLy']);
    expect(activeStatePaths({ a: { b: { c: 'd' }, e: 'f' }, g: {} })).toEqual(['a.b.c.d', 'a.e.f', 'g']);
  });
});

describe('tiny workflow: guards on payload-derived context', () => {
  it('compare <= on an assigned amount', () => {
    const s0 = start(tinyWf, undefined, { actor: actors.chuyenVien, at: day(1) });
    const small = step(tinyWf, s0.state, { type: 'GUI', payload: { soTien: 500000 } }, { actor: actors.chuyenVien, at: day(2) });
    expect(step(tinyWf, small.state, { type: 'DUYET' }, { actor: actors.truongPhong, at: day(3) }).state.status).toBe('done');
    const big = step(tinyWf, s0.state, { type: 'GUI', payload: { soTien: 5000000 } }, { actor: actors.chuyenVien, at: day(2) });
    expect(refusal(() => step(tinyWf, big.state, { type: 'DUYET' }, { actor: actors.truongPhong, at: day(3) })).code).toBe('GUARD_REJECTED');
    expect(refusal(() => step(tinyWf, small.state, { type: 'DUYET' }, { actor: actors.chuyenVien, at: day(3) })).code).toBe('GUARD_REJECTED');
    const rejected = step(tinyWf, big.state, { type: 'TU_CHOI' }, { actor: actors.truongPhong, at: day(3) });
    expect(rejected.to).toBe('tuChoi');
    expect(rejected.effects).toEqual([{ type: 'instance.done', at: day(3) }]);
  });
});
