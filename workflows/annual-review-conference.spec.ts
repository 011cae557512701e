import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { validateDefinition } from '#libs/engine';
import { Scenario } from '../test/support/scenario.js';
import { paths } from '../test/support/steps.js';

/**
 * The annual review conference (hội nghị giao ban, sơ kết năm; program III.4.2): started every
 * January; the Board prepares the report (10 working days), the Office agrees the agenda (5), the
 * conference is held and minuted (10), its conclusions are followed up (90 days).
 */
const FILE = 'workflows/annual-review-conference.json';

function people(s: Scenario) {
  return {
    system: s.person('system', [{ role: 'system', unit: 'phuong-an-phong' }]),
    deputy: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    head: s.person('truong-ban-1', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]),
    office: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
  };
}

const MINUTES = {
  ngayHop: '2027-02-22',
  thanhPhan: ['Ban Xây dựng Đảng Đảng ủy', 'Đảng ủy UBND phường', 'Văn phòng Đảng ủy UBND phường'],
  ketLuan: ['Đẩy mạnh phong trào "Dân vận khéo"', 'Hoàn thành tiêu chí chính quyền thân thiện trong năm 2027'],
  soBienBan: '01-BB/HNGB',
  namKeHoach: 2027,
};

describe('annual-review-conference: the definition and its schedule', () => {
  const def = JSON.parse(readFileSync(FILE, 'utf8'));

  it('is started every January at 08:00 Vietnam time, one instance per year', () => {
    expect(def.schedules).toEqual([
      expect.objectContaining({ key: 'hang-nam', cron: '0 8 5 1 *', timezone: 'Asia/Ho_Chi_Minh', businessKey: 'HNGB-{yyyy}', input: {} }),
    ]);
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
    const bad = JSON.parse(JSON.stringify(def));
    bad.schedules[0].input = { nam: 'năm ngoái' };
    expect(validateDefinition(bad).issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_schedule_input', path: expect.stringMatching(/^\/schedules\/0/) }),
    );
  });
});

describe('annual-review-conference: January 2027, late preparation, conference across Tết', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE, 'workflows/annual-plan.json'], '2027-01-05T01:00:00.000Z'); // Tue 5 Jan 2027, 08:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the scheduler starts it: the Board prepares the report within 10 working days', async () => {
    // As the schedule does: its input is literal and cannot name the year reviewed.
    const view = await s.start('annual-review-conference', p.system, {}, 'HNGB-2027');
    id = view.id;
    expect(paths(view)).toEqual(['chuanBiBaoCao']);
    // Wed 6 – Fri 8 (3), 11–15 (8), Mon 18 (9), Tue 19 Jan (10).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-chuan-bi', dueDate: '2027-01-19', dueAt: '2027-01-19T17:00:00.000Z', passed: false })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'chuanBiBaoCao', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 1 })]);
  });

  it('reminds on Fri 15 Jan, escalates at the end of 19 Jan to the head of the Board', async () => {
    const fired = await s.advanceTo('2027-01-20T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-chuan-bi', fireAt: '2027-01-15T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-chuan-bi', fireAt: '2027-01-19T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(view.context.quaHanChuanBi).toBe(true);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'chuanBiBaoCao', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 }),
    ]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'task.escalate',
        state: 'chuanBiBaoCao',
        deadlineKey: 'han-chuan-bi',
        priority: 'urgent',
        addRoles: ['truong-ban-xddd'],
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd'], message: expect.objectContaining({ vi: expect.stringContaining('quá hạn') }) }),
    );
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN_CHUAN_BI', 'system', 'chuanBiBaoCao']);
  });

  it('refused events leave the instance unchanged', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    await expect(s.send(id, p.deputy, 'TRINH_BAO_CAO', { duThao: 'Thiếu chương trình' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    // The scheduled conference has no year yet: the draft must give it.
    await expect(s.send(id, p.deputy, 'TRINH_BAO_CAO', { duThao: 'Dự thảo báo cáo sơ kết', chuongTrinh: ['Khai mạc'] })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: expect.arrayContaining([{ message: expect.objectContaining({ vi: expect.stringContaining('Ghi năm được sơ kết') }), field: 'nam' }]) },
    });
    await expect(s.send(id, p.deputy, 'GHI_BIEN_BAN', MINUTES)).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    await expect(s.send(id, p.deputy, 'QUA_HAN_CHUAN_BI')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.context).toEqual(before.context);
    expect(await s.history(id)).toEqual(history);
  });

  it('the Office asks for changes once, then agrees the agenda', async () => {
    const report = { nam: 2026, duThao: 'Dự thảo báo cáo sơ kết năm 2026', chuongTrinh: ['Khai mạc', 'Báo cáo sơ kết', 'Thảo luận', 'Kết luận'] };
    let view = await s.send(id, p.deputy, 'TRINH_BAO_CAO', report);
    expect(paths(view)).toEqual(['thongNhatChuongTrinh']);
    // Thu 21, Fri 22 (2), Mon 25 – Wed 27 Jan (5).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-thong-nhat', dueDate: '2027-01-27' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'thongNhatChuongTrinh', roles: ['van-phong-dang-uy-ubnd'], units: ['van-phong-dang-uy-ubnd', 'dang-uy-ubnd'] }),
    ]);
    view = await s.send(id, p.office, 'DE_NGHI_SUA', { yKien: 'Bổ sung phần dân vận chính quyền.' });
    expect(paths(view)).toEqual(['chuanBiBaoCao']);
    expect(view.context.yKienChuongTrinh).toEqual(['Bổ sung phần dân vận chính quyền.']);
    await s.advanceTo('2027-01-21T02:00:00.000Z');
    await s.send(id, p.deputy, 'TRINH_BAO_CAO', { ...report, duThao: 'Dự thảo đã bổ sung phần dân vận chính quyền' });
    await s.advanceTo('2027-01-27T02:00:00.000Z');
    view = await s.send(id, p.office, 'THONG_NHAT', { ngayHop: '2027-02-04', diaDiem: 'Hội trường Đảng ủy phường' });
    expect(paths(view)).toEqual(['hoiNghi']);
    expect(view.context).toMatchObject({ ngayHopDuKien: '2027-02-04', diaDiem: 'Hội trường Đảng ủy phường', nguoiThongNhat: { id: 'van-phong-1' } });
    // Thu 28, Fri 29 (2), 1–4 Feb (6), [Tết: Fri 5 – Thu 11 Feb with compensatory days], Fri 12 (7), Mon 15 – Wed 17 Feb (10).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', dueDate: '2027-02-17' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'hoiNghi', roles: ['truong-ban-xddd', 'pho-truong-ban-xddd'], units: ['bxdd'], priority: 2 }),
    ]);
  });

  it('the head postpones the meeting: the limit moves 5 working days', async () => {
    await s.advanceTo('2027-02-03T02:00:00.000Z');
    await expect(s.send(id, p.deputy, 'HOAN_HOP', { lyDo: 'Trùng lịch' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const view = await s.send(id, p.head, 'HOAN_HOP', { lyDo: 'Lùi sau Tết theo chỉ đạo của Thường trực Đảng ủy' });
    expect(paths(view)).toEqual(['hoiNghi']);
    expect(view.context.soLanHoan).toBe(1);
    expect(view.context._extensions).toEqual([expect.objectContaining({ deadline: 'han-hoi-nghi', by: { workingDays: 5 } })]);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', dueDate: '2027-02-24' })]);
  });

  it('the minutes record date, attendees and conclusions; follow-up within 90 days', async () => {
    await s.advanceTo('2027-02-22T09:00:00.000Z');
    await expect(s.send(id, p.deputy, 'GHI_BIEN_BAN', { ...MINUTES, ketLuan: [] })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    // The conference plans the following year (seed III.4.2): a plan for another year is refused at its field.
    await expect(s.send(id, p.deputy, 'GHI_BIEN_BAN', { ...MINUTES, namKeHoach: 2026 })).rejects.toMatchObject({
      code: 'GUARD_REJECTED',
      details: { refusals: [expect.objectContaining({ field: 'namKeHoach' })] },
    });
    const view = await s.send(id, p.deputy, 'GHI_BIEN_BAN', MINUTES);
    // It starts the next year's joint plan, linked to it, and does not wait for it.
    const [plan] = await s.children(id);
    expect(plan).toMatchObject({ definition: { key: 'annual-plan' }, group: 'keHoachNamSau' });
    expect((await s.runtime.queries.get(plan.id)).context).toMatchObject({ nam: 2027 });
    expect(paths(view)).toEqual(['theoDoiKetLuan']);
    expect(view.context).toMatchObject({ bienBan: MINUTES, ketLuan: MINUTES.ketLuan, quaHanHop: false });
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'hoi-nghi-giao-ban.ket-luan', data: { nam: 2026, ngayHop: '2027-02-22', ketLuan: MINUTES.ketLuan } }),
    );
    // 90 calendar days from Mon 22 Feb: Sun 23 May, moved to Mon 24 May.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-thuc-hien', dueDate: '2027-05-24' })]);
  });

  it('the follow-up runs late and is escalated, then completed', async () => {
    const fired = await s.advanceTo('2027-05-26T02:00:00.000Z');
    // The 2027 plan the conference started keeps its own limits; these are the conference's.
    const own = new Set(['han-thuc-hien']);
    expect(fired.filter((f) => own.has(f.deadlineKey)).map((f) => [f.kind, f.deadlineKey])).toEqual([
      ['reminder', 'han-thuc-hien'],
      ['deadline', 'han-thuc-hien'],
    ]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'theoDoiKetLuan', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 }),
    ]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd', 'bi-thu-dang-uy-ubnd'] }));
    const view = await s.send(id, p.deputy, 'HOAN_THANH', { ketQua: 'Đã triển khai các kết luận của hội nghị' });
    expect(view.status).toBe('done');
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'emit', topic: 'hoi-nghi-giao-ban.hoan-thanh', data: { nam: 2026, quaHan: true } }));
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'hoan-thanh' } });
    expect((await s.advanceTo('2027-12-31T00:00:00.000Z')).filter((f) => own.has(f.deadlineKey))).toEqual([]);
    expect((await s.history(id)).map((h) => h[0])).toEqual([
      'xstate.init',
      'QUA_HAN_CHUAN_BI',
      'TRINH_BAO_CAO',
      'DE_NGHI_SUA',
      'TRINH_BAO_CAO',
      'THONG_NHAT',
      'HOAN_HOP',
      'GHI_BIEN_BAN',
      'QUA_HAN_THUC_HIEN',
      'HOAN_THANH',
    ]);
  });
});
