import { describe, expect, it } from '@jest/globals';
import { compileWorkflow, dryRun, explorePaths, toMermaid, validateDefinition, type WorkflowDefinition } from '../index.js';
import { actors, clone, complaintDefinition, tinyDefinition } from '../test-fixtures.js';
import { samplePayloads } from './sample.js';

const L = (vi: string, en: string) => ({ vi, en });

/** Small nested + parallel + guarded definition. */
const designDefinition: WorkflowDefinition = {
  key: 'kiem-tra-thiet-ke',
  title: L('Kiểm tra thiết kế', 'Design check'),
  roles: { 'truong-phong': L('Trưởng phòng', 'Head of department') },
  events: {
    GUI: {
      label: L('Gửi hồ sơ', 'Submit'),
      kind: 'human',
      schema: { type: 'object', required: ['loai'], properties: { loai: { enum: ['thuong', 'khan'] }, ghiChu: { type: 'string' } } },
    },
    DUYET: { label: L('Phê duyệt', 'Approve'), kind: 'human' },
    HUY: { label: L('Hủy hồ sơ', 'Cancel'), kind: 'human' },
    XONG_A: { label: L('Xong phần A', 'Part A done'), kind: 'human' },
    XONG_B: { label: L('Xong phần B', 'Part B done'), kind: 'human' },
  },
  machine: {
    initial: 'soan',
    states: {
      soan: {
        meta: { label: L('Soạn hồ sơ', 'Drafting') },
        on: {
          GUI: [
            { target: 'xuLy', guard: { type: 'compare', params: { left: { path: 'payload.loai' }, op: '==', right: { value: 'khan' } } } },
            { target: 'choDuyet' },
          ],
        },
      },
      choDuyet: {
        meta: { label: L('Chờ duyệt', 'Awaiting approval') },
        on: {
          // The second branch is for whoever does not hold the role: an actor without it takes it.
          DUYET: [{ target: 'xuLy', guard: { type: 'hasRole', params: { role: 'truong-phong' } } }, { target: 'daHuy' }],
          HUY: 'daHuy',
        },
      },
      xuLy: {
        type: 'parallel',
        meta: { label: L('Xử lý song song', 'Parallel handling') },
        onDone: 'xong',
        states: {
          a: { initial: 'lam', states: { lam: { on: { XONG_A: 'xongA' } }, xongA: { type: 'final' } } },
          b: { initial: 'lam', states: { lam: { on: { XONG_B: 'xongB' } }, xongB: { type: 'final' } } },
        },
      },
      xong: { type: 'final', meta: { label: L('Hoàn thành', 'Completed') } },
      daHuy: { type: 'final', meta: { label: L('Đã hủy', 'Cancelled') } },
    },
  },
};

describe('samplePayloads', () => {
  it('samples required properties only, each enum value, strings padded to minLength', () => {
    expect(samplePayloads(designDefinition.events.GUI.schema)).toEqual([{ loai: 'thuong' }, { loai: 'khan' }]);
    expect(
      samplePayloads({
        type: 'object',
        required: ['ten', 'so', 'co', 'con'],
        properties: {
          ten: { type: 'string', minLength: 8 },
          so: { type: 'integer', minimum: 2 },
          co: { type: 'boolean' },
          con: { type: 'object', required: ['x'], properties: { x: { type: 'number' } } },
        },
      }),
    ).toEqual([{ ten: 'mẫu mẫu ', so: 2, co: true, con: { x: 0 } }]);
  });
});

describe('explorePaths', () => {
  const wf = compileWorkflow(designDefinition);
  const report = explorePaths(wf);

  it('covers every state and transition, the branch for whoever lacks a role with an actor without it', () => {
    expect(report.stateCoverage.uncovered).toEqual([]);
    expect(report.stateCoverage.covered).toHaveLength(11);
    expect(report.stateCoverage.ratio).toBe(1);
    expect(report.stateCoverage.reasons).toEqual([]);
    expect(report.transitionCoverage.uncovered).toEqual([]);
    expect(report.transitionCoverage.covered).toEqual([
      'soan --GUI--> xuLy',
      'soan --GUI--> choDuyet',
      'choDuyet --DUYET--> xuLy',
      'choDuyet --DUYET--> daHuy',
      'choDuyet --HUY--> daHuy',
      'xuLy --onDone--> xong',
      'xuLy.a.lam --XONG_A--> xuLy.a.xongA',
      'xuLy.b.lam --XONG_B--> xuLy.b.xongB',
    ]);
    expect(report.transitionCoverage.ratio).toBe(1);
    const withoutRole = report.paths.find((p) => p.steps.some((s) => s.as))!;
    expect(withoutRole.steps.map((s) => [s.event, s.as])).toEqual([
      ['GUI', undefined],
      ['DUYET', { roles: ['admin'], units: [] }],
    ]);
    expect(withoutRole.end).toEqual(['daHuy']);
  });

  it('gives the shortest path to a final state, taking the guarded enum branch', () => {
    expect(report.shortest.soan).toEqual([]);
    expect(report.shortest.xong).toEqual([
      { event: 'GUI', payload: { loai: 'khan' }, to: ['xuLy.a.lam', 'xuLy.b.lam'] },
      { event: 'XONG_A', to: ['xuLy.a.xongA', 'xuLy.b.lam'] },
      { event: 'XONG_B', to: ['xong'] },
    ]);
    expect(report.shortest.daHuy.map((s) => s.event)).toEqual(['GUI', 'HUY']);
  });

  it('lists the simple paths, all ending done, and no dead end', () => {
    expect(report.input).toEqual({});
    expect(report.paths).toHaveLength(6);
    expect(report.paths.every((p) => p.done)).toBe(true);
    expect(report.paths.map((p) => p.steps.map((s) => s.event).join(' '))).toContain('GUI DUYET XONG_B XONG_A');
    expect(report.deadEnds).toEqual([]);
  });

  it('is deterministic and bounded', () => {
    expect(explorePaths(wf)).toEqual(report);
    const small = explorePaths(wf, { maxDepth: 1, maxPaths: 2 });
    expect(small.paths).toHaveLength(2);
    expect(small.paths.every((p) => p.steps.length <= 1)).toBe(true);
  });

  it('gets past separation of duties and eventless branches on the complaint fixture', () => {
    const r = explorePaths(compileWorkflow(complaintDefinition));
    expect(r.stateCoverage.ratio).toBe(1);
    expect(r.transitionCoverage.covered).toEqual(expect.arrayContaining(['phanLoai --always--> chuyenDon', '(root) --HUY--> daRut']));
    expect(r.shortest.daGiaiQuyet.map((s) => s.event)).toEqual(['TIEP_NHAN', 'THU_LY', 'DOI_THOAI_XONG', 'XAC_MINH_XONG', 'KET_LUAN']);
    expect(r.deadEnds).toEqual([]);
  });

  it('dead ends are validation errors, so a definition with one never reaches explorePaths', () => {
    const def = clone(designDefinition) as any;
    def.machine.states.choDuyet.on.HUY = 'treo';
    def.machine.states.treo = {};
    expect(validateDefinition(def).issues.map((i) => [i.path, i.code])).toEqual([['/machine/states/treo', 'dead_end']]);
    expect(() => compileWorkflow(def)).toThrow(/dead_end/);
  });
});

describe('toMermaid', () => {
  const wf = compileWorkflow(designDefinition);

  it('draws nested and parallel states, initial and final markers, labels and guards', () => {
    const m = toMermaid(wf);
    const lines = m.split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toEqual(
      expect.arrayContaining([
        '[*] --> soan',
        'state "Soạn hồ sơ" as soan',
        'state "Xử lý song song" as xuLy {',
        'state "a" as xuLy_a {',
        '[*] --> xuLy_a_lam',
        '--',
        'xuLy_a_lam --> xuLy_a_xongA : Xong phần A',
        'xuLy_a_xongA --> [*]',
        'soan --> xuLy : Gửi hồ sơ [loai = “khan”]',
        'soan --> choDuyet : Gửi hồ sơ',
        'choDuyet --> xuLy : Phê duyệt [có vai trò truong-phong]',
        'xuLy --> xong : (hoàn thành)',
        'xong --> [*]',
      ]),
    );
    expect(m).not.toContain('classDef');
    expect(toMermaid(wf, { lang: 'en' })).toContain('soan --> xuLy : Submit [loai = “khan”]');
  });

  it('shows always transitions and root transitions', () => {
    const c = toMermaid(compileWorkflow(complaintDefinition), { lang: 'en' });
    expect(c).toContain('phanLoai --> chuyenDon : (auto) [loai = “ngoai-tham-quyen”]');
    expect(c).toContain('phanLoai --> xuLy : (auto)\n');
    expect(c).toContain('state "(any state)" as root_any');
    expect(c).toContain('root_any --> daRut : Withdraw [has role chu-tich or has role admin]');
    expect(toMermaid(compileWorkflow(complaintDefinition))).toContain('phanLoai --> xuLy : (tự động)\n');
  });

  it('highlights the active states', () => {
    const m = toMermaid(wf, { active: ['xuLy.a.lam', 'xuLy.b.xongB', 'khong.co'] });
    expect(m).toContain('classDef active fill:#fde68a,stroke:#b45309,stroke-width:2px');
    expect(m).toContain('class xuLy_a_lam active');
    expect(m).toContain('class xuLy_b_xongB active');
    expect(m).not.toContain('khong');
  });

  it('escapes hostile labels so they cannot break out of the diagram', () => {
    const def = clone(designDefinition) as any;
    const hostile = 'x"]; click a href "javascript:alert(1)"\n%%{init}%% <b>#1</b>';
    def.machine.states.soan.meta.label = { vi: hostile, en: hostile };
    def.events.HUY.label = { vi: hostile, en: hostile };
    const m = toMermaid(compileWorkflow(def));
    const lines = m.trimEnd().split('\n');
    const soan = lines.find((l) => l.includes(' as soan'))!;
    expect(soan.trim()).toBe(
      'state "x#34;#93;#59; click a href #34;javascript#58;alert(1)#34; #37;#37;#123;init#125;#37;#37; #60;b#62;#35;1#60;/b#62;" as soan',
    );
    const huy = lines.find((l) => l.includes('choDuyet --> daHuy : x'))!;
    expect(huy.trim().startsWith('choDuyet --> daHuy : x#34;#93;#59; click')).toBe(true);
    // Every line is a statement of ours: no injected line, quote or semicolon.
    expect(lines.filter((l) => /"/.test(l) && !/^\s*state "[^"]*" as [A-Za-z0-9_]+( \{)?$/.test(l))).toEqual([]);
    // Outside entity codes (#34; …) there is no semicolon, '%%' directive or '<' left.
    expect(m.replace(/#\w+;/g, '').replace(/ --> /g, ' ')).not.toMatch(/[;<>]|%%/);
  });
});

describe('dryRun', () => {
  const wf = compileWorkflow(tinyDefinition);

  it('reports refused and accepted steps with simulated time', () => {
    const r = dryRun(
      wf,
      [
        { type: 'DUYET' },
        { type: 'GUI', payload: { soTien: 500000 } },
        { type: 'DUYET', actor: actors.chuyenVien },
        { type: 'DUYET', actor: actors.truongPhong, at: '2026-02-01T03:00:00.000Z' },
      ],
      { actor: actors.chuyenVien },
    );
    expect(r.map((x) => [x.event, x.ok, x.activeStates, x.status, x.at])).toEqual([
      ['xstate.init', true, ['nhap'], 'active', '2026-01-05T02:00:00.000Z'],
      ['DUYET', false, ['nhap'], 'active', '2026-01-05T03:00:00.000Z'],
      ['GUI', true, ['choDuyet'], 'active', '2026-01-05T04:00:00.000Z'],
      ['DUYET', false, ['choDuyet'], 'active', '2026-01-05T05:00:00.000Z'],
      ['DUYET', true, ['daDuyet'], 'done', '2026-02-01T03:00:00.000Z'],
    ]);
    expect(r[1].error).toMatchObject({ code: 'EVENT_NOT_ACCEPTED', allowedEvents: ['GUI'] });
    expect(r[3].error?.code).toBe('GUARD_REJECTED');
    expect(r[3].effects).toEqual([]);
    expect(r[2].context).toEqual({ soTien: 500000 });
    expect(r[4].effects).toEqual([{ type: 'instance.done', at: '2026-02-01T03:00:00.000Z' }]);
  });

  it('reports invalid payloads and a refused start', () => {
    const r = dryRun(wf, [{ type: 'GUI', payload: { soTien: -1 } }], { startAt: '2026-03-02T01:00:00.000Z' });
    expect(r[1]).toMatchObject({ ok: false, state: 'nhap', at: '2026-03-02T02:00:00.000Z', error: { code: 'INVALID_PAYLOAD' } });
    expect(r[1].error?.issues?.[0].path).toBe('/payload/soTien');
    const c = dryRun(compileWorkflow(complaintDefinition), [{ type: 'TIEP_NHAN' }], { input: {} });
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ event: 'xstate.init', ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
