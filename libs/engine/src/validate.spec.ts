import { describe, expect, it } from '@jest/globals';
import { benchDefinition } from './bench-fixture.js';
import {
  compileWorkflow,
  DefinitionError,
  EngineError,
  start,
  step,
  type PersistedState,
  validateDefinition,
  type ValidationIssue,
  type WorkflowDefinition,
} from './index.js';
import { ACTION_TYPE_NAMES, actionParamSchemas, GUARD_TYPE_NAMES, guardParamSchemas } from './definition.schema.js';
import { ACTION_TYPES, GUARD_TYPES } from './vocabulary.js';
import { actors, clone, complaintDefinition, tinyDefinition } from './test-fixtures.js';

type AnyObj = Record<string, any>;

/** A copy of the tiny definition changed by `fn`. */
function tiny(fn: (d: AnyObj) => void): AnyObj {
  const d = clone(tinyDefinition) as AnyObj;
  fn(d);
  return d;
}

function complaint(fn: (d: AnyObj) => void): AnyObj {
  const d = clone(complaintDefinition) as AnyObj;
  fn(d);
  return d;
}

const task = (outcomes: string[]) => ({
  title: { vi: 'Xử lý hồ sơ', en: 'Handle the file' },
  roles: ['chuyen-vien'],
  outcomes,
});

function issuesOf(def: unknown): ValidationIssue[] {
  const r = validateDefinition(def);
  expect(r.valid).toBe(r.issues.length === 0);
  return r.issues;
}

describe('validateDefinition: valid definitions', () => {
  it.each([
    ['complaint fixture', complaintDefinition],
    ['tiny fixture', tinyDefinition],
    ['bench fixture', benchDefinition],
  ])('%s is valid', (_name, def) => {
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
  });

  it('accepts the bare-minimum definition', () => {
    const def = {
      key: 'toi-gian',
      title: { vi: 'Tối giản', en: 'Minimal' },
      events: {},
      machine: { initial: 'xong', states: { xong: { type: 'final' } } },
    };
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
  });

  it('treats function-looking strings as plain strings', () => {
    const def = tiny((d) => {
      d.machine.states.nhap.on.GUI.actions.push({
        type: 'assign',
        params: { set: { ghiChu: { value: 'function () { return process.exit(1) }' } } },
      });
      d.machine.states.nhap.description = '() => { throw new Error() }';
    });
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
    const wf = compileWorkflow(def);
    const r1 = start(wf, undefined, { actor: actors.chuyenVien, at: '2026-01-01T00:00:00Z' });
    expect(r1.state.context).toEqual({ soTien: 0 });
  });
});

describe('validateDefinition: broken definitions', () => {
  const S = '/machine/states';
  const cases: Array<[string, AnyObj | unknown, string, string]> = [
    ['bad sibling target', tiny((d) => (d.machine.states.nhap.on.GUI.target = 'khongTonTai')), `${S}/nhap/on/GUI/target`, 'invalid_target'],
    ['bad string-form target', tiny((d) => (d.machine.states.choDuyet.on.TU_CHOI = 'dauDo')), `${S}/choDuyet/on/TU_CHOI`, 'invalid_target'],
    ['bad #id target', tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].target = '#khongCo')), `${S}/choDuyet/on/DUYET/0/target`, 'invalid_target'],
    ['bad .child target', tiny((d) => (d.machine.states.nhap.on.GUI.target = '.con')), `${S}/nhap/on/GUI/target`, 'invalid_target'],
    ['bad path below #id', tiny((d) => (d.machine.states.nhap.on.GUI.target = '#de-xuat.choDuyet.khong')), `${S}/nhap/on/GUI/target`, 'invalid_target'],
    ['root target without a dot', tiny((d) => (d.machine.on = { TU_CHOI: 'tuChoi' })), '/machine/on/TU_CHOI', 'invalid_target'],
    ['bad target in a target list', tiny((d) => (d.machine.states.nhap.on.GUI.target = ['choDuyet', 'mat'])), `${S}/nhap/on/GUI/target/1`, 'invalid_target'],
    [
      'unknown guard',
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard = { type: 'isManager' })),
      `${S}/choDuyet/on/DUYET/0/guard/type`,
      'unknown_guard',
    ],
    [
      'unknown guard nested in all',
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[1] = { type: 'eval', params: { code: '1' } })),
      `${S}/choDuyet/on/DUYET/0/guard/params/guards/1/type`,
      'unknown_guard',
    ],
    ['guard as a bare string', tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard = 'hasRole')), `${S}/choDuyet/on/DUYET/0/guard`, 'invalid_type'],
    [
      'guard params missing a field',
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[0].params = { rol: 'truong-phong' })),
      `${S}/choDuyet/on/DUYET/0/guard/params/guards/0/params/role`,
      'invalid_params',
    ],
    [
      'compare with an unknown operator',
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[1].params.op = '=~')),
      `${S}/choDuyet/on/DUYET/0/guard/params/guards/1/params/op`,
      'invalid_params',
    ],
    [
      'operand path outside the roots',
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[1].params.left = { path: 'process.env.SECRET' })),
      `${S}/choDuyet/on/DUYET/0/guard/params/guards/1/params/left/path`,
      'invalid_params',
    ],
    [
      'guard names an undeclared role',
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[0].params.role = 'giam-doc')),
      `${S}/choDuyet/on/DUYET/0/guard/params/guards/0/params/role`,
      'unknown_role',
    ],
    ['forbidden after', tiny((d) => (d.machine.states.nhap.after = { 1000: 'choDuyet' })), `${S}/nhap/after`, 'forbidden_key'],
    ['forbidden invoke', tiny((d) => (d.machine.states.choDuyet.invoke = { src: 'fetchUser' })), `${S}/choDuyet/invoke`, 'forbidden_key'],
    ['forbidden context inside machine', tiny((d) => (d.machine.context = { x: 1 })), '/machine/context', 'forbidden_key'],
    ['history state', tiny((d) => (d.machine.states.tuChoi.type = 'history')), `${S}/tuChoi/type`, 'invalid_value'],
    ['unknown key on a state', tiny((d) => (d.machine.states.nhap.onEntry = [])), `${S}/nhap/onEntry`, 'unknown_key'],
    [
      'function-looking action type',
      tiny((d) => d.machine.states.nhap.on.GUI.actions.push({ type: '() => process.exit(1)' })),
      `${S}/nhap/on/GUI/actions/1/type`,
      'unknown_action',
    ],
    ['action as a bare string', tiny((d) => (d.machine.states.nhap.on.GUI.actions = ['luu'])), `${S}/nhap/on/GUI/actions/0`, 'invalid_type'],
    ['unknown entry action', tiny((d) => (d.machine.states.nhap.entry = { type: 'sendEmail' })), `${S}/nhap/entry/type`, 'unknown_action'],
    [
      'assign with a bad operand',
      tiny((d) => (d.machine.states.nhap.on.GUI.actions[0].params.set.soTien = { path: 'payload.soTien', value: 1 })),
      `${S}/nhap/on/GUI/actions/0/params/set/soTien`,
      'invalid_params',
    ],
    [
      'assign to a prototype path',
      tiny((d) => (d.machine.states.nhap.on.GUI.actions[0].params.set = { 'constructor.prototype': { value: 1 } })),
      `${S}/nhap/on/GUI/actions/0/params/set/constructor.prototype`,
      'invalid_path',
    ],
    [
      'notify without recipients',
      tiny((d) => d.machine.states.nhap.on.GUI.actions.push({ type: 'notify', params: { message: { vi: 'Đã gửi', en: 'Sent' } } })),
      `${S}/nhap/on/GUI/actions/1/params`,
      'invalid_params',
    ],
    [
      'notify without a Vietnamese message',
      tiny((d) => d.machine.states.nhap.on.GUI.actions.push({ type: 'notify', params: { roles: ['chuyen-vien'], message: { en: 'Sent' } } })),
      `${S}/nhap/on/GUI/actions/1/params/message/vi`,
      'invalid_params',
    ],
    [
      'extendDeadline of an unknown deadline',
      tiny((d) => d.machine.states.nhap.on.GUI.actions.push({ type: 'extendDeadline', params: { deadline: 'khong-co', by: { days: 5 } } })),
      `${S}/nhap/on/GUI/actions/1/params/deadline`,
      'unknown_deadline',
    ],
    ['title without vi', tiny((d) => (d.title = { en: 'Proposal' })), '/title/vi', 'required'],
    ['blank event label', tiny((d) => (d.events.GUI.label.vi = '   ')), '/events/GUI/label/vi', 'invalid_format'],
    ['state label without en', tiny((d) => (d.machine.states.nhap.meta.label = { vi: 'Nháp' })), `${S}/nhap/meta/label/en`, 'required'],
    ['role label without vi', tiny((d) => (d.roles['truong-phong'] = { en: 'Head' })), '/roles/truong-phong/vi', 'required'],
    ['event not in the catalogue', tiny((d) => (d.machine.states.nhap.on.XOA = 'tuChoi')), `${S}/nhap/on/XOA`, 'unknown_event'],
    [
      'badly named event type',
      tiny((d) => (d.events['gui-lai'] = { label: { vi: 'Gửi lại', en: 'Resend' }, kind: 'human' })),
      '/events/gui-lai',
      'invalid_key',
    ],
    ['unknown event kind', tiny((d) => (d.events.GUI.kind = 'robot')), '/events/GUI/kind', 'invalid_value'],
    ['invalid payload schema', tiny((d) => (d.events.GUI.schema = { type: 'objekt' })), '/events/GUI/schema', 'invalid_schema'],
    ['invalid input schema', tiny((d) => (d.inputSchema = { properties: { a: { minimum: 'zero' } } })), '/inputSchema', 'invalid_schema'],
    [
      'outcome not accepted in the state',
      tiny((d) => (d.machine.states.nhap.meta.task = task(['DUYET']))),
      `${S}/nhap/meta/task/outcomes/0`,
      'outcome_not_accepted',
    ],
    ['outcome not in the catalogue', tiny((d) => (d.machine.states.nhap.meta.task = task(['GUI', 'HUY']))), `${S}/nhap/meta/task/outcomes/1`, 'unknown_event'],
    [
      'task for an undeclared role',
      tiny((d) => (d.machine.states.nhap.meta.task = { ...task(['GUI']), roles: ['thu-ky'] })),
      `${S}/nhap/meta/task/roles/0`,
      'unknown_role',
    ],
    [
      'task with a bad priority',
      tiny((d) => (d.machine.states.nhap.meta.task = { ...task(['GUI']), priority: 'asap' })),
      `${S}/nhap/meta/task/priority`,
      'invalid_value',
    ],
    ['missing initial', tiny((d) => delete d.machine.initial), '/machine/initial', 'required'],
    ['initial that is not a child', tiny((d) => (d.machine.initial = 'batDau')), '/machine/initial', 'invalid_initial'],
    ['initial on a parallel state', tiny((d) => (d.machine.type = 'parallel')), '/machine/initial', 'invalid_initial'],
    ['final state with transitions', tiny((d) => (d.machine.states.daDuyet.on = { GUI: 'nhap' })), `${S}/daDuyet/on`, 'invalid_state'],
    ['final root', tiny((d) => (d.machine.type = 'final')), '/machine/type', 'invalid_state'],
    ['onDone on an atomic state', tiny((d) => (d.machine.states.nhap.onDone = 'choDuyet')), `${S}/nhap/onDone`, 'invalid_state'],
    [
      'duplicate state ids',
      tiny((d) => {
        d.machine.states.nhap.id = 'buoc';
        d.machine.states.choDuyet.id = 'buoc';
      }),
      `${S}/choDuyet/id`,
      'duplicate_state_id',
    ],
    ['bad definition key', tiny((d) => (d.key = 'Đề xuất')), '/key', 'invalid_format'],
    ['unknown top-level key', tiny((d) => (d.version = 2)), '/version', 'unknown_key'],
    ['context that is not an object', tiny((d) => (d.context = [1, 2])), '/context', 'invalid_type'],
    [
      'unguarded always without target',
      tiny((d) => (d.machine.states.nhap.always = { actions: [{ type: 'increment', params: { path: 'n' } }] })),
      `${S}/nhap/always`,
      'always_loop',
    ],
    [
      'unguarded always cycle',
      tiny((d) => {
        d.machine.states.nhap.always = 'choDuyet';
        d.machine.states.choDuyet.always = [{ target: 'nhap' }];
      }),
      `${S}/nhap/always`,
      'always_loop',
    ],
    [
      'duplicate deadline keys',
      complaint((d) => (d.machine.states.xuLy.meta.deadlines[0].key = 'tiep-nhan')),
      `${S}/xuLy/meta/deadlines/0/key`,
      'duplicate_deadline_key',
    ],
    [
      'deadline with two durations',
      complaint((d) => (d.machine.states.xuLy.meta.deadlines[0].after = { days: 30, workingDays: 20 })),
      `${S}/xuLy/meta/deadlines/0/after`,
      'invalid_size',
    ],
    [
      'deadline with a bad ISO duration',
      complaint((d) => (d.machine.states.xuLy.meta.deadlines[0].after = { duration: 'P' })),
      `${S}/xuLy/meta/deadlines/0/after/duration`,
      'invalid_format',
    ],
    [
      'deadline event not accepted',
      complaint((d) => (d.machine.states.tiepNhan.meta.deadlines[0].event = 'KET_LUAN')),
      `${S}/tiepNhan/meta/deadlines/0/event`,
      'deadline_event_not_accepted',
    ],
    [
      'deadline escalates to an undeclared role',
      complaint((d) => (d.machine.states.tiepNhan.meta.deadlines[0].escalate.addRoles = ['pho-chu-tich'])),
      `${S}/tiepNhan/meta/deadlines/0/escalate/addRoles/0`,
      'unknown_role',
    ],
    [
      'deadline on a final state',
      complaint((d) => (d.machine.states.daRut.meta.deadlines = [{ key: 'luu-tru', after: { days: 1 } }])),
      `${S}/daRut/meta/deadlines`,
      'invalid_state',
    ],
    [
      'deep: bad target inside a parallel region',
      complaint((d) => (d.machine.states.xuLy.states.xacMinh.states.hoSo.states.dangXacMinh.on.XAC_MINH_XONG = 'ketLuanX')),
      `${S}/xuLy/states/xacMinh/states/hoSo/states/dangXacMinh/on/XAC_MINH_XONG`,
      'invalid_target',
    ],
  ];

  it.each(cases.map(([name, def, path, code]) => ({ name, def, path, code })))('$name -> $path $code', ({ def, path, code }) => {
    const issues = issuesOf(def);
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    for (const i of issues) {
      expect(typeof i.message).toBe('string');
      expect(i.message.length).toBeGreaterThan(0);
      expect(i.message).not.toMatch(/\n/);
    }
  });

  it('reports every issue of a definition at once (allErrors)', () => {
    const def = tiny((d) => {
      d.title = { vi: 'Đề xuất' };
      d.events.GUI.kind = 'robot';
      d.machine.states.nhap.after = {};
    });
    const issues = issuesOf(def);
    expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual(
      expect.arrayContaining(['/title/en required', '/events/GUI/kind invalid_value', `${S}/nhap/after forbidden_key`]),
    );
  });

  it('compileWorkflow throws a DefinitionError carrying the same issues', () => {
    const def = tiny((d) => (d.machine.states.nhap.on.GUI.target = 'khongTonTai'));
    let caught: unknown;
    try {
      compileWorkflow(def);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DefinitionError);
    expect((caught as DefinitionError).issues).toEqual(validateDefinition(def).issues);
    expect((caught as DefinitionError).message).toContain('invalid_target');
  });
});

describe('validateDefinition: messages that teach (issue 21)', () => {
  const S = '/machine/states';
  const GUARD_EXAMPLE = '{ "type": "hasRole", "params": { "role": "..." } }';

  /** The one issue at `path` (the schema's cascade of errors is collapsed there). */
  function issueAt(def: unknown, path: string): ValidationIssue {
    const at = issuesOf(def).filter((i) => i.path === path);
    expect(at).toHaveLength(1);
    return at[0];
  }

  it('the vocabulary named in messages is the vocabulary the engine implements', () => {
    expect([...GUARD_TYPE_NAMES]).toEqual([...GUARD_TYPES]);
    expect(Object.keys(guardParamSchemas)).toEqual([...GUARD_TYPES]);
    expect([...ACTION_TYPE_NAMES].sort()).toEqual([...ACTION_TYPES].sort());
    expect(Object.keys(actionParamSchemas).sort()).toEqual([...ACTION_TYPES].sort());
  });

  it.each([
    ['a word', 'start', 'invalid_value', '(got "start")'],
    ['a number', 3, 'invalid_type', '(got 3)'],
  ])('a deadline counted from %s names both allowed shapes of "from"', (_name, from, code, got) => {
    const path = `${S}/xuLy/meta/deadlines/0/from`;
    const issue = issueAt(
      complaint((d) => (d.machine.states.xuLy.meta.deadlines[0].from = from)),
      path,
    );
    expect(issue).toEqual({ path, code, message: `must be "entry" or { "context": "ngayNhan" } ${got}` });
  });

  it('a "from" object with a wrong key names the key it needs', () => {
    const at = `${S}/xuLy/meta/deadlines/0/from`;
    const issues = issuesOf(complaint((d) => (d.machine.states.xuLy.meta.deadlines[0].from = { path: 'ngayNhan' })));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: `${at}/context`, code: 'required', message: '"context" is required (e.g. { "context": "ngayNhan" })' },
        { path: `${at}/path`, code: 'unknown_key', message: 'unknown key "path" (allowed: "context"; e.g. { "context": "ngayNhan" })' },
      ]),
    );
  });

  it.each(['daDuyet', 'hasRole can-bo'])('a guard written as the string %p shows the { type, params } form and the guard types', (guard) => {
    const path = `${S}/choDuyet/on/DUYET/0/guard`;
    const issue = issueAt(
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard = guard)),
      path,
    );
    expect(issue.code).toBe('invalid_type');
    expect(issue.message).toContain(GUARD_EXAMPLE);
    for (const type of GUARD_TYPES) expect(issue.message).toContain(type);
    expect(issue.message).toContain(`(got "${guard}")`);
  });

  it('a guard nested in "all" written as a string gets the same message, as invalid_params', () => {
    const path = `${S}/choDuyet/on/DUYET/0/guard/params/guards/0`;
    const issue = issueAt(
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[0] = 'hasRole')),
      path,
    );
    expect(issue.code).toBe('invalid_params');
    expect(issue.message).toMatch(/^all: must be a guard object of type hasRole, inUnit, .* or expression, e\.g\. /);
    expect(issue.message).toContain(GUARD_EXAMPLE);
  });

  it('a guard of an unknown type lists the known types', () => {
    const path = `${S}/choDuyet/on/DUYET/0/guard/type`;
    const issue = issueAt(
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard = { type: 'isManager', params: {} })),
      path,
    );
    expect(issue).toEqual({ path, code: 'unknown_guard', message: `unknown guard "isManager"; known: ${GUARD_TYPES.join(', ')}` });
  });

  it('a guard without its type says so with an example', () => {
    const base = `${S}/choDuyet/on/DUYET/0/guard`;
    const issues = issuesOf(tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard = { role: 'truong-phong' })));
    expect(issues).toEqual([
      { path: `${base}/type`, code: 'required', message: `"type" is required (e.g. ${GUARD_EXAMPLE})` },
      { path: `${base}/role`, code: 'unknown_key', message: `unknown key "role" (allowed: "type", "params", "description", "message", "field"; e.g. ${GUARD_EXAMPLE})` },
    ]);
  });

  it('an action written as a string shows the action form and the action types', () => {
    const path = `${S}/nhap/entry`;
    const issue = issueAt(
      tiny((d) => (d.machine.states.nhap.entry = 'alert(1)')),
      path,
    );
    expect(issue.code).toBe('invalid_type');
    expect(issue.message).toContain('{ "type": "increment", "params": { "path": "soLanTraLai" } }');
    for (const type of ACTION_TYPES) expect(issue.message).toContain(type);
  });

  it('an unknown event kind names the allowed kinds (enum)', () => {
    expect(
      issueAt(
        tiny((d) => (d.events.GUI.kind = 'robot')),
        '/events/GUI/kind',
      ),
    ).toEqual({
      path: '/events/GUI/kind',
      code: 'invalid_value',
      message: 'must be one of "human", "system", "timer" (got "robot")',
    });
  });

  it('a bad priority and a bad compare operator name the allowed values', () => {
    const p = issueAt(
      tiny((d) => (d.machine.states.nhap.meta.task = { ...task(['GUI']), priority: 'asap' })),
      `${S}/nhap/meta/task/priority`,
    );
    expect(p).toEqual(expect.objectContaining({ code: 'invalid_value', message: 'must be one of "low", "normal", "high", "urgent" (got "asap")' }));
    const op = issueAt(
      tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard.params.guards[1].params.op = '=~')),
      `${S}/choDuyet/on/DUYET/0/guard/params/guards/1/params/op`,
    );
    expect(op.code).toBe('invalid_params');
    expect(op.message).toBe('compare: must be one of "==", "!=", ">", ">=", "<", "<=", "in", "notIn", "contains" (got "=~")');
  });

  it('a transition of the wrong kind names the three forms', () => {
    const issue = issueAt(
      tiny((d) => (d.machine.states.nhap.on.GUI = 5)),
      `${S}/nhap/on/GUI`,
    );
    expect(issue).toEqual(
      expect.objectContaining({
        code: 'invalid_type',
        message:
          'must be a target state, a transition object or a list of transition objects, e.g. "daDuyet" or { "target": "daDuyet", "guard": …, "actions": … } (got 5)',
      }),
    );
  });

  it('a duration with two units names the one-key shapes', () => {
    const path = `${S}/xuLy/meta/deadlines/0/after`;
    const issue = issueAt(
      complaint((d) => (d.machine.states.xuLy.meta.deadlines[0].after = { days: 30, workingDays: 20 })),
      path,
    );
    expect(issue).toEqual({
      path,
      code: 'invalid_size',
      message: 'must be { "days": 10 } or { "workingDays": 5 } or { "duration": "PT4H" } (got { "days": …, "workingDays": … })',
    });
  });

  it('anyOf: "sentBy" without roles or actorsOf is one issue naming both', () => {
    const issues = issuesOf(tiny((d) => (d.events.GUI.sentBy = { units: ['phong-a'] })));
    expect(issues).toEqual([{ path: '/events/GUI/sentBy', code: 'required', message: 'must have "roles" or "actorsOf"' }]);
  });

  it('anyOf: notSameActor without steps or path is one issue naming both', () => {
    const path = `${S}/choDuyet/on/DUYET/0/guard`;
    const issues = issuesOf(tiny((d) => (d.machine.states.choDuyet.on.DUYET[0].guard = { type: 'notSameActor', params: {} })));
    expect(issues).toEqual([{ path: `${path}/params`, code: 'invalid_params', message: 'notSameActor: must have "steps" or "path"' }]);
  });

  it('patterns are taught by example, not by regular expression', () => {
    expect(
      issueAt(
        tiny((d) => (d.key = 'Đề xuất')),
        '/key',
      ),
    ).toEqual({
      path: '/key',
      code: 'invalid_format',
      message: 'must be lowercase letters, digits and "-" (2 to 63, starting with a letter), e.g. "khieu-nai" (got "Đề xuất")',
    });
    const name = issueAt(
      tiny((d) => (d.events['gui-lai'] = { label: { vi: 'Gửi lại', en: 'Resend' }, kind: 'human' })),
      '/events/gui-lai',
    );
    expect(name).toEqual({
      path: '/events/gui-lai',
      code: 'invalid_key',
      message: 'invalid name "gui-lai": must be an event type (letters, digits and "_", starting with a letter), e.g. "GUI_DUYET"',
    });
  });

  it('an unknown key on a state lists the keys a state may have', () => {
    const issue = issueAt(
      tiny((d) => (d.machine.states.nhap.onEntry = [])),
      `${S}/nhap/onEntry`,
    );
    expect(issue.code).toBe('unknown_key');
    expect(issue.message).toMatch(/^unknown key "onEntry" \(allowed: "id", "type", "initial", "states", "on", .*"entry", "exit", .*\)$/);
  });
});

describe('validateDefinition: garbage', () => {
  const cyclic: AnyObj = { key: 'vong-lap', title: { vi: 'Vòng lặp', en: 'Loop' } };
  cyclic.self = cyclic;
  let deep: AnyObj = {};
  const deepRoot = deep;
  for (let i = 0; i < 5000; i++) deep = deep.states = {};
  const cases: Array<[string, unknown, string, string]> = [
    ['null', null, '', 'invalid_type'],
    ['an array', [complaintDefinition], '', 'invalid_type'],
    ['a string', 'khieu-nai', '', 'invalid_type'],
    ['a number', 42, '', 'invalid_type'],
    ['undefined', undefined, '', 'not_json'],
    ['a function', () => complaintDefinition, '', 'not_json'],
    ['an empty object', {}, '/key', 'required'],
    ['a cyclic object', cyclic, '/self', 'not_json'],
    ['a Date inside', { ...clone(tinyDefinition), context: { at: new Date(0) } }, '/context/at', 'not_json'],
    ['NaN inside', { ...clone(tinyDefinition), context: { n: Number.NaN } }, '/context/n', 'not_json'],
    ['5000 levels of nesting', deepRoot, '', 'too_deep'],
    ['a class instance', new (class Workflow {})(), '', 'not_json'],
    ['a __proto__ key', JSON.parse('{"key":"x","context":{"__proto__":{"polluted":true}}}'), '/context/__proto__', 'forbidden_key'],
  ];
  it.each(cases.map(([name, def, path, code]) => ({ name, def, path, code })))('$name -> "$path" $code', ({ def, path, code }) => {
    const issues = issuesOf(def);
    expect(issues[0]).toEqual(expect.objectContaining({ path: expect.stringMatching(/^(\/.*)?$/) }));
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ code, ...(code === 'too_deep' ? {} : { path }) })]));
  });
});

// -----------------------------------------------------------------------------------------------
// Fuzz: a seeded PRNG keeps failures reproducible.

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'type',
  'target',
  'states',
  'on',
  'guard',
  'params',
  'initial',
  'final',
  'parallel',
  'after',
  'invoke',
  'meta',
  'GUI',
  'nhap',
  '#de-xuat',
  '.x',
  'hasRole',
  'assign',
  'vi',
  'en',
  '',
  'Đơn',
  '__proto__',
  'constructor',
];

function randomJson(rnd: () => number, depth = 0): unknown {
  const pick = rnd();
  if (depth > 5 || pick < 0.35) {
    const s = rnd();
    if (s < 0.2) return null;
    if (s < 0.35) return rnd() < 0.5;
    if (s < 0.55) return Math.floor(rnd() * 2000) - 1000;
    if (s < 0.6) return rnd() * 1e6;
    return WORDS[Math.floor(rnd() * WORDS.length)];
  }
  if (pick < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => randomJson(rnd, depth + 1));
  const out: AnyObj = {};
  const n = Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    const key = WORDS[Math.floor(rnd() * WORDS.length)];
    Object.defineProperty(out, key, { value: randomJson(rnd, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Replaces a random subtree of `root` with random JSON. */
function mutate(root: AnyObj, rnd: () => number): AnyObj {
  const copy = clone(root);
  let parent: AnyObj = copy;
  for (let depth = 0; depth < 12; depth++) {
    const keys = Object.keys(parent);
    if (!keys.length) break;
    const key = keys[Math.floor(rnd() * keys.length)];
    const child = parent[key];
    if (child === null || typeof child !== 'object' || rnd() < 0.25) {
      const r = rnd();
      if (r < 0.15) delete parent[key];
      else parent[key] = randomJson(rnd);
      return copy;
    }
    parent = child;
  }
  return copy;
}

describe('validateDefinition: fuzz', () => {
  it('never throws on random JSON', () => {
    const rnd = prng(20251016);
    for (let i = 0; i < 1500; i++) {
      const input = randomJson(rnd);
      const r = validateDefinition(input);
      expect(r.valid).toBe(false);
      expect(Array.isArray(r.issues)).toBe(true);
      for (const issue of r.issues) expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
    }
  });

  it('never throws on mutated valid definitions; whatever it accepts compiles and starts', () => {
    const rnd = prng(2030);
    let accepted = 0;
    for (let i = 0; i < 400; i++) {
      const base = (i % 2 ? complaintDefinition : tinyDefinition) as unknown as AnyObj;
      const def = mutate(base, rnd);
      const r = validateDefinition(def);
      expect(r.valid).toBe(r.issues.length === 0);
      if (r.valid) {
        accepted++;
        const wf = compileWorkflow(def);
        let state: PersistedState | undefined;
        try {
          state = start(wf, { nguoiKhieuNai: 'Trần Thị B', ngayNhan: '2026-02-01T00:00:00Z' }, { actor: actors.chuTich, at: '2026-02-01T01:00:00Z' }).state;
        } catch (err) {
          expect(err).toBeInstanceOf(EngineError);
        }
        // Every catalogue event, with an empty payload: either a step or an EngineError, never a crash.
        for (const type of Object.keys(wf.definition.events)) {
          if (!state || state.status === 'done') break;
          try {
            state = step(
              wf,
              state,
              { type },
              { actor: { ...actors.chuTich, roles: ['chu-tich', 'can-bo-xu-ly', 'thanh-tra', 'truong-phong'] }, at: '2026-02-02T01:00:00Z' },
            ).state;
          } catch (err) {
            expect(err).toBeInstanceOf(EngineError);
          }
        }
      } else {
        expect(() => compileWorkflow(def)).toThrow(DefinitionError);
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('compileWorkflow', () => {
  it('keeps its own copy of the definition', () => {
    const def = clone(tinyDefinition) as WorkflowDefinition;
    const wf = compileWorkflow(def);
    (def.machine.states!.nhap as AnyObj).on.GUI.target = 'tuChoi';
    def.context!.soTien = 99;
    expect(wf.definition.context).toEqual({ soTien: 0 });
    expect((wf.definition.machine.states!.nhap as AnyObj).on.GUI.target).toBe('choDuyet');
  });

  it('throws DefinitionError (not a crash) on garbage', () => {
    expect(() => compileWorkflow(null)).toThrow(DefinitionError);
    expect(() => compileWorkflow(undefined)).toThrow(DefinitionError);
    const cyclic: AnyObj = {};
    cyclic.a = cyclic;
    expect(() => compileWorkflow(cyclic)).toThrow(DefinitionError);
  });
});
