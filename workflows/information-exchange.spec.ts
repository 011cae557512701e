import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { validateDefinition } from '#libs/engine';
import { Scenario } from '../test/support/scenario.js';

/**
 * Periodic information exchange (program III.3.2, III.4.1): started by the schedule every 6 months
 * and every year; the Party Building Board and the Office supply their information in parallel
 * within 7 working days, the Board compiles and its head reports to the city boards within 5.
 */
const FILE = 'workflows/information-exchange.json';

function people(s: Scenario) {
  return {
    system: s.person('system', [{ role: 'system', unit: 'phuong-an-phong' }]),
    deputy: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    head: s.person('truong-ban-1', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]),
    office: s.person('van-phong-1', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]),
    secretary: s.person('bi-thu-1', [{ role: 'bi-thu-dang-uy-ubnd', unit: 'dang-uy-ubnd' }]),
  };
}

const paths = (view: { activeStates: Array<{ path: string }> }) => view.activeStates.map((a) => a.path).sort();

describe('information-exchange: the definition and its schedules', () => {
  const def = JSON.parse(readFileSync(FILE, 'utf8'));

  it('is started every 6 months (15 Jun, 15 Dec) and every year (20 Dec) at 08:00 Vietnam time', () => {
    expect(def.schedules).toEqual([
      expect.objectContaining({
        key: 'sau-thang',
        cron: '0 8 15 6,12 *',
        timezone: 'Asia/Ho_Chi_Minh',
        businessKey: 'TTTT-{yyyy}-{mm}-{key}',
        input: { ky: '6-thang' },
      }),
      expect.objectContaining({
        key: 'ca-nam',
        cron: '0 8 20 12 *',
        timezone: 'Asia/Ho_Chi_Minh',
        businessKey: 'TTTT-{yyyy}-{mm}-{key}',
        input: { ky: 'nam' },
      }),
    ]);
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
  });

  it('a schedule whose input breaks inputSchema is refused', () => {
    const bad = JSON.parse(JSON.stringify(def));
    bad.schedules[0].input = { ky: 'quy' };
    const { valid, issues } = validateDefinition(bad);
    expect(valid).toBe(false);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid_schedule_input', path: expect.stringMatching(/^\/schedules\/0/) }));
  });
});

describe('information-exchange: the half-year exchange of 15 Jun 2026, on time', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-06-15T01:00:00.000Z'); // Mon 15 Jun 2026, 08:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the scheduler starts it: both sides get a task, due 7 working days later', async () => {
    const view = await s.start('information-exchange', p.system, { ky: '6-thang' }, 'TTTT-2026-06-sau-thang');
    id = view.id;
    expect(view.businessKey).toBe('TTTT-2026-06-sau-thang');
    expect(paths(view)).toEqual(['thuThap.bxdd.cungCap', 'thuThap.vanPhong.cungCap']);
    expect(view.context).toMatchObject({ ky: '6-thang', quaHanBxdd: false, quaHanVanPhong: false });
    // Tue 16 (1) … Fri 19 (4), Mon 22 – Wed 24 (7).
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'han-cung-cap-bxdd',
          state: 'thuThap.bxdd.cungCap',
          dueDate: '2026-06-24',
          dueAt: '2026-06-24T17:00:00.000Z',
          passed: false,
        }),
        expect.objectContaining({ key: 'han-cung-cap-van-phong', state: 'thuThap.vanPhong.cungCap', dueDate: '2026-06-24', passed: false }),
      ]),
    );
    expect(view.deadlines).toHaveLength(2);
    // Both regions' tasks open in the same step: order them by state.
    expect((await s.openTasks(id)).sort((a, b) => a.state.localeCompare(b.state))).toEqual([
      expect.objectContaining({
        state: 'thuThap.bxdd.cungCap',
        roles: ['pho-truong-ban-xddd'],
        units: ['bxdd'],
        priority: 1,
        dueAt: new Date('2026-06-24T17:00:00.000Z'),
      }),
      expect.objectContaining({
        state: 'thuThap.vanPhong.cungCap',
        roles: ['van-phong-dang-uy-ubnd'],
        units: ['van-phong-dang-uy-ubnd', 'dang-uy-ubnd'],
        priority: 1,
      }),
    ]);
  });

  it('refused events leave the instance unchanged', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    await expect(s.send(id, p.deputy, 'CUNG_CAP_BXDD', {})).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.deputy, 'TONG_HOP', { noiDungTongHop: 'Tổng hợp quá sớm' })).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    await expect(s.send(id, p.deputy, 'CUNG_CAP_VAN_PHONG', { noiDung: 'Thay cho Văn phòng' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, p.office, 'CUNG_CAP_BXDD', { noiDung: 'Thay cho Ban' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.state).toEqual(before.state);
    expect(after.context).toEqual(before.context);
    expect(await s.history(id)).toEqual(history);
  });

  it('the Board supplies first; the Office region is still open', async () => {
    await s.advanceTo('2026-06-17T02:00:00.000Z');
    const view = await s.send(id, p.deputy, 'CUNG_CAP_BXDD', { noiDung: 'Kết quả tuyên truyền 6 tháng đầu năm', taiLieu: ['Báo cáo 15-BC/BXDĐ'] });
    expect(paths(view)).toEqual(['thuThap.bxdd.daCungCap', 'thuThap.vanPhong.cungCap']);
    expect(view.context).toMatchObject({
      thongTinBxdd: { noiDung: 'Kết quả tuyên truyền 6 tháng đầu năm', taiLieu: ['Báo cáo 15-BC/BXDĐ'] },
      nguoiCungCapBxdd: { id: 'pho-ban-1' },
    });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-cung-cap-van-phong' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'thuThap.vanPhong.cungCap' })]);
  });

  it('when the Office has supplied too, the Board compiles', async () => {
    await s.advanceTo('2026-06-22T02:00:00.000Z');
    const view = await s.send(id, p.office, 'CUNG_CAP_VAN_PHONG', { noiDung: 'Tình hình dân vận chính quyền 6 tháng' });
    expect(paths(view)).toEqual(['tongHop']);
    expect(view.deadlines).toEqual([]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'tongHop', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 2 })]);
  });

  it('the head returns the compilation once, then signs and reports upward within 5 working days', async () => {
    await s.advanceTo('2026-06-23T02:00:00.000Z');
    let view = await s.send(id, p.deputy, 'TONG_HOP', { noiDungTongHop: 'Báo cáo tổng hợp trao đổi thông tin 6 tháng' });
    expect(paths(view)).toEqual(['baoCao']);
    // Wed 24 (1) … Fri 26 (3), Mon 29 (4), Tue 30 Jun (5).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao', dueDate: '2026-06-30' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'baoCao', roles: ['truong-ban-xddd'], units: ['bxdd'] })]);
    view = await s.send(id, p.head, 'TRA_LAI', { yKien: 'Bổ sung số liệu của Văn phòng.' });
    expect(paths(view)).toEqual(['tongHop']);
    expect(view.context.yKienTraLai).toEqual(['Bổ sung số liệu của Văn phòng.']);
    view = await s.send(id, p.deputy, 'TONG_HOP', { noiDungTongHop: 'Báo cáo tổng hợp đã bổ sung số liệu' });
    // The report's number is the register's (a Party paper: 01-BC/BXDĐ), not typed in.
    await expect(s.send(id, p.head, 'BAO_CAO', { soBaoCao: '20-BC/BXDĐ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    view = await s.send(id, p.head, 'BAO_CAO', { noiNhan: 'Ban Tuyên giáo và Dân vận Thành ủy' });
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['daBaoCao']);
    expect(view.context).toMatchObject({
      tongHop: 'Báo cáo tổng hợp đã bổ sung số liệu',
      soBaoCao: '01-BC/BXDĐ',
      quaHanBaoCao: false,
      nguoiKy: { id: 'truong-ban-1' },
    });
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'trao-doi-thong-tin.bao-cao', data: { ky: '6-thang', soBaoCao: '01-BC/BXDĐ', quaHan: false } }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'da-bao-cao' } });
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
    expect(await s.openTasks(id)).toEqual([]);
    expect(await s.advanceTo('2026-08-01T00:00:00.000Z')).toEqual([]);
    expect((await s.history(id)).map((h) => h[0])).toEqual([
      'xstate.init',
      'CUNG_CAP_BXDD',
      'CUNG_CAP_VAN_PHONG',
      'TONG_HOP',
      'TRA_LAI',
      'TONG_HOP',
      'BAO_CAO',
    ]);
  });
});

describe('information-exchange: a yearly exchange across National Day, the Office late', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open([FILE], '2026-08-28T02:00:00.000Z'); // Fri 28 Aug 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('started by hand, due 7 working days later, skipping 1 and 2 Sep', async () => {
    const view = await s.start('information-exchange', p.deputy, { ky: 'nam', ghiChu: 'Kỳ bổ sung' }, 'TTTT-2026-08-bo-sung');
    id = view.id;
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays.
    // [Mon 31 Aug, Tue 1, Wed 2 Sep], Thu 3 (1), Fri 4 (2), Mon 7 – Fri 11 (7).
    expect(view.deadlines.map((d) => [d.key, d.dueDate]).sort()).toEqual([
      ['han-cung-cap-bxdd', '2026-09-11'],
      ['han-cung-cap-van-phong', '2026-09-11'],
    ]);
    await s.advanceTo('2026-08-31T02:00:00.000Z');
    await s.send(id, p.deputy, 'CUNG_CAP_BXDD', { noiDung: 'Thông tin cả năm của Ban' });
  });

  it('reminds the Office on Wed 9 Sep, then escalates at the end of 11 Sep to the Party secretary', async () => {
    // National Day 2026 as announced (Thông báo 9441/TB-BNV): Mon 31 Aug swapped off (Sat 22 Aug worked), Tue 1 – Wed 2 Sep holidays: due Fri 11 Sep; the morning after is Sat 12 Sep.
    const fired = await s.advanceTo('2026-09-12T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-cung-cap-van-phong', fireAt: '2026-09-09T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-cung-cap-van-phong', fireAt: '2026-09-11T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(paths(view)).toEqual(['thuThap.bxdd.daCungCap', 'thuThap.vanPhong.cungCap']);
    expect(view.context).toMatchObject({ quaHanVanPhong: true, quaHanBxdd: false });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-cung-cap-van-phong', passed: true })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'thuThap.vanPhong.cungCap', roles: ['bi-thu-dang-uy-ubnd', 'van-phong-dang-uy-ubnd'], priority: 3 }),
    ]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'task.escalate',
        state: 'thuThap.vanPhong.cungCap',
        deadlineKey: 'han-cung-cap-van-phong',
        priority: 'urgent',
        addRoles: ['bi-thu-dang-uy-ubnd'],
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['bi-thu-dang-uy-ubnd', 'pho-truong-ban-xddd'],
        message: expect.objectContaining({ vi: expect.stringContaining('quá hạn') }),
      }),
    );
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN_VAN_PHONG', 'system', expect.anything()]);
  });

  it('nobody can send the timer event, and the escalated secretary sees the task but may not supply in the Office’s place', async () => {
    const before = await s.get(id);
    await expect(s.send(id, p.office, 'QUA_HAN_VAN_PHONG')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, p.secretary, 'CUNG_CAP_VAN_PHONG', { noiDung: 'Bí thư cung cấp' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.get(id)).revision).toBe(before.revision);
  });

  it('the late report upward is escalated to the Standing Members of the Party Committee, then sent', async () => {
    await s.send(id, p.office, 'CUNG_CAP_VAN_PHONG', { noiDung: 'Thông tin cả năm của Văn phòng' });
    await s.send(id, p.deputy, 'TONG_HOP', { noiDungTongHop: 'Báo cáo tổng hợp cả năm' });
    // From Sat 12 Sep (after the announced National Day swap moved the Office's limit to 11 Sep): Mon 14 – Fri 18 Sep (5).
    expect((await s.get(id)).deadlines).toEqual([expect.objectContaining({ key: 'han-bao-cao', dueDate: '2026-09-18' })]);
    const fired = await s.advanceTo('2026-09-21T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-bao-cao', fireAt: '2026-09-17T00:30:00.000Z' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-bao-cao', fireAt: '2026-09-18T17:00:00.000Z' }),
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'baoCao', roles: ['truong-ban-xddd'], priority: 3 })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd', 'thuong-truc-dang-uy'] }));
    const view = await s.send(id, p.head, 'BAO_CAO', {});
    expect(view.status).toBe('done');
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'trao-doi-thong-tin.bao-cao', data: { ky: 'nam', soBaoCao: '01-BC/BXDĐ', quaHan: true } }),
    );
  });
});
