import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Scenario } from '../test/support/scenario.js';

/**
 * The annual joint plan (kế hoạch phối hợp năm, program item III.1.3): drafted by the Party Building
 * Board, agreed by the Office of the People's Committee Party Committee, approved by both heads in
 * parallel, implemented, checked at mid-year and evaluated at the end of the year.
 */
const FILE = 'workflows/annual-plan.json';
/** The plan's own limits: the unit plans it starts keep theirs, which fire in the same simulated time. */
const PLAN_DEADLINES = new Set<string>();
(function collect(node: { states?: Record<string, unknown>; meta?: { deadlines?: Array<{ key: string }> } }) {
  for (const d of node.meta?.deadlines ?? []) PLAN_DEADLINES.add(d.key);
  for (const child of Object.values(node.states ?? {})) collect(child as typeof node);
})(JSON.parse(readFileSync(FILE, 'utf8')).machine);
const ownTimers = <T extends { deadlineKey: string }>(fired: T[]) => fired.filter((f) => PLAN_DEADLINES.has(f.deadlineKey));

function people(s: Scenario) {
  return {
    deputy: s.person('pho-ban-xddd', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    head: s.person('truong-ban-xddd', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]),
    office: s.person('van-phong-duubnd', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
    secretary: s.person('bi-thu-duubnd', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
  };
}

const PLAN = {
  noiDungTrongTam: ['Tuyên truyền Nghị quyết Đại hội Đảng bộ phường', 'Đẩy mạnh phong trào thi đua “Dân vận khéo”'],
  phanCong: [
    { noiDung: 'Xây dựng kế hoạch tuyên truyền', chuTri: 'bxdd', thoiGian: 'Quý I' },
    { noiDung: 'Chỉ đạo các phòng chuyên môn triển khai', chuTri: 'dang-uy-ubnd', phoiHop: 'UBND phường' },
  ],
  mocKiemTraGiuaNam: '2026-08-28T01:00:00.000Z', // Fri 28 Aug 2026
  mocDanhGiaCuoiNam: '2026-12-15T01:00:00.000Z', // Tue 15 Dec 2026
};

const paths = (view: { activeStates: Array<{ path: string }> }) => view.activeStates.map((a) => a.path).sort();

describe('annual-plan: drafted, agreed, approved in parallel, checked at mid-year across National Day, evaluated', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE, 'workflows/unit-plan.json'], '2026-01-05T02:00:00.000Z'); // Mon 5 Jan 2026, 09:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the deputy head starts the 2026 plan: a drafting task for the Board, due in 10 working days', async () => {
    const view = await s.start('annual-plan', p.deputy, { nam: 2026 });
    id = view.id;
    expect(paths(view)).toEqual(['xayDungKeHoach']);
    expect(view.context).toMatchObject({ nam: 2026, soLanTraLai: 0, quaHan: false });
    // Sat 10 Jan 2026 is worked in exchange for Fri 2 Jan (New Year's Day as announced, Công văn 12729/VPCP-KGVX):
    // 6–9 Jan (1–4), Sat 10 (5), 12–16 Jan (6–10) -> Fri 16 Jan (by the rule alone: Mon 19 Jan).
    expect(view.deadlines).toEqual([
      expect.objectContaining({ key: 'han-du-thao', state: 'xayDungKeHoach', dueDate: '2026-01-16', dueAt: '2026-01-16T17:00:00.000Z', passed: false }),
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'xayDungKeHoach', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 1 })]);
  });

  it('refuses an out-of-turn approval and an incomplete plan, changing nothing', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    await expect(s.send(id, p.deputy, 'DUYET_BXDD')).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    await expect(s.send(id, p.deputy, 'TRINH_KE_HOACH', { ...PLAN, noiDungTrongTam: [] })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    // The milestones must be in order: the year-end evaluation after the mid-year check.
    await expect(s.send(id, p.deputy, 'TRINH_KE_HOACH', { ...PLAN, mocDanhGiaCuoiNam: '2026-06-15T01:00:00.000Z' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [{ message: expect.objectContaining({ vi: 'Mốc đánh giá cuối năm phải sau mốc kiểm tra giữa năm.' }), field: 'mocDanhGiaCuoiNam' }] },
    });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.state).toEqual(before.state);
    expect(after.context).toEqual(before.context);
    expect(await s.history(id)).toEqual(history);
  });

  it('the deputy submits; the Office asks for a revision; the deputy submits again', async () => {
    await s.advanceTo('2026-01-12T02:00:00.000Z');
    let view = await s.send(id, p.deputy, 'TRINH_KE_HOACH', PLAN);
    expect(paths(view)).toEqual(['thongNhat']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-thong-nhat', dueDate: '2026-01-19' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'thongNhat', roles: ['van-phong-dang-uy-ubnd'], units: ['van-phong-dang-uy-ubnd'] }),
    ]);
    await expect(s.send(id, p.deputy, 'THONG_NHAT', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    view = await s.send(id, p.office, 'DE_NGHI_SUA', { yKien: 'Bổ sung nội dung chuyển đổi số.' });
    expect(paths(view)).toEqual(['xayDungKeHoach']);
    expect(view.context).toMatchObject({ soLanTraLai: 1, yKien: ['Bổ sung nội dung chuyển đổi số.'] });
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', users: ['pho-ban-xddd'] }));
    view = await s.send(id, p.deputy, 'TRINH_KE_HOACH', {
      ...PLAN,
      noiDungTrongTam: [...PLAN.noiDungTrongTam, 'Chuyển đổi số trong công tác dân vận'],
      // III.2.1: the departments and public service units draw up their own plans once this one is approved.
      donViLapKeHoach: ['phong-kinh-te', 'phong-van-hoa-xa-hoi'],
    });
    expect(view.context.noiDungTrongTam).toHaveLength(3);
  });

  it('after agreement both heads get an approval task at once; the plan moves on only when both approved', async () => {
    let view = await s.send(id, p.office, 'THONG_NHAT', { yKien: 'Thống nhất.' });
    expect(paths(view)).toEqual(['pheDuyet.banXddd.choDuyet', 'pheDuyet.dangUyUbnd.choDuyet']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-phe-duyet', state: 'pheDuyet', dueDate: '2026-01-19' })]);
    expect((await s.openTasks(id)).sort((a, b) => a.state.localeCompare(b.state))).toEqual([
      expect.objectContaining({ state: 'pheDuyet.banXddd.choDuyet', roles: ['truong-ban-xddd'], units: ['bxdd'], priority: 2 }),
      expect.objectContaining({ state: 'pheDuyet.dangUyUbnd.choDuyet', roles: ['bi-thu-dang-uy-ubnd'], units: ['dang-uy-ubnd'], priority: 2 }),
    ]);
    view = await s.send(id, p.head, 'DUYET_BXDD');
    expect(paths(view)).toEqual(['pheDuyet.banXddd.daDuyet', 'pheDuyet.dangUyUbnd.choDuyet']);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'pheDuyet.dangUyUbnd.choDuyet' })]);
    const before = await s.get(id);
    await expect(s.send(id, p.head, 'DUYET_DANG_UY_UBND')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.get(id)).revision).toBe(before.revision);
    view = await s.send(id, p.secretary, 'DUYET_DANG_UY_UBND');
    expect(paths(view)).toEqual(['trienKhai']);
    expect(view.context).toMatchObject({ nguoiDuyetBxdd: { id: 'truong-ban-xddd' }, nguoiDuyetDangUyUbnd: { id: 'bi-thu-duubnd' } });
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'ke-hoach-phoi-hop.ban-hanh', data: expect.objectContaining({ nam: 2026 }) }),
    );
    // The approved plan starts each named unit's own plan for the year, its task for that unit only.
    const units = await s.children(id);
    expect(units.map((c) => [c.definition.key, c.group])).toEqual([
      ['unit-plan', 'keHoachDonVi'],
      ['unit-plan', 'keHoachDonVi'],
    ]);
    const tasks = (await Promise.all(units.map((c) => s.openTasks(c.id)))).flat();
    expect(tasks.map((t) => t.units).sort()).toEqual([['phong-kinh-te'], ['phong-van-hoa-xa-hoi']]);
  });

  it('implementation: the half-year report is due 5 working days after the mid-year date, skipping 31 Aug – 2 Sep', async () => {
    const view = await s.get(id);
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays.
    // From Fri 28 Aug: [Mon 31 Aug, Tue 1, Wed 2 Sep], Thu 3 (1), Fri 4 (2), Mon 7 (3), Tue 8 (4), Wed 9 (5).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao-giua-nam', state: 'trienKhai', dueDate: '2026-09-09' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({
        state: 'trienKhai',
        roles: ['pho-truong-ban-xddd', 'van-phong-dang-uy-ubnd'],
        units: ['bxdd', 'van-phong-dang-uy-ubnd'],
        dueAt: new Date('2026-09-09T17:00:00.000Z'),
      }),
    ]);
  });

  it('the report on Mon 31 Aug opens the mid-year check, due 10 working days later over National Day', async () => {
    expect(ownTimers(await s.advanceTo('2026-08-31T02:00:00.000Z'))).toEqual([]);
    const view = await s.send(id, p.office, 'BAO_CAO_GIUA_NAM', { ketQua: 'Hoàn thành 60% nội dung.' });
    expect(paths(view)).toEqual(['kiemTraGiuaNam']);
    // Thu 3 (1), Fri 4 (2), 7–11 (3–7), 14 (8), 15 (9), 16 (10).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-kiem-tra-giua-nam', dueDate: '2026-09-16' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'kiemTraGiuaNam', roles: ['truong-ban-xddd', 'bi-thu-dang-uy-ubnd'], priority: 2 }),
    ]);
  });

  it('the head extends the check by 5 working days; the reminder then comes 2 working days before the new date', async () => {
    await s.send(id, p.head, 'GIA_HAN', { lyDo: 'Chờ số liệu của các phòng chuyên môn.' });
    const view = await s.get(id);
    expect(view.context._extensions).toEqual([expect.objectContaining({ deadline: 'han-kiem-tra-giua-nam', by: { workingDays: 5 } })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'timer.extend', deadlineKey: 'han-kiem-tra-giua-nam' }));
    // 16 Sep + 5 working days = Wed 23 Sep; reminder Mon 21 Sep.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-kiem-tra-giua-nam', dueDate: '2026-09-23' })]);
    const fired = ownTimers(await s.advanceTo('2026-09-22T02:00:00.000Z'));
    expect(fired).toEqual([expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-kiem-tra-giua-nam', outcome: 'fired' })]);
  });

  it('the conclusion leads to the year-end report, due 5 working days after 15 Dec', async () => {
    const view = await s.send(id, p.secretary, 'KET_LUAN_GIUA_NAM', { ketLuan: 'Cơ bản đúng tiến độ.', dieuChinh: 'Bổ sung hội nghị đối thoại.' });
    expect(paths(view)).toEqual(['tongHopCuoiNam']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao-cuoi-nam', dueDate: '2026-12-22' })]);
  });

  it('the year is reported and evaluated: done, with no escalation on the way', async () => {
    await s.advanceTo('2026-12-16T02:00:00.000Z');
    await s.send(id, p.deputy, 'BAO_CAO_CUOI_NAM', { ketQua: 'Hoàn thành 100% nội dung.' });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({
        state: 'danhGia',
        roles: ['truong-ban-xddd', 'bi-thu-dang-uy-ubnd'],
        units: ['bxdd', 'dang-uy-ubnd'],
        dueAt: new Date('2026-12-30T17:00:00.000Z'),
      }),
    ]);
    // The evaluation is the task of the head of the Board or the Party secretary: the deputy is no candidate.
    await expect(s.send(id, p.deputy, 'DANH_GIA', { xepLoai: 'hoan-thanh-tot', danhGia: 'Tốt' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const view = await s.send(id, p.head, 'DANH_GIA', { xepLoai: 'hoan-thanh-tot', danhGia: 'Hoàn thành tốt kế hoạch.', soVanBan: '15-BC/BXDĐ', ngayVanBan: '2026-12-15' });
    expect(view.status).toBe('done');
    expect(view.context).toMatchObject({ xepLoai: 'hoan-thanh-tot', soVanBan: '15-BC/BXDĐ', ngayVanBanDanhGia: '2026-12-15', quaHan: false });
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'ke-hoach-phoi-hop.danh-gia', data: { nam: 2026, xepLoai: 'hoan-thanh-tot', quaHan: false } }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'da-danh-gia' } });
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
    expect(await s.openTasks(id)).toEqual([]);
    expect(ownTimers(await s.advanceTo('2027-02-01T00:00:00.000Z'))).toEqual([]);
  });
});

describe('annual-plan: returned by a head, then a late half-year report escalated', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-01-05T02:00:00.000Z');
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('a head returns the plan from the parallel approval: both approval tasks close', async () => {
    ({ id } = await s.start('annual-plan', p.deputy, { nam: 2026 }));
    await s.send(id, p.deputy, 'TRINH_KE_HOACH', PLAN);
    await s.send(id, p.office, 'THONG_NHAT', {});
    await s.send(id, p.head, 'DUYET_BXDD');
    const view = await s.send(id, p.secretary, 'TRA_LAI', { yKien: 'Làm rõ phân công.' });
    expect(paths(view)).toEqual(['xayDungKeHoach']);
    expect(view.context).toMatchObject({ soLanTraLai: 1, yKien: ['Làm rõ phân công.'] });
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'xayDungKeHoach' })]);
  });

  it('approved the second time round', async () => {
    await s.send(id, p.deputy, 'TRINH_KE_HOACH', PLAN);
    await s.send(id, p.office, 'THONG_NHAT', {});
    await s.send(id, p.secretary, 'DUYET_DANG_UY_UBND');
    const view = await s.send(id, p.head, 'DUYET_BXDD');
    expect(paths(view)).toEqual(['trienKhai']);
  });

  it('no half-year report by Wed 9 Sep: reminder on Mon 7 Sep, then escalation to both heads', async () => {
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays: due Wed 9 Sep, reminded 2 working days before (Mon 7 Sep).
    const fired = await s.advanceTo('2026-09-10T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-bao-cao-giua-nam', fireAt: '2026-09-07T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-bao-cao-giua-nam', fireAt: '2026-09-09T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(view.context.quaHan).toBe(true);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao-giua-nam', passed: true })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({
        state: 'trienKhai',
        roles: ['bi-thu-dang-uy-ubnd', 'pho-truong-ban-xddd', 'truong-ban-xddd', 'van-phong-dang-uy-ubnd'],
        priority: 3,
      }),
    ]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'task.escalate',
        state: 'trienKhai',
        deadlineKey: 'han-bao-cao-giua-nam',
        priority: 'urgent',
        addRoles: ['truong-ban-xddd', 'bi-thu-dang-uy-ubnd'],
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['truong-ban-xddd', 'bi-thu-dang-uy-ubnd'],
        message: expect.objectContaining({ vi: expect.stringContaining('quá hạn') }),
      }),
    );
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN', 'system', 'trienKhai']);
  });

  it('a person cannot send the timer event', async () => {
    const before = await s.get(id);
    await expect(s.send(id, p.head, 'QUA_HAN')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.get(id)).revision).toBe(before.revision);
  });

  it('the late report still moves the plan on to the mid-year check', async () => {
    const view = await s.send(id, p.deputy, 'BAO_CAO_GIUA_NAM', { ketQua: 'Báo cáo muộn.' });
    expect(paths(view)).toEqual(['kiemTraGiuaNam']);
    expect(view.context.quaHan).toBe(true);
  });
});
