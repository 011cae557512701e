import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from './support/scenario.js';

/** The scenario harness itself, on the example workflow: simulated time fires a working-day deadline across a holiday. */
describe('scenario harness', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open(['workflows/example-document-approval.json'], '2026-04-23T02:00:00.000Z'); // Thursday before Hùng Kings' day (Sun 26 Apr, off Mon 27)
  });
  afterAll(async () => {
    await s.close();
  });

  it('counts 3 working days over the holiday and fires the deadline at its end', async () => {
    const officer = s.person('chuyen-vien-1', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    const doc = await s.start('example-document-approval', officer, { trichYeu: 'Kế hoạch tháng 5' });
    await s.send(doc.id, officer, 'TRINH');
    const view = await s.get(doc.id);
    // Fri 24, (Sat, Sun, Mon 27 = compensatory day off, Thu 30 Apr and Fri 1 May off) Tue 28, Wed 29 -> due end of Wed 29 Apr.
    expect(view.deadlines[0]).toMatchObject({ key: 'duyet', dueDate: '2026-04-29' });
    expect((await s.openTasks(doc.id))[0]).toMatchObject({ state: 'choDuyet', roles: ['truong-phong'] });
    expect(await s.advanceTo('2026-04-29T12:00:00.000Z')).toEqual([expect.objectContaining({ kind: 'reminder', outcome: 'fired' })]);
    const fired = await s.advanceTo('2026-04-30T00:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'deadline', deadlineKey: 'duyet', fireAt: '2026-04-29T17:00:00.000Z', outcome: 'fired' })]);
    expect((await s.history(doc.id)).map((h) => h[0])).toEqual(['xstate.init', 'TRINH', 'QUA_HAN']);
  });
});

describe('a deadline on the machine root', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open(['test/fixtures/workflows/test-root-deadline.json'], '2026-03-02T02:00:00.000Z');
  });
  afterAll(async () => {
    await s.close();
  });

  it('runs across every state and fires while the instance runs', async () => {
    const who = s.person('can-bo', [{ role: 'admin', unit: 'phuong-an-phong' }]);
    const a = await s.start('test-root-deadline', who);
    await s.send(a.id, who, 'TIEP');
    expect((await s.get(a.id)).deadlines[0]).toMatchObject({ key: 'toanHoSo', state: '', dueDate: '2026-03-12' });
    expect(await s.advanceTo('2026-03-13T00:00:00.000Z')).toEqual([expect.objectContaining({ deadlineKey: 'toanHoSo', outcome: 'fired' })]);
    expect((await s.get(a.id)).state).toBe('quaHan');
  });
});
