import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';

/** Social supervision and critique (QĐ 217, 218): the Front recommends, an agency answers within 15 days, the Front reviews. */
const FILE = 'workflows/social-supervision.json';
const AGENCIES = ['van-phong-hdnd-ubnd', 'phong-kinh-te', 'phong-van-hoa-xa-hoi', 'don-vi-su-nghiep-cong', 'trung-tam-phuc-vu-hanh-chinh-cong'];

function people(s: Scenario) {
  return {
    front: s.person('mttq-1', [{ role: 'mttq', unit: 'mttq' }]),
    chairman: s.person('chu-tich-1', [{ role: 'chu-tich', unit: 'ubnd' }]),
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    headVh: s.person('truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
  };
}

const paths = (v: { activeStates: Array<{ path: string }> }) => v.activeStates.map((a) => a.path);

describe('social supervision: late answer, escalation, one follow-up round, Front satisfied', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-04-16T02:00:00.000Z'); // Thu 16 Apr 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Front sends its recommendation; the chairman has the task', async () => {
    const view = await s.start('social-supervision', p.front, { loai: 'giam-sat', noiDung: 'Kiến nghị sau giám sát việc thu gom rác thải', soVanBan: '05/KN-MTTQ' });
    id = view.id;
    expect(paths(view)).toEqual(['phanCong']);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'phanCong', roles: ['chu-tich'], units: ['ubnd'], dueAt: null })]);
  });

  it('the chairman assigns the Economy department: 15 calendar days, ending Sat 2 May, moved to Mon 4 May', async () => {
    await s.advanceTo('2026-04-17T02:00:00.000Z');
    const view = await s.send(id, p.chairman, 'PHAN_CONG', { coQuan: 'phong-kinh-te', chiDao: 'Trả lời đúng hạn' });
    expect(paths(view)).toEqual(['traLoi']);
    expect(view.context).toMatchObject({ coQuan: 'phong-kinh-te', vong: 1 });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tra-loi-giam-sat', dueDate: '2026-05-04', dueAt: '2026-05-04T17:00:00.000Z' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'traLoi', roles: ['truong-phong'], units: AGENCIES, priority: 2, dueAt: new Date('2026-05-04T17:00:00.000Z') }),
    ]);
  });

  it('a head of another agency cannot answer, and nothing changes', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    await expect(s.send(id, p.headVh, 'TRA_LOI', { noiDungTraLoi: 'Trả lời nhầm', soVanBan: '1/BC' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      message: 'event "TRA_LOI" is not allowed now: Only the head of the agency assigned to answer may send the answer.',
    });
    await expect(s.send(id, p.headKt, 'TRA_LOI', { noiDungTraLoi: 'Thiếu số văn bản' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.headKt, 'DANH_GIA', { ketQua: 'dong-y' })).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    const after = await s.get(id);
    expect(after).toMatchObject({ revision: before.revision, state: before.state, context: before.context });
    expect(await s.history(id)).toEqual(history);
  });

  it('reminds 3 days before, then escalates when the limit passes: urgent, chairman added, chairman and Front notified', async () => {
    const fired = await s.advanceTo('2026-05-05T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-tra-loi-giam-sat', fireAt: '2026-05-01T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-tra-loi-giam-sat', fireAt: '2026-05-04T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'traLoi', roles: ['chu-tich', 'truong-phong'], priority: 3 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', state: 'traLoi', priority: 'urgent', addRoles: ['chu-tich'] }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['chu-tich', 'mttq'], message: expect.objectContaining({ en: expect.stringContaining('late') }) }));
    const view = await s.get(id);
    expect(view.context.quaHan).toBe(true);
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN_TRA_LOI', 'system', 'traLoi']);
  });

  it('the agency answers; the Front is not satisfied: a second round with a fresh 15-day limit', async () => {
    let view = await s.send(id, p.headKt, 'TRA_LOI', { noiDungTraLoi: 'Đã bố trí thêm điểm tập kết rác', soVanBan: '30/BC-PKT', ngayVanBan: '2026-05-05' });
    expect(paths(view)).toEqual(['danhGia']);
    expect(view.context).toMatchObject({ soVanBanTraLoi: '30/BC-PKT', ngayVanBanTraLoi: '2026-05-05' });
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'danhGia', roles: ['mttq'], units: ['mttq'] })]);
    await s.advanceTo('2026-05-06T02:00:00.000Z');
    view = await s.send(id, p.front, 'DANH_GIA', { ketQua: 'chua-dong-y', yKien: 'Chưa nêu thời gian thực hiện' });
    expect(paths(view)).toEqual(['traLoi']);
    expect(view.context).toMatchObject({ vong: 2, yKienMttq: ['Chưa nêu thời gian thực hiện'], traLoi: ['Đã bố trí thêm điểm tập kết rác'] });
    // 6 May + 15 days = Thu 21 May.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tra-loi-giam-sat', dueDate: '2026-05-21', passed: false })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'traLoi', roles: ['truong-phong'], priority: 2 })]);
  });

  it('the second answer satisfies the Front: closed', async () => {
    await s.advanceTo('2026-05-12T02:00:00.000Z');
    await s.send(id, p.headKt, 'TRA_LOI', { noiDungTraLoi: 'Hoàn thành trước 30/6/2026', soVanBan: '41/BC-PKT' });
    const view = await s.send(id, p.front, 'DANH_GIA', { ketQua: 'dong-y' });
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['daKetThuc']);
    expect(view.context).toMatchObject({ ketLuan: 'dong-y', soVanBanTraLoi: '41/BC-PKT' });
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'giam-sat.ket-thuc', data: { coQuan: 'phong-kinh-te', vong: 2 } }));
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'dong-y' } });
    expect(await s.advanceTo('2026-06-30T00:00:00.000Z')).toEqual([]);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'PHAN_CONG', 'QUA_HAN_TRA_LOI', 'TRA_LOI', 'DANH_GIA', 'TRA_LOI', 'DANH_GIA']);
  });
});

describe('social supervision: the follow-up loop is bounded at 3 rounds', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-06-01T02:00:00.000Z');
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('after the third unsatisfactory answer the Front reports to the Party Committee', async () => {
    const { id } = await s.start('social-supervision', p.front, { loai: 'phan-bien', noiDung: 'Ý kiến phản biện dự thảo quy hoạch chợ' });
    await s.send(id, p.chairman, 'PHAN_CONG', { coQuan: 'phong-van-hoa-xa-hoi' });
    for (let round = 1; round <= 3; round++) {
      await s.send(id, p.headVh, 'TRA_LOI', { noiDungTraLoi: `Trả lời vòng ${round}`, soVanBan: `${round}/BC-VHXH` });
      const view = await s.send(id, p.front, 'DANH_GIA', { ketQua: 'chua-dong-y', yKien: `Chưa đạt vòng ${round}` });
      if (round < 3) {
        expect(paths(view)).toEqual(['traLoi']);
        expect(view.context.vong).toBe(round + 1);
      } else {
        expect(view.status).toBe('done');
        expect(paths(view)).toEqual(['baoCaoCapUy']);
        expect(view.context).toMatchObject({ vong: 3, ketLuan: 'chua-dong-y', traLoi: ['Trả lời vòng 1', 'Trả lời vòng 2', 'Trả lời vòng 3'] });
      }
    }
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'giam-sat.bao-cao-cap-uy', data: { coQuan: 'phong-van-hoa-xa-hoi', vong: 3 } }));
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'bao-cao-cap-uy' } });
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
  });

  it('refuses a start without a kind and an assignment by someone other than the chairman', async () => {
    await expect(s.start('social-supervision', p.front, { noiDung: 'Thiếu loại' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { id } = await s.start('social-supervision', p.front, { loai: 'giam-sat', noiDung: 'Giám sát cải cách hành chính' });
    const before = await s.get(id);
    await expect(s.send(id, p.front, 'PHAN_CONG', { coQuan: 'don-vi-su-nghiep-cong' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.get(id)).toMatchObject({ revision: before.revision, state: 'phanCong', context: before.context });
  });
});
