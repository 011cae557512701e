import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Scenario } from '../test/support/scenario.js';
import { paths, refusal, reasons } from '../test/support/steps.js';

/**
 * A unit's yearly plan for the program and its inspection (program III.2.1, III.2.3): the unit
 * named by the case files its plan, the Office reviews it (changes at most twice) and sets the
 * inspection date, the Party Committee of the People's Committee records the inspection, and
 * shortcomings are remedied within the days the conclusion sets.
 */
const FILE = 'workflows/unit-plan.json';

function people(s: Scenario) {
  return {
    office: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
    secretary: s.person('bi-thu-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    headVh: s.person('truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
    headSn: s.person('thu-truong-sn', [{ role: 'truong-phong', unit: 'don-vi-su-nghiep-cong' }]),
  };
}

const unitPlan = (ngayBanHanh: string) => ({
  soKeHoach: '03/KH-PKT',
  ngayBanHanh,
  noiDung: 'Thực hiện công tác dân vận chính quyền trong quản lý trật tự đô thị.',
  chiTieu: [{ noiDung: 'Đối thoại với hộ kinh doanh tuyến phố chính', thoiHan: '2026-06-30' }],
});
const inspection = (extra: Record<string, unknown> = {}) => ({
  soThongBao: '15-TB/ĐUUBND',
  ngayThongBao: '2026-06-17',
  ngayKiemTra: '2026-06-15',
  thanhPhanDoan: ['Bí thư Đảng ủy UBND phường', 'Văn phòng Đảng ủy UBND phường', 'Phó Trưởng Ban Xây dựng Đảng Đảng ủy'],
  xepLoai: 'hoan-thanh',
  uuDiem: 'Triển khai đúng kế hoạch.',
  noiDungHuongDan: 'Hướng dẫn lập sổ theo dõi ý kiến người dân.',
  yeuCauKhacPhuc: ['Chưa công khai kết quả đối thoại với hộ kinh doanh'],
  ...extra,
});

describe('unit-plan: the definition', () => {
  const def = JSON.parse(readFileSync(FILE, 'utf8'));
  it('tasks go to the unit the case names', () => {
    expect(def.machine.states.xayDung.meta.task.units).toBe('=donVi');
    expect(def.machine.states.khacPhuc.meta.deadlines[0].after).toEqual({ days: '=soNgayKhacPhuc' });
  });
});

describe('unit-plan: the Economy department in 2026, plan revised twice, inspected, remedies late', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-01-05T02:00:00.000Z'); // Mon 5 Jan 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Office opens the case; only the Economy department’s head sees and files the plan, within 20 working days', async () => {
    const view = await s.start('unit-plan', p.office, { nam: 2026, donVi: 'phong-kinh-te' }, 'KHDV-2026-phong-kinh-te');
    id = view.id;
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-nop', dueDate: '2026-01-30' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'xayDung', roles: ['truong-phong'], units: ['phong-kinh-te'] })]);
    expect((await refusal(s.send(id, p.headVh, 'NOP_KE_HOACH', unitPlan('2026-01-12')))).code).toBe('INSTANCE_NOT_FOUND');
    await s.advanceTo('2026-01-12T02:00:00.000Z');
    const filed = await s.send(id, p.headKt, 'NOP_KE_HOACH', unitPlan('2026-01-12'));
    expect(paths(filed)).toEqual(['xemXet']);
    expect(filed.deadlines).toEqual([expect.objectContaining({ key: 'han-xem-xet', dueDate: '2026-01-19' })]);
  });

  it('approving needs an inspection date after the plan; changes may be asked for twice only', async () => {
    const noDate = await refusal(s.send(id, p.office, 'XEM_XET', { ketQua: 'dat', yKien: 'Đạt yêu cầu.' }));
    expect(reasons(noDate)).toEqual([['ngayKiemTraDuKien', 'Approving the plan: give the planned inspection date.']]);
    const before = await refusal(s.send(id, p.office, 'XEM_XET', { ketQua: 'dat', yKien: 'Đạt yêu cầu.', ngayKiemTraDuKien: '2026-01-10' }));
    expect(reasons(before)).toEqual([['ngayKiemTraDuKien', 'The inspection may not be planned before the date of the plan.']]);
    for (const round of [1, 2]) {
      const back = await s.send(id, p.office, 'XEM_XET', { ketQua: 'chinh-sua', yKien: `Bổ sung chỉ tiêu, lần ${round}.` });
      expect(paths(back)).toEqual(['xayDung']);
      await s.send(id, p.headKt, 'NOP_KE_HOACH', unitPlan('2026-01-14'));
    }
    const third = await refusal(s.send(id, p.office, 'XEM_XET', { ketQua: 'chinh-sua', yKien: 'Lần thứ ba.' }));
    expect(reasons(third)).toEqual([['ketQua', 'Changes were asked for twice: approve and note the shortcomings for the inspection.']]);
    const approved = await s.send(id, p.office, 'XEM_XET', { ketQua: 'dat', yKien: 'Đạt.', ngayKiemTraDuKien: '2026-06-15' });
    expect(paths(approved)).toEqual(['kiemTra']);
    expect(approved.context).toMatchObject({ soLanChinhSua: 2, ngayKiemTraDuKien: '2026-06-15' });
    // Mon 15 Jun + 5 working days: Mon 22 Jun.
    expect(approved.deadlines).toEqual([expect.objectContaining({ key: 'han-kiem-tra', dueDate: '2026-06-22' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'kiemTra', roles: ['van-phong-dang-uy-ubnd', 'bi-thu-dang-uy-ubnd'], units: ['van-phong-dang-uy-ubnd', 'dang-uy-ubnd'] }),
    ]);
  });

  it('the inspection records remedies with the days allowed; the Board is told', async () => {
    await s.advanceTo('2026-06-15T09:00:00.000Z');
    const notice = await refusal(s.send(id, p.secretary, 'KIEM_TRA', inspection({ soNgayKhacPhuc: 30, ngayThongBao: '2026-06-12' })));
    expect(reasons(notice)).toEqual([['ngayThongBao', 'The conclusions may not be dated before the inspection.']]);
    const noDays = await refusal(s.send(id, p.secretary, 'KIEM_TRA', inspection()));
    expect(reasons(noDays)).toEqual([['soNgayKhacPhuc', 'Remedies are required: give the days allowed.']]);
    const view = await s.send(id, p.secretary, 'KIEM_TRA', inspection({ soNgayKhacPhuc: 30 }));
    expect(paths(view)).toEqual(['khacPhuc']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-khac-phuc', dueDate: '2026-07-15' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'khacPhuc', units: ['phong-kinh-te'] })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd'] }));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'ke-hoach-don-vi.kiem-tra', data: { nam: 2026, donVi: 'phong-kinh-te', xepLoai: 'hoan-thanh', soThongBao: '15-TB/ĐUUBND', soYeuCauKhacPhuc: 1 } }),
    );
  });

  it('late remedies are escalated, then reported', async () => {
    const fired = await s.advanceTo('2026-07-16T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-khac-phuc', '2026-07-10T00:30:00.000Z'],
      ['deadline', 'han-khac-phuc', '2026-07-15T17:00:00.000Z'],
    ]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['bi-thu-dang-uy-ubnd', 'van-phong-dang-uy-ubnd'] }));
    const early = await refusal(s.send(id, p.headKt, 'BAO_CAO_KHAC_PHUC', { soBaoCao: '40/BC-PKT', ngayBaoCao: '2026-06-01', ketQuaKhacPhuc: 'Đã công khai.' }));
    expect(reasons(early)).toEqual([['ngayBaoCao', 'The report may not be dated before the inspection.']]);
    const view = await s.send(id, p.headKt, 'BAO_CAO_KHAC_PHUC', { soBaoCao: '40/BC-PKT', ngayBaoCao: '2026-07-16', ketQuaKhacPhuc: 'Đã công khai kết quả đối thoại.' });
    expect(paths(view)).toEqual(['daKhacPhuc']);
    expect(view.context.quaHanKhacPhuc).toBe(true);
    expect((await s.effects(id)).find((e) => e.type === 'instance.done')).toMatchObject({ output: { khacPhuc: true } });
  });

  it('a public service unit with nothing to remedy is done at the inspection', async () => {
    const other = await s.start('unit-plan', p.secretary, { nam: 2026, donVi: 'don-vi-su-nghiep-cong' });
    await s.send(other.id, p.headSn, 'NOP_KE_HOACH', { ...unitPlan('2026-07-16'), soKeHoach: '02/KH-TTVH' });
    await s.send(other.id, p.office, 'XEM_XET', { ketQua: 'dat', yKien: 'Đạt.', ngayKiemTraDuKien: '2026-10-15' });
    const view = await s.send(other.id, p.office, 'KIEM_TRA', inspection({ ngayKiemTra: '2026-10-15', ngayThongBao: '2026-10-16', xepLoai: 'hoan-thanh-tot', yeuCauKhacPhuc: [] }));
    expect(paths(view)).toEqual(['hoanThanh']);
    expect((await s.effects(other.id)).find((e) => e.type === 'instance.done')).toMatchObject({ output: { khacPhuc: false } });
  });
});
