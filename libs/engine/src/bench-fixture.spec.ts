import { describe, expect, it } from '@jest/globals';
import { benchDefinition, benchEvents } from './bench-fixture.js';
import { compileWorkflow, start, step, validateDefinition, type StepResult } from './index.js';

const actor = { id: 'bench', roles: ['chuyen-vien', 'truong-phong'], units: ['ubnd'] };
const at = '2026-03-02T02:00:00.000Z';

describe('bench fixture', () => {
  const wf = compileWorkflow(benchDefinition);

  it('is valid and its event cycle runs one instance from start to done', () => {
    expect(validateDefinition(benchDefinition).valid).toBe(true);
    let r: StepResult = start(wf, undefined, { actor, at });
    const visited = [r.to];
    for (const e of benchEvents) {
      if (e === null) break;
      r = step(wf, r.state, e, { actor, at });
      visited.push(r.to);
    }
    expect(visited).toEqual(['soanThao', 'choDuyet', 'soanThao', 'choDuyet', 'daDuyet', 'daBanHanh']);
    expect(r.state.status).toBe('done');
    expect(r.state.context).toMatchObject({ soLanTraLai: 1, yKien: ['Bổ sung số liệu quý IV'], quyetDinh: 'dong-y', soVanBan: '12/KH-UBND' });
    expect(r.effects.map((e) => e.type)).toEqual(['task.close', 'emit', 'instance.done']);
  });
});
