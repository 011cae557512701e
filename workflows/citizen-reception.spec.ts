import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileWorkflow, explorePaths, validateDefinition } from '#libs/engine';
import { Scenario } from '../test/support/scenario.js';

/**
 * Citizen reception sessions (tiếp công dân): started by schedule on the session day at 07:00 —
 * the ward chairman every Thursday (Law on Citizen Reception 2013, art. 15: at least 1 day a week),
 * the Party secretary on the 10th and 25th (Regulation 11-QĐi/TW: at least 2 days a month). The
 * session must be recorded by the end of its day; its record starts one complaint, denunciation or
 * petition case per citizen; the minutes are due signed within 3 working days of the session.
 */
const FILE = 'workflows/citizen-reception.json';
const FILES = ['workflows/complaint.json', 'workflows/denunciation.json', 'workflows/petition.json', FILE];

function people(s: Scenario) {
  return {
    system: s.person('system', [{ role: 'system', unit: 'phuong-an-phong' }]),
    officer: s.person('tiep-dan-1', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]),
    chairman: s.person('chu-tich-1', [{ role: 'chu-tich', unit: 'ubnd' }]),
    secretary: s.person('bi-thu-1', [{ role: 'thuong-truc-dang-uy', unit: 'dang-uy' }]),
    letters: s.person('xu-ly-don-1', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]),
  };
}

/** The session's cases in register order (the listing is in start order, which one step does not fix). */
const CASE_KEYS = ['khieuNai#0', 'khieuNai#1', 'toCao#0', 'kienNghi#0'];
const cases = async (s: Scenario, id: string) => (await s.children(id)).sort((a, b) => CASE_KEYS.indexOf(a.key) - CASE_KEYS.indexOf(b.key));

const paths = (view: { activeStates: Array<{ path: string }> }) => view.activeStates.map((a) => a.path).sort();

const PREPARATION = {
  diaDiem: 'Trụ sở tiếp công dân phường An Phong',
  canBoThamGia: ['Thanh tra phường', 'Công chức Tư pháp - Hộ tịch'],
  hoSoLienQuan: ['Hồ sơ đất đai tổ dân phố số 3'],
};

const citizen = (loai: string, hoTen: string, noiDung: string, extra: Record<string, unknown> = {}) => ({ hoTen, noiDung, loai, ...extra });

/** The register of the chairman's session of 23 Apr 2026: two complaints, one denunciation, one petition, one guidance only. */
const RECORD = {
  ngayTiep: '2026-04-23',
  thoiGianTiep: '2026-04-23T08:00:00+07:00',
  nguoiChuTri: 'Chủ tịch UBND phường',
  khieuNai: [
    citizen('complaint', 'Nguyễn Văn An', 'Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND', { soVaoSo: 'TCD-101', diaChi: 'Tổ dân phố số 3' }),
    citizen('complaint', 'Trần Thị Bình', 'Khiếu nại việc không cấp giấy phép xây dựng', { soVaoSo: 'TCD-102' }),
  ],
  toCao: [
    citizen('denunciation', 'Lê Văn Cường', 'Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục', {
      soVaoSo: 'TCD-103',
      nguoiBiToCao: 'Phạm Văn D., công chức địa chính',
    }),
  ],
  kienNghi: [
    citizen('petition', 'Hoàng Thị Dung', 'Kiến nghị sửa chữa đèn chiếu sáng ngõ 12', {
      soVaoSo: 'TCD-104',
      diaChi: 'Ngõ 12, tổ dân phố số 5',
      soDienThoai: '0912345678',
    }),
  ],
  huongDan: [
    citizen('guidance-only', 'Vũ Văn Em', 'Hỏi thủ tục đăng ký khai sinh cho con', {
      noiDungHuongDan: 'Hướng dẫn nộp hồ sơ tại Trung tâm Phục vụ hành chính công',
    }),
  ],
  ghiChu: 'Buổi tiếp diễn ra đúng kế hoạch',
};

const MINUTES = {
  soBienBan: '15/BB-TCD',
  ngayLap: '2026-04-24',
  noiDungBienBan: 'Chủ tịch UBND phường tiếp 5 lượt công dân; 2 khiếu nại, 1 tố cáo, 1 kiến nghị, 1 hướng dẫn.',
  ketLuan: ['Giao Văn phòng HĐND và UBND phường xác minh các vụ khiếu nại', 'Trả lời kiến nghị về đèn chiếu sáng trong 10 ngày làm việc'],
};

describe('citizen-reception: the definition and its schedules', () => {
  const def = JSON.parse(readFileSync(FILE, 'utf8'));

  it('starts the chairman’s session every Thursday and the Party secretary’s on the 10th and 25th, at 07:00 Vietnam time', () => {
    expect(def.schedules).toEqual([
      expect.objectContaining({
        key: 'chu-tich',
        cron: '0 7 * * 4',
        timezone: 'Asia/Ho_Chi_Minh',
        businessKey: 'TCD-{yyyy}-{mm}-{dd}-{key}',
        input: { chuTri: 'chu-tich' },
      }),
      expect.objectContaining({
        key: 'bi-thu',
        cron: '0 7 10,25 * *',
        timezone: 'Asia/Ho_Chi_Minh',
        businessKey: 'TCD-{yyyy}-{mm}-{dd}-{key}',
        input: { chuTri: 'bi-thu' },
      }),
    ]);
    expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
    const bad = JSON.parse(JSON.stringify(def));
    bad.schedules[1].input = { chuTri: 'pho-chu-tich' };
    expect(validateDefinition(bad).issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_schedule_input', path: expect.stringMatching(/^\/schedules\/1/) }),
    );
  });

  it('has no reachable dead end', () => {
    expect(explorePaths(compileWorkflow(def)).deadEnds).toEqual([]);
  });

  it('maps each group to its child definition with only inputs the child accepts, and every required one', () => {
    const starts = def.machine.states.bienBan.entry.filter((a: { type: string }) => a.type === 'startChildren').map((a: { params: any }) => a.params);
    expect(starts.map((p: any) => [p.group, p.definition, p.forEach])).toEqual([
      ['khieuNai', 'complaint', 'context.khieuNai'],
      ['toCao', 'denunciation', 'context.toCao'],
      ['kienNghi', 'petition', 'context.kienNghi'],
    ]);
    for (const p of starts) {
      const child = JSON.parse(readFileSync(`workflows/${p.definition}.json`, 'utf8'));
      const accepted = Object.keys(child.inputSchema.properties);
      expect(Object.keys(p.input).filter((k) => !accepted.includes(k))).toEqual([]);
      expect((child.inputSchema.required ?? []).filter((k: string) => !(k in p.input))).toEqual([]);
    }
  });
});

describe('citizen-reception: the chairman’s session of Thu 23 Apr 2026, five citizens, four cases', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    // Thu 23 Apr 2026, 07:00 in Vietnam. Sun 26 Apr is Hùng Kings' day (off Mon 27), then 30 Apr and 1 May.
    s = await Scenario.open(FILES, '2026-04-23T00:00:00.000Z');
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the scheduler starts it: the receiving officer prepares; the session is due by 24:00 that day', async () => {
    const view = await s.start('citizen-reception', p.system, { chuTri: 'chu-tich' }, 'TCD-2026-04-23-chu-tich');
    id = view.id;
    expect(view.businessKey).toBe('TCD-2026-04-23-chu-tich');
    expect(paths(view)).toEqual(['buoiTiep.chuanBi']);
    expect(view.context).toMatchObject({ chuTri: 'chu-tich', batDau: '2026-04-23T00:00:00.000Z', khieuNai: [], quaHanToChuc: false });
    expect(view.deadlines).toEqual([
      expect.objectContaining({ key: 'han-chuan-bi', state: 'buoiTiep.chuanBi', dueDate: null, dueAt: '2026-04-23T17:00:00.000Z', passed: false }),
    ]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'buoiTiep.chuanBi', roles: ['can-bo-tiep-dan'], units: ['bo-phan-tiep-cong-dan'], priority: 1 }),
    ]);
  });

  it('refused events leave the session unchanged', async () => {
    const before = await s.get(id);
    const history = await s.history(id);
    await expect(s.send(id, p.officer, 'CHUAN_BI', {})).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    await expect(s.send(id, p.officer, 'GHI_SO', RECORD)).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED' });
    await expect(s.send(id, p.officer, 'QUA_HAN_TO_CHUC')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The chairman has no task yet: the session is not even visible to him.
    await expect(s.send(id, p.chairman, 'CHUAN_BI', PREPARATION)).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.context).toEqual(before.context);
    expect(await s.history(id)).toEqual(history);
  });

  it('the officer prepares the session: the same end-of-day limit runs on', async () => {
    expect(await s.advanceTo('2026-04-23T00:20:00.000Z')).toEqual([]);
    const view = await s.send(id, p.officer, 'CHUAN_BI', PREPARATION);
    expect(paths(view)).toEqual(['buoiTiep.tiepDan']);
    expect(view.context).toMatchObject({ diaDiem: PREPARATION.diaDiem, chuanBi: PREPARATION, nguoiChuanBi: { id: 'tiep-dan-1' } });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-to-chuc', state: 'buoiTiep.tiepDan', dueAt: '2026-04-23T17:00:00.000Z' })]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'buoiTiep.tiepDan', roles: ['can-bo-tiep-dan'], units: ['bo-phan-tiep-cong-dan'], priority: 2 }),
    ]);
  });

  it('a record whose case breaks the child’s input is refused (INVALID_INPUT), starting nothing; a mislabelled case is refused too', async () => {
    await s.advanceTo('2026-04-23T04:00:00.000Z');
    const before = await s.get(id);
    const history = await s.history(id);
    const [{ n: instancesBefore }] = await s.ds.query(`SELECT count(*)::int AS n FROM workflow_instances`);
    // The register allows 300 characters for a name; a petition's petitioner allows 200.
    const longName = { ...RECORD, kienNghi: [{ ...RECORD.kienNghi[0], hoTen: 'Hoàng Thị Dung '.repeat(17) }] };
    await expect(s.send(id, p.officer, 'GHI_SO', longName)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('kienNghi#0'),
      details: expect.objectContaining({ child: 'kienNghi#0' }),
    });
    const mislabelled = { ...RECORD, toCao: [...RECORD.toCao, RECORD.khieuNai[0]] };
    await expect(s.send(id, p.officer, 'GHI_SO', mislabelled)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    // The day of the session is entered: the cases' limits count from it, never from the moment of the click.
    const { ngayTiep: _noDate, ...withoutDate } = RECORD;
    await expect(s.send(id, p.officer, 'GHI_SO', withoutDate)).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      details: { issues: [expect.objectContaining({ path: '/payload/ngayTiep' })] },
    });
    const { khieuNai: _omitted, ...withoutComplaints } = RECORD;
    await expect(s.send(id, p.officer, 'GHI_SO', withoutComplaints)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    const after = await s.get(id);
    expect(after.revision).toBe(before.revision);
    expect(after.context).toEqual(before.context);
    expect(await s.children(id)).toEqual([]);
    expect(await s.history(id)).toEqual(history);
    const [{ n: instancesAfter }] = await s.ds.query(`SELECT count(*)::int AS n FROM workflow_instances`);
    expect(instancesAfter).toBe(instancesBefore);
  });

  it('the register of 2 complaints, 1 denunciation, 1 petition and 1 guidance starts exactly 4 cases of the right kinds', async () => {
    const view = await s.send(id, p.officer, 'GHI_SO', RECORD);
    expect(paths(view)).toEqual(['bienBan.lapBienBan']);
    expect(view.context).toMatchObject({
      thoiGianTiep: RECORD.thoiGianTiep,
      nguoiChuTri: 'Chủ tịch UBND phường',
      khieuNai: RECORD.khieuNai,
      toCao: RECORD.toCao,
      kienNghi: RECORD.kienNghi,
      huongDan: RECORD.huongDan,
      nguoiGhiSo: { id: 'tiep-dan-1' },
      _children: {
        khieuNai: { definition: 'complaint', started: 2, done: 0, results: [] },
        toCao: { definition: 'denunciation', started: 1, done: 0, results: [] },
        kienNghi: { definition: 'petition', started: 1, done: 0, results: [] },
      },
    });
    const children = await cases(s, id);
    expect(children.map((c) => [c.key, c.group, c.definition.key, c.status])).toEqual([
      ['khieuNai#0', 'khieuNai', 'complaint', 'active'],
      ['khieuNai#1', 'khieuNai', 'complaint', 'active'],
      ['toCao#0', 'toCao', 'denunciation', 'active'],
      ['kienNghi#0', 'kienNghi', 'petition', 'active'],
    ]);
    const views = await Promise.all(children.map((c) => s.get(c.id)));
    views.forEach((v, i) => expect(v.parent).toEqual({ id, group: children[i].group, key: children[i].key }));
    // Each case carries what was recorded, as far as its definition's input allows.
    expect(views[0].context).toMatchObject({ kenhTiepNhan: 'truc-tiep' });
    expect(paths(views[0])).toEqual(['tiepNhan']);
    expect(views[1].context).toMatchObject({ kenhTiepNhan: 'truc-tiep' });
    expect(views[2].context).toMatchObject({
      maDon: 'TCD-103',
      nguoiToCao: 'Lê Văn Cường',
      nguoiBiToCao: 'Phạm Văn D., công chức địa chính',
      noiDung: 'Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục',
      // The denunciation's limits count from the day of the session, entered with the register.
      ngayNhanDon: '2026-04-23',
      nguoiTiepNhan: { id: 'tiep-dan-1' },
    });
    expect(paths(views[2])).toEqual(['xuLyBanDau']);
    expect(views[3].context).toMatchObject({
      kenh: 'tiep-dan',
      noiDung: 'Kiến nghị sửa chữa đèn chiếu sáng ngõ 12',
      nguoiKienNghi: 'Hoàng Thị Dung',
      diaChi: 'Ngõ 12, tổ dân phố số 5',
      soDienThoai: '0912345678',
      ngayNhan: '2026-04-23',
    });
    // The petition's 10 working days (art. 28) count from the session: Fri 24, Tue 28, Wed 29, 4–8 May, Mon 11, Tue 12.
    expect(views[3].deadlines).toEqual([expect.objectContaining({ key: 'han-phan-loai', dueDate: '2026-05-12' })]);
    // Minutes within 3 working days of the session: Fri 24 (1), [Sat, Sun 26 holiday, Mon 27 compensatory], Tue 28 (2), Wed 29 (3).
    expect(view.deadlines).toEqual([
      expect.objectContaining({ key: 'han-bien-ban', state: 'bienBan.lapBienBan', dueDate: '2026-04-29', dueAt: '2026-04-29T17:00:00.000Z', passed: false }),
    ]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'bienBan.lapBienBan', roles: ['can-bo-tiep-dan'], units: ['bo-phan-tiep-cong-dan'], priority: 1 }),
    ]);
  });

  it('history links the session’s step to its cases, and each case to the session', async () => {
    const rows = (await s.runtime.queries.historyOf(id, {})).items;
    const ghiSo = rows.find((r) => r.event.type === 'GHI_SO')!;
    const children = await cases(s, id);
    expect((ghiSo.links as any).children.map((c: { id: string }) => c.id).sort()).toEqual(children.map((c) => c.id).sort());
    const first = (await s.runtime.queries.historyOf(children[3].id, {})).items[0];
    expect(first.links).toEqual({ parent: { id, definitionKey: 'citizen-reception', group: 'kienNghi', key: 'kienNghi#0' } });
  });

  it('the cases run on their own: a transferred petition reports back while the minutes are being drawn up', async () => {
    const [, , , petition] = await cases(s, id);
    const done = await s.send(petition.id, p.letters, 'CHUYEN_DON', {
      coQuanTiepNhan: 'Công ty Chiếu sáng và Thiết bị đô thị Hải Phòng',
      lyDo: 'Thuộc trách nhiệm đơn vị quản lý chiếu sáng',
      // The citizen is told the petition went elsewhere (issue 17 item 8).
      ngayThongBaoNguoiGui: '2026-04-24',
      hinhThucThongBao: 'dien-thoai',
    });
    expect(done.status).toBe('done');
    const view = await s.get(id);
    expect(paths(view)).toEqual(['bienBan.lapBienBan']);
    expect(view.context._children).toMatchObject({
      kienNghi: {
        started: 1,
        done: 1,
        results: [expect.objectContaining({ key: 'kienNghi#0', childId: petition.id, state: 'daChuyenDon', output: { ketQua: 'chuyen-don' } })],
      },
      khieuNai: { started: 2, done: 0 },
    });
  });

  it('the officer submits the minutes; only the chairman signs; he returns them once', async () => {
    await s.advanceTo('2026-04-24T03:00:00.000Z');
    await expect(s.send(id, p.officer, 'LAP_BIEN_BAN', { ...MINUTES, ketLuan: [] })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    let view = await s.send(id, p.officer, 'LAP_BIEN_BAN', MINUTES);
    expect(paths(view)).toEqual(['bienBan.kyChuTich']);
    expect(view.context).toMatchObject({ bienBan: MINUTES, nguoiLapBienBan: { id: 'tiep-dan-1' } });
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'bienBan.kyChuTich', roles: ['chu-tich'], units: ['ubnd'], priority: 2 })]);
    // The chairman signs within 2 working days: Tue 28 (1), Wed 29 Apr (2).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ky-chu-tich', state: 'bienBan.kyChuTich', dueDate: '2026-04-29' })]);
    const before = await s.get(id);
    await expect(s.send(id, p.officer, 'KY_BIEN_BAN', { ngayKy: '2026-04-24' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.send(id, p.secretary, 'KY_BIEN_BAN', { ngayKy: '2026-04-24' })).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    expect((await s.get(id)).revision).toBe(before.revision);
    view = await s.send(id, p.chairman, 'TRA_LAI_BIEN_BAN', { yKien: 'Bổ sung thời hạn trả lời từng vụ việc.' });
    expect(paths(view)).toEqual(['bienBan.lapBienBan']);
    expect(view.context).toMatchObject({ soLanTraLai: 1, yKienTraLai: ['Bổ sung thời hạn trả lời từng vụ việc.'] });
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['can-bo-tiep-dan'] }));
    // Returning does not restart the limit.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bien-ban', dueDate: '2026-04-29' })]);
  });

  it('reminds on Tue 28 Apr at 07:30, one working day before the limit', async () => {
    const fired = await s.advanceTo('2026-04-28T02:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-bien-ban', fireAt: '2026-04-28T00:30:00.000Z', outcome: 'fired' })]);
    const reminders = (await s.effects(id)).filter((e) => e.type === 'notify' && e.reminder);
    expect(reminders).toEqual([expect.objectContaining({ roles: ['can-bo-tiep-dan'] })]);
  });

  it('the chairman is reminded and signs on Wed 29 Apr: the session ends while its cases go on', async () => {
    const submitted = await s.send(id, p.officer, 'LAP_BIEN_BAN', {
      ...MINUTES,
      ketLuan: [...MINUTES.ketLuan, 'Trả lời từng vụ việc đúng thời hạn luật định'],
    });
    // From Tue 28: Wed 29 (1), [30 Apr, 1 May, weekend], Mon 4 May (2); reminded on Wed 29 at 07:30.
    expect(submitted.deadlines).toEqual([expect.objectContaining({ key: 'han-ky-chu-tich', dueDate: '2026-05-04' })]);
    const fired = await s.advanceTo('2026-04-29T03:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-ky-chu-tich', fireAt: '2026-04-29T00:30:00.000Z' })]);
    expect((await s.effects(id)).filter((e) => e.type === 'notify' && e.reminder).at(-1)).toMatchObject({ roles: ['chu-tich'] });
    const view = await s.send(id, p.chairman, 'KY_BIEN_BAN', { ngayKy: '2026-04-29', yKien: 'Đồng ý' });
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['daKetThuc']);
    expect(view.context).toMatchObject({ ngayKyBienBan: '2026-04-29', nguoiKyBienBan: { id: 'chu-tich-1' }, quaHanToChuc: false, quaHanBienBan: false });
    expect(await s.openTasks(id)).toEqual([]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'tiep-cong-dan.bien-ban',
        data: {
          chuTri: 'chu-tich',
          thoiGianTiep: RECORD.thoiGianTiep,
          soBienBan: '15/BB-TCD',
          soKhieuNai: 2,
          soToCao: 1,
          soKienNghi: 1,
          soHuongDan: 1,
          quaHan: false,
        },
      }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'da-ket-thuc' } });
    expect(effects.some((e) => e.type === 'task.escalate')).toBe(false);
    expect((await cases(s, id)).map((c) => c.status)).toEqual(['active', 'active', 'active', 'done']);
    const history = await s.history(id);
    expect(history.map((h) => h[0])).toEqual([
      'xstate.init',
      'CHUAN_BI',
      'GHI_SO',
      'child.done',
      'LAP_BIEN_BAN',
      'TRA_LAI_BIEN_BAN',
      'LAP_BIEN_BAN',
      'KY_BIEN_BAN',
    ]);
    // The cases' own limits go on firing; the session's history does not move.
    await s.advanceTo('2026-06-01T00:00:00.000Z');
    expect(await s.history(id)).toEqual(history);
  });
});

describe('citizen-reception: the Party secretary’s session of Fri 10 Apr 2026, recorded late', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  beforeAll(async () => {
    s = await Scenario.open(FILES, '2026-04-10T00:00:00.000Z'); // Fri 10 Apr 2026, 07:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the scheduler starts it and the officer prepares it', async () => {
    const started = await s.start('citizen-reception', p.system, { chuTri: 'bi-thu' }, 'TCD-2026-04-10-bi-thu');
    id = started.id;
    expect(started.context.chuTri).toBe('bi-thu');
    expect(await s.advanceTo('2026-04-10T00:45:00.000Z')).toEqual([]);
    const view = await s.send(id, p.officer, 'CHUAN_BI', { diaDiem: 'Phòng tiếp công dân Đảng ủy phường' });
    expect(paths(view)).toEqual(['buoiTiep.tiepDan']);
  });

  it('not recorded that day: reminded at 17:00, escalated at 24:00 to the Standing Members of the Party Committee, not the chairman', async () => {
    const fired = await s.advanceTo('2026-04-11T01:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-to-chuc', fireAt: '2026-04-10T10:00:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-to-chuc', fireAt: '2026-04-10T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(paths(view)).toEqual(['buoiTiep.tiepDan']);
    expect(view.context.quaHanToChuc).toBe(true);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-to-chuc', passed: true })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'buoiTiep.tiepDan', roles: ['can-bo-tiep-dan'], priority: 3 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'task.escalate', state: 'buoiTiep.tiepDan', deadlineKey: 'han-to-chuc', priority: 'urgent' }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['thuong-truc-dang-uy', 'can-bo-tiep-dan'],
        message: expect.objectContaining({ vi: expect.stringContaining('Bí thư Đảng ủy') }),
      }),
    );
    expect(effects.some((e) => e.type === 'notify' && e.roles.includes('chu-tich'))).toBe(false);
    expect((await s.history(id)).at(-1)?.[0]).toBe('QUA_HAN_TO_CHUC');
  });

  it('a person cannot send the timer event', async () => {
    const before = await s.get(id);
    await expect(s.send(id, p.officer, 'QUA_HAN_TO_CHUC')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.get(id)).revision).toBe(before.revision);
  });

  it('recorded on Mon 13 Apr with guidance only: no case is started; the minutes count from the session day', async () => {
    await s.advanceTo('2026-04-13T02:00:00.000Z');
    const view = await s.send(id, p.officer, 'GHI_SO', {
      ngayTiep: '2026-04-10',
      thoiGianTiep: '2026-04-10T08:00:00+07:00',
      nguoiChuTri: 'Bí thư Đảng ủy phường',
      khieuNai: [],
      toCao: [],
      kienNghi: [],
      huongDan: [citizen('guidance-only', 'Đỗ Thị Giang', 'Hỏi về chính sách hỗ trợ hộ nghèo')],
    });
    expect(paths(view)).toEqual(['bienBan.lapBienBan']);
    expect(await s.children(id)).toEqual([]);
    expect(view.context._children).toEqual({
      khieuNai: { definition: 'complaint', started: 0, done: 0, results: [] },
      toCao: { definition: 'denunciation', started: 0, done: 0, results: [] },
      kienNghi: { definition: 'petition', started: 0, done: 0, results: [] },
    });
    // Fri 10 Apr + 3 working days: Mon 13, Tue 14, Wed 15.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bien-ban', dueDate: '2026-04-15' })]);
  });

  it('the minutes run late: reminded Tue 14, escalated at the end of Wed 15 to the Standing Members of the Party Committee', async () => {
    const fired = await s.advanceTo('2026-04-16T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-bien-ban', fireAt: '2026-04-14T00:30:00.000Z' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-bien-ban', fireAt: '2026-04-15T17:00:00.000Z' }),
    ]);
    expect((await s.get(id)).context.quaHanBienBan).toBe(true);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'bienBan.lapBienBan', priority: 3 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'task.escalate', state: 'bienBan.lapBienBan', deadlineKey: 'han-bien-ban', priority: 'urgent' }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['thuong-truc-dang-uy', 'can-bo-tiep-dan'],
        message: expect.objectContaining({ vi: expect.stringContaining('quá hạn') }),
      }),
    );
  });

  it('the minutes go to the Party secretary; unsigned after 2 working days, they are escalated', async () => {
    const view = await s.send(id, p.officer, 'LAP_BIEN_BAN', {
      ...MINUTES,
      soBienBan: '03/BB-TCD-ĐU',
      ngayLap: '2026-04-16',
      ketLuan: ['Tiếp tục nắm tình hình hộ nghèo'],
    });
    expect(paths(view)).toEqual(['bienBan.kyBiThu']);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'bienBan.kyBiThu', roles: ['thuong-truc-dang-uy'], units: ['dang-uy'], priority: 2 }),
    ]);
    // Fri 17 (1), Mon 20 Apr (2).
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ky-bi-thu', dueDate: '2026-04-20' })]);
    const fired = await s.advanceTo('2026-04-21T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-ky-bi-thu', fireAt: '2026-04-17T00:30:00.000Z' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-ky-bi-thu', fireAt: '2026-04-20T17:00:00.000Z' }),
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'bienBan.kyBiThu', priority: 3 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'task.escalate', state: 'bienBan.kyBiThu', deadlineKey: 'han-ky-bi-thu', priority: 'urgent' }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['thuong-truc-dang-uy'],
        message: expect.objectContaining({ vi: expect.stringContaining('chờ Bí thư Đảng ủy ký') }),
      }),
    );
    expect((await s.get(id)).deadlines).toEqual([expect.objectContaining({ key: 'han-ky-bi-thu', passed: true })]);
  });

  it('the Party secretary signs; the chairman cannot', async () => {
    await expect(s.send(id, p.chairman, 'KY_BIEN_BAN', { ngayKy: '2026-04-21' })).rejects.toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
    await expect(s.send(id, p.secretary, 'KY_BIEN_BAN', { ngayKy: '21/4/2026' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    const view = await s.send(id, p.secretary, 'KY_BIEN_BAN', { ngayKy: '2026-04-21' });
    expect(view.status).toBe('done');
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'tiep-cong-dan.bien-ban',
        data: expect.objectContaining({ chuTri: 'bi-thu', soKhieuNai: 0, soHuongDan: 1, quaHan: true }),
      }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'da-ket-thuc' } });
    expect((await s.history(id)).map((h) => h[0])).toEqual([
      'xstate.init',
      'CHUAN_BI',
      'QUA_HAN_TO_CHUC',
      'GHI_SO',
      'QUA_HAN_BIEN_BAN',
      'LAP_BIEN_BAN',
      'deadline.passed',
      'KY_BIEN_BAN',
    ]);
  });
});

describe('citizen-reception: the chairman’s Thursday falls on 30 April 2026, a holiday', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  beforeAll(async () => {
    s = await Scenario.open(FILES, '2026-04-30T00:00:00.000Z'); // Thu 30 Apr 2026, 07:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the officer reschedules it: the session ends, its limit is cancelled, the chairman is told', async () => {
    const { id } = await s.start('citizen-reception', p.system, { chuTri: 'chu-tich' }, 'TCD-2026-04-30-chu-tich');
    await expect(s.send(id, p.officer, 'DOI_LICH', { ngayTiepBu: '2026-05-04' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
    const view = await s.send(id, p.officer, 'DOI_LICH', { lyDo: 'Nghỉ lễ Ngày Giải phóng miền Nam 30/4', ngayTiepBu: '2026-05-04', soThongBao: '21/TB-UBND' });
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['daDoiLich']);
    expect(view.context).toMatchObject({ doiLich: { ngayTiepBu: '2026-05-04' }, nguoiDoiLich: { id: 'tiep-dan-1' } });
    expect(await s.openTasks(id)).toEqual([]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['chu-tich'] }));
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'tiep-cong-dan.doi-lich',
        data: { chuTri: 'chu-tich', lyDo: 'Nghỉ lễ Ngày Giải phóng miền Nam 30/4', ngayTiepBu: '2026-05-04' },
      }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'doi-lich' } });
    expect(await s.advanceTo('2026-05-02T00:00:00.000Z')).toEqual([]);
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'DOI_LICH']);
  });

  let makeUp: string;
  it('the make-up session is started for its own date', async () => {
    await s.advanceTo('2026-05-04T00:00:00.000Z');
    const view = await s.start('citizen-reception', p.officer, { chuTri: 'chu-tich', ghiChu: 'Tiếp bù cho ngày 30/4/2026' }, 'TCD-2026-05-04-chu-tich');
    makeUp = view.id;
    expect(paths(view)).toEqual(['buoiTiep.chuanBi']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-chuan-bi', dueAt: '2026-05-04T17:00:00.000Z' })]);
  });

  it('never prepared that day: reminded at 17:00, escalated at 24:00 to the chairman', async () => {
    const fired = await s.advanceTo('2026-05-05T01:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-chuan-bi', fireAt: '2026-05-04T10:00:00.000Z' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-chuan-bi', fireAt: '2026-05-04T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect((await s.get(makeUp)).context.quaHanToChuc).toBe(true);
    expect(await s.openTasks(makeUp)).toEqual([expect.objectContaining({ state: 'buoiTiep.chuanBi', priority: 3 })]);
    const effects = await s.effects(makeUp);
    expect(effects.filter((e) => e.type === 'notify' && e.reminder)).toEqual([
      expect.objectContaining({ roles: ['can-bo-tiep-dan'], message: expect.objectContaining({ vi: expect.stringContaining('chưa được chuẩn bị') }) }),
    ]);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['chu-tich', 'can-bo-tiep-dan'],
        message: expect.objectContaining({ vi: expect.stringContaining('Chủ tịch UBND phường') }),
      }),
    );
  });

  it('prepared the next morning: the session is still overdue, escalated without a second alert', async () => {
    await s.advanceTo('2026-05-05T01:30:00.000Z');
    const notifiesBefore = (await s.effects(makeUp)).filter((e) => e.type === 'notify').length;
    await s.send(makeUp, p.officer, 'CHUAN_BI', { diaDiem: 'Trụ sở tiếp công dân phường An Phong' });
    const fired = await s.advanceTo('2026-05-05T01:31:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-to-chuc', fireAt: '2026-05-04T17:00:00.000Z' })]);
    expect(await s.openTasks(makeUp)).toEqual([expect.objectContaining({ state: 'buoiTiep.tiepDan', priority: 3 })]);
    expect((await s.effects(makeUp)).filter((e) => e.type === 'notify')).toHaveLength(notifiesBefore);
    expect((await s.history(makeUp)).map((h) => h[0])).toEqual(['xstate.init', 'QUA_HAN_TO_CHUC', 'CHUAN_BI', 'deadline.passed']);
  });
});
