import { describe, expect, it } from '@jest/globals';
import { compileWorkflow, type WorkflowDefinition } from '#libs/engine';
import type { Principal } from '#libs/core';
import { ConfidentialReads } from './confidential-reads.js';

const L = (vi: string, en: string) => ({ vi, en });

/** A case with three confidential fields: one for a role in a unit, one for a unit, one for the actors of steps. */
const definition: WorkflowDefinition = {
  key: 'bi-mat',
  title: L('Bí mật', 'Secret'),
  roles: { 'chu-tich': L('Chủ tịch', 'Chairman'), 'can-bo': L('Cán bộ', 'Officer') },
  context: { theoVaiTro: null, theoDonVi: null, theoBuoc: null },
  fields: {
    theoVaiTro: { label: L('Theo vai trò', 'By role'), confidential: { roles: ['chu-tich'], units: ['ubnd'] } },
    theoDonVi: { label: L('Theo đơn vị', 'By unit'), confidential: { units: ['van-phong'] } },
    theoBuoc: { label: L('Theo bước', 'By step'), confidential: { steps: ['@start', 'xuLy'] } },
  },
  events: { XONG: { label: L('Xong', 'Done'), kind: 'human', sentBy: { roles: ['can-bo'] } } },
  machine: {
    initial: 'xuLy',
    states: {
      xuLy: { initial: 'buoc1', states: { buoc1: { meta: { task: { title: L('Bước 1', 'Step 1'), roles: ['can-bo'], outcomes: ['XONG'] } }, on: { XONG: '#ketThuc' } } } },
      xong: { id: 'ketThuc', type: 'final' },
    },
  },
};

const workflow = compileWorkflow(definition);
const person = (username: string, memberships: Array<[string, string]>): Principal => ({
  userId: username,
  username,
  displayName: username,
  memberships: memberships.map(([role, unit]) => ({ role, unit })),
});
const task = (state: string, assignee: string | null, completedBy: string | null) => ({ state, assignee, completedBy });

function reads(tasks: Array<ReturnType<typeof task>>) {
  const service = new ConfidentialReads({ manager: {} } as never, {} as never, { listByInstance: async () => tasks } as never, {} as never, {} as never, {} as never);
  return async (p: Principal, exempt = false) => {
    service.setAdminExempt(exempt);
    const reader = await service.readerOf({ id: 'case-1', startedBy: 'nguoi-khoi-tao' }, workflow, p);
    return ['theoVaiTro', 'theoDonVi', 'theoBuoc'].filter((path) => reader.mayRead({ path, mark: definition.fields![path].confidential! }));
  };
}

describe('who reads a confidential field (ConfidentialReads.readerOf)', () => {
  const readable = reads([task('xuLy.buoc1', 'dang-giu', null), task('xuLy.buoc1', null, 'da-lam'), task('khac', 'nguoi-khac', null)]);

  it('a role in the named unit; the same role elsewhere does not', async () => {
    expect(await readable(person('chu-tich', [['chu-tich', 'ubnd']]))).toEqual(['theoVaiTro']);
    expect(await readable(person('chu-tich-khac', [['chu-tich', 'phuong-khac']]))).toEqual([]);
  });

  it('any member of a unit named without roles', async () => {
    expect(await readable(person('van-thu', [['van-thu', 'van-phong']]))).toEqual(['theoDonVi']);
  });

  it('the starter, and the assignee or completer of a task of the named state or a state inside it; a mere candidate does not', async () => {
    expect(await readable(person('nguoi-khoi-tao', []))).toEqual(['theoBuoc']);
    expect(await readable(person('dang-giu', [['can-bo', 'van-phong-khac']]))).toEqual(['theoBuoc']);
    expect(await readable(person('da-lam', []))).toEqual(['theoBuoc']);
    expect(await readable(person('nguoi-khac', [['can-bo', 'ubnd']]))).toEqual([]);
  });

  it('admins and auditors read nothing by virtue of their role; admins read all when exempt, and it says so', async () => {
    expect(await readable(person('quan-tri', [['admin', 'ubnd']]))).toEqual([]);
    expect(await readable(person('kiem-toan', [['auditor', 'ubnd']]))).toEqual([]);
    expect(await readable(person('quan-tri', [['admin', 'ubnd']]), true)).toEqual(['theoVaiTro', 'theoDonVi', 'theoBuoc']);
    expect(await readable(person('kiem-toan', [['auditor', 'ubnd']]), true)).toEqual([]);
  });
});
