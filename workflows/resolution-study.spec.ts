import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Scenario } from '../test/support/scenario.js';
import { paths, refusal, reasons, unchanged } from '../test/support/steps.js';

/**
 * Studying a Party document (program II.2, III.2.1): the secretary of the People's Committee Party
 * Committee issues the conference plan, the Office reports the conference, the units named in the
 * plan file their own implementing plans (each only its own), and the Office reports to the Board.
 */
const FILE = 'workflows/resolution-study.json';

function people(s: Scenario) {
  return {
    secretary: s.person('bi-thu-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
    office: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
    deputy: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    headVh: s.person('truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
    headSn: s.person('thu-truong-sn', [{ role: 'truong-phong', unit: 'don-vi-su-nghiep-cong' }]),
  };
}

const input = {
  loaiVanBan: 'chi-thi',
  capBanHanh: 'thanh-uy',
  soVanBan: '15-CT/TU',
  ngayVanBan: '2026-02-20',
  trichYeu: 'Tăng cường công tác dân vận của cơ quan hành chính nhà nước trong tình hình mới',
};
const plan = {
  soKeHoach: '12-KH/ĐUUBND',
  ngayBanHanh: '2026-03-04',
  ngayHoiNghi: '2026-03-12',
  diaDiem: 'Hội trường UBND phường',
  hinhThuc: 'truc-tiep',
  thanhPhan: ['Đảng viên Đảng bộ UBND phường', 'Công chức, viên chức các Phòng chuyên môn'],
  soNguoiTrieuTap: 60,
  baoCaoVien: 'Phó Trưởng Ban Xây dựng Đảng Đảng ủy',
  donViXayDungKeHoach: ['phong-kinh-te', 'phong-van-hoa-xa-hoi'],
};
const conference = { ngayHoiNghi: '2026-03-12', soNguoiThamDu: 57, soNguoiVang: 3, lyDoVang: 'Đi công tác', soBienBan: '03-BB/ĐUUBND', ketLuan: 'Các đơn vị xây dựng kế hoạch thực hiện.' };
const unitPlan = (donVi: string) => ({ donVi, soKeHoach: `05-KH/${donVi}`, ngayBanHanh: '2026-03-18', soNguoiDaHoc: 12, noiDung: 'Tuyên truyền chỉ thị đến toàn thể công chức, gắn với nhiệm vụ chuyên môn.' });

describe('resolution-study: the definition', () => {
  const def = JSON.parse(readFileSync(FILE, 'utf8'));
  it('links to resolution-implementation rather than duplicating it', () => {
    expect(def.description.vi).toContain('resolution-implementation');
    expect(def.machine.states.keHoachDonVi.meta.task.units).toBe('=donViXayDungKeHoach');
  });
});

describe('resolution-study: a city directive studied in March 2026, every unit on time', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z'); // Mon 2 Mar 2026, 09:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Office registers the directive: the secretary has 10 working days to issue the plan', async () => {
    const view = await s.start('resolution-study', p.office, input);
    id = view.id;
    expect(paths(view)).toEqual(['chiDao']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ke-hoach', dueDate: '2026-03-16' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'chiDao', roles: ['bi-thu-dang-uy-ubnd'], units: ['dang-uy-ubnd'] })]);
  });

  it('refuses a plan from the Office, dated before the directive, or with the conference before the plan', async () => {
    await unchanged(s, id, async () => {
      expect((await refusal(s.send(id, p.office, 'BAN_HANH_KE_HOACH', plan))).code).toBe('FORBIDDEN');
      const early = await refusal(s.send(id, p.secretary, 'BAN_HANH_KE_HOACH', { ...plan, ngayBanHanh: '2026-02-15' }));
      expect(early.code).toBe('GUARD_REJECTED');
      expect(reasons(early)).toEqual([['ngayBanHanh', 'The plan may not be dated before the document it is about.']]);
      const before = await refusal(s.send(id, p.secretary, 'BAN_HANH_KE_HOACH', { ...plan, ngayHoiNghi: '2026-03-01' }));
      expect(reasons(before)).toEqual([['ngayHoiNghi', 'The planned conference date may not be before the date of the plan.']]);
      expect((await refusal(s.send(id, p.secretary, 'BAN_HANH_KE_HOACH', { ...plan, donViXayDungKeHoach: [] }))).code).toBe('INVALID_PAYLOAD');
    });
  });

  it('the plan tells the Board; the conference report is due 2 working days after the planned date', async () => {
    await s.advanceTo('2026-03-04T02:00:00.000Z');
    const view = await s.send(id, p.secretary, 'BAN_HANH_KE_HOACH', plan);
    expect(paths(view)).toEqual(['hoiNghi']);
    expect(view.context).toMatchObject({ ngayHoiNghiDuKien: '2026-03-12', soNguoiTrieuTap: 60, nguoiChiDao: { id: 'bi-thu-1' } });
    // Thu 12 Mar + 2 working days: Mon 16 Mar.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', dueDate: '2026-03-16' })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd', 'van-phong-dang-uy-ubnd'] }));
  });

  it('the Office reports attendance: more than were summoned is refused', async () => {
    await s.advanceTo('2026-03-12T09:00:00.000Z');
    await unchanged(s, id, async () => {
      const tooMany = await refusal(s.send(id, p.office, 'BAO_CAO_HOI_NGHI', { ...conference, soNguoiThamDu: 61 }));
      expect(reasons(tooMany)).toEqual([['soNguoiThamDu', 'Attendance may not exceed the number of people summoned.']]);
    });
    const view = await s.send(id, p.office, 'BAO_CAO_HOI_NGHI', conference);
    expect(paths(view)).toEqual(['keHoachDonVi']);
    // 15 working days from Thu 12 Mar: Thu 2 Apr.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ke-hoach-don-vi', dueDate: '2026-04-02' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'keHoachDonVi', roles: ['truong-phong'], units: ['phong-kinh-te', 'phong-van-hoa-xa-hoi'] }),
    ]);
  });

  it('each unit files only its own plan, once; a unit not named does not even see the case; the Office may not close early', async () => {
    await s.advanceTo('2026-03-18T02:00:00.000Z');
    await unchanged(s, id, async () => {
      const other = await refusal(s.send(id, p.headKt, 'NOP_KE_HOACH_DON_VI', unitPlan('phong-van-hoa-xa-hoi')));
      expect(reasons(other)).toEqual([['donVi', 'File the plan only for your own unit: choose the unit you work in.']]);
      expect((await refusal(s.send(id, p.headSn, 'NOP_KE_HOACH_DON_VI', unitPlan('don-vi-su-nghiep-cong')))).code).toBe('INSTANCE_NOT_FOUND');
      const early = await refusal(s.send(id, p.office, 'CHOT_TONG_HOP', { lyDo: 'Chốt sớm' }));
      expect(reasons(early)).toEqual([[null, 'Close only once the units’ time limit has passed.']]);
    });
    let view = await s.send(id, p.headKt, 'NOP_KE_HOACH_DON_VI', unitPlan('phong-kinh-te'));
    expect(paths(view)).toEqual(['keHoachDonVi']);
    const again = await refusal(s.send(id, p.headKt, 'NOP_KE_HOACH_DON_VI', unitPlan('phong-kinh-te')));
    expect(reasons(again)).toEqual([['donVi', 'This unit has already filed its plan.']]);
    view = await s.send(id, p.headVh, 'NOP_KE_HOACH_DON_VI', unitPlan('phong-van-hoa-xa-hoi'));
    expect(paths(view)).toEqual(['tongHop']);
    expect(view.context).toMatchObject({ donViDaNop: ['phong-kinh-te', 'phong-van-hoa-xa-hoi'], soDonViDaNop: 2 });
  });

  it('the Office reports the results to the Board: done', async () => {
    const report = { soBaoCao: '20-BC/ĐUUBND', ngayBaoCao: '2026-03-20', tongSoNguoiDaHoc: 81, soDonViCoKeHoach: 2, ketQua: 'Hoàn thành quán triệt.' };
    const wrong = await refusal(s.send(id, p.office, 'BAO_CAO_KET_QUA', { ...report, soDonViCoKeHoach: 3 }));
    expect(reasons(wrong)).toEqual([['soDonViCoKeHoach', 'More units with a plan than units asked for one.']]);
    const view = await s.send(id, p.office, 'BAO_CAO_KET_QUA', report);
    expect(view.status).toBe('done');
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd', 'bi-thu-dang-uy-ubnd'] }));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'quan-triet.bao-cao', data: { soVanBan: '15-CT/TU', soBaoCao: '20-BC/ĐUUBND', soNguoiThamDu: 57, tongSoNguoiDaHoc: 81, soDonViCoKeHoach: 2 } }),
    );
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'BAN_HANH_KE_HOACH', 'BAO_CAO_HOI_NGHI', 'NOP_KE_HOACH_DON_VI', 'NOP_KE_HOACH_DON_VI', 'BAO_CAO_KET_QUA']);
  });
});

describe('resolution-study: a unit files no plan; the Office closes after the limit', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z');
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('late plan and late conference report are escalated; the missing unit is escalated at the end of 9 Apr', async () => {
    id = (await s.start('resolution-study', p.secretary, input)).id;
    let fired = await s.advanceTo('2026-03-17T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-ke-hoach', '2026-03-12T00:30:00.000Z'],
      ['deadline', 'han-ke-hoach', '2026-03-16T17:00:00.000Z'],
    ]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['bi-thu-dang-uy-ubnd', 'thuong-truc-dang-uy'] }));
    await s.send(id, p.secretary, 'BAN_HANH_KE_HOACH', { ...plan, ngayBanHanh: '2026-03-17', ngayHoiNghi: '2026-03-19' });
    expect((await s.get(id)).context.quaHanKeHoach).toBe(true);
    await s.advanceTo('2026-03-19T09:00:00.000Z');
    const view = await s.send(id, p.office, 'BAO_CAO_HOI_NGHI', { ...conference, ngayHoiNghi: '2026-03-19' });
    // 15 working days from Thu 19 Mar: Thu 9 Apr.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ke-hoach-don-vi', dueDate: '2026-04-09' })]);
    await s.send(id, p.headKt, 'NOP_KE_HOACH_DON_VI', { ...unitPlan('phong-kinh-te'), ngayBanHanh: '2026-03-25' });
    fired = await s.advanceTo('2026-04-10T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-ke-hoach-don-vi', '2026-04-06T00:30:00.000Z'],
      ['deadline', 'han-ke-hoach-don-vi', '2026-04-09T17:00:00.000Z'],
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'keHoachDonVi', priority: 3 })]);
    expect((await s.get(id)).context.hetHanKeHoachDonVi).toBe(true);
  });

  it('the Office closes and compiles with one plan missing', async () => {
    let view = await s.send(id, p.office, 'CHOT_TONG_HOP', { lyDo: 'Phòng Văn hóa - Xã hội chưa nộp kế hoạch' });
    expect(paths(view)).toEqual(['tongHop']);
    expect(view.context).toMatchObject({ soDonViDaNop: 1 });
    view = await s.send(id, p.office, 'BAO_CAO_KET_QUA', { soBaoCao: '22-BC/ĐUUBND', ngayBaoCao: '2026-04-10', tongSoNguoiDaHoc: 57, soDonViCoKeHoach: 1, ketQua: 'Còn 01 đơn vị chưa nộp kế hoạch.' });
    expect(view.status).toBe('done');
  });
});
