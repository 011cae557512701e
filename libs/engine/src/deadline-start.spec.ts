import { describe, expect, it } from '@jest/globals';
import { compileWorkflow, validateDefinition } from './compile.js';
import { EngineError } from './errors.js';
import { start } from './runtime.js';
import { actors, clone, complaintDefinition } from './test-fixtures.js';
import type { DeadlineDefinition, WorkflowDefinition } from './types.js';

/** The complaint's first state with its deadline replaced. */
function withDeadline(deadline?: Record<string, unknown>): WorkflowDefinition {
  const def = clone(complaintDefinition);
  if (deadline) def.machine.states!.tiepNhan.meta!.deadlines = [deadline as unknown as DeadlineDefinition];
  // The date is the officer's to enter: a plain date, and the form may be sent without it.
  const input = def.inputSchema as { required: string[]; properties: Record<string, unknown> };
  input.required = ['nguoiKhieuNai'];
  input.properties.ngayNhan = { type: 'string', format: 'date' };
  return def;
}

const issues = (def: WorkflowDefinition) => validateDefinition(def).issues.map((i) => [i.path, i.code]);
const AT = '2026-03-02T02:00:00.000Z';

describe('where a deadline counts from', () => {
  it('takes a limit counted back from a date in the case, and refuses one with both spans, none, or no date to count back from', () => {
    const at = '/machine/states/tiepNhan/meta/deadlines/0';
    expect(issues(withDeadline({ key: 'suKien', before: { workingDays: 2 }, from: { context: 'ngayNhan' } }))).toEqual([]);
    expect(issues(withDeadline({ key: 'suKien', after: { days: 1 }, before: { workingDays: 2 }, from: { context: 'ngayNhan' } }))).toEqual([[at, 'deadline_span']]);
    expect(issues(withDeadline({ key: 'suKien', from: { context: 'ngayNhan' } }))).toEqual([[at, 'deadline_span']]);
    expect(issues(withDeadline({ key: 'suKien', before: { days: 1 } }))).toEqual([[`${at}/from`, 'deadline_before_needs_date']]);
  });

  it('carries a counted-back limit to the host with the date it counts back from', () => {
    const wf = compileWorkflow(withDeadline({ key: 'suKien', before: { workingDays: 2 }, from: { context: 'ngayNhan' }, reminders: [{ before: { workingDays: 1 } }] }));
    const r = start(wf, { nguoiKhieuNai: 'Vũ Thị Hạnh', ngayNhan: '2026-03-09' }, { actor: actors.tiepDan, at: AT });
    expect(r.effects).toContainEqual(expect.objectContaining({ type: 'timer.arm', startAt: '2026-03-09', deadline: expect.objectContaining({ key: 'suKien', before: { workingDays: 2 } }) }));
  });

  it('refuses a step that would count a limit from a date the case does not hold, never counting from the click: a person\'s naming the field, the engine\'s own as the definition\'s refusal', () => {
    const wf = compileWorkflow(withDeadline());
    let refusal: unknown;
    try {
      start(wf, { nguoiKhieuNai: 'Vũ Thị Hạnh' }, { actor: actors.tiepDan, at: AT });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EngineError);
    expect(refusal).toMatchObject({ code: 'INVALID_PAYLOAD', issues: [{ path: '/context/ngayNhan', code: 'missing_date', message: expect.stringContaining('ngayNhan') }] });
    let bySystem: unknown;
    try {
      start(wf, { nguoiKhieuNai: 'Vũ Thị Hạnh' }, { actor: actors.system, at: AT });
    } catch (error) {
      bySystem = error;
    }
    expect(bySystem).toMatchObject({ code: 'DEFINITION_REFUSED', issues: [{ path: expect.stringMatching(/\/meta\/deadlines\/0\/from$/), code: 'missing_date' }] });
  });
});
