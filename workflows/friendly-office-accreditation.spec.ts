import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scenario } from '../test/support/scenario.js';
import { paths } from '../test/support/steps.js';

/**
 * “Friendly office” accreditation (program items II.5, III.2.1; the ward's target: recognised by the
 * end of 2027): registration, self-assessment against the criteria with evidence, appraisal with a
 * score threshold, remediation loop, recognition by the ward chairman.
 */
const FILE = 'workflows/friendly-office-accreditation.json';
const UNITS = ['phong-kinh-te', 'phong-van-hoa-xa-hoi', 'don-vi-su-nghiep-cong', 'trung-tam-phuc-vu-hanh-chinh-cong', 'van-phong-hdnd-ubnd'];

function people(s: Scenario) {
  return {
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    headVh: s.person('truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
    appraiser: s.person('noi-vu-1', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]),
    deputyBoard: s.person('pho-ban-xddd', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    chairman: s.person('chu-tich', [{ role: 'chu-tich', unit: 'ubnd' }]),
  };
}

function selfAssessment(total: number) {
  return {
    tieuChi: { congKhaiThuTuc: true, quyTacUngXu: true, tiepNhanPhanAnh: true, thaiDoPhucVu: 25, chuyenDoiSo: 15, caiCachThuTuc: 18, mucDoHaiLong: total - 58 },
    tongDiem: total,
    minhChung: [
      { tieuChi: 'congKhaiThuTuc', taiLieu: 'Ảnh bảng niêm yết thủ tục hành chính' },
      { tieuChi: 'mucDoHaiLong', taiLieu: 'Báo cáo khảo sát hài lòng quý I/2026' },
    ],
  };
}

describe('friendly-office-accreditation: self-assessment across Hùng Kings day and 30 Apr / 1 May, remediation, recognition', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-04-23T02:00:00.000Z'); // Thu 23 Apr 2026, 09:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the head of the Economy department registers; the self-assessment is due 10 working days later', async () => {
    const view = await s.start('friendly-office-accreditation', p.headKt, { donVi: 'phong-kinh-te' });
    id = view.id;
    expect(paths(view)).toEqual(['hoSo.tuDanhGia']);
    expect(view.context).toMatchObject({
      donVi: 'phong-kinh-te',
      ngayDangKy: '2026-04-23T02:00:00.000Z',
      hanMucTieu: '2027-12-31T01:00:00.000Z',
      nguongDiem: 80,
      nguoiDangKy: { id: 'truong-phong-kt' },
    });
    // Fri 24 (1), [Sun 26 holiday, Mon 27 compensatory], Tue 28 (2), Wed 29 (3), [Thu 30, Fri 1], 4–8 May (4–8), 11 (9), 12 (10).
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'han-tu-danh-gia', state: 'hoSo.tuDanhGia', dueDate: '2026-05-12', dueAt: '2026-05-12T17:00:00.000Z', passed: false }),
        expect.objectContaining({ key: 'han-muc-tieu', state: 'hoSo', passed: false }),
      ]),
    );
    expect(view.deadlines).toHaveLength(2);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'hoSo.tuDanhGia', roles: ['truong-phong'], units: UNITS, priority: 1, dueAt: new Date('2026-05-12T17:00:00.000Z') }),
    ]);
  });

  it('refuses another department’s head, a missing criterion and an early recognition, changing nothing', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    await expect(s.send(id, p.headVh, 'NOP_TU_DANH_GIA', selfAssessment(88))).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      message: 'event "NOP_TU_DANH_GIA" is not allowed now: Only the head of the registering unit may file its self-assessment and its remediation report.',
    });
    const incomplete = selfAssessment(88);
    delete (incomplete.tieuChi as Partial<typeof incomplete.tieuChi>).chuyenDoiSo;
    await expect(s.send(id, p.headKt, 'NOP_TU_DANH_GIA', incomplete)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.headKt, 'NOP_TU_DANH_GIA', { ...selfAssessment(88), minhChung: [] })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.headKt, 'CONG_NHAN', { soQuyetDinh: '1/QĐ-UBND', ngayQuyetDinh: '2026-04-23' })).rejects.toMatchObject({
      code: 'EVENT_NOT_ACCEPTED',
    });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.state).toEqual(before.state);
    expect(after.context).toEqual(before.context);
    expect(await s.history(id)).toEqual(history);
  });

  it('reminds 2 working days before (Fri 8 May, 07:30)', async () => {
    const fired = await s.advanceTo('2026-05-08T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-tu-danh-gia', fireAt: '2026-05-08T00:30:00.000Z', outcome: 'fired' }),
    ]);
  });

  it('the self-assessment goes to appraisal by the Culture and Society Department (internal affairs) or the Board', async () => {
    const view = await s.send(id, p.headKt, 'NOP_TU_DANH_GIA', selfAssessment(88));
    expect(paths(view)).toEqual(['hoSo.thamDinh']);
    expect(view.context).toMatchObject({ diemTuDanhGia: 88, tuDanhGia: expect.objectContaining({ congKhaiThuTuc: true, mucDoHaiLong: 30 }) });
    expect(view.context.minhChung).toHaveLength(2);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'hoSo.thamDinh', roles: ['chuyen-vien', 'pho-truong-ban-xddd'], units: ['phong-van-hoa-xa-hoi', 'bxdd'], priority: 2 }),
    ]);
    expect(view.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'han-tham-dinh', dueDate: '2026-05-22' })]));
  });

  it('the unit cannot score itself', async () => {
    const before = await s.get(id);
    // The unit's head is no appraiser (the appraisal task is the internal-affairs officer's or the Board's); an appraiser who
    // registered or assessed the unit is refused by separation of duties (see the last scenario).
    await expect(s.send(id, p.headKt, 'CHAM_DIEM', { diem: 95, nhanXet: 'Tự chấm' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.get(id)).revision).toBe(before.revision);
  });

  it('a score below the threshold (72 < 80) sends the unit to remediation, due in 30 days', async () => {
    await s.advanceTo('2026-05-11T02:00:00.000Z');
    const view = await s.send(id, p.appraiser, 'CHAM_DIEM', { diem: 72, nhanXet: 'Chưa khảo sát hài lòng đủ mẫu.', tieuChiChuaDat: ['mucDoHaiLong'] });
    expect(paths(view)).toEqual(['hoSo.khacPhuc']);
    expect(view.context).toMatchObject({ diemThamDinh: 72, lichSuDiem: [72], tieuChiChuaDat: ['mucDoHaiLong'], nguoiThamDinh: { id: 'noi-vu-1' } });
    expect(view.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'han-khac-phuc', state: 'hoSo.khacPhuc', dueDate: '2026-06-10' })]));
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'hoSo.khacPhuc', roles: ['truong-phong'], units: UNITS })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', users: ['truong-phong-kt'] }));
  });

  it('the unit remedies and is appraised again by the Board: 85 ≥ 80, the chairman is asked to recognise it', async () => {
    await s.advanceTo('2026-06-01T02:00:00.000Z');
    let view = await s.send(id, p.headKt, 'NOP_KHAC_PHUC', { baoCao: 'Đã khảo sát 200 phiếu.', minhChung: ['Báo cáo khảo sát tháng 5/2026'] });
    expect(paths(view)).toEqual(['hoSo.thamDinh']);
    expect(view.context.soLanKhacPhuc).toBe(1);
    view = await s.send(id, p.deputyBoard, 'CHAM_DIEM', { diem: 85, nhanXet: 'Đạt.' });
    expect(paths(view)).toEqual(['hoSo.choCongNhan']);
    expect(view.context).toMatchObject({ diemThamDinh: 85, lichSuDiem: [72, 85], tieuChiChuaDat: [] });
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'hoSo.choCongNhan', roles: ['chu-tich'], units: ['ubnd'], priority: 2 })]);
  });

  it('the chairman recognises the unit: done, the target deadline is cancelled', async () => {
    const view = await s.send(id, p.chairman, 'CONG_NHAN', { soQuyetDinh: '125/QĐ-UBND', ngayQuyetDinh: '2026-06-02' });
    expect(view.status).toBe('done');
    expect(view.context).toMatchObject({ soQuyetDinh: '125/QĐ-UBND', quaHan: false, quaHanMucTieu: false });
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'cong-so-than-thien.cong-nhan',
        data: { donVi: 'phong-kinh-te', diem: 85, soQuyetDinh: '125/QĐ-UBND', quaHanMucTieu: false },
      }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'cong-nhan' } });
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
    expect(await s.openTasks(id)).toEqual([]);
    expect(await s.advanceTo('2028-03-01T00:00:00.000Z')).toEqual([]);
  });
});

describe('friendly-office-accreditation: a target date before National Day is missed, then the remediation limit', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-08-03T02:00:00.000Z'); // Mon 3 Aug 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the target date given at start arms the root deadline: 1 working day after Mon 31 Aug, skipping 1 and 2 Sep', async () => {
    const view = await s.start('friendly-office-accreditation', p.headVh, { donVi: 'phong-van-hoa-xa-hoi', hanMucTieu: '2026-08-31T01:00:00.000Z' });
    id = view.id;
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'han-muc-tieu', state: 'hoSo', dueDate: '2026-09-03', dueAt: '2026-09-03T17:00:00.000Z' }),
        expect.objectContaining({ key: 'han-tu-danh-gia', dueDate: '2026-08-17' }),
      ]),
    );
  });

  it('assessed and scored below the threshold: remediation due Thu 10 Sep', async () => {
    const fired = await s.advanceTo('2026-08-10T02:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-muc-tieu', outcome: 'fired' })]);
    expect((await s.effects(id)).filter((e) => e.type === 'notify' && e.reminder)).toEqual([
      expect.objectContaining({ message: expect.objectContaining({ vi: expect.stringContaining('30 ngày') }) }),
    ]);
    await s.send(id, p.headVh, 'NOP_TU_DANH_GIA', selfAssessment(80));
    await s.advanceTo('2026-08-11T02:00:00.000Z');
    const view = await s.send(id, p.appraiser, 'CHAM_DIEM', {
      diem: 60,
      nhanXet: 'Chưa đạt nhiều tiêu chí.',
      tieuChiChuaDat: ['chuyenDoiSo', 'caiCachThuTuc'],
    });
    expect(paths(view)).toEqual(['hoSo.khacPhuc']);
    expect(view.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'han-khac-phuc', dueDate: '2026-09-10' })]));
  });

  it('the target passes at the end of Thu 3 Sep: recorded, chairman and vice chairman notified', async () => {
    const fired = await s.advanceTo('2026-09-04T02:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-muc-tieu', fireAt: '2026-09-03T17:00:00.000Z', outcome: 'fired' })]);
    const view = await s.get(id);
    expect(view.context.quaHanMucTieu).toBe(true);
    expect(paths(view)).toEqual(['hoSo.khacPhuc']);
    // The target runs over the whole compound state: it notifies the chairmen, the open task is unchanged.
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'hoSo.khacPhuc', roles: ['truong-phong'], priority: 1 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['chu-tich', 'pho-chu-tich'] }));
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN_MUC_TIEU', 'system', { hoSo: 'khacPhuc' }]);
  });

  it('a person cannot send the timer event', async () => {
    const before = await s.get(id);
    await expect(s.send(id, p.headVh, 'QUA_HAN_MUC_TIEU')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.get(id)).revision).toBe(before.revision);
  });

  it('the remediation limit passes too: reminder Mon 7 Sep, escalation to the vice chairman at the end of 10 Sep', async () => {
    const fired = await s.advanceTo('2026-09-11T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-khac-phuc', fireAt: '2026-09-07T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-khac-phuc', fireAt: '2026-09-10T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect((await s.get(id)).context.quaHan).toBe(true);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'hoSo.khacPhuc', roles: ['pho-chu-tich', 'truong-phong'], priority: 3 })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'task.escalate', deadlineKey: 'han-khac-phuc', addRoles: ['pho-chu-tich'] }));
  });

  it('late remediation is still appraised; recognised with the missed target recorded', async () => {
    await s.send(id, p.headVh, 'NOP_KHAC_PHUC', { baoCao: 'Đã khắc phục.', minhChung: ['Biên bản kiểm tra'] });
    await s.send(id, p.appraiser, 'CHAM_DIEM', { diem: 80, nhanXet: 'Đạt điểm chuẩn.' });
    const view = await s.send(id, p.chairman, 'CONG_NHAN', { soQuyetDinh: '310/QĐ-UBND', ngayQuyetDinh: '2026-09-15' });
    expect(view.status).toBe('done');
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'cong-so-than-thien.cong-nhan', data: expect.objectContaining({ diem: 80, quaHanMucTieu: true }) }),
    );
  });
});

describe('friendly-office-accreditation: whoever registered or assessed the unit may not score it', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-06-01T02:00:00.000Z'); // Mon 1 Jun 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Culture and Society Department registers itself: its deputy head, also the internal-affairs officer, assessed it and may not appraise it', async () => {
    const chief = s.person('truong-phong-vhxh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]);
    // Heads the department with the chief and works as its internal-affairs officer (kiêm nhiệm).
    const deputy = s.person('pho-truong-phong-vhxh', [
      { role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' },
      { role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' },
    ]);
    const { id } = await s.start('friendly-office-accreditation', chief, { donVi: 'phong-van-hoa-xa-hoi' });
    await s.send(id, deputy, 'NOP_TU_DANH_GIA', selfAssessment(88));
    const before = await s.get(id);
    expect(before.context).toMatchObject({ nguoiDangKy: { id: 'truong-phong-vhxh' } });
    // Not the registrant, but the one who submitted the self-assessment.
    await expect(s.send(id, deputy, 'CHAM_DIEM', { diem: 88, nhanXet: 'Tự chấm' })).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    expect((await s.get(id)).revision).toBe(before.revision);
    const view = await s.send(id, p.appraiser, 'CHAM_DIEM', { diem: 86, nhanXet: 'Đạt.' });
    expect(paths(view)).toEqual(['hoSo.choCongNhan']);
  });
});
