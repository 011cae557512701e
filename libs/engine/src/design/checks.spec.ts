import { describe, expect, it } from '@jest/globals';
// The specs read the repository's definitions; the engine itself does no I/O.
// eslint-disable-next-line no-restricted-imports
import { readdirSync, readFileSync } from 'node:fs';
import { benchDefinition } from '../bench-fixture.js';
import { validateDefinition, type ValidationIssue } from '../index.js';
import { clone, complaintDefinition, tinyDefinition } from '../test-fixtures.js';

type AnyObj = Record<string, any>;

function tiny(fn: (d: AnyObj) => void): AnyObj {
  const d = clone(tinyDefinition) as AnyObj;
  fn(d);
  return d;
}

const codes = (issues: ValidationIssue[]) => issues.map((i) => ({ path: i.path, code: i.code }));

function jsonDefinitions(dir: string): Array<[string, unknown]> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [`${dir}/${f}`, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))]);
}

describe('design checks: every existing definition still validates', () => {
  const all: Array<[string, unknown]> = [
    ...jsonDefinitions(`${process.cwd()}/workflows`),
    ...jsonDefinitions(`${process.cwd()}/test/fixtures/workflows`),
    ['bench fixture', benchDefinition],
    ['complaint fixture', complaintDefinition],
    ['tiny fixture', tinyDefinition],
  ];

  it('finds the repository definitions', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it.each(all)('%s is valid', (_name, def) => {
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
  });
});

describe('design checks: unreachable_state', () => {
  it('reports a state no transition leads to (the topmost one only)', () => {
    const def = tiny((d) => {
      d.machine.states.laMo = {
        initial: 'con',
        states: { con: { on: { DUYET: '#de-xuat.daDuyet' } } },
      };
    });
    expect(codes(validateDefinition(def).issues)).toEqual([{ path: '/machine/states/laMo', code: 'unreachable_state' }]);
  });

  it('counts #id targets, parallel regions, onDone and always as ways in', () => {
    const def = tiny((d) => {
      d.machine.states.nhap.on.TU_CHOI = '#ss';
      d.machine.states.songSong = {
        id: 'ss',
        type: 'parallel',
        onDone: 'sauDone',
        states: {
          a: { initial: 'a1', states: { a1: { on: { DUYET: 'a2' } }, a2: { type: 'final' } } },
          b: { initial: 'b1', states: { b1: { on: { DUYET: 'b2' } }, b2: { type: 'final' } } },
        },
      };
      d.machine.states.sauDone = { always: 'tuChoi' };
    });
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
  });
});

describe('design checks: dead_end', () => {
  it('reports a reachable non-final atomic state without any way out', () => {
    const def = tiny((d) => {
      d.machine.states.nhap.on.TU_CHOI = 'treo';
      d.machine.states.treo = { meta: { label: { vi: 'Treo', en: 'Stuck' } } };
    });
    expect(codes(validateDefinition(def).issues)).toEqual([{ path: '/machine/states/treo', code: 'dead_end' }]);
  });

  it('a targetless handler is no way out', () => {
    const def = tiny((d) => {
      d.machine.states.nhap.on.TU_CHOI = 'treo';
      d.machine.states.treo = { on: { DUYET: { actions: [{ type: 'increment', params: { path: 'soLan' } }] } } };
    });
    expect(codes(validateDefinition(def).issues)).toEqual([{ path: '/machine/states/treo', code: 'dead_end' }]);
  });

  it('an ancestor handler or another parallel region leaving the state is a way out', () => {
    const def = tiny((d) => {
      d.machine.states.nhap.on.TU_CHOI = 'cha';
      d.machine.states.cha = {
        initial: 'con',
        on: { TU_CHOI: 'tuChoi' },
        states: { con: {} },
      };
      d.machine.states.nhap.on.DUYET = 'ss';
      d.machine.states.ss = {
        type: 'parallel',
        states: {
          a: { initial: 'cho', states: { cho: {} } },
          b: { initial: 'b1', states: { b1: { on: { TU_CHOI: '#de-xuat.tuChoi' } } } },
        },
      };
    });
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
  });
});

describe('design checks: task_without_human_event', () => {
  it('reports a task whose outcomes are all timer or system events', () => {
    const def = tiny((d) => {
      d.events.QUA_HAN = { label: { vi: 'Quá hạn', en: 'Overdue' }, kind: 'timer' };
      d.machine.states.choDuyet.on.QUA_HAN = 'tuChoi';
      d.machine.states.choDuyet.meta.task = {
        title: { vi: 'Phê duyệt đề xuất', en: 'Approve the proposal' },
        roles: ['truong-phong'],
        outcomes: ['QUA_HAN'],
      };
    });
    expect(codes(validateDefinition(def).issues)).toEqual([{ path: '/machine/states/choDuyet/meta/task/outcomes', code: 'task_without_human_event' }]);
  });
});

describe('design checks: deadline_without_handler', () => {
  it('reports a deadline whose escalate escalates nothing and that sends no event', () => {
    const def = tiny((d) => {
      d.machine.states.choDuyet.meta.deadlines = [
        { key: 'han-duyet', after: { workingDays: 3 }, escalate: { priority: 'high' } },
        { key: 'han-vo-ich', after: { days: 5 }, escalate: { addRoles: [] } },
      ];
    });
    expect(codes(validateDefinition(def).issues)).toEqual([{ path: '/machine/states/choDuyet/meta/deadlines/1', code: 'deadline_without_handler' }]);
  });

  it('a bare deadline (overdue marker) and one with only an event are fine', () => {
    const def = tiny((d) => {
      d.events.QUA_HAN = { label: { vi: 'Quá hạn', en: 'Overdue' }, kind: 'timer' };
      d.machine.states.choDuyet.on.QUA_HAN = 'tuChoi';
      d.machine.states.choDuyet.meta.deadlines = [
        { key: 'han-danh-dau', after: { days: 5 } },
        { key: 'han-tu-choi', after: { days: 10 }, event: 'QUA_HAN' },
      ];
    });
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
  });
});
