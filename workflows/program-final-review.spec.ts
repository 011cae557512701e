import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileWorkflow, explorePaths, validateDefinition } from '#libs/engine';
import { Scenario } from '../test/support/scenario.js';

/**
 * The 2030 final review of Coordination Program No. 01 (tổng kết; program III.1.3, III.4.2): the
 * Party Building Board drafts the plan (10 working days) and its head signs it (5); each side writes
 * its report in parallel (20); the Board compiles the draft summary (10); the Party Standing
 * Committee comments (7) or asks for changes; the conference is held and minuted (15, postponable
 * twice by 10); the final report goes upward (10). The program gives only the year: every limit is
 * the ward's own, as the definition's description says.
 */
const FILE = 'workflows/program-final-review.json';

function people(s: Scenario) {
  return {
    deputy: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    head: s.person('truong-ban-1', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]),
    office: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
    ubndSecretary: s.person('bi-thu-ubnd-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
    standing: s.person('thuong-truc-1', [{ role: 'thuong-truc-dang-uy', unit: 'dang-uy' }]),
  };
}

const paths = (view: { activeStates: Array<{ path: string }> }) => view.activeStates.map((a) => a.path).sort();
const byState = <T extends { state: string }>(rows: T[]) => [...rows].sort((a, b) => a.state.localeCompare(b.state));

const PLAN = {
  duThao: 'Dự thảo kế hoạch tổng kết Chương trình phối hợp số 01-CTr/BXDD-ĐUUBNDP',
  noiDungTongKet: ['Tuyên giáo', 'Dân vận chính quyền'],
  thoiGianDuKien: '2030-09-27',
};
const ISSUE = { soKeHoach: '45-KH/BXDĐ', ngayBanHanh: '2030-08-09', hanNopBaoCao: '2030-09-06' };
const report = (soBaoCao: string, ngayBaoCao: string) => ({
  soBaoCao,
  ngayBaoCao,
  ketQua: 'Kết quả 5 năm thực hiện Chương trình phối hợp về công tác tuyên giáo và dân vận',
  hanChe: ['Chuyển đổi số trong tuyên truyền còn chậm'],
  baiHoc: ['Phối hợp thường xuyên giữa hai bộ phận giúp việc'],
  deXuat: ['Ký chương trình phối hợp giai đoạn 2030 - 2035'],
});
const MINUTES = {
  soBienBan: '02-BB/HNTK',
  ngayHop: '2030-10-04',
  diaDiem: 'Hội trường Đảng ủy phường An Phong',
  chuTri: 'Trưởng Ban Xây dựng Đảng Đảng ủy',
  thanhPhan: ['Ban Xây dựng Đảng Đảng ủy', 'Đảng ủy UBND phường', 'Thường trực Đảng ủy phường', 'Ủy ban MTTQ phường'],
  ketLuan: ['Chương trình phối hợp hoàn thành các mục tiêu đề ra', 'Xây dựng chương trình phối hợp giai đoạn 2030 - 2035'],
  deXuatKhenThuong: ['Văn phòng Đảng ủy UBND phường'],
};
const UPWARD = {
  soBaoCao: '120-BC/BXDĐ',
  ngayKy: '2030-10-08',
  nguoiKy: 'Trần Hồng Quyên',
  noiNhan: ['ban-tuyen-giao-dan-van-thanh-uy', 'dang-uy-ubnd-thanh-pho', 'ban-thuong-vu-dang-uy'],
};

describe('program-final-review: the definition', () => {
  const def = JSON.parse(readFileSync(FILE, 'utf8'));

  it('validates, has no schedule (it runs once, in 2030) and says its limits are the ward’s own', () => {
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
    expect(def.schedules).toBeUndefined();
    expect(def.description.vi).toContain('Chương trình chỉ quy định năm 2030');
    expect(def.description.en).toContain('every time limit here is set by the ward');
    expect(def.context.chuongTrinh).toEqual({ so: '01-CTr/BXDD-ĐUUBNDP', ngay: '2025-10-16', giaiDoan: '2025 - 2030' });
  });

  it('every state and transition can be reached, and nothing gets stuck', () => {
    const report = explorePaths(compileWorkflow(def), { maxDepth: 30 });
    expect(report.deadEnds).toEqual([]);
    expect(report.stateCoverage.uncovered).toEqual([]);
    expect(report.transitionCoverage.uncovered).toEqual([]);
  });
});

describe('program-final-review: the 2030 review on time, across National Day (2–3 Sep 2030)', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2030-08-05T02:00:00.000Z'); // Mon 5 Aug 2030, 09:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Board’s deputy head starts it and drafts the plan within 10 working days', async () => {
    const view = await s.start('program-final-review', p.deputy, {}, 'TKCT-2030');
    id = view.id;
    expect(paths(view)).toEqual(['keHoach.soanKeHoach']);
    expect(view.context).toMatchObject({ nam: 2030, quaHan: { keHoach: false, hoiNghi: false } });
    // Tue 6 … Fri 9 (4), 12–16 (9), Mon 19 Aug (10).
    expect(view.deadlines).toEqual([
      expect.objectContaining({ key: 'han-soan-ke-hoach', state: 'keHoach.soanKeHoach', dueDate: '2030-08-19', dueAt: '2030-08-19T17:00:00.000Z' }),
    ]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'keHoach.soanKeHoach', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 1 }),
    ]);
  });

  it('refused events leave the instance unchanged', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    await expect(s.send(id, p.deputy, 'TRINH_KE_HOACH', {})).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.deputy, 'TRINH_KE_HOACH', { ...PLAN, thoiGianDuKien: 'tháng 9' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.deputy, 'BAN_HANH_KE_HOACH', ISSUE)).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    await expect(s.send(id, p.deputy, 'QUA_HAN_KE_HOACH')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The Office has no task yet: it does not see the review.
    await expect(s.send(id, p.office, 'TRINH_KE_HOACH', PLAN)).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.context).toEqual(before.context);
    expect(await s.history(id)).toEqual(history);
  });

  it('the head returns the draft plan once, then signs and issues it; only the head signs', async () => {
    await s.advanceTo('2030-08-07T02:00:00.000Z');
    let view = await s.send(id, p.deputy, 'TRINH_KE_HOACH', PLAN);
    expect(paths(view)).toEqual(['keHoach.banHanhKeHoach']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ban-hanh-ke-hoach', dueDate: '2030-08-14' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'keHoach.banHanhKeHoach', roles: ['truong-ban-xddd'], units: ['bxdd'], priority: 2 }),
    ]);
    await expect(s.send(id, p.deputy, 'BAN_HANH_KE_HOACH', ISSUE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await s.advanceTo('2030-08-07T08:00:00.000Z');
    view = await s.send(id, p.head, 'TRA_LAI_KE_HOACH', { yKien: 'Bổ sung nội dung đánh giá phong trào "Dân vận khéo".' });
    expect(paths(view)).toEqual(['keHoach.soanKeHoach']);
    expect(view.context.yKienKeHoach).toEqual(['Bổ sung nội dung đánh giá phong trào "Dân vận khéo".']);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd'] }));
    await s.advanceTo('2030-08-08T02:00:00.000Z');
    await s.send(id, p.deputy, 'TRINH_KE_HOACH', { ...PLAN, noiDungTongKet: [...PLAN.noiDungTongKet, 'Phong trào "Dân vận khéo"'] });
    await s.advanceTo('2030-08-09T03:00:00.000Z');
    view = await s.send(id, p.head, 'BAN_HANH_KE_HOACH', ISSUE);
    expect(paths(view)).toEqual(['baoCaoCacBen.bxdd.soanBaoCao', 'baoCaoCacBen.dangUyUbnd.soanBaoCao']);
    expect(view.context).toMatchObject({ keHoach: ISSUE, nguoiBanHanhKeHoach: { id: 'truong-ban-1' }, nguoiSoanKeHoach: { id: 'pho-ban-1' } });
  });

  it('each side writes its report within 20 working days, skipping 2 and 3 September', async () => {
    const view = await s.get(id);
    // From Fri 9 Aug: 12–16 (5), 19–23 (10), 26–30 (15), [Mon 2, Tue 3 Sep], Wed 4 – Fri 6 (18), Mon 9, Tue 10 Sep (20).
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'han-bao-cao-bxdd', state: 'baoCaoCacBen.bxdd.soanBaoCao', dueDate: '2030-09-10' }),
        expect.objectContaining({ key: 'han-bao-cao-dang-uy-ubnd', state: 'baoCaoCacBen.dangUyUbnd.soanBaoCao', dueDate: '2030-09-10' }),
      ]),
    );
    expect(view.deadlines).toHaveLength(2);
    expect(byState(await s.openTasks(id))).toEqual([
      expect.objectContaining({ state: 'baoCaoCacBen.bxdd.soanBaoCao', roles: ['pho-truong-ban-xddd'], units: ['bxdd'] }),
      expect.objectContaining({
        state: 'baoCaoCacBen.dangUyUbnd.soanBaoCao',
        roles: ['van-phong-dang-uy-ubnd'],
        units: ['van-phong-dang-uy-ubnd', 'dang-uy-ubnd'],
      }),
    ]);
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd', 'van-phong-dang-uy-ubnd', 'bi-thu-dang-uy-ubnd'] }),
    );
  });

  it('the Board reports first; neither side can report for the other', async () => {
    await s.advanceTo('2030-08-26T02:00:00.000Z');
    await expect(s.send(id, p.office, 'NOP_BAO_CAO_BXDD', report('1-BC', '2030-08-26'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, p.deputy, 'NOP_BAO_CAO_DANG_UY_UBND', report('1-BC', '2030-08-26'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, p.deputy, 'NOP_BAO_CAO_BXDD', { soBaoCao: '98-BC/BXDĐ' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    const view = await s.send(id, p.deputy, 'NOP_BAO_CAO_BXDD', report('98-BC/BXDĐ', '2030-08-26'));
    expect(paths(view)).toEqual(['baoCaoCacBen.bxdd.daNop', 'baoCaoCacBen.dangUyUbnd.soanBaoCao']);
    expect(view.context).toMatchObject({ baoCaoBxdd: { soBaoCao: '98-BC/BXDĐ' }, nguoiNopBxdd: { id: 'pho-ban-1' } });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao-dang-uy-ubnd' })]);
  });

  it('when the Office has reported too, the Board compiles the draft within 10 working days', async () => {
    await s.advanceTo('2030-08-29T02:00:00.000Z');
    const view = await s.send(id, p.office, 'NOP_BAO_CAO_DANG_UY_UBND', report('76-BC/ĐU', '2030-08-29'));
    expect(paths(view)).toEqual(['duThaoTongKet']);
    expect(view.context).toMatchObject({ baoCaoDangUyUbnd: { soBaoCao: '76-BC/ĐU' } });
    // Fri 30 Aug (1), [2, 3 Sep], 4–6 (4), 9–13 (9), Mon 16 Sep (10).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-du-thao', dueDate: '2030-09-16' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'duThaoTongKet', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 2 })]);
  });

  it('the Standing Members ask for changes once, then approve and set the conference', async () => {
    await s.advanceTo('2030-09-04T02:00:00.000Z');
    let view = await s.send(id, p.deputy, 'TRINH_DU_THAO', { duThao: 'Dự thảo báo cáo tổng kết lần 1', phuLuc: ['Phụ lục số liệu 2025 - 2030'] });
    expect(paths(view)).toEqual(['xinYKien']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-y-kien', dueDate: '2030-09-13' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'xinYKien', roles: ['thuong-truc-dang-uy'], units: ['dang-uy'], priority: 2 })]);
    await expect(s.send(id, p.head, 'THONG_QUA', { ngayHop: '2030-09-05', ngayHoiNghi: '2030-09-27' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await s.advanceTo('2030-09-06T02:00:00.000Z');
    await expect(s.send(id, p.standing, 'YEU_CAU_CHINH_SUA', {})).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    view = await s.send(id, p.standing, 'YEU_CAU_CHINH_SUA', { ngayHop: '2030-09-06', yKien: 'Làm rõ kết quả dân vận chính quyền.' });
    expect(paths(view)).toEqual(['duThaoTongKet']);
    expect(view.context.yKienThuongTruc).toEqual(['Làm rõ kết quả dân vận chính quyền.']);
    // The revision gets 10 working days again: 9–13 (5), 16–20 Sep (10).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-du-thao', dueDate: '2030-09-20' })]);
    await s.advanceTo('2030-09-10T02:00:00.000Z');
    view = await s.send(id, p.deputy, 'TRINH_DU_THAO', { duThao: 'Dự thảo báo cáo tổng kết lần 2' });
    expect(view.context.soLanTrinh).toBe(2);
    await s.advanceTo('2030-09-12T02:00:00.000Z');
    view = await s.send(id, p.standing, 'THONG_QUA', { ngayHop: '2030-09-12', ngayHoiNghi: '2030-09-27', yKien: 'Thống nhất tổ chức hội nghị tổng kết' });
    expect(paths(view)).toEqual(['hoiNghi']);
    expect(view.context).toMatchObject({ ngayHoiNghiDuKien: '2030-09-27', nguoiThongQua: { id: 'thuong-truc-1' } });
    // 15 working days from Thu 12 Sep: Thu 3 Oct.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', dueDate: '2030-10-03' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'hoiNghi', roles: ['truong-ban-xddd', 'pho-truong-ban-xddd'], units: ['bxdd'], priority: 2 }),
    ]);
  });

  it('the head postpones the conference once: the limit moves 10 working days', async () => {
    await s.advanceTo('2030-09-23T02:00:00.000Z');
    await expect(s.send(id, p.deputy, 'HOAN_HOI_NGHI', { lyDo: 'Trùng lịch' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const view = await s.send(id, p.head, 'HOAN_HOI_NGHI', { lyDo: 'Chờ ý kiến Ban Tuyên giáo và Dân vận Thành ủy' });
    expect(paths(view)).toEqual(['hoiNghi']);
    expect(view.context.soLanHoan).toBe(1);
    expect(view.context._extensions).toEqual([
      expect.objectContaining({ deadline: 'han-hoi-nghi', by: { workingDays: 10 }, reason: 'Chờ ý kiến Ban Tuyên giáo và Dân vận Thành ủy' }),
    ]);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', dueDate: '2030-10-17' })]);
  });

  it('the conference is minuted on Fri 4 Oct; the final report is due 10 working days later', async () => {
    expect(await s.advanceTo('2030-10-04T02:00:00.000Z')).toEqual([]);
    await expect(s.send(id, p.deputy, 'GHI_BIEN_BAN', { ...MINUTES, thanhPhan: [] })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    const view = await s.send(id, p.deputy, 'GHI_BIEN_BAN', MINUTES);
    expect(paths(view)).toEqual(['baoCaoCapTren']);
    expect(view.context).toMatchObject({ bienBanHoiNghi: MINUTES, nguoiGhiBienBan: { id: 'pho-ban-1' } });
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'tong-ket-chuong-trinh.hoi-nghi', data: { nam: 2030, ngayHop: '2030-10-04', ketLuan: MINUTES.ketLuan } }),
    );
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao-cap-tren', dueDate: '2030-10-18' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'baoCaoCapTren', roles: ['truong-ban-xddd'], units: ['bxdd'], priority: 2 })]);
  });

  it('the head sends the final report upward, which must include the city board; then it is done', async () => {
    await s.advanceTo('2030-10-08T02:00:00.000Z');
    await expect(s.send(id, p.head, 'GUI_BAO_CAO', { ...UPWARD, noiNhan: ['ban-thuong-vu-dang-uy'] })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(
      s.send(id, p.head, 'GUI_BAO_CAO', { ...UPWARD, noiNhan: ['ban-tuyen-giao-dan-van-thanh-uy', 'ban-tuyen-giao-dan-van-thanh-uy'] }),
    ).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
    });
    await expect(s.send(id, p.deputy, 'GUI_BAO_CAO', UPWARD)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const view = await s.send(id, p.head, 'GUI_BAO_CAO', UPWARD);
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['daTongKet']);
    expect(await s.openTasks(id)).toEqual([]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'tong-ket-chuong-trinh.bao-cao',
        data: {
          nam: 2030,
          soBaoCao: '120-BC/BXDĐ',
          noiNhan: UPWARD.noiNhan,
          quaHan: { keHoach: false, baoCaoBxdd: false, baoCaoDangUyUbnd: false, duThao: false, yKien: false, hoiNghi: false, baoCaoCapTren: false },
        },
      }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'da-tong-ket' } });
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
    expect(await s.advanceTo('2031-01-01T00:00:00.000Z')).toEqual([]);
    expect((await s.history(id)).map((h) => h[0])).toEqual([
      'xstate.init',
      'TRINH_KE_HOACH',
      'TRA_LAI_KE_HOACH',
      'TRINH_KE_HOACH',
      'BAN_HANH_KE_HOACH',
      'NOP_BAO_CAO_BXDD',
      'NOP_BAO_CAO_DANG_UY_UBND',
      'TRINH_DU_THAO',
      'YEU_CAU_CHINH_SUA',
      'TRINH_DU_THAO',
      'THONG_QUA',
      'HOAN_HOI_NGHI',
      'GHI_BIEN_BAN',
      'GUI_BAO_CAO',
    ]);
  });
});

describe('program-final-review: every step late, across Tết and Hùng Kings’ day 2030', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2030-01-07T02:00:00.000Z'); // Mon 7 Jan 2030
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the draft plan is late: reminded Thu 17 Jan, escalated at the end of Mon 21 Jan to the head', async () => {
    id = (await s.start('program-final-review', p.deputy, { nam: 2030, ghiChu: 'Tổng kết sớm theo chỉ đạo của Thành ủy' })).id;
    const fired = await s.advanceTo('2030-01-22T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-soan-ke-hoach', fireAt: '2030-01-17T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-soan-ke-hoach', fireAt: '2030-01-21T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(view.context.quaHan).toMatchObject({ keHoach: true });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'keHoach.soanKeHoach', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 }),
    ]);
    const effects = await s.effects(id);
    expect(effects.filter((e) => e.type === 'notify' && e.reminder)).toEqual([expect.objectContaining({ roles: ['pho-truong-ban-xddd'] })]);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'task.escalate',
        state: 'keHoach.soanKeHoach',
        deadlineKey: 'han-soan-ke-hoach',
        priority: 'urgent',
        addRoles: ['truong-ban-xddd'],
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd'], message: expect.objectContaining({ vi: expect.stringContaining('quá hạn') }) }),
    );
  });

  it('the signature is late too: escalated to the Standing Members of the Party Committee at the end of Tue 29 Jan', async () => {
    await s.advanceTo('2030-01-22T03:00:00.000Z');
    const view = await s.send(id, p.deputy, 'TRINH_KE_HOACH', PLAN);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ban-hanh-ke-hoach', dueDate: '2030-01-29' })]);
    const fired = await s.advanceTo('2030-01-30T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-ban-hanh-ke-hoach', fireAt: '2030-01-28T00:30:00.000Z' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-ban-hanh-ke-hoach', fireAt: '2030-01-29T17:00:00.000Z' }),
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'keHoach.banHanhKeHoach', roles: ['truong-ban-xddd'], priority: 3 })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd', 'thuong-truc-dang-uy'] }));
  });

  it('both reports run late over Tết (1–7 Feb): each side’s superior is added and told', async () => {
    await s.advanceTo('2030-01-30T03:00:00.000Z');
    let view = await s.send(id, p.head, 'BAN_HANH_KE_HOACH', { soKeHoach: '03-KH/BXDĐ', ngayBanHanh: '2030-01-30' });
    // Thu 31 Jan (1), [29 Tết – 4 Tết and two compensatory days: 1–7 Feb], Fri 8 Feb (2) … Wed 6 Mar (20).
    expect(view.deadlines.map((d) => [d.key, d.dueDate]).sort()).toEqual([
      ['han-bao-cao-bxdd', '2030-03-06'],
      ['han-bao-cao-dang-uy-ubnd', '2030-03-06'],
    ]);
    const fired = await s.advanceTo('2030-03-07T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt]).sort()).toEqual([
      ['deadline', 'han-bao-cao-bxdd', '2030-03-06T17:00:00.000Z'],
      ['deadline', 'han-bao-cao-dang-uy-ubnd', '2030-03-06T17:00:00.000Z'],
      ['reminder', 'han-bao-cao-bxdd', '2030-03-01T00:30:00.000Z'],
      ['reminder', 'han-bao-cao-dang-uy-ubnd', '2030-03-01T00:30:00.000Z'],
    ]);
    view = await s.get(id);
    expect(view.context.quaHan).toMatchObject({ baoCaoBxdd: true, baoCaoDangUyUbnd: true });
    expect(byState(await s.openTasks(id))).toEqual([
      expect.objectContaining({ state: 'baoCaoCacBen.bxdd.soanBaoCao', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 }),
      expect.objectContaining({ state: 'baoCaoCacBen.dangUyUbnd.soanBaoCao', roles: ['bi-thu-dang-uy-ubnd', 'van-phong-dang-uy-ubnd'], priority: 3 }),
    ]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'task.escalate', deadlineKey: 'han-bao-cao-dang-uy-ubnd', addRoles: ['bi-thu-dang-uy-ubnd'] }),
    );
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['bi-thu-dang-uy-ubnd', 'pho-truong-ban-xddd'] }));
  });

  it('the escalated superiors report themselves; the draft summary then runs late', async () => {
    await s.advanceTo('2030-03-07T03:00:00.000Z');
    await s.send(id, p.head, 'NOP_BAO_CAO_BXDD', report('10-BC/BXDĐ', '2030-03-07'));
    let view = await s.send(id, p.ubndSecretary, 'NOP_BAO_CAO_DANG_UY_UBND', report('08-BC/ĐU', '2030-03-07'));
    expect(paths(view)).toEqual(['duThaoTongKet']);
    expect(view.context).toMatchObject({ nguoiNopBxdd: { id: 'truong-ban-1' }, nguoiNopDangUyUbnd: { id: 'bi-thu-ubnd-1' } });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-du-thao', dueDate: '2030-03-21' })]);
    const fired = await s.advanceTo('2030-03-22T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-du-thao', '2030-03-19T00:30:00.000Z'],
      ['deadline', 'han-du-thao', '2030-03-21T17:00:00.000Z'],
    ]);
    view = await s.get(id);
    expect(view.context.quaHan).toMatchObject({ duThao: true });
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'duThaoTongKet', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 }),
    ]);
  });

  it('the head submits the draft; the Standing Members’ comments run late', async () => {
    await s.advanceTo('2030-03-22T03:00:00.000Z');
    let view = await s.send(id, p.head, 'TRINH_DU_THAO', { duThao: 'Dự thảo báo cáo tổng kết do Trưởng Ban hoàn thiện' });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-y-kien', dueDate: '2030-04-02' })]);
    const fired = await s.advanceTo('2030-04-03T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-y-kien', '2030-03-29T00:30:00.000Z'],
      ['deadline', 'han-y-kien', '2030-04-02T17:00:00.000Z'],
    ]);
    view = await s.get(id);
    expect(view.context.quaHan).toMatchObject({ yKien: true });
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'xinYKien', roles: ['thuong-truc-dang-uy'], priority: 3 })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['thuong-truc-dang-uy', 'truong-ban-xddd'] }));
  });

  it('the conference may be postponed twice, not a third time; then it runs late', async () => {
    await s.advanceTo('2030-04-03T03:00:00.000Z');
    let view = await s.send(id, p.standing, 'THONG_QUA', { ngayHop: '2030-04-03', ngayHoiNghi: '2030-04-20' });
    // 15 working days from Wed 3 Apr, over Hùng Kings' day (Fri 12 Apr): Thu 25 Apr.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', dueDate: '2030-04-25' })]);
    await s.send(id, p.head, 'HOAN_HOI_NGHI', { lyDo: 'Lùi sau dịp lễ 30/4 và 1/5' });
    view = await s.send(id, p.head, 'HOAN_HOI_NGHI', { lyDo: 'Chờ Thành ủy cho ý kiến' });
    expect(view.context.soLanHoan).toBe(2);
    // +10 over 30 Apr and 1 May: Mon 13 May; +10: Mon 27 May.
    expect(view.deadlines).toEqual([
      expect.objectContaining({
        key: 'han-hoi-nghi',
        dueDate: '2030-05-27',
        extensions: [expect.objectContaining({ by: { workingDays: 10 } }), expect.objectContaining({ by: { workingDays: 10 } })],
      }),
    ]);
    const before = await s.get(id);
    await expect(s.send(id, p.head, 'HOAN_HOI_NGHI', { lyDo: 'Lùi lần ba' })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [{ message: expect.objectContaining({ vi: 'Hội nghị tổng kết đã được lùi 2 lần: không lùi thêm được, hãy tổ chức hội nghị.' }) }] },
    });
    expect((await s.get(id)).revision).toBe(before.revision);
    const fired = await s.advanceTo('2030-05-28T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-hoi-nghi', '2030-05-22T00:30:00.000Z'],
      ['deadline', 'han-hoi-nghi', '2030-05-27T17:00:00.000Z'],
    ]);
    expect((await s.get(id)).context.quaHan).toMatchObject({ hoiNghi: true });
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'hoiNghi', priority: 3 })]);
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd', 'bi-thu-dang-uy-ubnd', 'thuong-truc-dang-uy'] }),
    );
  });

  it('the upward report runs late too, and the final report says which steps were late', async () => {
    await s.advanceTo('2030-05-28T03:00:00.000Z');
    let view = await s.send(id, p.head, 'GHI_BIEN_BAN', { ...MINUTES, ngayHop: '2030-05-28' });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao-cap-tren', dueDate: '2030-06-11' })]);
    const fired = await s.advanceTo('2030-06-12T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-bao-cao-cap-tren', '2030-06-07T00:30:00.000Z'],
      ['deadline', 'han-bao-cao-cap-tren', '2030-06-11T17:00:00.000Z'],
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'baoCaoCapTren', roles: ['truong-ban-xddd'], priority: 3 })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd', 'thuong-truc-dang-uy'] }));
    view = await s.send(id, p.head, 'GUI_BAO_CAO', { ...UPWARD, ngayKy: '2030-06-12' });
    expect(view.status).toBe('done');
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'tong-ket-chuong-trinh.bao-cao',
        data: expect.objectContaining({
          quaHan: { keHoach: true, baoCaoBxdd: true, baoCaoDangUyUbnd: true, duThao: true, yKien: true, hoiNghi: true, baoCaoCapTren: true },
        }),
      }),
    );
    expect((await s.history(id)).map((h) => h[0])).toEqual([
      'xstate.init',
      'QUA_HAN_KE_HOACH',
      'TRINH_KE_HOACH',
      'QUA_HAN_KE_HOACH',
      'BAN_HANH_KE_HOACH',
      expect.stringMatching(/^QUA_HAN_BAO_CAO_(BXDD|DANG_UY_UBND)$/),
      expect.stringMatching(/^QUA_HAN_BAO_CAO_(BXDD|DANG_UY_UBND)$/),
      'NOP_BAO_CAO_BXDD',
      'NOP_BAO_CAO_DANG_UY_UBND',
      'QUA_HAN_DU_THAO',
      'TRINH_DU_THAO',
      'QUA_HAN_Y_KIEN',
      'THONG_QUA',
      'HOAN_HOI_NGHI',
      'HOAN_HOI_NGHI',
      'QUA_HAN_HOI_NGHI',
      'GHI_BIEN_BAN',
      'QUA_HAN_BAO_CAO_CAP_TREN',
      'GUI_BAO_CAO',
    ]);
  });
});
