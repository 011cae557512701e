import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';

/**
 * Petitions (kiến nghị, phản ánh): the citizen is answered within 10 working days of receipt
 * (Law on Citizen Reception 2013, art. 28), counted over the ward's public holidays.
 */
const FILE = 'workflows/petition.json';
const HANDLING_UNITS = ['phong-kinh-te', 'phong-van-hoa-xa-hoi', 'don-vi-su-nghiep-cong', 'trung-tam-phuc-vu-hanh-chinh-cong', 'van-phong-hdnd-ubnd'];

function people(s: Scenario) {
  return {
    reception: s.person('tiep-dan-1', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]),
    letters: s.person('xu-ly-don-1', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]),
    officerKt: s.person('chuyen-vien-kt', [{ role: 'chuyen-vien', unit: 'phong-kinh-te' }]),
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    officerVh: s.person('chuyen-vien-vh', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]),
    headVh: s.person('truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
    // The deputy head of the same department, who signs in the head's stead (same role, same unit).
    deputyVh: s.person('pho-truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
    officerSn: s.person('su-nghiep-1', [{ role: 'chuyen-vien', unit: 'don-vi-su-nghiep-cong' }]),
  };
}

describe('petition: answered on time across Hùng Kings day and 30 Apr / 1 May', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    // Thu 23 Apr 2026, 09:00 in Vietnam. Sun 26 Apr is Hùng Kings' day (off Mon 27), then 30 Apr and 1 May.
    s = await Scenario.open([FILE], '2026-04-23T02:00:00.000Z');
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('receipt at the reception desk: the receipt date is the start, due 10 working days later', async () => {
    const view = await s.start('petition', p.reception, {
      kenh: 'tiep-dan',
      noiDung: 'Đề nghị sửa chữa đèn chiếu sáng ngõ 12',
      nguoiKienNghi: 'Nguyễn Văn An',
      ngayNhan: '2026-04-23',
      soGiayBienNhan: 'BN-2026-0423-07',
    });
    id = view.id;
    expect(view.activeStates.map((a) => a.path)).toEqual(['phanLoai']);
    expect(view.context).toMatchObject({ kenh: 'tiep-dan', ngayNhan: '2026-04-23', soGiayBienNhan: 'BN-2026-0423-07' });
    // Fri 24 (1), [Sat, Sun 26 holiday, Mon 27 compensatory], Tue 28 (2), Wed 29 (3), [Thu 30, Fri 1, weekend], 4–8 May (4–8), 11 (9), 12 (10).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-phan-loai', state: 'phanLoai', dueDate: '2026-05-12', dueAt: '2026-05-12T17:00:00.000Z', passed: false })]);
    const tasks = await s.openTasks(id);
    expect(tasks).toEqual([expect.objectContaining({ state: 'phanLoai', roles: ['can-bo-xu-ly-don'], units: ['van-phong-hdnd-ubnd'], priority: 1 })]);
    expect(tasks[0].dueAt).toEqual(new Date('2026-05-12T17:00:00.000Z'));
  });

  it('refuses a classification by someone who is not the letter-handling officer, changing nothing', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    // An officer with no task on the case does not even see it; a receiving officer who sees it lacks the role.
    await expect(s.send(id, p.officerKt, 'GIAO_XU_LY', { donViXuLy: 'phong-kinh-te' })).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    await expect(s.send(id, p.reception, 'GIAO_XU_LY', { donViXuLy: 'phong-kinh-te' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'phong-khong-co' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.letters, 'DUYET_GUI', { soVanBan: '1/TL' })).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.state).toEqual(before.state);
    expect(after.context).toEqual(before.context);
    expect(await s.history(id)).toEqual(history);
  });

  it('the letter-handling officer assigns the Economy department; the same due date carries over', async () => {
    await s.advanceTo('2026-04-24T02:00:00.000Z');
    const view = await s.send(id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'phong-kinh-te', linhVuc: 'Hạ tầng đô thị' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['traLoi']);
    expect(view.context).toMatchObject({ donViXuLy: 'phong-kinh-te', nguoiPhanLoai: { id: 'xu-ly-don-1' } });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tra-loi', dueDate: '2026-05-12' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'traLoi', roles: ['chuyen-vien', 'truong-phong'], units: HANDLING_UNITS, dueAt: new Date('2026-05-12T17:00:00.000Z') })]);
  });

  it('only the assigned unit can answer', async () => {
    const before = await s.get(id);
    await expect(s.send(id, p.officerVh, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Dự thảo của phòng khác' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      message: 'event "TRINH_TRA_LOI" is not allowed now: Only the unit the petition was assigned to may draft the answer or return the petition.',
    });
    expect((await s.get(id)).revision).toBe(before.revision);
  });

  it('the officer drafts, the head asks for a revision, the officer drafts again', async () => {
    await s.advanceTo('2026-04-28T03:00:00.000Z');
    let view = await s.send(id, p.officerKt, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Phòng sẽ sửa đèn trong tuần.' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['kiemTra']);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'kiemTra', roles: ['truong-phong'], units: HANDLING_UNITS, priority: 2 })]);
    await expect(s.send(id, p.headVh, 'DUYET_GUI', { soVanBan: '12/TL-UBND' })).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    await expect(s.send(id, p.officerKt, 'DUYET_GUI', { soVanBan: '12/TL-UBND' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await s.advanceTo('2026-04-29T03:00:00.000Z');
    view = await s.send(id, p.headKt, 'YEU_CAU_SUA', { yKien: 'Nêu rõ thời gian hoàn thành.' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['traLoi']);
    expect(view.context).toMatchObject({ soLanYeuCauSua: 1, yKienKiemTra: ['Nêu rõ thời gian hoàn thành.'] });
    await s.advanceTo('2026-05-07T03:00:00.000Z');
    view = await s.send(id, p.officerKt, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Phòng sẽ sửa đèn trước ngày 15/5/2026.' });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-kiem-tra', dueDate: '2026-05-12' })]);
  });

  it('the reminder goes out 2 working days before the last day (Fri 8 May, 07:30)', async () => {
    const fired = await s.advanceTo('2026-05-08T02:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-kiem-tra', fireAt: '2026-05-08T00:30:00.000Z', outcome: 'fired' })]);
    const reminder = (await s.effects(id)).filter((e) => e.type === 'notify' && e.reminder);
    expect(reminder).toEqual([expect.objectContaining({ roles: ['truong-phong'] })]);
  });

  it('the head approves and sends: answered, and nothing fires after', async () => {
    const view = await s.send(id, p.headKt, 'DUYET_GUI', { soVanBan: '25/TL-UBND', ngayVanBan: '2026-05-11', hinhThucGui: 'buu-dien' });
    expect(view.status).toBe('done');
    expect(view.activeStates.map((a) => a.path)).toEqual(['daTraLoi']);
    expect(view.context).toMatchObject({ soVanBan: '25/TL-UBND', ngayVanBanTraLoi: '2026-05-11', quaHan: false, nguoiDuyet: { id: 'truong-phong-kt' } });
    expect(await s.openTasks(id)).toEqual([]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'kien-nghi.tra-loi', data: { soVanBan: '25/TL-UBND', donViXuLy: 'phong-kinh-te', kenh: 'tiep-dan', quaHan: false } }));
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'da-tra-loi' } });
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
    expect(await s.advanceTo('2026-06-01T00:00:00.000Z')).toEqual([]);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'GIAO_XU_LY', 'TRINH_TRA_LOI', 'YEU_CAU_SUA', 'TRINH_TRA_LOI', 'DUYET_GUI']);
  });
});

describe('petition: late answer from a context receipt date across National Day', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-08-31T02:00:00.000Z'); // Mon 31 Aug 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('counts from the receipt date in context, skipping 1 and 2 Sep', async () => {
    // Received online on Fri 28 Aug, entered on Mon 31 Aug.
    const view = await s.start('petition', p.letters, { kenh: 'truc-tuyen', noiDung: 'Phản ánh rác thải tại chợ', ngayNhan: '2026-08-28' });
    id = view.id;
    expect(view.context.ngayNhan).toBe('2026-08-28');
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays.
    // [Mon 31 Aug, Tue 1, Wed 2 Sep], Thu 3 (1), Fri 4 (2), 7–11 (3–7), 14 (8), 15 (9), 16 (10).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-phan-loai', dueDate: '2026-09-16', dueAt: '2026-09-16T17:00:00.000Z' })]);
    await s.send(id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'phong-van-hoa-xa-hoi' });
    expect((await s.get(id)).deadlines).toEqual([expect.objectContaining({ key: 'han-tra-loi', dueDate: '2026-09-16' })]);
  });

  it('reminds on Mon 14 Sep, then escalates at the end of 16 Sep: urgent, vice chairman added, notified', async () => {
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays: due Wed 16 Sep, reminded 2 working days before (Mon 14 Sep).
    const fired = await s.advanceTo('2026-09-17T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-tra-loi', fireAt: '2026-09-14T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-tra-loi', fireAt: '2026-09-16T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(view.activeStates.map((a) => a.path)).toEqual(['traLoi']);
    expect(view.context.quaHan).toBe(true);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tra-loi', passed: true })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'traLoi', roles: ['chuyen-vien', 'pho-chu-tich', 'truong-phong'], priority: 3 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'task.escalate', state: 'traLoi', deadlineKey: 'han-tra-loi', priority: 'urgent', addRoles: ['pho-chu-tich'] }));
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['pho-chu-tich', 'can-bo-xu-ly-don'], message: expect.objectContaining({ vi: expect.stringContaining('quá hạn') }) }),
    );
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN', 'system', 'traLoi']);
  });

  it('a person cannot send the timer event', async () => {
    const before = await s.get(id);
    await expect(s.send(id, p.headVh, 'QUA_HAN')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.get(id)).revision).toBe(before.revision);
  });

  it('the late answer is checked with the overdue limit still escalated, then sent; the head who drafted it may not approve it', async () => {
    await s.send(id, p.headVh, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Trưởng phòng trả lời trực tiếp.' });
    // Counted from the receipt date too: over at the end of Wed 16 Sep (the announced National Day swap, Thông báo 9441/TB-BNV).
    const fired = await s.advanceTo('2026-09-17T03:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-kiem-tra', fireAt: '2026-09-16T17:00:00.000Z' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'kiemTra', roles: ['pho-chu-tich', 'truong-phong'], priority: 3 })]);
    // The one who prepared the answer may not approve it (docs/approvers.md): another head of the department does.
    const before = await s.get(id);
    await expect(s.send(id, p.headVh, 'DUYET_GUI', { soVanBan: '40/TL-UBND' })).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect((await s.get(id)).revision).toBe(before.revision);
    const view = await s.send(id, p.deputyVh, 'DUYET_GUI', { soVanBan: '40/TL-UBND' });
    expect(view.status).toBe('done');
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'kien-nghi.tra-loi', data: expect.objectContaining({ quaHan: true, kenh: 'truc-tuyen' }) }));
  });
});

describe('petition: outside competence, returns and refused input', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-03-02T02:00:00.000Z'); // Mon 2 Mar 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses an unknown channel', async () => {
    await expect(s.start('petition', p.reception, { kenh: 'email', noiDung: 'Nội dung', ngayNhan: '2026-03-02' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // The receipt date is entered: a petition without it is refused, never dated by the click.
    await expect(s.start('petition', p.reception, { kenh: 'tiep-dan', noiDung: 'Nội dung kiến nghị' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a hotline petition outside the ward’s competence is transferred and ends; its deadline is cancelled', async () => {
    const started = await s.start('petition', p.reception, { kenh: 'duong-day-nong', noiDung: 'Phản ánh về thuế thu nhập cá nhân', ngayNhan: '2026-03-02' });
    const forward = { coQuanTiepNhan: 'Thuế cơ sở số 3 thành phố Hải Phòng', lyDo: 'Không thuộc thẩm quyền của UBND phường', soVanBan: '12/PC', ngayChuyen: '2026-03-03' };
    // The citizen is told of the transfer: a notice the day before receipt is refused at its field.
    const early = await s.send(started.id, p.letters, 'CHUYEN_DON', { ...forward, ngayThongBaoNguoiGui: '2026-03-01', hinhThucThongBao: 'dien-thoai' }).catch((e) => e);
    expect(early).toMatchObject({ code: 'GUARD_REJECTED', details: { refusals: [expect.objectContaining({ field: 'ngayThongBaoNguoiGui' })] } });
    await expect(s.send(started.id, p.letters, 'CHUYEN_DON', forward)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    const view = await s.send(started.id, p.letters, 'CHUYEN_DON', { ...forward, ngayThongBaoNguoiGui: '2026-03-03', hinhThucThongBao: 'dien-thoai', soThongBao: '12/TB' });
    expect(view.context).toMatchObject({ ngayThongBaoNguoiGui: '2026-03-03', hinhThucThongBao: 'dien-thoai', soThongBao: '12/TB' });
    expect(view.status).toBe('done');
    expect(view.activeStates.map((a) => a.path)).toEqual(['daChuyenDon']);
    expect(await s.openTasks(started.id)).toEqual([]);
    const effects = await s.effects(started.id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'kien-nghi.chuyen-don', data: { coQuanTiepNhan: 'Thuế cơ sở số 3 thành phố Hải Phòng', kenh: 'duong-day-nong', ngayThongBaoNguoiGui: '2026-03-03' } }));
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'chuyen-don' } });
    expect(await s.advanceTo('2026-04-01T00:00:00.000Z')).toEqual([]);
  });

  it('arrives by post, or forwarded by another agency with its letter\'s number and date', async () => {
    const byPost = await s.start('petition', p.reception, { kenh: 'buu-chinh', noiDung: 'Kiến nghị về thu gom rác', nguoiKienNghi: 'Đỗ Văn Nam', ngayNhan: '2026-03-04' });
    expect(byPost.context).toMatchObject({ kenh: 'buu-chinh' });
    // Forwarded without saying by whom, or by which letter: refused, the form names the fields.
    await expect(s.start('petition', p.reception, { kenh: 'co-quan-chuyen-den', noiDung: 'Phản ánh về điện chiếu sáng', ngayNhan: '2026-03-04' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const forwarded = await s.start('petition', p.reception, {
      kenh: 'co-quan-chuyen-den',
      noiDung: 'Phản ánh về điện chiếu sáng ngõ 34 Lạch Tray',
      nguoiKienNghi: 'Phạm Thị Thu',
      ngayNhan: '2026-03-04',
      coQuanChuyenDen: 'Ban Tiếp công dân thành phố Hải Phòng',
      soVanBanChuyenDen: '215/BTCD',
      ngayVanBanChuyenDen: '2026-03-02',
    });
    expect(forwarded.context).toMatchObject({ coQuanChuyenDen: 'Ban Tiếp công dân thành phố Hải Phòng', soVanBanChuyenDen: '215/BTCD' });
  });

  it('a unit may return the petition for reclassification at most twice', async () => {
    const { id } = await s.start('petition', p.reception, { kenh: 'tiep-dan', noiDung: 'Kiến nghị về lấn chiếm vỉa hè', ngayNhan: '2026-03-02' });
    await s.send(id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'don-vi-su-nghiep-cong' });
    let view = await s.send(id, p.officerSn, 'TRA_LAI_DON', { lyDo: 'Thuộc lĩnh vực đô thị' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['phanLoai']);
    expect(view.context).toMatchObject({ soLanTraLaiDon: 1, donViXuLy: null, donViTraLai: 'don-vi-su-nghiep-cong' });
    await s.send(id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'phong-kinh-te' });
    await s.send(id, p.officerKt, 'TRA_LAI_DON', { lyDo: 'Cần thanh tra xác minh' });
    await s.send(id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'don-vi-su-nghiep-cong' });
    const before = await s.get(id);
    await expect(s.send(id, p.officerSn, 'TRA_LAI_DON', { lyDo: 'Trả lại lần ba' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [{ message: expect.objectContaining({ vi: expect.stringContaining('trả lại để phân loại lại hai lần') }) }] },
    });
    expect(await s.get(id)).toMatchObject({ revision: before.revision, state: 'traLoi', context: before.context });
    view = await s.send(id, p.officerSn, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Đơn vị sẽ kiểm tra.' });
    expect(view.activeStates.map((a) => a.path)).toEqual(['kiemTra']);
  });

  it('whoever prepared any draft of the answer may not approve it, even after someone else redrafted it', async () => {
    const { id } = await s.start('petition', p.reception, { kenh: 'tiep-dan', noiDung: 'Kiến nghị tổ chức lớp học bơi cho trẻ em dịp hè', ngayNhan: '2026-03-02' });
    await s.send(id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'phong-van-hoa-xa-hoi' });
    // The head drafts the first answer; the deputy asks for a revision; the officer redrafts it.
    await s.send(id, p.headVh, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Phòng sẽ phối hợp tổ chức lớp học bơi.' });
    await s.send(id, p.deputyVh, 'YEU_CAU_SUA', { yKien: 'Nêu rõ địa điểm và thời gian.' });
    let view = await s.send(id, p.officerVh, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Lớp học bơi mở tại nhà văn hóa phường từ ngày 01/6/2026.' });
    expect(view.context).toMatchObject({ nguoiSoanTraLoi: { id: 'chuyen-vien-vh' } });
    // The last drafter is the officer, but the head prepared an earlier draft of the same answer.
    const before = await s.get(id);
    await expect(s.send(id, p.headVh, 'DUYET_GUI', { soVanBan: '15/TL-UBND' })).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect((await s.get(id)).revision).toBe(before.revision);
    view = await s.send(id, p.deputyVh, 'DUYET_GUI', { soVanBan: '15/TL-UBND' });
    expect(view.status).toBe('done');
    expect(view.context).toMatchObject({ nguoiDuyet: { id: 'pho-truong-phong-vh' } });
  });
});
