import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';
import { paths } from '../test/support/steps.js';

const FILE = 'workflows/hall-booking.json';
/** A department's conference on Monday 16 March 2026, 120 people. */
const DANG_KY = {
  toChucDangKy: 'Phòng Văn hóa - Xã hội',
  nguoiLienHe: 'Nguyễn Thị Hoa',
  dienThoaiLienHe: '0912 345 678',
  tenSuKien: 'Hội nghị triển khai công tác văn hóa, xã hội năm 2026',
  ngaySuKien: '2026-03-16',
  soNguoiThamDu: 120,
  mucDich: 'Triển khai nhiệm vụ năm 2026 tới các tổ dân phố',
};
const BO_SUNG = { ...DANG_KY, giaiTrinh: 'Đã bổ sung chương trình hội nghị và danh sách đại biểu' };

function people(s: Scenario) {
  return {
    vanPhong: s.person('vp-1', [{ role: 'can-bo-van-phong', unit: 'van-phong-hdnd-ubnd' }]),
    vanPhong2: s.person('vp-2', [{ role: 'can-bo-van-phong', unit: 'van-phong-hdnd-ubnd' }]),
    chuyenVien: s.person('cv-vhxh', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]),
    chuyenVienKhac: s.person('cv-kinh-te', [{ role: 'chuyen-vien', unit: 'phong-kinh-te' }]),
    truongPhong: s.person('tp-kinh-te', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    mttq: s.person('mttq-1', [{ role: 'mttq', unit: 'mttq' }]),
    congAn: s.person('ca-1', [{ role: 'cong-an-phuong', unit: 'phuong-an-phong' }]),
    phoChuTich: s.person('pct-1', [{ role: 'pho-chu-tich', unit: 'ubnd' }]),
    chuTich: s.person('ct-1', [{ role: 'chu-tich', unit: 'ubnd' }]),
    tiepDan: s.person('tiep-dan-1', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]),
  };
}

describe('hall-booking: approved without the police, reminded on the Friday before a Monday event', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z'); // Mon 2 Mar 2026, 09:00 in Vietnam
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Office checks, the vice-chairman approves, the Office is reminded at 07:30 on the last working day and confirms the hall', async () => {
    const p = people(s);
    let view = await s.start('hall-booking', p.chuyenVien, DANG_KY);
    const id = view.id;
    expect(paths(view)).toEqual(['kiemTra']);
    expect(view.context).toMatchObject({
      nguoiDangKy: { id: 'cv-vhxh', at: '2026-03-02T02:00:00.000Z' },
      ngayDangKy: '2026-03-02T02:00:00.000Z',
      soLanTraLai: 0,
    });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'kiemTra', roles: ['can-bo-van-phong'], units: ['van-phong-hdnd-ubnd'], priority: 1 }),
    ]);
    // 2 working days from Mon 2 Mar: Tue 3, Wed 4 (over at the end of that day).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'kiem-tra', dueDate: '2026-03-04', dueAt: '2026-03-04T17:00:00.000Z', passed: false })]);

    // The check is the Office's task: the requester may not pass their own request.
    await expect(s.send(id, p.chuyenVien, 'HOP_LE')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { event: 'HOP_LE' } });

    // The Office's reminder goes out at 07:30 on Tue 3 (1 working day before the last day); the check follows.
    expect(await s.advanceTo('2026-03-03T03:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'kiem-tra', fireAt: '2026-03-03T00:30:00.000Z', outcome: 'fired' }),
    ]);
    view = await s.send(id, p.vanPhong, 'HOP_LE', { yKien: 'Hội trường trống ngày 16/3; bố trí 120 chỗ' });
    expect(paths(view)).toEqual(['pheDuyet']);
    expect(view.context).toMatchObject({ yKienVanPhong: 'Hội trường trống ngày 16/3; bố trí 120 chỗ', nguoiKiemTra: { id: 'vp-1' }, yKienCongAn: null });
    // 3 working days from Tue 3 Mar: Wed 4, Thu 5, Fri 6.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'phe-duyet', dueDate: '2026-03-06', dueAt: '2026-03-06T17:00:00.000Z' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'pheDuyet', roles: ['pho-chu-tich'], units: ['ubnd'], priority: 2 })]);

    // The chairman is no candidate until the vice-chairman's limit passes: until then the case does not exist for him.
    await expect(s.send(id, p.chuTich, 'PHE_DUYET')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });

    await s.advanceTo('2026-03-04T02:00:00.000Z');
    view = await s.send(id, p.phoChuTich, 'PHE_DUYET', { yKien: 'Đồng ý; Văn phòng bố trí hội trường' });
    expect(paths(view)).toEqual(['chuanBiHoiTruong']);
    expect(view.context).toMatchObject({ quyetDinh: { ketQua: 'phe-duyet', yKien: 'Đồng ý; Văn phòng bố trí hội trường', nguoiQuyetDinh: { id: 'pct-1' } } });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'chuanBiHoiTruong', roles: ['can-bo-van-phong'], units: ['van-phong-hdnd-ubnd'] }),
    ]);
    // Counted back from Mon 16 Mar: the working day before it is Fri 13 Mar, over at its end.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'chuan-bi', dueDate: '2026-03-13', dueAt: '2026-03-13T17:00:00.000Z' })]);
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'notify', users: ['cv-vhxh'], message: expect.objectContaining({ vi: 'Đăng ký sử dụng hội trường đã được phê duyệt' }) }),
    );

    // Nothing until the reminder at 07:30 on Friday 13 March, a working day.
    expect(await s.advanceTo('2026-03-13T00:29:00.000Z')).toEqual([]);
    expect(await s.advanceTo('2026-03-13T03:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'chuan-bi', fireAt: '2026-03-13T00:30:00.000Z', outcome: 'fired' }),
    ]);
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        reminder: { deadlineKey: 'chuan-bi', state: 'chuanBiHoiTruong' },
        roles: ['can-bo-van-phong'],
        message: expect.objectContaining({ vi: expect.stringContaining('ngày làm việc cuối cùng trước sự kiện') }),
      }),
    );

    view = await s.send(id, p.vanPhong2, 'DA_CHUAN_BI', { ghiChu: 'Đã kiểm tra âm thanh, ánh sáng' });
    expect(view).toMatchObject({ status: 'done', activeStates: [{ path: 'daBoTri' }], context: { nguoiChuanBi: { id: 'vp-2' } } });
    expect(await s.openTasks(id)).toEqual([]);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'HOP_LE', 'PHE_DUYET', 'DA_CHUAN_BI']);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'instance.done', output: { ketQua: 'da-bo-tri' } }));
    // The preparation deadline was cancelled with its state: nothing fires at the end of Friday.
    expect(await s.advanceTo('2026-03-16T02:00:00.000Z')).toEqual([]);
  });

  it('counts back over the Reunification Day and Labour Day holidays: an event on Monday 4 May is prepared by Wednesday 29 April', async () => {
    const p = people(s);
    await s.advanceTo('2026-04-20T02:00:00.000Z'); // Mon 20 Apr
    const { id } = await s.start('hall-booking', p.mttq, {
      ...DANG_KY,
      toChucDangKy: 'Hội Cựu chiến binh phường',
      tenSuKien: 'Gặp mặt kỷ niệm 51 năm Ngày Giải phóng miền Nam',
      ngaySuKien: '2026-05-04',
      soNguoiThamDu: 80,
    });
    await s.send(id, p.vanPhong, 'HOP_LE');
    const view = await s.send(id, p.phoChuTich, 'PHE_DUYET');
    // Fri 1 May and Thu 30 Apr are days off: the working day before Mon 4 May is Wed 29 Apr.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'chuan-bi', dueDate: '2026-04-29', dueAt: '2026-04-29T17:00:00.000Z' })]);
    expect(await s.advanceTo('2026-04-29T12:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'chuan-bi', fireAt: '2026-04-29T00:30:00.000Z', outcome: 'fired' }),
    ]);
    expect(await s.send(id, p.vanPhong, 'DA_CHUAN_BI')).toMatchObject({ status: 'done', activeStates: [{ path: 'daBoTri' }] });
  });

  it('a hall not confirmed ready by the end of the working day before the event leaves the case overdue', async () => {
    const p = people(s);
    await s.advanceTo('2026-05-04T02:00:00.000Z'); // Mon 4 May
    const { id } = await s.start('hall-booking', p.chuyenVien, { ...DANG_KY, ngaySuKien: '2026-05-11' });
    await s.send(id, p.vanPhong, 'HOP_LE');
    await s.send(id, p.phoChuTich, 'PHE_DUYET');
    expect(await s.advanceTo('2026-05-09T01:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'chuan-bi', fireAt: '2026-05-08T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'chuan-bi', fireAt: '2026-05-08T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'chuan-bi', dueDate: '2026-05-08', passed: true })]);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'HOP_LE', 'PHE_DUYET', 'deadline.passed']);
    // The Office can still confirm the hall; the case then ends.
    expect(await s.send(id, p.vanPhong, 'DA_CHUAN_BI')).toMatchObject({ status: 'done' });
  });
});

describe('hall-booking: more than 200 people need the ward police’s opinion before approval', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z');
  });
  afterAll(async () => {
    await s.close();
  });

  it('350 people: the police give their opinion, then the vice-chairman approves', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.truongPhong, {
      ...DANG_KY,
      toChucDangKy: 'Phòng Kinh tế, Hạ tầng và Đô thị',
      tenSuKien: 'Hội nghị đối thoại với hộ kinh doanh',
      soNguoiThamDu: 350,
    });
    let view = await s.send(id, p.vanPhong, 'HOP_LE');
    expect(paths(view)).toEqual(['xinYKienCongAn']);
    expect(view.deadlines).toEqual([]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'xinYKienCongAn', roles: ['cong-an-phuong'], units: [], priority: 2 })]);

    // Approval waits for the opinion: the vice-chairman's decision is not accepted yet, and the Office cannot give the police's opinion.
    await expect(s.send(id, p.vanPhong, 'PHE_DUYET')).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
      details: { allowedEvents: ['CHO_Y_KIEN_AN_NINH', 'RUT'] },
    });
    // The vice-chairman has no task in the case yet: it does not exist for them.
    await expect(s.send(id, p.phoChuTich, 'PHE_DUYET')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    await expect(s.send(id, p.vanPhong, 'CHO_Y_KIEN_AN_NINH', { ketLuan: 'dong-y', yKien: 'Đồng ý' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, p.congAn, 'CHO_Y_KIEN_AN_NINH', { ketLuan: 'co-the', yKien: 'Đồng ý' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });

    view = await s.send(id, p.congAn, 'CHO_Y_KIEN_AN_NINH', {
      ketLuan: 'dong-y-co-dieu-kien',
      yKien: 'Đồng ý; bố trí lực lượng giữ xe và phân luồng giao thông',
      soVanBan: '45/CAP',
    });
    expect(paths(view)).toEqual(['pheDuyet']);
    expect(view.context).toMatchObject({
      yKienCongAn: {
        ketLuan: 'dong-y-co-dieu-kien',
        yKien: 'Đồng ý; bố trí lực lượng giữ xe và phân luồng giao thông',
        soVanBan: '45/CAP',
        nguoiChoYKien: { id: 'ca-1' },
      },
    });
    // The vice-chairman's 3 working days run from the police's opinion (Mon 2 Mar: Tue 3, Wed 4, Thu 5).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'phe-duyet', dueDate: '2026-03-05' })]);

    view = await s.send(id, p.phoChuTich, 'PHE_DUYET');
    expect(paths(view)).toEqual(['chuanBiHoiTruong']);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'HOP_LE', 'CHO_Y_KIEN_AN_NINH', 'PHE_DUYET']);
    await s.send(id, p.vanPhong, 'DA_CHUAN_BI');
  });

  it('exactly 200 people need no police opinion', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.chuyenVien, { ...DANG_KY, soNguoiThamDu: 200 });
    expect(paths(await s.send(id, p.vanPhong, 'HOP_LE'))).toEqual(['pheDuyet']);
    await s.send(id, p.phoChuTich, 'KHONG_PHE_DUYET', { lyDo: 'Trùng lịch họp HĐND' });
  });

  it('the police may object; the vice-chairman still decides, and may refuse', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.mttq, {
      ...DANG_KY,
      toChucDangKy: 'Đoàn Thanh niên phường',
      tenSuKien: 'Đêm nhạc thanh niên',
      soNguoiThamDu: 500,
    });
    await s.send(id, p.vanPhong, 'HOP_LE');
    await s.send(id, p.congAn, 'CHO_Y_KIEN_AN_NINH', { ketLuan: 'khong-dong-y', yKien: 'Trùng thời điểm cao điểm bảo đảm an ninh dịp lễ' });
    await expect(s.send(id, p.phoChuTich, 'KHONG_PHE_DUYET')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    const view = await s.send(id, p.phoChuTich, 'KHONG_PHE_DUYET', { lyDo: 'Theo ý kiến của Công an phường' });
    expect(view).toMatchObject({
      status: 'done',
      activeStates: [{ path: 'khongPheDuyet' }],
      context: {
        yKienCongAn: { ketLuan: 'khong-dong-y' },
        quyetDinh: { ketQua: 'khong-phe-duyet', yKien: 'Theo ý kiến của Công an phường', nguoiQuyetDinh: { id: 'pct-1' } },
      },
    });
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        users: ['mttq-1'],
        message: expect.objectContaining({ vi: 'Đăng ký sử dụng hội trường không được phê duyệt' }),
      }),
    );
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'instance.done', output: { ketQua: 'khong-phe-duyet' } }));
  });
});

describe('hall-booking: incomplete requests go back to the requester at most twice', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z');
  });
  afterAll(async () => {
    await s.close();
  });

  it('returned once and twice, completed each time (once by the Office for the requester), then passed on', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.chuyenVien, DANG_KY);

    let view = await s.send(id, p.vanPhong, 'TRA_LAI_BO_SUNG', { lyDo: 'Thiếu chương trình hội nghị' });
    expect(paths(view)).toEqual(['choBoSung']);
    expect(view.context).toMatchObject({ soLanTraLai: 1, lyDoTraLai: ['Thiếu chương trình hội nghị'] });
    expect(view.deadlines).toEqual([]);
    expect(await s.openTasks(id)).toEqual([]);
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        users: ['cv-vhxh'],
        message: expect.objectContaining({ vi: 'Hồ sơ đăng ký sử dụng hội trường chưa đầy đủ, đề nghị bổ sung' }),
      }),
    );

    // Only the requester, or the Office, resubmits: to another department's officer the case does not exist.
    await expect(s.send(id, p.chuyenVienKhac, 'BO_SUNG', BO_SUNG)).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    // A resubmission is the whole corrected request.
    await expect(s.send(id, p.chuyenVien, 'BO_SUNG', { giaiTrinh: 'Đã bổ sung' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });

    await s.advanceTo('2026-03-03T02:00:00.000Z');
    view = await s.send(id, p.chuyenVien, 'BO_SUNG', { ...BO_SUNG, soNguoiThamDu: 150 });
    expect(paths(view)).toEqual(['kiemTra']);
    expect(view.context).toMatchObject({ soNguoiThamDu: 150, lichSuBoSung: [expect.objectContaining({ giaiTrinh: BO_SUNG.giaiTrinh, soNguoiThamDu: 150 })] });
    // A fresh 2 working days from the resubmission (Tue 3 Mar): Wed 4, Thu 5.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'kiem-tra', dueDate: '2026-03-05' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'kiemTra' })]);

    view = await s.send(id, p.vanPhong, 'TRA_LAI_BO_SUNG', { lyDo: 'Thiếu danh sách đại biểu' });
    expect(paths(view)).toEqual(['choBoSung']);
    expect(view.context).toMatchObject({ soLanTraLai: 2, lyDoTraLai: ['Thiếu chương trình hội nghị', 'Thiếu danh sách đại biểu'] });

    // The department brought the list on paper: the Office resubmits for it; the event now has 250 people.
    view = await s.send(id, p.vanPhong2, 'BO_SUNG', { ...BO_SUNG, soNguoiThamDu: 250, ngaySuKien: '2026-03-20' });
    expect(paths(view)).toEqual(['kiemTra']);
    expect(view.context).toMatchObject({ soNguoiThamDu: 250, ngaySuKien: '2026-03-20' });
    expect((view.context.lichSuBoSung as unknown[]).length).toBe(2);

    // Complete at last; the corrected number of people sends it to the police first.
    view = await s.send(id, p.vanPhong, 'HOP_LE');
    expect(paths(view)).toEqual(['xinYKienCongAn']);
    expect(view.context).toMatchObject({ soLanTraLai: 2 });
    expect((await s.history(id)).map((h) => [h[0], h[1]])).toEqual([
      ['xstate.init', 'cv-vhxh'],
      ['TRA_LAI_BO_SUNG', 'vp-1'],
      ['BO_SUNG', 'cv-vhxh'],
      ['TRA_LAI_BO_SUNG', 'vp-1'],
      ['BO_SUNG', 'vp-2'],
      ['HOP_LE', 'vp-1'],
    ]);
  });

  it('the third return refuses the booking', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.chuyenVien, DANG_KY);
    await s.send(id, p.vanPhong, 'TRA_LAI_BO_SUNG', { lyDo: 'Thiếu chương trình' });
    await s.send(id, p.chuyenVien, 'BO_SUNG', BO_SUNG);
    await s.send(id, p.vanPhong, 'TRA_LAI_BO_SUNG', { lyDo: 'Thiếu danh sách đại biểu' });
    await s.send(id, p.chuyenVien, 'BO_SUNG', BO_SUNG);
    const view = await s.send(id, p.vanPhong, 'TRA_LAI_BO_SUNG', { lyDo: 'Vẫn thiếu danh sách đại biểu' });
    expect(view).toMatchObject({ status: 'done', activeStates: [{ path: 'tuChoiHoSo' }], context: { soLanTraLai: 3 } });
    expect(view.context.lyDoTraLai).toHaveLength(3);
    expect(await s.openTasks(id)).toEqual([]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', users: ['cv-vhxh'], message: expect.objectContaining({ vi: expect.stringContaining('bị từ chối') }) }),
    );
    expect(effects).toContainEqual(expect.objectContaining({ type: 'instance.done', output: { ketQua: 'tu-choi-ho-so' } }));
    await expect(s.send(id, p.chuyenVien, 'BO_SUNG', BO_SUNG)).rejects.toMatchObject({ code: 'INSTANCE_DONE' });
  });
});

describe('hall-booking: the Office’s limit passes', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-05T02:00:00.000Z'); // Thu 5 Mar 2026
  });
  afterAll(async () => {
    await s.close();
  });

  it('reminds the Office, then marks the check overdue, raises its priority and tells the vice-chairman', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.chuyenVien, DANG_KY);
    // 2 working days from Thu 5 Mar: Fri 6, (weekend) Mon 9.
    expect((await s.get(id)).deadlines).toEqual([expect.objectContaining({ key: 'kiem-tra', dueDate: '2026-03-09', dueAt: '2026-03-09T17:00:00.000Z' })]);
    expect(await s.advanceTo('2026-03-10T01:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'kiem-tra', fireAt: '2026-03-06T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'kiem-tra', fireAt: '2026-03-09T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const history = await s.history(id);
    expect(history[history.length - 1]).toEqual(['QUA_HAN_KIEM_TRA', 'system', expect.anything()]);
    const view = await s.get(id);
    expect(paths(view)).toEqual(['kiemTra']);
    expect(view.context).toMatchObject({ kiemTraQuaHan: true });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'kiemTra', roles: ['can-bo-van-phong'], units: ['van-phong-hdnd-ubnd'], priority: 3 }),
    ]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', reminder: { deadlineKey: 'kiem-tra', state: 'kiemTra' }, roles: ['can-bo-van-phong'] }),
    );
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', deadlineKey: 'kiem-tra', priority: 'urgent' }));
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['pho-chu-tich'],
        message: expect.objectContaining({ vi: expect.stringContaining('chưa được Văn phòng kiểm tra') }),
      }),
    );

    // The late check still goes on.
    expect(paths(await s.send(id, p.vanPhong, 'HOP_LE'))).toEqual(['pheDuyet']);
  });
});

describe('hall-booking: the vice-chairman’s limit passes and the chairman takes over', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z'); // Mon 2 Mar 2026
  });
  afterAll(async () => {
    await s.close();
  });

  it('reminds the vice-chairman, escalates to the chairman after 3 working days, tells the requester, and the chairman approves', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.chuyenVien, DANG_KY);
    await s.send(id, p.vanPhong, 'HOP_LE');
    // 3 working days from Mon 2 Mar: Tue 3, Wed 4, Thu 5; the reminder at 07:30 on Wed 4.
    expect((await s.get(id)).deadlines).toEqual([expect.objectContaining({ key: 'phe-duyet', dueDate: '2026-03-05', dueAt: '2026-03-05T17:00:00.000Z' })]);
    // Before the escalation the chairman has no task in the case: it does not exist for him.
    await expect(s.send(id, p.chuTich, 'PHE_DUYET')).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });

    expect(await s.advanceTo('2026-03-06T01:00:00.000Z')).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'phe-duyet', fireAt: '2026-03-04T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'phe-duyet', fireAt: '2026-03-05T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const history = await s.history(id);
    expect(history[history.length - 1]).toEqual(['QUA_HAN_PHE_DUYET', 'system', expect.anything()]);
    expect((await s.get(id)).context).toMatchObject({ pheDuyetQuaHan: true });
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'pheDuyet', roles: ['chu-tich', 'pho-chu-tich'], units: ['ubnd'], priority: 3 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', reminder: { deadlineKey: 'phe-duyet', state: 'pheDuyet' }, roles: ['pho-chu-tich'] }),
    );
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', deadlineKey: 'phe-duyet', priority: 'urgent', addRoles: ['chu-tich'] }));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['chu-tich'], message: expect.objectContaining({ vi: expect.stringContaining('chuyển Chủ tịch') }) }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', users: ['cv-vhxh'], message: expect.objectContaining({ vi: expect.stringContaining('quá hạn phê duyệt') }) }),
    );

    const view = await s.send(id, p.chuTich, 'PHE_DUYET', { yKien: 'Đồng ý' });
    expect(paths(view)).toEqual(['chuanBiHoiTruong']);
    expect(view.context).toMatchObject({ quyetDinh: { ketQua: 'phe-duyet', nguoiQuyetDinh: { id: 'ct-1' } } });
  });
});

describe('hall-booking: who may start it, what it takes, and withdrawal', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z');
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses whoever holds none of the starting roles, and changes nothing', async () => {
    const p = people(s);
    for (const who of [p.tiepDan, p.phoChuTich, p.chuTich, p.congAn]) {
      await expect(s.start('hall-booking', who, DANG_KY)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        details: { startableBy: { roles: ['can-bo-van-phong', 'chuyen-vien', 'truong-phong', 'mttq'] } },
      });
    }
    expect((await s.runtime.queries.list({ definitionKey: 'hall-booking' })).items).toEqual([]);
  });

  it('lets the Office, a department’s officer or head, and the Fatherland Front start one', async () => {
    const p = people(s);
    for (const who of [p.vanPhong, p.chuyenVien, p.truongPhong, p.mttq]) {
      const view = await s.start('hall-booking', who, DANG_KY);
      expect(view.context).toMatchObject({ nguoiDangKy: { id: who.username } });
      await s.send(view.id, who, 'RUT', { lyDo: 'Thử nghiệm' });
    }
  });

  it('checks the request form', async () => {
    const p = people(s);
    for (const input of [
      { ...DANG_KY, soNguoiThamDu: 0 },
      { ...DANG_KY, soNguoiThamDu: 12.5 },
      { ...DANG_KY, ngaySuKien: '16/03/2026' },
      Object.fromEntries(Object.entries(DANG_KY).filter(([k]) => k !== 'mucDich')),
      { ...DANG_KY, nguoiDangKy: 'ai-do' },
    ]) {
      await expect(s.start('hall-booking', p.chuyenVien, input)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    // Attachments are uploads of the starter's own: an id that names none is refused, naming the field.
    await expect(s.start('hall-booking', p.chuyenVien, { ...DANG_KY, tepDinhKem: ['7d1e4f5a-9b2c-4e8d-a1f0-3c6b5e2d9a47'] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { problems: [expect.objectContaining({ field: 'input/tepDinhKem/0' })] },
    });
  });

  it('the requester or the Office may withdraw at any step; nobody else may', async () => {
    const p = people(s);
    const { id } = await s.start('hall-booking', p.chuyenVien, DANG_KY);
    await s.send(id, p.vanPhong, 'HOP_LE');
    // The vice-chairman sees the case (its approval is his task) but may not withdraw it; to others it does not exist.
    await expect(s.send(id, p.phoChuTich, 'RUT', { lyDo: 'Không có thẩm quyền' })).rejects.toMatchObject({ code: 'FORBIDDEN', details: { event: 'RUT' } });
    await expect(s.send(id, p.chuyenVienKhac, 'RUT', { lyDo: 'Không có thẩm quyền' })).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    const view = await s.send(id, p.chuyenVien, 'RUT', { lyDo: 'Hội nghị lùi sang quý II' });
    expect(view).toMatchObject({
      status: 'done',
      activeStates: [{ path: 'daRut' }],
      context: { lyDoRut: 'Hội nghị lùi sang quý II', nguoiRut: { id: 'cv-vhxh' } },
    });
    expect(await s.openTasks(id)).toEqual([]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'instance.done', output: { ketQua: 'da-rut' } }));

    // The Office withdraws a booking it registered for an outside organisation, waiting for completion.
    const other = await s.start('hall-booking', p.vanPhong, { ...DANG_KY, toChucDangKy: 'Tổ dân phố số 5' });
    await s.send(other.id, p.vanPhong, 'TRA_LAI_BO_SUNG', { lyDo: 'Thiếu giấy đề nghị có xác nhận của Tổ trưởng' });
    expect(await s.send(other.id, p.vanPhong2, 'RUT', { lyDo: 'Tổ dân phố không bổ sung hồ sơ' })).toMatchObject({
      status: 'done',
      activeStates: [{ path: 'daRut' }],
    });
  });
});
