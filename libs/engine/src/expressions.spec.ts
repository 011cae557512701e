import { describe, expect, it } from '@jest/globals';
import { compileWorkflow, validateDefinition } from './compile.js';
import { toMermaid } from './design/mermaid.js';
import { explorePaths } from './design/paths.js';
import { EngineError } from './errors.js';
import { expressionIssues } from './expressions.js';
import { start, step } from './runtime.js';
import type { Actor, Effect, WorkflowDefinition } from './types.js';

const AT = '2026-03-02T02:00:00.000Z';
const officer: Actor = { id: 'u-van-phong', roles: ['chuyen-vien'], units: ['van-phong'] };
const system: Actor = { id: 'system', roles: ['system'], units: [] };

/**
 * A petition forwarded to the unit the case names, handled by the person the case names, with a
 * limit of 30 days or 45 when complex, a "same day" acknowledgement only for urgent cases, and a
 * reception record whose complaints (not its other items) each start a child.
 */
function definition(): WorkflowDefinition {
  return {
    key: 'expr-test',
    title: { vi: 'Thử biểu thức', en: 'Expression test' },
    roles: { 'chuyen-vien': { vi: 'Chuyên viên', en: 'Officer' }, 'chu-tich': { vi: 'Chủ tịch', en: 'Chairman' } },
    inputSchema: {
      type: 'object',
      properties: {
        donVi: { type: 'string' },
        nguoiXuLy: { type: 'string' },
        phucTap: { type: 'boolean' },
        khan: { type: 'boolean' },
        ngayNhan: { type: 'string', format: 'date' },
        vaiTroChuTri: { enum: ['chu-tich', 'bi-thu'] },
        viec: { type: 'array', items: { type: 'object', properties: { loai: { type: 'string' }, ten: { type: 'string' } } } },
      },
    },
    events: {
      XU_LY: { label: { vi: 'Xử lý', en: 'Handle' }, kind: 'human' },
      GIA_HAN: { label: { vi: 'Gia hạn', en: 'Extend' }, kind: 'human', schema: { type: 'object', properties: { soNgay: { type: 'integer' } } } },
    },
    machine: {
      initial: 'xuLy',
      states: {
        xuLy: {
          entry: [
            { type: 'notify', params: { users: ['=nguoiXuLy'], message: { vi: 'Có việc', en: 'A task' } } },
            { type: 'notify', params: { roles: ['chu-tich', '=vaiTroChuTri'], message: { vi: 'Có đơn mới', en: 'A new letter' } } },
            { type: 'startChildren', params: { group: 'khieuNai', definition: 'complaint', forEach: 'context.viec', where: '=item.loai = "khieu-nai"', input: { ten: { path: 'item.ten' } } } },
          ],
          meta: {
            task: { title: { vi: 'Xử lý', en: 'Handle' }, roles: ['chuyen-vien'], units: '=donVi', assignee: '=nguoiXuLy', outcomes: ['XU_LY'] },
            deadlines: [
              { key: 'giaiQuyet', after: { days: '=if phucTap then 45 else 30' }, from: { context: 'ngayNhan' }, escalate: { notify: { users: ['=nguoiXuLy'], roles: ['=vaiTroChuTri'], message: { vi: 'Quá hạn', en: 'Overdue' } } } },
              { key: 'trongNgay', when: '=khan', after: { days: 0 } },
            ],
          },
          on: { XU_LY: 'xong', GIA_HAN: { actions: { type: 'extendDeadline', params: { deadline: 'giaiQuyet', by: { days: '=payload.soNgay' } } } } },
        },
        xong: { type: 'final' },
      },
    },
  } as unknown as WorkflowDefinition;
}

const input = { donVi: 'phong-kinh-te', nguoiXuLy: 'u-an', vaiTroChuTri: 'bi-thu', phucTap: false, khan: false, ngayNhan: '2026-03-02', viec: [] };
const of = <T extends Effect['type']>(effects: Effect[], type: T) => effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

describe('expressions in definitions (FEEL through feelin)', () => {
  it('validates: the example passes; bad syntax, functions, ranges, deep nesting and length are refused at their path', () => {
    expect(validateDefinition(definition()).issues).toEqual([]);
    expect(expressionIssues('=1 +')).toEqual([expect.objectContaining({ code: 'invalid_expression' })]);
    expect(expressionIssues('=function(x) x')).toEqual([expect.objectContaining({ code: 'expression_not_allowed' })]);
    expect(expressionIssues('=for i in 1..1000000 return i')).toEqual([expect.objectContaining({ code: 'expression_not_allowed' })]);
    expect(expressionIssues('=for a in x return for b in y return for c in z return 1')).toEqual([expect.objectContaining({ code: 'expression_not_allowed' })]);
    expect(expressionIssues('=for a in x return for b in y return 1')).toEqual([]);
    expect(expressionIssues(`=${'1 + '.repeat(300)}1`)).toEqual([expect.objectContaining({ code: 'expression_too_long' })]);
    expect(expressionIssues('=')).toEqual([expect.objectContaining({ code: 'invalid_expression' })]);

    const bad = definition();
    const xuLy = bad.machine.states!.xuLy;
    xuLy.meta!.task!.units = '=donVi +';
    xuLy.meta!.deadlines![1].when = '=function() true';
    delete (xuLy.entry as Array<{ params: Record<string, unknown> }>)[2].params.forEach;
    const found = validateDefinition(bad).issues.map((i) => [i.path, i.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['/machine/states/xuLy/meta/task/units', 'invalid_expression'],
        ['/machine/states/xuLy/meta/deadlines/1/when', 'expression_not_allowed'],
        ['/machine/states/xuLy/entry/2/params/where', 'invalid_params'],
      ]),
    );
    const schemaRefusal = definition();
    schemaRefusal.machine.states!.xuLy.meta!.task!.assignee = 'nguoiXuLy';
    expect(validateDefinition(schemaRefusal).issues).toEqual([expect.objectContaining({ path: '/machine/states/xuLy/meta/task/assignee' })]);
  });

  it('takes the task\'s units and assignee, the notified people and the escalation\'s recipients from the case', () => {
    const r = start(compileWorkflow(definition()), input, { actor: officer, at: AT });
    const [open] = of(r.effects, 'task.open');
    expect(open.task).toEqual(expect.objectContaining({ units: ['phong-kinh-te'], assignee: 'u-an' }));
    expect(open.task).not.toHaveProperty('unitsFrom');
    expect(of(r.effects, 'notify')[0].users).toEqual(['u-an']);
    // The presider's role, named by the case (a reception session's chairman or Party secretary).
    expect(of(r.effects, 'notify')[1].roles).toEqual(['chu-tich', 'bi-thu']);
    const [arm] = of(r.effects, 'timer.arm');
    expect(arm.deadline.escalate?.notify).toMatchObject({ users: ['u-an'], roles: ['bi-thu'] });
  });

  it('arms a deadline only when its condition holds, with a length the case decides, and "by the end of the day" as 0 days', () => {
    const wf = compileWorkflow(definition());
    const plain = of(start(wf, input, { actor: officer, at: AT }).effects, 'timer.arm');
    expect(plain.map((a) => [a.deadline.key, a.deadline.after, a.startAt])).toEqual([['giaiQuyet', { days: 30 }, '2026-03-02']]);
    const complexUrgent = of(start(wf, { ...input, phucTap: true, khan: true }, { actor: officer, at: AT }).effects, 'timer.arm');
    expect(complexUrgent.map((a) => [a.deadline.key, a.deadline.after])).toEqual([
      ['giaiQuyet', { days: 45 }],
      ['trongNgay', { days: 0 }],
    ]);
    expect(complexUrgent[0].deadline).not.toHaveProperty('when');
  });

  it('extends by a number the decision gives', () => {
    const wf = compileWorkflow(definition());
    const started = start(wf, input, { actor: officer, at: AT });
    const r = step(wf, started.state, { type: 'GIA_HAN', payload: { soNgay: 15 } }, { actor: { ...officer, id: 'u-an' }, at: AT });
    expect(of(r.effects, 'timer.extend')).toEqual([expect.objectContaining({ deadlineKey: 'giaiQuyet', by: { days: 15 } })]);
  });

  it('starts children only for the items the condition keeps, keyed in order', () => {
    const wf = compileWorkflow(definition());
    const viec = [
      { loai: 'khieu-nai', ten: 'Nguyễn Văn Bình' },
      { loai: 'kien-nghi', ten: 'Trần Thị Lan' },
      { loai: 'khieu-nai', ten: 'Lê Văn Cường' },
    ];
    const r = start(wf, { ...input, viec }, { actor: officer, at: AT });
    expect(of(r.effects, 'child.start').map((c) => [c.key, c.input.ten])).toEqual([
      ['khieuNai#0', 'Nguyễn Văn Bình'],
      ['khieuNai#1', 'Lê Văn Cường'],
    ]);
    expect((r.state.context._children as Record<string, { started: number }>).khieuNai.started).toBe(2);
  });

  it('refuses, as the definition\'s doing, a case that does not name what an expression needs; the engine\'s own step too', () => {
    const wf = compileWorkflow(definition());
    for (const actor of [officer, system]) {
      let error: unknown;
      try {
        const { donVi: _unnamed, ...withoutUnit } = input;
        start(wf, withoutUnit, { actor, at: AT });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EngineError);
      expect(error).toMatchObject({ code: 'DEFINITION_REFUSED', issues: [{ path: '/machine/states/xuLy/meta/task/units', code: 'expression_refused' }] });
    }
    const started = start(wf, input, { actor: officer, at: AT });
    expect(() => step(wf, started.state, { type: 'GIA_HAN', payload: { soNgay: -3 } }, { actor: { ...officer, id: 'u-an' }, at: AT })).toThrow(/gave -3, not a whole number of days/);
  });

  it('shows what a deadline depends on in the diagram', () => {
    const text = toMermaid(compileWorkflow(definition()), { lang: 'vi' });
    expect(text).toContain('số ngày theo if phucTap then 45 else 30');
    expect(text).toContain('trong ngày');
    expect(text).toContain('khi khan');
    expect(toMermaid(compileWorkflow(definition()), { lang: 'en' })).toContain('by the end of the day');
  });
});

describe('the simulation understands expressions', () => {
  it('reaches every state of a definition whose tasks and deadlines come from the case', () => {
    const report = explorePaths(compileWorkflow(definition()));
    expect(report.stateCoverage.uncovered).toEqual([]);
    expect(report.deadEnds).toEqual([]);
  });
});

describe('the expression guard', () => {
  const guarded = () => {
    const def = definition();
    def.events.XU_LY = {
      label: { vi: 'Xử lý', en: 'Handle' },
      kind: 'human',
      schema: { type: 'object', properties: { tongDiem: { type: 'integer' }, diemA: { type: 'integer' }, diemB: { type: 'integer' } } },
    };
    def.machine.states!.xuLy.on!.XU_LY = {
      target: 'xong',
      guard: {
        type: 'expression',
        params: { expression: '=payload.tongDiem = payload.diemA + payload.diemB' },
        message: { vi: 'Tổng điểm phải bằng tổng các tiêu chí.', en: 'The total must be the sum of the criteria.' },
        field: 'tongDiem',
      },
    };
    return def;
  };

  it('passes only when the expression is true, and refuses in the person\'s words otherwise', () => {
    expect(validateDefinition(guarded()).issues).toEqual([]);
    const wf = compileWorkflow(guarded());
    const started = start(wf, input, { actor: officer, at: AT });
    const as = { actor: { ...officer, id: 'u-an' }, at: AT };
    expect(step(wf, started.state, { type: 'XU_LY', payload: { tongDiem: 90, diemA: 50, diemB: 40 } }, as).state.status).toBe('done');
    let refusal: unknown;
    try {
      step(wf, started.state, { type: 'XU_LY', payload: { tongDiem: 95, diemA: 50, diemB: 40 } }, as);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({ code: 'GUARD_REJECTED', refusals: [{ field: 'tongDiem', message: { vi: 'Tổng điểm phải bằng tổng các tiêu chí.' } }] });
  });

  it('is checked by the validator and shown as its FEEL in the diagram', () => {
    const bad = guarded();
    (bad.machine.states!.xuLy.on!.XU_LY as unknown as { guard: { params: { expression: string } } }).guard.params.expression = '=payload.tongDiem =';
    expect(validateDefinition(bad).issues.map((i) => [i.path, i.code])).toEqual([['/machine/states/xuLy/on/XU_LY/guard/params/expression', 'invalid_expression']]);
    expect(toMermaid(compileWorkflow(guarded()), { lang: 'vi' })).toContain('payload.tongDiem = payload.diemA + payload.diemB');
  });
});
