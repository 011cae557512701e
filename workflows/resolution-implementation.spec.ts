import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';

const FILE = 'workflows/resolution-implementation.json';
const CHI_THI = { soHieu: '35-CT/TU', trichYeu: 'Về tăng cường công tác dân vận trong tình hình mới', capBanHanh: 'thanh-uy', loaiVanBan: 'chi-thi', ngayBanHanh: '2026-08-20' };

function people(s: Scenario) {
  return {
    vanPhong: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
    // The head of the office also acts as Party secretary in this test: he may not issue a plan he drafted.
    chanhVanPhong: s.person('chanh-van-phong', [
      { role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' },
      { role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' },
    ]),
    phoBan: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    biThu: s.person('bi-thu-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
  };
}

const paths = (v: { activeStates: Array<{ path: string }> }) => v.activeStates.map((a) => a.path);

describe('resolution-implementation: plan, opinion, issue, periodic reviews and the final review', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-08-27T02:00:00.000Z'); // Thu 27 Aug 2026, 09:00 in Vietnam
  });
  afterAll(async () => {
    await s.close();
  });

  it('runs to the final review, with the drafting deadline passing across National Day', async () => {
    const p = people(s);
    const nq = await s.start('resolution-implementation', p.chanhVanPhong, CHI_THI);
    let view = await s.get(nq.id);
    expect(paths(view)).toEqual(['xayDungKeHoach']);
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays.
    // 10 working days from Thu 27 Aug: Fri 28, (Mon 31 Aug – Wed 2 Sep) Thu 3, Fri 4, Mon 7 … Fri 11, Mon 14, Tue 15 Sep.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'xay-dung-ke-hoach', dueDate: '2026-09-15', dueAt: '2026-09-15T17:00:00.000Z' })]);
    expect(await s.openTasks(nq.id)).toEqual([
      expect.objectContaining({ state: 'xayDungKeHoach', roles: ['van-phong-dang-uy-ubnd'], units: ['van-phong-dang-uy-ubnd'], priority: 1, dueAt: new Date('2026-09-15T17:00:00.000Z') }),
    ]);

    // Reminders 3 and 1 working days before (Thu 10, Mon 14 Sep at 07:30), then the deadline at the end of Tue 15 Sep.
    expect(await s.advanceTo('2026-09-16T01:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', fireAt: '2026-09-10T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'reminder', fireAt: '2026-09-14T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'xay-dung-ke-hoach', fireAt: '2026-09-15T17:00:00.000Z', outcome: 'fired' }),
    ]);
    view = await s.get(nq.id);
    expect(view.context).toMatchObject({ keHoachQuaHan: true });
    expect(await s.openTasks(nq.id)).toEqual([expect.objectContaining({ state: 'xayDungKeHoach', priority: 3 })]);
    let effects = await s.effects(nq.id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', deadlineKey: 'xay-dung-ke-hoach', priority: 'urgent' }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['bi-thu-dang-uy-ubnd'] }));
    expect((await s.history(nq.id)).map((h) => h.slice(0, 2))).toEqual([
      ['xstate.init', 'chanh-van-phong'],
      ['QUA_HAN_KE_HOACH', 'system'],
    ]);

    // Submitted the morning after the (announced) limit, Wed 16 Sep.
    await s.advanceTo('2026-09-16T02:00:00.000Z');
    view = await s.send(nq.id, p.chanhVanPhong, 'TRINH_KE_HOACH', { duThao: 'tep://ke-hoach/35-ct-tu/v1' });
    expect(paths(view)).toEqual(['gopY']);
    // 5 working days from Wed 16 Sep: Thu 17, Fri 18, Mon 21, Tue 22, Wed 23.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'gop-y', dueDate: '2026-09-23' })]);
    expect(await s.openTasks(nq.id)).toEqual([expect.objectContaining({ state: 'gopY', roles: ['pho-truong-ban-xddd'], units: ['bxdd'] })]);

    // BXDĐ asks for changes: back to the office, counted.
    view = await s.send(nq.id, p.phoBan, 'GOP_Y', { ketQua: 'de-nghi-chinh-sua', yKien: 'Bổ sung nhiệm vụ tuyên truyền trên nền tảng số' });
    expect(paths(view)).toEqual(['xayDungKeHoach']);
    expect(view.context).toMatchObject({ soLanChinhSuaKeHoach: 1, gopYBanXayDungDang: ['Bổ sung nhiệm vụ tuyên truyền trên nền tảng số'] });
    // 10 working days from Wed 16 Sep: 17, 18, 21–25, 28, 29, 30 Sep.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'xay-dung-ke-hoach', dueDate: '2026-09-30', passed: false })]);

    await s.advanceTo('2026-09-17T02:00:00.000Z');
    await s.send(nq.id, p.chanhVanPhong, 'TRINH_KE_HOACH', { duThao: 'tep://ke-hoach/35-ct-tu/v2' });
    view = await s.send(nq.id, p.phoBan, 'GOP_Y', { ketQua: 'thong-nhat', yKien: 'Thống nhất' });
    expect(paths(view)).toEqual(['banHanh']);
    expect(await s.openTasks(nq.id)).toEqual([expect.objectContaining({ state: 'banHanh', roles: ['bi-thu-dang-uy-ubnd'], units: ['dang-uy-ubnd'], priority: 2 })]);

    // Separation of duties: the drafter of the plan may not issue it, even holding the secretary's role.
    const before = await s.get(nq.id);
    await expect(s.send(nq.id, p.chanhVanPhong, 'BAN_HANH', { soKeHoach: '12-KH/ĐU', ngayKeHoach: '2026-09-24' })).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    await expect(s.send(nq.id, p.phoBan, 'BAN_HANH', { soKeHoach: '12-KH/ĐU', ngayKeHoach: '2026-09-24' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(nq.id, p.biThu, 'BAN_HANH', {})).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(await s.get(nq.id)).toMatchObject({ revision: before.revision, state: before.state, context: before.context, deadlines: before.deadlines });

    await s.advanceTo('2026-09-24T02:00:00.000Z');
    view = await s.send(nq.id, p.biThu, 'BAN_HANH', { soKeHoach: '12-KH/ĐU', ngayKeHoach: '2026-09-24' });
    expect(paths(view)).toEqual(['trienKhai']);
    expect(view.context).toMatchObject({ keHoach: { soKeHoach: '12-KH/ĐU', ngayBanHanh: '2026-09-24', nguoiKy: { id: 'bi-thu-1' } } });
    // 180 calendar days from Thu 24 Sep 2026: Tue 23 Mar 2027.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'so-ket', dueDate: '2027-03-23' })]);
    expect(await s.openTasks(nq.id)).toEqual([expect.objectContaining({ state: 'trienKhai', roles: ['van-phong-dang-uy-ubnd'], units: ['van-phong-dang-uy-ubnd'] })]);

    // The first 6-month review, on time: the loop re-arms the next period.
    await s.advanceTo('2027-03-15T02:00:00.000Z');
    view = await s.send(nq.id, p.vanPhong, 'SO_KET', { kyBaoCao: '6 tháng đầu', baoCao: 'tep://so-ket/1', deXuat: 'tiep-tuc' });
    expect(paths(view)).toEqual(['trienKhai']);
    expect(view.context).toMatchObject({ soLanSoKet: 1, cacKySoKet: [{ kyBaoCao: '6 tháng đầu', baoCao: 'tep://so-ket/1', deXuat: 'tiep-tuc', nguoiBaoCao: { id: 'van-phong-1' } }] });
    // 180 days from Mon 15 Mar 2027 is Sat 11 Sep 2027, so Mon 13 Sep 2027.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'so-ket', dueDate: '2027-09-13' })]);

    // The second review is late: reminder, then the deadline event and the escalation.
    const fired = await s.advanceTo('2027-09-14T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey])).toEqual([
      ['reminder', 'so-ket'],
      ['deadline', 'so-ket'],
    ]);
    view = await s.get(nq.id);
    expect(view.context).toMatchObject({ soKetQuaHan: 1 });
    expect(await s.openTasks(nq.id)).toEqual([expect.objectContaining({ state: 'trienKhai', priority: 3 })]);
    effects = await s.effects(nq.id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', deadlineKey: 'so-ket', priority: 'urgent' }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['bi-thu-dang-uy-ubnd', 'pho-truong-ban-xddd'] }));

    // A final-review event is not accepted before the office proposes it; nothing changes.
    const mid = await s.get(nq.id);
    await expect(s.send(nq.id, p.vanPhong, 'TONG_KET', { baoCaoTongKet: 'tep://tong-ket' })).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    expect(await s.get(nq.id)).toMatchObject({ revision: mid.revision, state: mid.state, context: mid.context });

    view = await s.send(nq.id, p.vanPhong, 'SO_KET', { kyBaoCao: '1 năm', baoCao: 'tep://so-ket/2', deXuat: 'tong-ket' });
    expect(paths(view)).toEqual(['tongKet']);
    expect(view.context).toMatchObject({ soLanSoKet: 2 });
    expect(await s.openTasks(nq.id)).toEqual([expect.objectContaining({ state: 'tongKet', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 2 })]);
    // 20 working days from Tue 14 Sep 2027: Wed 15 Sep … Tue 12 Oct 2027.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'tong-ket', dueDate: '2027-10-12' })]);

    view = await s.send(nq.id, p.phoBan, 'TONG_KET', { baoCaoTongKet: 'tep://tong-ket/35-ct-tu', ketLuan: 'Hoàn thành các mục tiêu' });
    expect(view).toMatchObject({ status: 'done', context: { tongKet: { baoCao: 'tep://tong-ket/35-ct-tu', nguoiChuTri: { id: 'pho-ban-1' } } } });
    expect(await s.openTasks(nq.id)).toEqual([]);
    expect((await s.history(nq.id)).map((h) => h[0])).toEqual([
      'xstate.init',
      'QUA_HAN_KE_HOACH',
      'TRINH_KE_HOACH',
      'GOP_Y',
      'TRINH_KE_HOACH',
      'GOP_Y',
      'BAN_HANH',
      'SO_KET',
      'QUA_HAN_SO_KET',
      'SO_KET',
      'TONG_KET',
    ]);
    expect(await s.effects(nq.id)).toContainEqual(expect.objectContaining({ type: 'instance.done', output: { ketQua: 'tong-ket' } }));
  });
});

describe('resolution-implementation: the BXDĐ opinion passes its limit without an event', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-04-22T02:00:00.000Z'); // Wed 22 Apr 2026
  });
  afterAll(async () => {
    await s.close();
  });

  it('counts 5 working days over Hùng Kings and 30 Apr / 1 May, then escalates to the head of the board and marks the instance overdue', async () => {
    const p = people(s);
    const nq = await s.start('resolution-implementation', p.vanPhong, { soHieu: '57-NQ/TW', trichYeu: 'Về đột phá phát triển khoa học, công nghệ', capBanHanh: 'trung-uong' });
    await s.advanceTo('2026-04-23T02:00:00.000Z');
    await s.send(nq.id, p.vanPhong, 'TRINH_KE_HOACH', { duThao: 'tep://ke-hoach/57' });
    // Fri 24, Tue 28, Wed 29, Mon 4, Tue 5 May.
    expect((await s.get(nq.id)).deadlines).toEqual([expect.objectContaining({ key: 'gop-y', dueDate: '2026-05-05' })]);
    const fired = await s.advanceTo('2026-05-06T01:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'gop-y', fireAt: '2026-05-04T00:30:00.000Z' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'gop-y', fireAt: '2026-05-05T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(nq.id);
    expect(paths(view)).toEqual(['gopY']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'gop-y', passed: true })]);
    expect((await s.history(nq.id)).map((h) => h[0])).toEqual(['xstate.init', 'TRINH_KE_HOACH', 'deadline.passed']);
    expect(await s.openTasks(nq.id)).toEqual([expect.objectContaining({ state: 'gopY', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 })]);
    expect(await s.effects(nq.id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd'] }));

    // The head of the board, added by the escalation, gives the opinion; the secretary may also return the draft.
    const truongBan = s.person('truong-ban-1', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]);
    await s.send(nq.id, truongBan, 'GOP_Y', { ketQua: 'thong-nhat', yKien: 'Thống nhất' });
    const back = await s.send(nq.id, p.biThu, 'TRA_LAI', { yKien: 'Cụ thể hóa tiến độ' });
    expect(paths(back)).toEqual(['xayDungKeHoach']);
    expect(back.context).toMatchObject({ soLanChinhSuaKeHoach: 1 });
  });
});
