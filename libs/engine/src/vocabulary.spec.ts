import { describe, expect, it } from '@jest/globals';
import { compileWorkflow, start, step, ACTION_TYPES, GUARD_TYPES, type StepEnv, type WorkflowDefinition } from './index.js';
import { ASSIGNERS, compareValues, evalGuard, type CompareOp } from './vocabulary.js';

const env: StepEnv = {
  type: 'DUYET',
  payload: { soTien: 1500000, loai: 'khieu-nai', tep: ['don.pdf', 'bien-ban.pdf'], rong: null },
  actor: { id: 'u-lan', roles: ['truong-phong', 'chuyen-vien'], units: ['phong-vh', 'ubnd-phuong'] },
  at: '2026-03-02T02:00:00.000Z',
};
const ctx = {
  soTien: 1000000,
  nguoiTrinh: { id: 'u-minh', at: '2026-03-01T02:00:00.000Z' },
  nguoiDuyet: ['u-hoa', { id: 'u-binh', at: '2026-03-01T03:00:00.000Z' }],
  nguoiLap: 'u-lan',
  ds: ['a', 'b'],
  hoSo: { trangThai: 'du', soTrang: 12 },
};
const g = (type: string, params: Record<string, unknown>) => evalGuard({ type, params }, ctx, env);

describe('guards', () => {
  it('the vocabulary is exactly the documented one', () => {
    expect([...GUARD_TYPES].sort()).toEqual(['all', 'any', 'childrenDone', 'compare', 'exists', 'expression', 'hasRole', 'inUnit', 'not', 'notSameActor']);
    expect([...ACTION_TYPES].sort()).toEqual(['append', 'assign', 'emit', 'extendDeadline', 'increment', 'notify', 'recordActor', 'startChildren']);
  });

  it('hasRole / inUnit look at the actor', () => {
    expect(g('hasRole', { role: 'truong-phong' })).toBe(true);
    expect(g('hasRole', { role: 'chu-tich' })).toBe(false);
    expect(g('inUnit', { unit: 'ubnd-phuong' })).toBe(true);
    expect(g('inUnit', { unit: 'thanh-tra-phuong' })).toBe(false);
  });

  it('compare reads operands from context, payload, actor and event', () => {
    expect(g('compare', { left: { path: 'payload.soTien' }, op: '>', right: { path: 'context.soTien' } })).toBe(true);
    expect(g('compare', { left: { path: 'actor.id' }, op: '==', right: { path: 'context.nguoiLap' } })).toBe(true);
    expect(g('compare', { left: { path: 'event.type' }, op: '==', right: { value: 'DUYET' } })).toBe(true);
    expect(g('compare', { left: { path: 'event.at' }, op: '>=', right: { value: '2026-03-01T00:00:00.000Z' } })).toBe(true);
    expect(g('compare', { left: { path: 'context.hoSo' }, op: '==', right: { value: { soTrang: 12, trangThai: 'du' } } })).toBe(true);
    expect(g('compare', { left: { path: 'context.ds.length' }, op: '==', right: { value: 2 } })).toBe(true);
    expect(g('compare', { left: { path: 'context.ds.1' }, op: '==', right: { value: 'b' } })).toBe(true);
  });

  it.each<[unknown, CompareOp, unknown, boolean]>([
    [1, '==', 1, true],
    [1, '==', '1', false],
    [null, '==', undefined, true],
    [{ a: [1, 2] }, '==', { a: [1, 2] }, true],
    [{ a: [1, 2] }, '!=', { a: [2, 1] }, true],
    [2, '>', 1, true],
    [2, '>=', 2, true],
    [1, '<', 2, true],
    [2, '<=', 1, false],
    ['2026-01-02', '>', '2026-01-01', true],
    ['10', '>', 9, false],
    [null, '<', 1, false],
    ['b', 'in', ['a', 'b'], true],
    ['c', 'in', ['a', 'b'], false],
    ['c', 'in', 'abc', false],
    ['c', 'notIn', ['a', 'b'], true],
    ['a', 'notIn', ['a', 'b'], false],
    ['a', 'notIn', null, true],
    [['a', { x: 1 }], 'contains', { x: 1 }, true],
    ['Quyết định số 15', 'contains', 'số 15', true],
    [42, 'contains', 4, false],
  ])('compare %j %s %j -> %s', (left, op, right, expected) => {
    expect(compareValues(left, op, right)).toBe(expected);
  });

  it('exists: present and not null', () => {
    expect(g('exists', { path: 'payload.loai' })).toBe(true);
    expect(g('exists', { path: 'payload.rong' })).toBe(false);
    expect(g('exists', { path: 'payload.khongCo' })).toBe(false);
    expect(g('exists', { path: 'context.hoSo.soTrang' })).toBe(true);
    expect(g('exists', { path: 'context.constructor' })).toBe(false);
    expect(g('exists', { path: 'context.ds.toString' })).toBe(false);
  });

  it('notSameActor: compares actor.id with an id, an {id} record, or a list of either', () => {
    expect(g('notSameActor', { path: 'context.nguoiTrinh' })).toBe(true);
    expect(g('notSameActor', { path: 'context.nguoiLap' })).toBe(false);
    expect(g('notSameActor', { path: 'context.nguoiDuyet' })).toBe(true);
    expect(evalGuard({ type: 'notSameActor', params: { path: 'context.nguoiDuyet' } }, ctx, { ...env, actor: { ...env.actor, id: 'u-binh' } })).toBe(false);
    expect(evalGuard({ type: 'notSameActor', params: { path: 'context.nguoiDuyet' } }, ctx, { ...env, actor: { ...env.actor, id: 'u-hoa' } })).toBe(false);
    expect(g('notSameActor', { path: 'context.chuaCo' })).toBe(true);
  });

  it('notSameActor over steps: refuses whoever took any named step at any time (the history, not a field)', () => {
    const history = [
      { event: 'xstate.init', actor: 'u-lan' },
      { event: 'BAO_CAO', actor: 'u-binh' },
      { event: 'BAO_CAO_BO_SUNG', actor: 'u-hoa' },
    ];
    const as = (id: string) => ({ ...env, actor: { ...env.actor, id }, history });
    const steps = { steps: ['BAO_CAO', 'BAO_CAO_BO_SUNG'] };
    expect(evalGuard({ type: 'notSameActor', params: steps }, ctx, as('u-binh'))).toBe(false);
    expect(evalGuard({ type: 'notSameActor', params: steps }, ctx, as('u-hoa'))).toBe(false);
    expect(evalGuard({ type: 'notSameActor', params: steps }, ctx, as('u-son'))).toBe(true);
    expect(evalGuard({ type: 'notSameActor', params: { steps: ['@start'] } }, ctx, as('u-lan'))).toBe(false);
    // A path also names the steps that record an actor there (compiled in as recordedBy).
    expect(evalGuard({ type: 'notSameActor', params: { path: 'context.chuaCo', recordedBy: ['BAO_CAO'] } }, ctx, as('u-binh'))).toBe(false);
  });

  it('all / any / not compose, and nest', () => {
    const yes = { type: 'hasRole', params: { role: 'chuyen-vien' } };
    const no = { type: 'hasRole', params: { role: 'chu-tich' } };
    expect(g('all', { guards: [yes, yes] })).toBe(true);
    expect(g('all', { guards: [yes, no] })).toBe(false);
    expect(g('any', { guards: [no, yes] })).toBe(true);
    expect(g('any', { guards: [no, no] })).toBe(false);
    expect(g('not', { guard: no })).toBe(true);
    expect(g('not', { guard: { type: 'all', params: { guards: [yes, { type: 'not', params: { guard: no } }] } } })).toBe(false);
  });

  it('an unknown guard type is false (validation rejects it before it can run)', () => {
    expect(g('eval', {})).toBe(false);
  });
});

describe('context actions', () => {
  const base = { a: 1, list: ['x'], nested: { keep: true } };
  const frozen = Object.freeze({ ...base, list: Object.freeze(['x']), nested: Object.freeze({ keep: true }) });

  it('assign: dotted paths create objects; `context.` prefix optional; operands read before writing; undefined -> null', () => {
    const out = ASSIGNERS.assign(
      {
        set: {
          a: { value: 2 },
          b: { path: 'context.a' },
          'context.nested.moi.sau': { path: 'payload.loai' },
          'nested.thieu': { path: 'payload.khongCo' },
          'list.2': { value: 'z' },
          nguoi: { path: 'actor' },
        },
      },
      frozen,
      env,
    );
    expect(out).toEqual({
      a: 2,
      b: 1,
      list: ['x', null, 'z'],
      nested: { keep: true, moi: { sau: 'khieu-nai' }, thieu: null },
      nguoi: env.actor,
    });
    expect(out.nguoi).not.toBe(env.actor);
    expect(frozen).toEqual(base);
  });

  it('increment: from 0 when missing or not a number; by defaults to 1', () => {
    expect(ASSIGNERS.increment({ path: 'a' }, frozen, env).a).toBe(2);
    expect(ASSIGNERS.increment({ path: 'context.dem.lan', by: 5 }, frozen, env)).toMatchObject({ dem: { lan: 5 } });
    expect(ASSIGNERS.increment({ path: 'list', by: -1 }, frozen, env).list).toBe(-1);
  });

  it('append: pushes a copy; creates the array', () => {
    expect(ASSIGNERS.append({ path: 'list', item: { path: 'payload.tep' } }, frozen, env).list).toEqual(['x', ['don.pdf', 'bien-ban.pdf']]);
    expect(ASSIGNERS.append({ path: 'moi', item: { value: { n: 1 } } }, frozen, env).moi).toEqual([{ n: 1 }]);
  });

  it('recordActor: stores {id, at}', () => {
    expect(ASSIGNERS.recordActor({ path: 'context.duyet.boi' }, frozen, env)).toMatchObject({
      duyet: { boi: { id: 'u-lan', at: '2026-03-02T02:00:00.000Z' } },
    });
  });
});

// -----------------------------------------------------------------------------------------------
// Every action and guard through compile + start + step.

const L = (vi: string, en: string) => ({ vi, en });
const vocabularyDefinition: WorkflowDefinition = {
  key: 'tu-vung',
  title: L('Kiểm tra từ vựng', 'Vocabulary check'),
  roles: { 'can-bo': L('Cán bộ', 'Officer'), 'lanh-dao': L('Lãnh đạo', 'Leader') },
  context: { dem: 0 },
  events: {
    GHI: { label: L('Ghi nhận', 'Record'), kind: 'human', schema: { type: 'object', properties: { ma: { type: 'string' } } } },
    KY: { label: L('Ký', 'Sign'), kind: 'human' },
    NHAC: { label: L('Nhắc việc', 'Remind'), kind: 'system' },
    HET_HAN: { label: L('Hết hạn', 'Expired'), kind: 'timer' },
  },
  machine: {
    initial: 'mo',
    entry: [
      { type: 'recordActor', params: { path: 'khoiTao' } },
      { type: 'assign', params: { set: { batDau: { path: 'event.at' }, loai: { path: 'event.type' } } } },
    ],
    states: {
      mo: {
        meta: { deadlines: [{ key: 'han-mo', after: { duration: 'P3DT4H' }, event: 'HET_HAN' }] },
        on: {
          GHI: {
            guard: { type: 'inUnit', params: { unit: 'mot-cua' } },
            actions: [
              { type: 'increment', params: { path: 'dem', by: 2 } },
              { type: 'append', params: { path: 'nhatKy', item: { path: 'payload.ma' } } },
              {
                type: 'emit',
                params: { topic: 'ho-so.ghi-nhan', data: { ma: { path: 'payload.ma' }, dem: { path: 'context.dem' }, thieu: { path: 'payload.khong' } } },
              },
            ],
          },
          NHAC: {
            actions: [
              {
                type: 'notify',
                params: {
                  users: [{ path: 'context.khoiTao' }, { path: 'context.nguoiNhan' }, 'u-van-thu', { path: 'context.khoiTao.id' }],
                  message: L('Nhắc xử lý hồ sơ', 'Reminder'),
                },
              },
              { type: 'extendDeadline', params: { deadline: 'han-mo', by: { workingDays: 2 } } },
            ],
          },
          HET_HAN: { target: 'dong' },
          KY: {
            target: 'daKy',
            guard: {
              type: 'all',
              params: {
                guards: [
                  { type: 'hasRole', params: { role: 'lanh-dao' } },
                  { type: 'exists', params: { path: 'context.nhatKy' } },
                ],
              },
            },
          },
        },
      },
      daKy: { type: 'final', output: { ketQua: 'da-ky' } },
      dong: { type: 'final' },
    },
    output: { tuMay: true },
  },
};

describe('separation of duties compiled from a recorded field', () => {
  const definition: WorkflowDefinition = {
    key: 'xac-minh',
    title: { vi: 'Xác minh', en: 'Verification' },
    roles: { 'can-bo': { vi: 'Cán bộ', en: 'Officer' } },
    events: {
      BAO_CAO: { label: { vi: 'Báo cáo', en: 'Report' }, kind: 'human' },
      BO_SUNG: { label: { vi: 'Bổ sung', en: 'Supplement' }, kind: 'human' },
      KET_LUAN: { label: { vi: 'Kết luận', en: 'Conclude' }, kind: 'human' },
    },
    machine: {
      initial: 'baoCao',
      states: {
        baoCao: { on: { BAO_CAO: { target: 'xemXet', actions: [{ type: 'recordActor', params: { path: 'nguoiXacMinh' } }] } } },
        xemXet: {
          on: {
            BO_SUNG: { target: 'xemXet', reenter: true, actions: [{ type: 'recordActor', params: { path: 'nguoiXacMinh' } }] },
            KET_LUAN: { target: 'xong', guard: { type: 'notSameActor', params: { path: 'context.nguoiXacMinh' } } },
          },
        },
        xong: { type: 'final' },
      },
    },
  };
  const wf = compileWorkflow(definition);
  const at = '2026-04-01T01:00:00.000Z';
  const who = (id: string) => ({ id, roles: ['can-bo'], units: [] });

  it('needs the history, and refuses the first reporter after a colleague overwrote the field', () => {
    expect(wf.needsHistory).toBe(true);
    const s0 = start(wf, {}, { actor: who('u-a'), at });
    const s1 = step(wf, s0.state, { type: 'BAO_CAO' }, { actor: who('u-a'), at, history: [{ event: 'xstate.init', actor: 'u-a' }] });
    const history = [
      { event: 'xstate.init', actor: 'u-a' },
      { event: 'BAO_CAO', actor: 'u-a' },
    ];
    const s2 = step(wf, s1.state, { type: 'BO_SUNG' }, { actor: who('u-b'), at, history });
    expect(s2.state.context.nguoiXacMinh).toMatchObject({ id: 'u-b' });
    const after = [...history, { event: 'BO_SUNG', actor: 'u-b' }];
    expect(() => step(wf, s2.state, { type: 'KET_LUAN' }, { actor: who('u-a'), at, history: after })).toThrow(/notSameActor/);
    expect(step(wf, s2.state, { type: 'KET_LUAN' }, { actor: who('u-c'), at, history: after }).state.status).toBe('done');
  });
});

describe('vocabulary through the machine', () => {
  const wf = compileWorkflow(vocabularyDefinition);
  const officer = { id: 'u-mai', roles: ['can-bo'], units: ['mot-cua'] };
  const leader = { id: 'u-son', roles: ['lanh-dao'], units: ['ubnd-phuong'] };
  const s0 = start(wf, { nguoiNhan: ['u-a', 'u-b'] }, { actor: officer, at: '2026-04-01T01:00:00.000Z' });

  it('root entry actions run at start with the starting actor and instant; event.type is xstate.init', () => {
    expect(s0.state.context).toEqual({
      dem: 0,
      nguoiNhan: ['u-a', 'u-b'],
      khoiTao: { id: 'u-mai', at: '2026-04-01T01:00:00.000Z' },
      batDau: '2026-04-01T01:00:00.000Z',
      loai: 'xstate.init',
    });
    expect(s0.effects).toEqual([
      {
        type: 'timer.arm',
        state: 'mo',
        deadline: { key: 'han-mo', after: { duration: 'P3DT4H' }, from: 'entry', event: 'HET_HAN', reminders: [] },
        startAt: '2026-04-01T01:00:00.000Z',
        at: '2026-04-01T01:00:00.000Z',
      },
    ]);
  });

  it('inUnit + increment + append + emit (emit reads context after the earlier actions; missing -> null)', () => {
    const r = step(wf, s0.state, { type: 'GHI', payload: { ma: 'HS-001' } }, { actor: officer, at: '2026-04-01T02:00:00.000Z' });
    expect(r.state.context).toMatchObject({ dem: 2, nhatKy: ['HS-001'] });
    expect(r.effects).toEqual([{ type: 'emit', topic: 'ho-so.ghi-nhan', data: { ma: 'HS-001', dem: 2, thieu: null }, at: '2026-04-01T02:00:00.000Z' }]);
    expect(() => step(wf, s0.state, { type: 'GHI', payload: { ma: 'HS-002' } }, { actor: leader, at: '2026-04-01T02:00:00.000Z' })).toThrow(
      expect.objectContaining({ code: 'GUARD_REJECTED' }) as unknown as Error,
    );
  });

  it('notify resolves users from records, lists and strings (deduplicated); extendDeadline without reason', () => {
    const r = step(wf, s0.state, { type: 'NHAC' }, { actor: { id: 'system', roles: ['system'], units: [] }, at: '2026-04-02T00:00:00.000Z' });
    expect(r.effects).toEqual([
      { type: 'notify', roles: [], users: ['u-mai', 'u-a', 'u-b', 'u-van-thu'], message: L('Nhắc xử lý hồ sơ', 'Reminder'), at: '2026-04-02T00:00:00.000Z' },
      { type: 'timer.extend', deadlineKey: 'han-mo', by: { workingDays: 2 }, at: '2026-04-02T00:00:00.000Z' },
    ]);
    expect(r.state.context._extensions).toEqual([{ deadline: 'han-mo', by: { workingDays: 2 }, at: '2026-04-02T00:00:00.000Z', actor: 'system' }]);
  });

  it('hasRole + exists in `all`; the machine-level output wins over the final state output', () => {
    expect(() => step(wf, s0.state, { type: 'KY' }, { actor: leader, at: '2026-04-03T00:00:00.000Z' })).toThrow(
      expect.objectContaining({ code: 'GUARD_REJECTED' }) as unknown as Error,
    );
    const r1 = step(wf, s0.state, { type: 'GHI', payload: { ma: 'HS-001' } }, { actor: officer, at: '2026-04-01T02:00:00.000Z' });
    const r2 = step(wf, r1.state, { type: 'KY' }, { actor: leader, at: '2026-04-03T00:00:00.000Z' });
    expect(r2.state.status).toBe('done');
    expect(r2.effects).toEqual([
      { type: 'timer.cancel', state: 'mo', deadlineKey: 'han-mo', at: '2026-04-03T00:00:00.000Z' },
      { type: 'instance.done', output: { tuMay: true }, at: '2026-04-03T00:00:00.000Z' },
    ]);
  });

  it('a timer event moves the instance (HET_HAN from the system actor)', () => {
    const r = step(wf, s0.state, { type: 'HET_HAN' }, { actor: { id: 'system', roles: ['system'], units: [] }, at: '2026-04-04T05:00:00.000Z' });
    expect(r.to).toBe('dong');
    expect(r.state.status).toBe('done');
  });
});
