import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';

/**
 * Scenario tests of `complaint` (first-time complaint, Law on Complaints 2011) on simulated time
 * around Hùng Kings' day (Sun 26 Apr 2026, compensatory Mon 27 Apr) and 30 Apr / 1 May 2026.
 */
const FILE = 'workflows/complaint.json';

const at = (date: string, time = '02:00') => `${date}T${time}:00.000Z`; // 09:00 in Vietnam by default

type Refusal = { code: string; message: string; details?: { refusals?: unknown[]; issues?: unknown[] } };

async function refusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('expected a refusal');
}

function people(s: Scenario) {
  return {
    tiepDan: s.person('tiep-dan-1', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]),
    xuLyDon: s.person('xu-ly-don-1', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]),
    xacMinh: s.person('xac-minh-1', [{ role: 'can-bo-xac-minh', unit: 'phong-kinh-te' }]),
    chuTich: s.person('chu-tich-1', [{ role: 'chu-tich', unit: 'ubnd' }]),
  };
}

const letter = (ngayNhan: string, soNguoiKy = 1) => ({
  nguoiKhieuNai: 'Nguyễn Văn An',
  diaChi: 'Tổ dân phố 3, phường An Phong',
  noiDung: 'Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND',
  ngayNhan,
  soNguoiKy,
});

const verification = (ketQuaXacMinh: string) => ({
  soQuyetDinhXacMinh: '05/QĐ-UBND',
  ngayQuyetDinhXacMinh: '2026-04-16',
  keHoachXacMinh: 'Làm việc với người khiếu nại, thu thập hồ sơ địa chính',
  bienBanXacMinh: 'Biên bản làm việc ngày 20/4/2026',
  baoCaoKetQua: 'Khiếu nại đúng một phần',
  ketQuaXacMinh,
});

// The decision's number is given by the register when it is issued (docs/documents.md), not typed in.
const decision = { ngayQuyetDinh: '2026-04-29', ketLuan: 'dung-mot-phan', noiDungGiaiQuyet: 'Điều chỉnh một phần quyết định thu hồi đất' };

describe('complaint: main path to archive', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], at('2026-04-13')); // Monday 13 Apr 2026
  });
  afterAll(async () => {
    await s.close();
  });

  it('registers, classifies, accepts, verifies, holds a dialogue, decides, sends and archives, with working-day limits across the holidays', async () => {
    const p = people(s);
    const c = await s.start('complaint', p.tiepDan, { kenhTiepNhan: 'truc-tiep' });
    expect(await s.openTasks(c.id)).toEqual([expect.objectContaining({ state: 'tiepNhan', roles: ['can-bo-tiep-dan'], units: ['bo-phan-tiep-cong-dan'] })]);
    // The letter-handling officer sees complaints (they may record a withdrawal), but the intake belongs to the reception task.
    expect((await refusal(s.send(c.id, p.xuLyDon, 'TIEP_NHAN', letter('2026-04-13')))).code).toBe('FORBIDDEN');
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', { ...letter('2026-04-13'), soGiayBienNhan: 'BN-2026-0413-01' });
    // The receipt given to the complainant (giấy biên nhận) is recorded with the letter.
    expect((await s.get(c.id)).context).toMatchObject({ ngayNhan: '2026-04-13', soGiayBienNhan: 'BN-2026-0413-01' });

    // 10 working days from Mon 13 Apr: 14–17, 20–24, (Mon 27 compensatory day off) 28 -> Tue 28 Apr.
    let view = await s.get(c.id);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'phan-loai', state: 'xuLy.phanLoai', dueDate: '2026-04-28', passed: false })]);
    expect(await s.openTasks(c.id)).toEqual([
      expect.objectContaining({ state: 'xuLy.phanLoai', roles: ['can-bo-xu-ly-don'], units: ['van-phong-hdnd-ubnd'], dueAt: new Date('2026-04-28T17:00:00.000Z') }),
    ]);

    await s.advanceTo(at('2026-04-14'));
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen', lyDo: 'Quyết định hành chính của UBND phường' });
    view = await s.get(c.id);
    // Same limit, counted from the receipt date in context, not from entering the state.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'thu-ly', state: 'xuLy.thuLy', dueDate: '2026-04-28' })]);
    expect(await s.openTasks(c.id)).toEqual([expect.objectContaining({ state: 'xuLy.thuLy', roles: ['can-bo-xu-ly-don'], priority: 2 })]);

    await s.advanceTo(at('2026-04-15'));
    // A notice of acceptance dated before the receipt is refused, and takes no number from the register;
    // the refusal says why in both languages, under the date to correct.
    const early = await refusal(s.send(c.id, p.xuLyDon, 'THU_LY', { ngayThuLy: '2026-04-10' }));
    expect(early.code).toBe('GUARD_REJECTED');
    expect(early.message).toBe(
      'event "THU_LY" is not allowed now: The acceptance date may not be before the date the letter was received: choose that date or a later one.',
    );
    const earlyWords = {
      vi: 'Ngày thụ lý không được trước ngày nhận đơn: chọn ngày thụ lý từ ngày nhận đơn trở đi.',
      en: 'The acceptance date may not be before the date the letter was received: choose that date or a later one.',
    };
    expect(early.details?.refusals).toEqual([{ message: earlyWords, field: 'ngayThuLy' }]);
    expect(early.details?.issues).toEqual([{ path: '/payload/ngayThuLy', code: 'refused', message: earlyWords.en, label: earlyWords }]);
    await s.send(c.id, p.xuLyDon, 'THU_LY', { ngayThuLy: '2026-04-15' });
    view = await s.get(c.id);
    // 30 calendar days from 15 Apr: Fri 15 May.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'giai-quyet', state: 'xuLy.giaiQuyet', dueDate: '2026-05-15' })]);
    expect(view.context).toMatchObject({ ngayNhan: '2026-04-13', ngayThuLy: '2026-04-15', soThongBaoThuLy: '01/TB-UBND' });
    const tasks = await s.openTasks(c.id);
    expect(tasks).toHaveLength(2);
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ state: 'xuLy.giaiQuyet', roles: ['chu-tich'], units: ['ubnd'], dueAt: new Date('2026-05-15T17:00:00.000Z') }),
        expect.objectContaining({ state: 'xuLy.giaiQuyet.xacMinh', roles: ['can-bo-xac-minh'], units: ['van-phong-hdnd-ubnd', 'phong-kinh-te', 'phong-van-hoa-xa-hoi'] }),
      ]),
    );

    await s.advanceTo(at('2026-04-22'));
    // Findings differ from the claim (partly right): dialogue comes next.
    await s.send(c.id, p.xacMinh, 'BAO_CAO_XAC_MINH', verification('dung-mot-phan'));
    expect((await s.openTasks(c.id)).map((t) => t.state)).toContain('xuLy.giaiQuyet.doiThoai');
    await s.advanceTo(at('2026-04-24'));
    await s.send(c.id, p.xacMinh, 'DOI_THOAI', { ngayDoiThoai: '2026-04-24', thanhPhan: 'Người khiếu nại, thanh tra, địa chính', bienBanDoiThoai: 'Hai bên thống nhất một phần' });
    // The minutes of the dialogue are numbered from their own register series.
    expect((await s.get(c.id)).context.doiThoai).toMatchObject({ soBienBan: '01/BB-UBND' });
    expect(await s.openTasks(c.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ state: 'xuLy.giaiQuyet.quyetDinh', roles: ['chu-tich'], units: ['ubnd'], priority: 2 })]),
    );

    await s.advanceTo(at('2026-04-29'));
    await s.send(c.id, p.chuTich, 'QUYET_DINH', decision);
    view = await s.get(c.id);
    // 3 working days from Wed 29 Apr: (30 Apr, 1 May holidays, weekend) Mon 4, Tue 5, Wed 6 May.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'gui-quyet-dinh', state: 'guiQuyetDinh', dueDate: '2026-05-06' })]);
    expect(await s.openTasks(c.id)).toEqual([expect.objectContaining({ state: 'guiQuyetDinh', roles: ['can-bo-xu-ly-don'], dueAt: new Date('2026-05-06T17:00:00.000Z') })]);

    await s.advanceTo(at('2026-05-04'));
    await s.send(c.id, p.xuLyDon, 'GUI_QUYET_DINH', { ngayGui: '2026-05-04', noiNhan: 'Ông Nguyễn Văn An; Phòng Kinh tế', hinhThucCongKhai: 'niem-yet' });
    view = await s.get(c.id);
    // Second-complaint window: 30 days from 4 May -> Wed 3 Jun.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'khieu-nai-lan-hai', state: 'luuHoSo', dueDate: '2026-06-03', passed: false })]);

    const fired = await s.advanceTo(at('2026-06-05'));
    expect(fired).toEqual([expect.objectContaining({ kind: 'deadline', deadlineKey: 'khieu-nai-lan-hai', fireAt: '2026-06-03T17:00:00.000Z', outcome: 'fired' })]);
    view = await s.get(c.id);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'khieu-nai-lan-hai', passed: true })]);
    const effects = await s.effects(c.id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['can-bo-xu-ly-don', 'chu-tich'] }));
    // Notify only: the archiving task keeps its priority and roles.
    expect(await s.openTasks(c.id)).toEqual([expect.objectContaining({ state: 'luuHoSo', roles: ['can-bo-xu-ly-don'], priority: 0 })]);

    await s.send(c.id, p.xuLyDon, 'LUU_HO_SO', { soHoSo: 'KN-2026-001', tinhTrangSauQuyetDinh: 'dong-y' });
    view = await s.get(c.id);
    expect(view.status).toBe('done');
    expect(view.state).toBe('daLuuHoSo');
    expect(await s.openTasks(c.id)).toEqual([]);
    expect(await s.history(c.id)).toEqual([
      ['xstate.init', 'tiep-dan-1', 'tiepNhan'],
      ['TIEP_NHAN', 'tiep-dan-1', { xuLy: 'phanLoai' }],
      ['PHAN_LOAI', 'xu-ly-don-1', { xuLy: 'thuLy' }],
      ['THU_LY', 'xu-ly-don-1', { xuLy: { giaiQuyet: 'xacMinh' } }],
      ['BAO_CAO_XAC_MINH', 'xac-minh-1', { xuLy: { giaiQuyet: 'doiThoai' } }],
      ['DOI_THOAI', 'xac-minh-1', { xuLy: { giaiQuyet: 'quyetDinh' } }],
      ['QUYET_DINH', 'chu-tich-1', 'guiQuyetDinh'],
      ['GUI_QUYET_DINH', 'xu-ly-don-1', 'luuHoSo'],
      ['deadline.passed', 'system', 'luuHoSo'],
      ['LUU_HO_SO', 'xu-ly-don-1', 'daLuuHoSo'],
    ]);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'khieu-nai.quyet-dinh', data: { soQuyetDinh: '01/QĐ-UBND', ketLuan: 'dung-mot-phan', nguoiKy: 'chu-tich-1' } }));
  });
});

describe('complaint: time limits passing and extension', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], at('2026-04-13'));
  });
  afterAll(async () => {
    await s.close();
  });

  it('escalates to the chairman when the notice of acceptance is late (10 working days from receipt)', async () => {
    const p = people(s);
    const c = await s.start('complaint', p.tiepDan);
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', letter('2026-04-13'));
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen' });

    const fired = await s.advanceTo(at('2026-04-29', '00:00'));
    expect(fired.filter((f) => f.kind === 'reminder').length).toBeGreaterThan(0);
    expect(fired.filter((f) => f.kind === 'deadline')).toEqual([
      expect.objectContaining({ deadlineKey: 'thu-ly', fireAt: '2026-04-28T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect(await s.openTasks(c.id)).toEqual([expect.objectContaining({ state: 'xuLy.thuLy', roles: ['can-bo-xu-ly-don', 'chu-tich'], priority: 3 })]);
    const view = await s.get(c.id);
    expect(view.context).toMatchObject({ quaHanThuLy: true });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'thu-ly', passed: true })]);
    expect((await s.history(c.id)).slice(-1)).toEqual([['QUA_HAN_THU_LY', 'system', { xuLy: 'thuLy' }]]);
    const effects = await s.effects(c.id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', state: 'xuLy.thuLy', deadlineKey: 'thu-ly', priority: 'urgent', addRoles: ['chu-tich'] }));
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['chu-tich'] }));

    // Late, but still accepted: the resolution limit then counts from the acceptance date.
    await s.send(c.id, p.xuLyDon, 'THU_LY', { ngayThuLy: '2026-04-29' });
    expect((await s.get(c.id)).deadlines).toEqual([expect.objectContaining({ key: 'giai-quyet', dueDate: '2026-05-29' })]);
  });

  it('extends the resolution limit once by 15 days for a complex case, then escalates when it passes', async () => {
    const p = people(s);
    const c = await s.start('complaint', p.tiepDan);
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', letter('2026-04-29'));
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen' });
    await s.send(c.id, p.xuLyDon, 'THU_LY', { ngayThuLy: '2026-04-29' });
    expect((await s.get(c.id)).deadlines).toEqual([expect.objectContaining({ key: 'giai-quyet', dueDate: '2026-05-29' })]);

    const gianHan = { soVanBan: '07/TB-UBND', ngayVanBan: '2026-05-20', lyDo: 'Vụ việc phức tạp, nhiều hộ liên quan' };
    // Only the chairman extends (the verifying officer sees the case through the verification task).
    expect((await refusal(s.send(c.id, p.xacMinh, 'GIA_HAN', gianHan))).code).toBe('FORBIDDEN');
    await s.advanceTo(at('2026-05-20'));
    // The extension is dated, not before the acceptance.
    const early = await refusal(s.send(c.id, p.chuTich, 'GIA_HAN', { ...gianHan, ngayVanBan: '2026-04-28' }));
    expect(early).toMatchObject({ code: 'GUARD_REJECTED', details: { refusals: [expect.objectContaining({ field: 'ngayVanBan' })] } });
    await s.send(c.id, p.chuTich, 'GIA_HAN', gianHan);
    expect((await s.get(c.id)).context).toMatchObject({ vanBanGiaHan: '07/TB-UBND', ngayVanBanGiaHan: '2026-05-20' });
    let view = await s.get(c.id);
    // 29 May + 15 days = Sat 13 Jun -> Mon 15 Jun.
    expect(view.deadlines).toEqual([
      expect.objectContaining({
        key: 'giai-quyet',
        dueDate: '2026-06-15',
        extensions: [expect.objectContaining({ by: { days: 15 }, previousDueAt: '2026-05-29T17:00:00.000Z', reason: gianHan.lyDo })],
      }),
    ]);
    expect(view.context._extensions).toEqual([expect.objectContaining({ deadline: 'giai-quyet', by: { days: 15 }, reason: gianHan.lyDo })]);
    // The law allows one extension (to 45 days) for a first complaint.
    const again = await refusal(s.send(c.id, p.chuTich, 'GIA_HAN', gianHan));
    expect(again.code).toBe('GUARD_REJECTED');
    expect(again.message).toContain('it cannot be extended again');
    expect(again.details?.refusals).toEqual([{ message: expect.objectContaining({ vi: expect.stringContaining('không gia hạn thêm được') }) }]);

    const fired = await s.advanceTo(at('2026-06-16', '00:00'));
    // (The other instance of this scenario, accepted on 29 Apr, passes its own limit on 29 May.)
    expect(fired).toContainEqual(expect.objectContaining({ kind: 'deadline', deadlineKey: 'giai-quyet', fireAt: '2026-06-15T17:00:00.000Z', outcome: 'fired' }));
    view = await s.get(c.id);
    expect(view.context).toMatchObject({ quaHanGiaiQuyet: true, daGiaHan: true });
    expect((await s.history(c.id)).map((h) => h[0])).toEqual(['xstate.init', 'TIEP_NHAN', 'PHAN_LOAI', 'THU_LY', 'GIA_HAN', 'QUA_HAN_GIAI_QUYET']);
    expect(await s.openTasks(c.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ state: 'xuLy.giaiQuyet', roles: ['chu-tich'], priority: 3 }),
        expect.objectContaining({ state: 'xuLy.giaiQuyet.xacMinh', roles: ['can-bo-xac-minh'] }),
      ]),
    );
  });
});

describe('complaint: branches and refusals', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], at('2026-08-27')); // Thursday before National Day (1–2 Sep 2026 off)
  });
  afterAll(async () => {
    await s.close();
  });

  it('forwards a letter outside the ward’s competence (final state)', async () => {
    const p = people(s);
    const c = await s.start('complaint', p.tiepDan, { kenhTiepNhan: 'buu-chinh' });
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', letter('2026-08-27'));
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'khong-thuoc-tham-quyen', coQuanCoThamQuyen: 'UBND thành phố Hải Phòng' });
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays.
    // 10 working days from Thu 27 Aug: 28, (31 Aug – 2 Sep off) 3, 4, 7–11, 14, 15 -> Tue 15 Sep.
    expect((await s.get(c.id)).deadlines).toEqual([expect.objectContaining({ key: 'chuyen-don', state: 'chuyenDon', dueDate: '2026-09-15' })]);
    expect(await s.openTasks(c.id)).toEqual([expect.objectContaining({ state: 'chuyenDon', roles: ['can-bo-xu-ly-don'] })]);
    await s.send(c.id, p.xuLyDon, 'CHUYEN_DON', { coQuanNhan: 'UBND thành phố Hải Phòng', soPhieuChuyen: '11/PC', ngayChuyen: '2026-08-27' });
    const view = await s.get(c.id);
    expect(view).toMatchObject({ status: 'done', state: 'daChuyenDon', deadlines: [] });
    expect(view.context).toMatchObject({ phanLoai: 'khong-thuoc-tham-quyen', coQuanCoThamQuyen: 'UBND thành phố Hải Phòng' });
    expect(await s.effects(c.id)).toContainEqual(expect.objectContaining({ type: 'instance.done', output: { ketQua: 'chuyen-don' } }));
  });

  it('guides the complainant when the letter is not admissible (final state)', async () => {
    const p = people(s);
    const c = await s.start('complaint', p.tiepDan);
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', letter('2026-08-27'));
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'khong-du-dieu-kien', lyDo: 'Quá thời hiệu khiếu nại 90 ngày' });
    // Tue 15 Sep: National Day 2026 as announced (Thông báo 9441/TB-BNV) also takes Mon 31 Aug off.
    expect((await s.get(c.id)).deadlines).toEqual([expect.objectContaining({ key: 'huong-dan', dueDate: '2026-09-15' })]);
    await s.send(c.id, p.xuLyDon, 'HUONG_DAN', { soVanBan: '12/HD', ngayHuongDan: '2026-08-28', noiDungHuongDan: 'Đơn đã quá thời hiệu khiếu nại' });
    expect(await s.get(c.id)).toMatchObject({ status: 'done', state: 'daHuongDan' });
    expect(await s.openTasks(c.id)).toEqual([]);
  });

  it('requires representatives when five or more people sign', async () => {
    const p = people(s);
    const c = await s.start('complaint', p.tiepDan);
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', letter('2026-08-27', 7));
    const noRepresentative = await refusal(s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen' }));
    expect(noRepresentative.code).toBe('GUARD_REJECTED');
    // Every branch refused (one per classification result), but the person reads one reason, under the field to fill in.
    expect(noRepresentative.details?.refusals).toEqual([
      { message: expect.objectContaining({ vi: expect.stringContaining('cử người đại diện') }), field: 'nguoiDaiDien' },
    ]);
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen', nguoiDaiDien: ['Nguyễn Văn An', 'Trần Thị Bình'] });
    expect(await s.get(c.id)).toMatchObject({ state: { xuLy: 'thuLy' }, context: { nguoiDaiDien: ['Nguyễn Văn An', 'Trần Thị Bình'] } });
  });

  it('refuses a decision before verification and leaves the instance unchanged; the verifier may not decide', async () => {
    const p = people(s);
    const both = s.person('xac-minh-chu-tich', [
      { role: 'can-bo-xac-minh', unit: 'van-phong-hdnd-ubnd' },
      { role: 'chu-tich', unit: 'ubnd' },
    ]);
    const c = await s.start('complaint', p.tiepDan);
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', letter('2026-08-27'));
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen' });
    await s.send(c.id, p.xuLyDon, 'THU_LY', { ngayThuLy: '2026-08-27' });
    const before = await s.get(c.id);
    const historyBefore = await s.history(c.id);
    const tasksBefore = await s.openTasks(c.id);

    const e = await refusal(s.send(c.id, p.chuTich, 'QUYET_DINH', decision));
    expect(e.code).toBe('EVENT_NOT_ACCEPTED');
    expect(await s.get(c.id)).toEqual(before);
    expect(await s.history(c.id)).toEqual(historyBefore);
    expect(await s.openTasks(c.id)).toEqual(tasksBefore);

    // Findings match the claim: no dialogue, straight to the decision.
    await s.send(c.id, both, 'BAO_CAO_XAC_MINH', verification('dung'));
    expect((await s.get(c.id)).state).toEqual({ xuLy: { giaiQuyet: 'quyetDinh' } });
    expect((await refusal(s.send(c.id, both, 'QUYET_DINH', decision))).code).toBe('SEPARATION_OF_DUTIES');
    await s.send(c.id, p.chuTich, 'QUYET_DINH', { ...decision, ngayQuyetDinh: '2026-08-28', ketLuan: 'dung' });
    expect((await s.get(c.id)).state).toBe('guiQuyetDinh');
  });

  it('ends when the complainant withdraws the complaint', async () => {
    const p = people(s);
    const c = await s.start('complaint', p.tiepDan);
    await s.send(c.id, p.tiepDan, 'TIEP_NHAN', letter('2026-08-27'));
    await s.send(c.id, p.xuLyDon, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen' });
    await s.send(c.id, p.xuLyDon, 'THU_LY', { ngayThuLy: '2026-08-27' });
    const withdrawal = { ngayRut: '2026-08-28', lyDo: 'Đơn rút khiếu nại', soQuyetDinhDinhChi: '41/QĐ-UBND', ngayQuyetDinhDinhChi: '2026-08-31' };
    // No task answers a withdrawal: it is recorded by the letter-handling officer or the chairman (sentBy), not the verifier.
    expect((await refusal(s.send(c.id, p.xacMinh, 'RUT_DON', withdrawal))).code).toBe('FORBIDDEN');
    // The decision to stop handling the withdrawn complaint (quyết định đình chỉ) is part of the record, dated not before the withdrawal.
    expect((await refusal(s.send(c.id, p.xuLyDon, 'RUT_DON', { ngayRut: '2026-08-28', lyDo: 'Đơn rút khiếu nại' }))).code).toBe('INVALID_PAYLOAD');
    const early = await refusal(s.send(c.id, p.xuLyDon, 'RUT_DON', { ...withdrawal, ngayQuyetDinhDinhChi: '2026-08-27' }));
    expect(early).toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [{ message: expect.objectContaining({ vi: 'Ngày quyết định đình chỉ không được trước ngày rút đơn.' }), field: 'ngayQuyetDinhDinhChi' }] },
    });
    await s.send(c.id, p.xuLyDon, 'RUT_DON', withdrawal);
    const view = await s.get(c.id);
    expect(view).toMatchObject({ status: 'done', state: 'daRutDon', deadlines: [], context: { rutDon: withdrawal } });
    expect(await s.openTasks(c.id)).toEqual([]);
  });
});
