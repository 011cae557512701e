import { describe, expect, it } from '@jest/globals';
import { allowedEvents, CHILD_DONE_EVENT, compileWorkflow, EngineError, explorePaths, pendingChildren, start, step, validateDefinition, type Actor, type PersistedState } from './index.js';

const actor: Actor = { id: 'can-bo', roles: ['can_bo'], units: ['ubnd'] };
const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h)).toISOString();
const roundTrip = (s: PersistedState): PersistedState => JSON.parse(JSON.stringify(s));

/** A campaign that registers models, starts one nomination per model and waits for all of them. */
const campaign = {
  key: 'chien-dich',
  title: { vi: 'Chiến dịch', en: 'Campaign' },
  roles: { can_bo: { vi: 'Cán bộ', en: 'Officer' } },
  context: { models: [] },
  events: {
    REGISTER: {
      label: { vi: 'Đăng ký mô hình', en: 'Register models' },
      kind: 'human',
      schema: { type: 'object', required: ['models'], properties: { models: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } },
    },
  },
  machine: {
    initial: 'registration',
    states: {
      registration: {
        on: { REGISTER: { target: 'nominating', actions: { type: 'assign', params: { set: { models: { path: 'payload.models' } } } } } },
      },
      nominating: {
        entry: {
          type: 'startChildren',
          params: {
            group: 'nominations',
            definition: 'de-cu',
            forEach: 'context.models',
            input: { name: { path: 'item.name' }, registeredBy: { path: 'actor.id' }, year: { value: 2026 } },
          },
        },
        always: { guard: { type: 'childrenDone', params: { group: 'nominations' } }, target: 'aggregated' },
      },
      aggregated: { type: 'final' },
    },
  },
};

const wf = compileWorkflow(campaign);

function startAndRegister(names: string[]) {
  const s0 = start(wf, {}, { actor, at: at(1) });
  return step(wf, roundTrip(s0.state), { type: 'REGISTER', payload: { models: names.map((name) => ({ name })) } }, { actor, at: at(2) });
}

const report = (key: string, childId: string, state = 'recognised') => ({
  group: 'nominations',
  key,
  childId,
  definitionKey: 'de-cu',
  state,
  output: { recognised: state === 'recognised' },
});

describe('parent and child instances', () => {
  it('startChildren gives one child.start effect per item, with its input and a stable key', () => {
    const r = startAndRegister(['Mô hình “Dân vận khéo” tổ 1', 'Mô hình tổ 2']);
    const starts = r.effects.filter((e) => e.type === 'child.start');
    expect(starts).toEqual([
      { type: 'child.start', group: 'nominations', key: 'nominations#0', definitionKey: 'de-cu', input: { name: 'Mô hình “Dân vận khéo” tổ 1', registeredBy: 'can-bo', year: 2026 }, at: at(2) },
      { type: 'child.start', group: 'nominations', key: 'nominations#1', definitionKey: 'de-cu', input: { name: 'Mô hình tổ 2', registeredBy: 'can-bo', year: 2026 }, at: at(2) },
    ]);
    expect(r.state.value).toBe('nominating');
    expect(r.state.context._children).toEqual({ nominations: { definition: 'de-cu', started: 2, done: 0, results: [] } });
    expect(allowedEvents(wf, r.state)).toContain(CHILD_DONE_EVENT);
  });

  it('waits for every child, records each report, and moves on the last one', () => {
    let s = startAndRegister(['A', 'B']).state;
    const first = step(wf, roundTrip(s), { type: CHILD_DONE_EVENT, payload: report('nominations#1', 'c-1', 'rejected') }, { actor, at: at(3) });
    expect(first.state.value).toBe('nominating');
    expect(pendingChildren(first.state.context)).toEqual([{ group: 'nominations', key: 'nominations#0', definition: 'de-cu' }]);
    s = first.state;
    const last = step(wf, roundTrip(s), { type: CHILD_DONE_EVENT, payload: report('nominations#0', 'c-0') }, { actor, at: at(4) });
    expect(last.state.status).toBe('done');
    expect(last.state.value).toBe('aggregated');
    const group = (last.state.context._children as any).nominations;
    expect(group.done).toBe(2);
    expect(group.results.map((x: any) => [x.key, x.childId, x.state])).toEqual([
      ['nominations#1', 'c-1', 'rejected'],
      ['nominations#0', 'c-0', 'recognised'],
    ]);
  });

  it('an empty list starts no child and does not wait', () => {
    const r = startAndRegister([]);
    expect(r.effects.some((e) => e.type === 'child.start')).toBe(false);
    expect(r.state.value).toBe('aggregated');
  });

  it('refuses a report of a child that is not awaited, twice, or without its fields', () => {
    const s = startAndRegister(['A']).state;
    const code = (payload: unknown) => {
      try {
        step(wf, roundTrip(s), { type: CHILD_DONE_EVENT, payload: payload as never }, { actor, at: at(3) });
        return 'ok';
      } catch (e) {
        return (e as EngineError).code;
      }
    };
    expect(code(report('nominations#7', 'x'))).toBe('EVENT_NOT_ACCEPTED');
    expect(code({ group: 'nominations' })).toBe('INVALID_PAYLOAD');
    const once = step(wf, roundTrip(s), { type: CHILD_DONE_EVENT, payload: report('nominations#0', 'c-0') }, { actor, at: at(3) });
    expect(once.state.status).toBe('done');
    const noChildren = start(wf, {}, { actor, at: at(1) }).state;
    expect(() => step(wf, noChildren, { type: CHILD_DONE_EVENT, payload: report('nominations#0', 'c-0') }, { actor, at: at(2) })).toThrow(EngineError);
  });

  it('the validator checks groups, definitions and input paths', () => {
    const bad = JSON.parse(JSON.stringify(campaign));
    bad.machine.states.nominating.always.guard.params.group = 'khac';
    bad.machine.states.nominating.entry.params.input.name = { path: 'nowhere.name' };
    const { issues } = validateDefinition(bad);
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['/machine/states/nominating/entry/params/input/name/path', 'invalid_params'],
      ]),
    );
    const unknownGroup = JSON.parse(JSON.stringify(campaign));
    unknownGroup.machine.states.nominating.always.guard.params.group = 'khac';
    expect(validateDefinition(unknownGroup).issues.map((i) => i.code)).toContain('unknown_child_group');
  });

  it('path exploration simulates children finishing, so a waiting state is no dead end', () => {
    const report = explorePaths(wf);
    expect(report.deadEnds).toEqual([]);
    expect(report.stateCoverage.uncovered).toEqual([]);
  });
});
