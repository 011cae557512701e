import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { compileWorkflow, explorePaths, validateDefinition } from '#libs/engine';
import { DEFAULT_ANCHOR, ProgramReportService } from '#libs/reports';
import { ReportsRepository } from '#libs/persistence';
import { Scenario } from '../test/support/scenario.js';
import { paths, reasons } from '../test/support/steps.js';

/**
 * The yearly “Dân vận khéo” (skilful mass mobilisation) emulation (program item II.6): the campaign
 * (parent) issues the launch plan, collects the units' registrations, starts one nomination (child)
 * per model when the list is closed, waits for every nomination's result, then aggregates, proposes
 * commendations to the ward chairman, records the chairman's decision and the review conference.
 */
const CAMPAIGN = 'workflows/dan-van-kheo-campaign.json';
const NOMINATION = 'workflows/dan-van-kheo-nomination.json';
const FILES = [NOMINATION, CAMPAIGN]; // the child is published first: the campaign starts it
const UNITS = [
  'phong-kinh-te',
  'phong-van-hoa-xa-hoi',
  'don-vi-su-nghiep-cong',
  'to-dan-pho',
  'trung-tam-phuc-vu-hanh-chinh-cong',
  'van-phong-hdnd-ubnd',
  'bo-phan-tiep-cong-dan',
  'mttq',
];
/** A nomination's unit tasks also name the Board's unit, so that an escalation adding the Board makes it a candidate. */

function people(s: Scenario) {
  return {
    system: s.person('system', [{ role: 'system', unit: 'phuong-an-phong' }]),
    deputy: s.person('pho-ban-1', [{ role: 'pho-truong-ban-xddd', unit: 'bxdd' }]),
    head: s.person('truong-ban-1', [{ role: 'truong-ban-xddd', unit: 'bxdd' }]),
    headKt: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
    headVh: s.person('truong-phong-vh', [{ role: 'truong-phong', unit: 'phong-van-hoa-xa-hoi' }]),
    front: s.person('mttq-1', [{ role: 'mttq', unit: 'mttq' }]),
    chairman: s.person('chu-tich', [{ role: 'chu-tich', unit: 'ubnd' }]),
    vice: s.person('pho-chu-tich-1', [{ role: 'pho-chu-tich', unit: 'ubnd' }]),
    // Holds two posts at once (kiêm nhiệm): head of the People's Committee office and Board deputy.
    dual: s.person('kiem-nhiem', [
      { role: 'truong-phong', unit: 'van-phong-hdnd-ubnd' },
      { role: 'pho-truong-ban-xddd', unit: 'bxdd' },
    ]),
  };
}

interface ChildGroup {
  definition: string;
  started: number;
  done: number;
  results: Array<{ key: string; childId: string; definitionKey: string; state: string; output?: unknown }>;
}
/** What the campaign knows of its nominations: `context._children.deCu`. */
const deCu = (view: { context: Record<string, unknown> }) => (view.context._children as Record<string, ChildGroup>).deCu;
/** The output a finished instance reported (its `instance.done` effect). */
const outputOf = async (s: Scenario, id: string) => (await s.effects(id)).find((e) => e.type === 'instance.done')?.output;
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as { code: string; message: string; details?: { refusals?: Array<{ message: { vi: string; en: string }; field?: string }> } };
  }
  throw new Error('expected a refusal');
};

/** What a refused person reads: each refusal's English words, and the form field it is shown under. */

/** Refused steps must leave the instance exactly as it was. */
async function unchanged(s: Scenario, id: string, attempts: () => Promise<void>) {
  const before = await s.get(id);
  const history = await s.history(id);
  await attempts();
  const after = await s.get(id);
  expect(after.revision).toBe(before.revision);
  expect(after.state).toEqual(before.state);
  expect(after.context).toEqual(before.context);
  expect(await s.history(id)).toEqual(history);
}

const plan = (nam: number, ngayBanHanh: string, ngayKetThucTrienKhai: string) => ({
  nam,
  soKeHoach: `01-KH/BXDĐ-${nam}`,
  ngayBanHanh,
  ngayKetThucTrienKhai,
  trichYeu: `Kế hoạch phát động phong trào thi đua “Dân vận khéo” năm ${nam}`,
  chiTieu: 'Mỗi đơn vị đăng ký ít nhất 01 mô hình hoặc điển hình',
});
const selfAssessment = (total: number) => ({
  tieuChi: { cachLamSangTao: 20, hieuQua: total - 66, nhanDanDongTinh: 23, lanToa: 14, benVung: 9 },
  tongDiem: total,
  tuXepLoai: total >= 90 ? 'xuat-sac' : 'tot',
  minhChung: ['Báo cáo kết quả mô hình năm', 'Ảnh hoạt động của mô hình'],
});
const report = {
  ketQua: 'Mô hình duy trì đều, thu hút đông đảo người dân tham gia.',
  soNguoiThamGia: 320,
  soNguoiHuongLoi: 1200,
  minhChung: ['Báo cáo số 12/BC'],
};
const minutes = (ngayHop: string) => ({
  hinhThuc: 'so-ket',
  ngayHop,
  soBienBan: '01-BB/DVK',
  thanhPhan: ['Ban Xây dựng Đảng Đảng ủy', 'Lãnh đạo UBND phường', 'Ủy ban MTTQ Việt Nam phường', 'Các đơn vị có mô hình'],
  ketLuan: ['Nhân rộng mô hình “Chợ văn minh, thương nhân thân thiện”', 'Các đơn vị đăng ký mô hình năm sau trước ngày 15/02'],
});

describe('dan-van-kheo: the definitions and the schedule', () => {
  const campaign = JSON.parse(readFileSync(CAMPAIGN, 'utf8'));
  const nomination = JSON.parse(readFileSync(NOMINATION, 'utf8'));

  it('both validate, and path exploration finds no state without a way out', () => {
    for (const def of [campaign, nomination]) {
      expect(validateDefinition(def)).toEqual({ valid: true, issues: [] });
      expect(explorePaths(compileWorkflow(def)).deadEnds).toEqual([]);
    }
  });

  it('the campaign is started every 15 January at 08:00 Vietnam time, one per year', () => {
    expect(campaign.schedules).toEqual([
      expect.objectContaining({ key: 'hang-nam', cron: '0 8 15 1 *', timezone: 'Asia/Ho_Chi_Minh', businessKey: 'DVK-{yyyy}', input: {} }),
    ]);
    const bad = JSON.parse(JSON.stringify(campaign));
    bad.schedules[0].input = { nam: 'năm nay' };
    expect(validateDefinition(bad).issues).toContainEqual(
      expect.objectContaining({ code: 'invalid_schedule_input', path: expect.stringMatching(/^\/schedules\/0/) }),
    );
  });

  it('a model on the closed list is exactly what a nomination accepts as input', () => {
    const item = campaign.events.CHOT_DANH_SACH.schema.properties.moHinh.items.properties;
    const input = nomination.inputSchema.properties;
    expect(input.tenMoHinh).toEqual(item.ten);
    for (const field of ['donVi', 'linhVuc', 'loai', 'moTa']) expect(input[field]).toEqual(item[field]);
    expect([...input.donVi.enum].sort()).toEqual([...UNITS].sort());
    const start = campaign.machine.states.thucHien.entry[0];
    expect(start).toMatchObject({ type: 'startChildren', params: { group: 'deCu', definition: 'dan-van-kheo-nomination', forEach: 'context.moHinh' } });
    expect(Object.keys(start.params.input).sort()).toEqual([...nomination.inputSchema.required].sort());
  });

  it('every final state has a literal output that reports can count', () => {
    const finals = Object.entries(nomination.machine.states as Record<string, { type?: string; output?: unknown }>).filter(([, n]) => n.type === 'final');
    expect(Object.fromEntries(finals.map(([k, n]) => [k, n.output]))).toEqual({
      deXuatKhenThuong: { recognised: true, proposed: true },
      congNhan: { recognised: true, proposed: false },
      khongCongNhan: { recognised: false, proposed: false },
      daRut: { recognised: false, proposed: false, withdrawn: true },
      dungXet: { recognised: false, proposed: false, stopped: true },
    });
    expect(campaign.machine.states.hoanThanh.output).toEqual({ ketQua: 'hoan-thanh' });
    expect(JSON.stringify(campaign.events)).not.toContain('child.done');
  });
});

describe('dan-van-kheo: the 2026 campaign, registration across Tết, three models, commendation and conference', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  let kids: string[];
  const models = [
    {
      ten: 'Mô hình “Chợ văn minh, thương nhân thân thiện”',
      donVi: 'phong-kinh-te',
      linhVuc: 'kinh-te',
      loai: 'mo-hinh',
      moTa: 'Vận động tiểu thương chợ An Phong niêm yết giá, giữ vệ sinh.',
    },
    {
      ten: 'Mô hình “Tổ dân phố tự quản về an ninh trật tự”',
      donVi: 'mttq',
      linhVuc: 'quoc-phong-an-ninh',
      loai: 'mo-hinh',
      moTa: 'Tổ dân phố số 3 tự tuần tra, camera an ninh.',
    },
    {
      ten: 'Bà Nguyễn Thị Hoa, tổ trưởng tổ dân phố số 5',
      donVi: 'mttq',
      linhVuc: 'van-hoa-xa-hoi',
      loai: 'dien-hinh',
      moTa: 'Vận động các hộ hiến đất mở rộng ngõ.',
    },
  ];

  beforeAll(async () => {
    s = await Scenario.open(FILES, '2026-01-15T01:00:00.000Z'); // Thu 15 Jan 2026, 08:00 in Vietnam
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the schedule starts the campaign: the Board issues the plan within 10 working days', async () => {
    const view = await s.start('dan-van-kheo-campaign', p.system, {}, 'DVK-2026');
    id = view.id;
    expect(view.businessKey).toBe('DVK-2026');
    expect(paths(view)).toEqual(['lapKeHoach']);
    // Fri 16 (1), 19–23 Jan (6), 26–29 Jan (10).
    expect(view.deadlines).toEqual([
      expect.objectContaining({ key: 'han-ke-hoach', state: 'lapKeHoach', dueDate: '2026-01-29', dueAt: '2026-01-29T17:00:00.000Z', passed: false }),
    ]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({
        state: 'lapKeHoach',
        roles: ['pho-truong-ban-xddd'],
        units: ['bxdd'],
        priority: 1,
        dueAt: new Date('2026-01-29T17:00:00.000Z'),
      }),
    ]);
  });

  it('refuses a plan from outsiders, with a missing field, or ending before its own date, changing nothing', async () => {
    await s.advanceTo('2026-01-20T02:00:00.000Z');
    await unchanged(s, id, async () => {
      // A unit head sees the campaign (units register their models on it) but may not issue the plan;
      // the chairman has nothing to do on it yet: he cannot even see it.
      expect((await refusal(s.send(id, p.headKt, 'BAN_HANH_KE_HOACH', plan(2026, '2026-01-20', '2026-10-31')))).code).toBe('FORBIDDEN');
      expect((await refusal(s.send(id, p.chairman, 'BAN_HANH_KE_HOACH', plan(2026, '2026-01-20', '2026-10-31')))).code).toBe('INSTANCE_NOT_FOUND');
      const { soKeHoach: _omitted, ...incomplete } = plan(2026, '2026-01-20', '2026-10-31');
      expect((await refusal(s.send(id, p.deputy, 'BAN_HANH_KE_HOACH', incomplete))).code).toBe('INVALID_PAYLOAD');
      expect((await refusal(s.send(id, p.deputy, 'BAN_HANH_KE_HOACH', { ...plan(2026, '2026-01-20', '2026-10-31'), nam: 2019 }))).code).toBe('INVALID_PAYLOAD');
      const early = await refusal(s.send(id, p.deputy, 'BAN_HANH_KE_HOACH', plan(2026, '2026-01-20', '2026-01-10')));
      expect(early.code).toBe('GUARD_REJECTED');
      expect(reasons(early)).toEqual([['ngayKetThucTrienKhai', 'The last day of the implementation period may not be before the date the plan is issued.']]);
      expect((await refusal(s.send(id, p.deputy, 'CHOT_DANH_SACH', { moHinh: models }))).code).toBe('EVENT_NOT_ACCEPTED');
      expect((await refusal(s.send(id, p.deputy, 'QUA_HAN_KE_HOACH'))).code).toBe('FORBIDDEN');
    });
  });

  it('the plan of Tue 20 Jan opens registration for 30 days: 19 Feb falls in Tết, so it closes Mon 23 Feb', async () => {
    const view = await s.send(id, p.deputy, 'BAN_HANH_KE_HOACH', plan(2026, '2026-01-20', '2026-10-31'));
    expect(paths(view)).toEqual(['dangKy.moDangKy']);
    expect(view.context).toMatchObject({
      nam: 2026,
      ngayBanHanhKeHoach: '2026-01-20',
      ngayKetThucTrienKhai: '2026-10-31',
      nguoiLapKeHoach: { id: 'pho-ban-1' },
    });
    expect(view.deadlines).toEqual([
      expect.objectContaining({ key: 'han-dang-ky', state: 'dangKy.moDangKy', dueDate: '2026-02-23', dueAt: '2026-02-23T17:00:00.000Z' }),
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'dangKy.moDangKy', roles: ['truong-phong', 'mttq'], units: UNITS, priority: 1 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['truong-phong', 'mttq'],
        message: expect.objectContaining({ vi: expect.stringContaining('30 ngày') }),
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'dan-van-kheo.phat-dong', data: { nam: 2026, soKeHoach: '01-KH/BXDĐ-2026', ngayBanHanh: '2026-01-20' } }),
    );
  });

  it('units register their own models; another unit’s registration, a model without a field and the unit closing the list are refused', async () => {
    await s.advanceTo('2026-02-03T02:00:00.000Z');
    const strip = ({ donVi: _d, ...m }: (typeof models)[number]) => m;
    await unchanged(s, id, async () => {
      const otherUnit = await refusal(s.send(id, p.headVh, 'DANG_KY', { donVi: 'phong-kinh-te', moHinh: [strip(models[0])] }));
      expect(otherUnit.code).toBe('GUARD_REJECTED');
      expect(reasons(otherUnit)).toEqual([['donVi', 'You may register only for your own unit: choose the unit you work in.']]);
      const { linhVuc: _l, ...noField } = strip(models[0]);
      expect((await refusal(s.send(id, p.headKt, 'DANG_KY', { donVi: 'phong-kinh-te', moHinh: [noField] }))).code).toBe('INVALID_PAYLOAD');
      expect((await refusal(s.send(id, p.headKt, 'DANG_KY', { donVi: 'phong-kinh-te', moHinh: [] }))).code).toBe('INVALID_PAYLOAD');
      expect((await refusal(s.send(id, p.headKt, 'CHOT_DANH_SACH', { moHinh: models }))).code).toBe('FORBIDDEN');
    });
    await s.send(id, p.headKt, 'DANG_KY', { donVi: 'phong-kinh-te', moHinh: [strip(models[0])] });
    const view = await s.send(id, p.front, 'DANG_KY', { donVi: 'mttq', moHinh: [strip(models[1]), strip(models[2])] });
    expect(paths(view)).toEqual(['dangKy.moDangKy']);
    expect(view.context.dangKyDonVi).toEqual([
      { donVi: 'phong-kinh-te', moHinh: [strip(models[0])] },
      { donVi: 'mttq', moHinh: [strip(models[1]), strip(models[2])] },
    ]);
    // The registration task stays open for the other units.
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'dangKy.moDangKy' })]);
  });

  it('reminds units on Mon 9 Feb, closes registration at the end of Mon 23 Feb; the Board closes the list within 5 working days', async () => {
    const fired = await s.advanceTo('2026-02-24T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-dang-ky', fireAt: '2026-02-09T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-dang-ky', fireAt: '2026-02-23T17:00:00.000Z', outcome: 'fired' }),
    ]);
    const view = await s.get(id);
    expect(paths(view)).toEqual(['dangKy.chotDanhSach']);
    expect(view.context.hetHanDangKy).toBe(true);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-chot-danh-sach', dueDate: '2026-03-03' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'dangKy.chotDanhSach', roles: ['pho-truong-ban-xddd'], units: ['bxdd'] })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['truong-phong', 'mttq'], reminder: expect.objectContaining({ deadlineKey: 'han-dang-ky' }) }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['pho-truong-ban-xddd'],
        message: expect.objectContaining({ vi: expect.stringContaining('Hết hạn đăng ký') }),
      }),
    );
    expect((await s.history(id)).at(-1)).toEqual(['HET_HAN_DANG_KY', 'system', { dangKy: 'chotDanhSach' }]);
    // Late registrations are no longer accepted.
    await unchanged(s, id, async () => {
      expect(
        (
          await refusal(
            s.send(id, p.headVh, 'DANG_KY', {
              donVi: 'phong-van-hoa-xa-hoi',
              moHinh: [{ ten: 'Mô hình muộn', linhVuc: 'kinh-te', loai: 'mo-hinh', moTa: 'Đăng ký muộn' }],
            }),
          )
        ).code,
      ).toBe('EVENT_NOT_ACCEPTED');
    });
  });

  it('closing the list starts one nomination per model, linked both ways and in history', async () => {
    await s.advanceTo('2026-02-25T02:00:00.000Z');
    const view = await s.send(id, p.deputy, 'CHOT_DANH_SACH', { moHinh: models });
    expect(paths(view)).toEqual(['thucHien']);
    expect(view.context).toMatchObject({ soMoHinh: 3, nguoiChotDanhSach: { id: 'pho-ban-1' } });
    expect(view.context._children).toEqual({ deCu: { definition: 'dan-van-kheo-nomination', started: 3, done: 0, results: [] } });
    expect(view.allowedEvents).not.toContain('child.done');
    // 45 days after the implementation period (31 Oct): every model appraised by Tue 15 Dec.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tham-dinh-chung', state: 'thucHien', dueDate: '2026-12-15' })]);
    expect(await s.openTasks(id)).toEqual([]);

    const children = await s.children(id);
    expect(children.map((c) => [c.key, c.group, c.definition.key, c.status, c.activeStates.map((a) => a.path)])).toEqual([
      ['deCu#0', 'deCu', 'dan-van-kheo-nomination', 'active', ['thucHien.trienKhai']],
      ['deCu#1', 'deCu', 'dan-van-kheo-nomination', 'active', ['thucHien.trienKhai']],
      ['deCu#2', 'deCu', 'dan-van-kheo-nomination', 'active', ['thucHien.trienKhai']],
    ]);
    kids = children.map((c) => c.id);
    const first = await s.get(kids[0]);
    expect(first.parent).toEqual({ id, group: 'deCu', key: 'deCu#0' });
    expect(first.startedBy).toBe('pho-ban-1');
    expect(first.context).toMatchObject({
      nam: 2026,
      tenMoHinh: models[0].ten,
      donVi: 'phong-kinh-te',
      linhVuc: 'kinh-te',
      loai: 'mo-hinh',
      ngayKetThucTrienKhai: '2026-10-31',
    });
    // Implementation report 5 working days after Sat 31 Oct (Fri 6 Nov); reminder 10 days before.
    expect(first.deadlines).toEqual([expect.objectContaining({ key: 'han-trien-khai', state: 'thucHien.trienKhai', dueDate: '2026-11-06' })]);
    expect(await s.openTasks(kids[2])).toEqual([
      // The unit that registered the model, named by the case: no other unit's head is a candidate.
      expect.objectContaining({ state: 'thucHien.trienKhai', roles: ['truong-phong', 'mttq'], units: ['mttq'] }),
    ]);

    const links = async (instanceId: string) =>
      (await s.ds.query(`SELECT event_type, links FROM workflow_history WHERE instance_id = $1 ORDER BY seq`, [instanceId])) as Array<{
        event_type: string;
        links: any;
      }>;
    const parentRows = await links(id);
    expect(parentRows.at(-1)).toEqual({
      event_type: 'CHOT_DANH_SACH',
      links: { children: kids.map((childId, n) => ({ id: childId, definitionKey: 'dan-van-kheo-nomination', group: 'deCu', key: `deCu#${n}` })) },
    });
    expect((await links(kids[1]))[0]).toEqual({
      event_type: 'xstate.init',
      links: { parent: { id, definitionKey: 'dan-van-kheo-campaign', group: 'deCu', key: 'deCu#1' } },
    });
  });

  it('the units carry out their models, report and assess themselves; outsiders are refused', async () => {
    await s.advanceTo('2026-06-15T02:00:00.000Z');
    let view = await s.send(kids[0], p.headKt, 'BAO_CAO_TIEN_DO', { noiDungTienDo: '100% tiểu thương ký cam kết văn minh thương mại' });
    expect(paths(view)).toEqual(['thucHien.trienKhai']);
    expect(view.context.baoCaoTienDo).toEqual([{ noiDungTienDo: '100% tiểu thương ký cam kết văn minh thương mại' }]);
    await unchanged(s, kids[0], async () => {
      expect((await refusal(s.send(kids[0], p.front, 'HOAN_THANH_TRIEN_KHAI', report))).code).toBe('FORBIDDEN'); // not the unit of this model: refused at the task
      expect((await refusal(s.send(kids[0], p.chairman, 'HOAN_THANH_TRIEN_KHAI', report))).code).toBe('INSTANCE_NOT_FOUND');
      expect((await refusal(s.send(kids[0], p.headKt, 'HOAN_THANH_TRIEN_KHAI', { ...report, minhChung: [] }))).code).toBe('INVALID_PAYLOAD');
      expect((await refusal(s.send(kids[0], p.headKt, 'NOP_TU_DANH_GIA', selfAssessment(92)))).code).toBe('EVENT_NOT_ACCEPTED');
      const notLate = await refusal(s.send(kids[0], p.deputy, 'DUNG_XET', { lyDo: 'Chưa quá hạn' }));
      expect(notLate.code).toBe('GUARD_REJECTED');
      expect(notLate.message).toContain('missed the time limit for its results report or its self-assessment');
    });

    expect(await s.advanceTo('2026-10-20T02:00:00.000Z')).toEqual([]);
    await s.send(kids[0], p.headKt, 'HOAN_THANH_TRIEN_KHAI', report);
    await s.send(kids[1], p.front, 'HOAN_THANH_TRIEN_KHAI', report);
    view = await s.send(kids[2], p.front, 'HOAN_THANH_TRIEN_KHAI', report);
    expect(paths(view)).toEqual(['thucHien.tuDanhGia']);
    expect(view.context.ketQuaTrienKhai).toEqual(report);
    // Self-assessment: 10 working days after 31 Oct, Fri 13 Nov.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tu-danh-gia', state: 'thucHien.tuDanhGia', dueDate: '2026-11-13' })]);

    // The implementation reminders (27 Oct) were cancelled with the state.
    expect(await s.advanceTo('2026-11-03T02:00:00.000Z')).toEqual([]);
    await unchanged(s, kids[1], async () => {
      const bad = selfAssessment(85);
      expect((await refusal(s.send(kids[1], p.front, 'NOP_TU_DANH_GIA', { ...bad, tieuChi: { ...bad.tieuChi, hieuQua: 31 } }))).code).toBe('INVALID_PAYLOAD');
      expect((await refusal(s.send(kids[1], p.headKt, 'NOP_TU_DANH_GIA', bad))).code).toBe('FORBIDDEN'); // the head of another unit: not a candidate of this model's task
    });
    await s.send(kids[0], p.headKt, 'NOP_TU_DANH_GIA', selfAssessment(92));
    await s.send(kids[1], p.front, 'NOP_TU_DANH_GIA', selfAssessment(85));
    view = await s.send(kids[2], p.front, 'NOP_TU_DANH_GIA', selfAssessment(82));
    expect(paths(view)).toEqual(['thamDinh']);
    expect(view.context).toMatchObject({ diemTuDanhGia: 82, nguoiTuDanhGia: { id: 'mttq-1' } });
    // Appraisal: 15 working days from Tue 3 Nov, Tue 24 Nov.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tham-dinh', state: 'thamDinh', dueDate: '2026-11-24' })]);
    expect(await s.openTasks(kids[2])).toEqual([expect.objectContaining({ state: 'thamDinh', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 2 })]);
    expect((await s.get(id)).state).toBe('thucHien');
  });

  it('the Board appraises: one not recognised, one recognised and proposed, one sent back for more; the campaign keeps waiting', async () => {
    await s.advanceTo('2026-11-10T02:00:00.000Z');
    const appraisal = (diem: number, ketLuan: string, extra = {}) => ({
      soBaoCao: `BC-${diem}`,
      diem,
      ketLuan,
      nhanXet: 'Đã kiểm tra thực tế tại địa bàn.',
      ...extra,
    });
    let view = await s.send(kids[2], p.deputy, 'THAM_DINH', appraisal(55, 'khong-cong-nhan'));
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['khongCongNhan']);

    await unchanged(s, kids[0], async () => {
      // The score must match the conclusion (90 points to propose a commendation, 70 to recognise, below 70 not
      // recognised): a guard that names the field; the form requires a form of award to propose a commendation.
      const low = await refusal(s.send(kids[0], p.deputy, 'THAM_DINH', appraisal(80, 'de-xuat-khen-thuong', { hinhThucDeXuat: 'giay-khen' })));
      expect(low).toMatchObject({ code: 'GUARD_REJECTED', details: { refusals: [expect.objectContaining({ field: 'diem', message: expect.objectContaining({ vi: expect.stringContaining('từ 90 điểm') }) })] } });
      expect((await refusal(s.send(kids[0], p.deputy, 'THAM_DINH', appraisal(92, 'de-xuat-khen-thuong')))).code).toBe('INVALID_PAYLOAD');
      expect(await refusal(s.send(kids[0], p.deputy, 'THAM_DINH', appraisal(65, 'cong-nhan')))).toMatchObject({ code: 'GUARD_REJECTED', details: { refusals: [expect.objectContaining({ field: 'diem' })] } });
      expect(await refusal(s.send(kids[0], p.deputy, 'THAM_DINH', appraisal(85, 'khong-cong-nhan')))).toMatchObject({ code: 'GUARD_REJECTED', details: { refusals: [expect.objectContaining({ field: 'diem' })] } });
      expect((await refusal(s.send(kids[0], p.deputy, 'THAM_DINH', appraisal(92, 'xuat-sac')))).code).toBe('INVALID_PAYLOAD');
      // A unit head is no appraiser, not even the one who assessed the model: appraisal is the Board's task
      // (an appraiser who reported on or assessed the model is refused by separation of duties, below).
      expect((await refusal(s.send(kids[0], p.headVh, 'THAM_DINH', appraisal(92, 'cong-nhan')))).code).toBe('FORBIDDEN');
      expect((await refusal(s.send(kids[0], p.headKt, 'THAM_DINH', appraisal(92, 'cong-nhan')))).code).toBe('FORBIDDEN');
    });
    view = await s.send(kids[0], p.deputy, 'THAM_DINH', appraisal(92, 'de-xuat-khen-thuong', { hinhThucDeXuat: 'giay-khen' }));
    expect(paths(view)).toEqual(['deXuatKhenThuong']);
    expect(view.context).toMatchObject({ diemThamDinh: 92, ketLuan: 'de-xuat-khen-thuong', hinhThucDeXuat: 'giay-khen', nguoiThamDinh: { id: 'pho-ban-1' } });
    const effects = await s.effects(kids[0]);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'dan-van-kheo.tham-dinh',
        data: { nam: 2026, tenMoHinh: models[0].ten, donVi: 'phong-kinh-te', ketLuan: 'de-xuat-khen-thuong', diem: 92 },
      }),
    );
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', users: ['truong-phong-kt'] }));
    expect(await outputOf(s, kids[0])).toEqual({ recognised: true, proposed: true });
    expect(effects.at(-1)).toMatchObject({ type: 'child.report' });

    view = await s.send(kids[1], p.deputy, 'YEU_CAU_BO_SUNG', { noiDungCanBoSung: 'Bổ sung số liệu tội phạm giảm so với năm trước.' });
    expect(paths(view)).toEqual(['boSung']);
    expect(view.context).toMatchObject({ soLanBoSung: 1, yeuCauBoSung: ['Bổ sung số liệu tội phạm giảm so với năm trước.'] });
    // Additions: 5 working days, Tue 17 Nov.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bo-sung', state: 'boSung', dueDate: '2026-11-17' })]);
    expect(await s.openTasks(kids[1])).toEqual([
      expect.objectContaining({ state: 'boSung', roles: ['truong-phong', 'mttq'], units: ['mttq'], priority: 2 }),
    ]);

    const campaign = await s.get(id);
    expect(paths(campaign)).toEqual(['thucHien']);
    expect(deCu(campaign)).toMatchObject({ started: 3, done: 2 });
    expect((await s.history(id)).slice(-2).map((h) => h[0])).toEqual(['child.done', 'child.done']);
  });

  it('the last nomination is recognised after the additions: the campaign moves to aggregation', async () => {
    await s.advanceTo('2026-11-12T02:00:00.000Z');
    let view = await s.send(kids[1], p.front, 'NOP_BO_SUNG', {
      noiDungBoSung: 'Số vụ việc giảm 40% so với năm 2025.',
      tongDiem: 86,
      minhChung: ['Báo cáo Công an phường'],
    });
    expect(paths(view)).toEqual(['thamDinh']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tham-dinh', dueDate: '2026-12-03' })]);
    expect(await s.advanceTo('2026-11-16T02:00:00.000Z')).toEqual([]);
    view = await s.send(kids[1], p.deputy, 'THAM_DINH', { diem: 78, ketLuan: 'cong-nhan', nhanXet: 'Đạt.' });
    expect(paths(view)).toEqual(['congNhan']);

    const campaign = await s.get(id);
    expect(paths(campaign)).toEqual(['tongHop']);
    expect((await s.children(id)).map((c) => [c.key, c.status, c.activeStates.map((a) => a.path)])).toEqual([
      ['deCu#0', 'done', ['deXuatKhenThuong']],
      ['deCu#1', 'done', ['congNhan']],
      ['deCu#2', 'done', ['khongCongNhan']],
    ]);
    expect(deCu(campaign).results.map((r) => [r.key, r.childId, r.state, r.output])).toEqual([
      ['deCu#2', kids[2], 'khongCongNhan', { recognised: false, proposed: false }],
      ['deCu#0', kids[0], 'deXuatKhenThuong', { recognised: true, proposed: true }],
      ['deCu#1', kids[1], 'congNhan', { recognised: true, proposed: false }],
    ]);
    // Aggregation: 10 working days, Mon 30 Nov; the campaign-wide appraisal limit is gone with its state.
    expect(campaign.deadlines).toEqual([expect.objectContaining({ key: 'han-tong-hop', state: 'tongHop', dueDate: '2026-11-30' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'tongHop', roles: ['pho-truong-ban-xddd'], units: ['bxdd'], priority: 2 })]);
    expect((await s.history(id)).slice(-1)).toEqual([['child.done', 'system', 'tongHop']]);
  });

  it('the aggregation must count every registered model; 3 registered, 2 recognised, 1 proposed', async () => {
    await s.advanceTo('2026-11-20T02:00:00.000Z');
    const counts = {
      soBaoCao: '15-BC/BXDĐ',
      soDangKy: 3,
      soCongNhan: 2,
      soDeXuat: 1,
      baoCao: 'Năm 2026 có 3 mô hình đăng ký; 2 được công nhận; đề xuất khen thưởng 1.',
    };
    await unchanged(s, id, async () => {
      const wrongCount = await refusal(s.send(id, p.deputy, 'TONG_HOP', { ...counts, soDangKy: 2 }));
      expect(wrongCount.code).toBe('GUARD_REJECTED');
      expect(reasons(wrongCount).map(([field]) => field)).toContain('soDangKy');
      const tooMany = await refusal(s.send(id, p.deputy, 'TONG_HOP', { ...counts, soDeXuat: 3 }));
      expect(tooMany.code).toBe('GUARD_REJECTED');
      expect(reasons(tooMany)).toEqual([['soDeXuat', 'The number proposed for commendation may not exceed the number recognised.']]);
      expect((await refusal(s.send(id, p.deputy, 'TONG_HOP', { ...counts, soCongNhan: -1 }))).code).toBe('INVALID_PAYLOAD');
      expect((await refusal(s.send(id, p.headKt, 'TONG_HOP', counts))).code).toBe('FORBIDDEN'); // sees the campaign (registered), may not aggregate
      expect((await refusal(s.send(id, p.chairman, 'TONG_HOP', counts))).code).toBe('INSTANCE_NOT_FOUND');
    });
    const view = await s.send(id, p.deputy, 'TONG_HOP', counts);
    expect(paths(view)).toEqual(['deXuat']);
    expect(view.context.tongHop).toEqual(counts);
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({ type: 'emit', topic: 'dan-van-kheo.tong-hop', data: { nam: 2026, soDangKy: 3, soCongNhan: 2, soDeXuat: 1 } }),
    );
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-de-xuat', dueDate: '2026-11-27' })]);
  });

  it('the Board proposes; the chairman returns it once, then signs the commendation decision', async () => {
    const award = { ten: 'Ban quản lý chợ An Phong', donVi: 'phong-kinh-te', hinhThuc: 'giay-khen' };
    const proposal = {
      soToTrinh: '20-TTr/BXDĐ',
      ngayToTrinh: '2026-11-23',
      danhSach: [{ ...award, thanhTich: 'Mô hình “Chợ văn minh, thương nhân thân thiện”' }],
    };
    await s.advanceTo('2026-11-23T02:00:00.000Z');
    let view = await s.send(id, p.deputy, 'TRINH_DE_XUAT', proposal);
    expect(paths(view)).toEqual(['xetKhenThuong']);
    // The chairman and the ward's Emulation and Commendation Council are told.
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['chu-tich', 'hoi-dong-thi-dua'] }));
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-quyet-dinh', dueDate: '2026-12-07' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'xetKhenThuong', roles: ['chu-tich'], units: ['ubnd'], priority: 2 })]);

    await s.advanceTo('2026-11-24T02:00:00.000Z');
    await unchanged(s, id, async () => {
      expect(
        (await refusal(s.send(id, p.vice, 'QUYET_DINH_KHEN_THUONG', { soQuyetDinh: '1/QĐ-UBND', ngayQuyetDinh: '2026-11-24', danhSach: [award] }))).code,
      ).toBe('INSTANCE_NOT_FOUND');
      expect(
        (await refusal(s.send(id, p.deputy, 'QUYET_DINH_KHEN_THUONG', { soQuyetDinh: '1/QĐ-UBND', ngayQuyetDinh: '2026-11-24', danhSach: [award] }))).code,
      ).toBe('FORBIDDEN');
      expect(
        (await refusal(s.send(id, p.chairman, 'QUYET_DINH_KHEN_THUONG', { soQuyetDinh: '1/QĐ-UBND', ngayQuyetDinh: '24/11/2026', danhSach: [award] }))).code,
      ).toBe('INVALID_PAYLOAD');
      expect(
        (await refusal(s.send(id, p.chairman, 'QUYET_DINH_KHEN_THUONG', { soQuyetDinh: '1/QĐ-UBND', ngayQuyetDinh: '2026-11-24', danhSach: [] }))).code,
      ).toBe('INVALID_PAYLOAD');
    });
    view = await s.send(id, p.chairman, 'TRA_LAI_DE_XUAT', { yKien: 'Bổ sung thành tích cụ thể của tập thể.' });
    expect(paths(view)).toEqual(['deXuat']);
    expect(view.context.yKienTraLai).toEqual(['Bổ sung thành tích cụ thể của tập thể.']);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', users: ['pho-ban-1'] }));

    await s.advanceTo('2026-11-25T02:00:00.000Z');
    await s.send(id, p.deputy, 'TRINH_DE_XUAT', {
      ...proposal,
      ngayToTrinh: '2026-11-25',
      danhSach: [{ ...award, thanhTich: '100% tiểu thương niêm yết giá' }],
    });
    await s.advanceTo('2026-12-01T02:00:00.000Z');
    const decision = {
      soQuyetDinh: '512/QĐ-UBND',
      ngayQuyetDinh: '2026-12-01',
      // The Emulation and Commendation Council reviewed the proposal first (its minutes).
      soBienBanHoiDong: '03/BB-HĐTĐKT',
      ngayHopHoiDong: '2026-11-30',
      danhSach: [{ ...award, soTien: 1500000 }],
      trichYeu: 'Khen thưởng phong trào “Dân vận khéo” năm 2026',
    };
    view = await s.send(id, p.chairman, 'QUYET_DINH_KHEN_THUONG', decision);
    expect(paths(view)).toEqual(['hoiNghi']);
    expect(view.context).toMatchObject({ quyetDinh: decision, nguoiQuyetDinh: { id: 'chu-tich' }, quaHanQuyetDinh: false });
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'dan-van-kheo.khen-thuong',
        data: { nam: 2026, soQuyetDinh: '512/QĐ-UBND', ngayQuyetDinh: '2026-12-01', soBienBanHoiDong: '03/BB-HĐTĐKT', danhSach: decision.danhSach },
      }),
    );
    // The review conference within 90 days: Mon 1 Mar 2027.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', state: 'hoiNghi', dueDate: '2027-03-01' })]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'hoiNghi', roles: ['truong-ban-xddd', 'pho-truong-ban-xddd'], units: ['bxdd'] })]);
  });

  it('the review conference is minuted in January: done, nothing left to fire, the history tells the year', async () => {
    expect(await s.advanceTo('2027-01-12T02:00:00.000Z')).toEqual([]);
    await unchanged(s, id, async () => {
      expect((await refusal(s.send(id, p.deputy, 'GHI_BIEN_BAN', { ...minutes('2027-01-12'), ketLuan: [] }))).code).toBe('INVALID_PAYLOAD');
      expect((await refusal(s.send(id, p.deputy, 'GHI_BIEN_BAN', { ...minutes('2027-01-12'), hinhThuc: 'giao-ban' }))).code).toBe('INVALID_PAYLOAD');
    });
    const view = await s.send(id, p.deputy, 'GHI_BIEN_BAN', minutes('2027-01-12'));
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['hoanThanh']);
    expect(view.context.bienBan).toEqual(minutes('2027-01-12'));
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'emit',
        topic: 'dan-van-kheo.hoi-nghi',
        data: { nam: 2026, hinhThuc: 'so-ket', ngayHop: '2027-01-12', ketLuan: minutes('2027-01-12').ketLuan },
      }),
    );
    expect(effects.at(-1)).toMatchObject({ type: 'instance.done', output: { ketQua: 'hoan-thanh' } });
    // The only deadline that passed is the planned close of registration (a notice to the Board, no priority raised): nothing was late.
    expect(effects.filter((e) => e.type === 'task.escalate')).toEqual([expect.objectContaining({ deadlineKey: 'han-dang-ky', addRoles: [] })]);
    expect(effects.filter((e) => e.type === 'task.escalate' && e.priority)).toEqual([]);
    expect(await s.openTasks(id)).toEqual([]);
    expect(await s.advanceTo('2027-12-31T00:00:00.000Z')).toEqual([]);
    expect((await refusal(s.send(id, p.deputy, 'GHI_BIEN_BAN', minutes('2027-01-13')))).code).toBe('INSTANCE_DONE');

    expect(await s.history(id)).toEqual([
      ['xstate.init', 'system', 'lapKeHoach'],
      ['BAN_HANH_KE_HOACH', 'pho-ban-1', { dangKy: 'moDangKy' }],
      ['DANG_KY', 'truong-phong-kt', { dangKy: 'moDangKy' }],
      ['DANG_KY', 'mttq-1', { dangKy: 'moDangKy' }],
      ['HET_HAN_DANG_KY', 'system', { dangKy: 'chotDanhSach' }],
      ['CHOT_DANH_SACH', 'pho-ban-1', 'thucHien'],
      ['child.done', 'system', 'thucHien'],
      ['child.done', 'system', 'thucHien'],
      ['child.done', 'system', 'tongHop'],
      ['TONG_HOP', 'pho-ban-1', 'deXuat'],
      ['TRINH_DE_XUAT', 'pho-ban-1', 'xetKhenThuong'],
      ['TRA_LAI_DE_XUAT', 'chu-tich', 'deXuat'],
      ['TRINH_DE_XUAT', 'pho-ban-1', 'xetKhenThuong'],
      ['QUYET_DINH_KHEN_THUONG', 'chu-tich', 'hoiNghi'],
      ['GHI_BIEN_BAN', 'pho-ban-1', 'hoanThanh'],
    ]);
    expect(await s.history(kids[1])).toEqual([
      ['xstate.init', 'pho-ban-1', { thucHien: 'trienKhai' }],
      ['HOAN_THANH_TRIEN_KHAI', 'mttq-1', { thucHien: 'tuDanhGia' }],
      ['NOP_TU_DANH_GIA', 'mttq-1', 'thamDinh'],
      ['YEU_CAU_BO_SUNG', 'pho-ban-1', 'boSung'],
      ['NOP_BO_SUNG', 'mttq-1', 'thamDinh'],
      ['THAM_DINH', 'pho-ban-1', 'congNhan'],
    ]);
  });

  it('the program report for 2026 counts the campaign and its models: 3 registered, 2 recognised, 1 proposed', async () => {
    const reports = new ProgramReportService(s.ds, new ReportsRepository(), s.runtime.definitions, { anchor: DEFAULT_ANCHOR });
    const report = await reports.build('2026', s.clock);
    expect(report.danVanKheo).toEqual({ campaigns: 1, modelsRegistered: 3, recognised: 2, proposed: 1 });
    const nominations = report.workflows.find((w) => w.key === 'dan-van-kheo-nomination')!;
    expect(nominations).toMatchObject({ received: 3, resolved: 3, openAtEnd: 0 });
    expect(nominations.counters.map((c) => [c.key, c.count])).toEqual([
      ['recognised', 2],
      ['proposed', 1],
      ['withdrawn', 0],
    ]);
    // The campaign finished in January 2027: open at the end of reporting year 2026, resolved in 2027.
    expect(report.workflows.find((w) => w.key === 'dan-van-kheo-campaign')).toMatchObject({ received: 1, resolved: 0, openAtEnd: 1 });
    expect((await reports.build('2027', s.clock)).workflows.find((w) => w.key === 'dan-van-kheo-campaign')).toMatchObject({ received: 0, carriedOver: 1, resolved: 1 });
  });
});

describe('dan-van-kheo: the 2027 campaign, late at every step', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  let id: string;
  let kids: string[];
  const models = [
    { ten: 'Mô hình “Dòng họ khuyến học”', donVi: 'mttq', linhVuc: 'van-hoa-xa-hoi', loai: 'mo-hinh', moTa: 'Các dòng họ lập quỹ khuyến học.' },
    { ten: 'Mô hình “Khu dân cư không rác thải nhựa”', donVi: 'mttq', linhVuc: 'van-hoa-xa-hoi', loai: 'mo-hinh', moTa: 'Phân loại rác tại nguồn.' },
    {
      ten: 'Mô hình “Một cửa thân thiện”',
      donVi: 'van-phong-hdnd-ubnd',
      linhVuc: 'xay-dung-he-thong-chinh-tri',
      loai: 'mo-hinh',
      moTa: 'Hướng dẫn người dân tận tình.',
    },
  ];

  beforeAll(async () => {
    s = await Scenario.open(FILES, '2027-01-05T02:00:00.000Z'); // Tue 5 Jan 2027
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the Board starts the campaign itself; the plan is late: reminder Fri 15 Jan, escalated to the head of the Board at the end of Tue 19 Jan', async () => {
    const view = await s.start('dan-van-kheo-campaign', p.deputy, { nam: 2027 }, 'DVK-2027');
    id = view.id;
    expect(view.context.nam).toBe(2027);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-ke-hoach', dueDate: '2027-01-19' })]);
    expect((await refusal(s.start('dan-van-kheo-campaign', p.deputy, { nam: 2027 }, 'DVK-2027'))).code).toBe('DUPLICATE_BUSINESS_KEY');

    const fired = await s.advanceTo('2027-01-20T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-ke-hoach', fireAt: '2027-01-15T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-ke-hoach', fireAt: '2027-01-19T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect((await s.get(id)).context.quaHanKeHoach).toBe(true);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'lapKeHoach', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 })]);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'task.escalate', state: 'lapKeHoach', deadlineKey: 'han-ke-hoach', priority: 'urgent', addRoles: ['truong-ban-xddd'] }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd'], message: expect.objectContaining({ vi: expect.stringContaining('quá hạn') }) }),
    );
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN_KE_HOACH', 'system', 'lapKeHoach']);
  });

  it('the head issues the plan; registration is extended once by 15 days, from Fri 19 Feb to Mon 8 Mar', async () => {
    let view = await s.send(id, p.head, 'BAN_HANH_KE_HOACH', plan(2027, '2027-01-20', '2027-08-27'));
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-dang-ky', dueDate: '2027-02-19' })]);
    await s.advanceTo('2027-02-01T02:00:00.000Z');
    await unchanged(s, id, async () => {
      expect((await refusal(s.send(id, p.front, 'GIA_HAN_DANG_KY', { lyDo: 'Xin thêm thời gian' }))).code).toBe('FORBIDDEN');
      expect((await refusal(s.send(id, p.deputy, 'GIA_HAN_DANG_KY', {}))).code).toBe('INVALID_PAYLOAD');
    });
    view = await s.send(id, p.deputy, 'GIA_HAN_DANG_KY', { lyDo: 'Trùng thời gian nghỉ Tết Nguyên đán' });
    expect(paths(view)).toEqual(['dangKy.moDangKy']);
    expect(view.context.soLanGiaHanDangKy).toBe(1);
    expect(view.context._extensions).toEqual([
      expect.objectContaining({ deadline: 'han-dang-ky', by: { days: 15 }, reason: 'Trùng thời gian nghỉ Tết Nguyên đán' }),
    ]);
    // 19 Feb + 15 days is Sat 6 Mar: the next working day.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-dang-ky', dueDate: '2027-03-08', dueAt: '2027-03-08T17:00:00.000Z' })]);
    await unchanged(s, id, async () => {
      const twice = await refusal(s.send(id, p.deputy, 'GIA_HAN_DANG_KY', { lyDo: 'Lần hai' }));
      expect(twice.code).toBe('GUARD_REJECTED');
      expect(twice.message).toContain('The registration period has already been extended once');
    });
  });

  it('registration closes at the end of Mon 8 Mar; the list is late too and is escalated on Tue 16 Mar', async () => {
    await s.advanceTo('2027-02-15T02:00:00.000Z');
    const strip = ({ donVi: _d, ...m }: (typeof models)[number]) => m;
    await s.send(id, p.front, 'DANG_KY', { donVi: 'mttq', moHinh: [strip(models[0]), strip(models[1])] });
    await s.send(id, p.dual, 'DANG_KY', { donVi: 'van-phong-hdnd-ubnd', moHinh: [strip(models[2])] });

    let fired = await s.advanceTo('2027-03-09T02:00:00.000Z');
    // The reminder moved with the limit: 5 working days before Mon 8 Mar.
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-dang-ky', fireAt: '2027-03-01T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-dang-ky', fireAt: '2027-03-08T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect(paths(await s.get(id))).toEqual(['dangKy.chotDanhSach']);
    expect((await s.get(id)).deadlines).toEqual([expect.objectContaining({ key: 'han-chot-danh-sach', dueDate: '2027-03-16' })]);

    fired = await s.advanceTo('2027-03-17T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-chot-danh-sach', fireAt: '2027-03-15T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-chot-danh-sach', fireAt: '2027-03-16T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect((await s.get(id)).context.quaHanChotDanhSach).toBe(true);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'dangKy.chotDanhSach', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 }),
    ]);

    const view = await s.send(id, p.head, 'CHOT_DANH_SACH', { moHinh: models, ghiChu: 'Chốt muộn do hội nghị Đảng ủy' });
    expect(paths(view)).toEqual(['thucHien']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tham-dinh-chung', dueDate: '2027-10-11' })]);
    kids = (await s.children(id)).map((c) => c.id);
    expect(kids).toHaveLength(3);
  });

  it('a unit withdraws one model; the Board may not stop another before it is overdue', async () => {
    await s.advanceTo('2027-04-05T02:00:00.000Z');
    await unchanged(s, kids[1], async () => {
      // The Board may stop a nomination (DUNG_XET names it), so its deputy sees them; not before it is overdue.
      expect((await refusal(s.send(kids[1], p.deputy, 'DUNG_XET', { lyDo: 'Chưa triển khai' }))).code).toBe('GUARD_REJECTED');
      expect((await refusal(s.send(kids[1], p.head, 'DUNG_XET', { lyDo: 'Chưa triển khai' }))).code).toBe('GUARD_REJECTED');
      expect((await refusal(s.send(kids[1], p.front, 'RUT_DANG_KY', { lyDo: 'x' }))).code).toBe('INVALID_PAYLOAD');
    });
    const view = await s.send(kids[0], p.front, 'RUT_DANG_KY', { lyDo: 'Các dòng họ chưa thống nhất lập quỹ' });
    expect(view.status).toBe('done');
    expect(paths(view)).toEqual(['daRut']);
    expect(await outputOf(s, kids[0])).toEqual({ recognised: false, proposed: false, withdrawn: true });
    expect(deCu(await s.get(id))).toMatchObject({ started: 3, done: 1 });
  });

  it('the implementation report is overdue after the 2 Sep holidays: reminded Sat 28 Aug, escalated at the end of Tue 7 Sep', async () => {
    let fired = await s.advanceTo('2027-08-30T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-trien-khai', fireAt: '2027-08-28T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-trien-khai', fireAt: '2027-08-28T00:30:00.000Z', outcome: 'fired' }),
    ]);
    // The dual-post head of the office reports and assesses the office's model at once.
    await s.send(kids[2], p.dual, 'HOAN_THANH_TRIEN_KHAI', report);
    let view = await s.send(kids[2], p.dual, 'NOP_TU_DANH_GIA', selfAssessment(94));
    expect(paths(view)).toEqual(['thamDinh']);
    // 15 working days from Mon 30 Aug, skipping Thu 2 and Fri 3 Sep: Wed 22 Sep.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tham-dinh', dueDate: '2027-09-22' })]);
    // Who assessed the model may not appraise it.
    await unchanged(s, kids[2], async () => {
      expect(
        (
          await refusal(
            s.send(kids[2], p.dual, 'THAM_DINH', { diem: 94, ketLuan: 'de-xuat-khen-thuong', hinhThucDeXuat: 'giay-khen', nhanXet: 'Tự thẩm định' }),
          )
        ).code,
      ).toBe('SEPARATION_OF_DUTIES');
    });

    // 5 working days after Fri 27 Aug: 30, 31 Aug, 1, 6, 7 Sep.
    expect((await s.get(kids[1])).deadlines).toEqual([expect.objectContaining({ key: 'han-trien-khai', dueDate: '2027-09-07' })]);
    fired = await s.advanceTo('2027-09-08T02:00:00.000Z');
    expect(fired).toEqual([expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-trien-khai', fireAt: '2027-09-07T17:00:00.000Z', outcome: 'fired' })]);
    view = await s.get(kids[1]);
    expect(view.context.quaHanTrienKhai).toBe(true);
    // The Board is added to the overdue task: it now sees the nomination and can urge the unit or stop the review.
    expect(await s.openTasks(kids[1])).toEqual([
      expect.objectContaining({ state: 'thucHien.trienKhai', roles: ['mttq', 'pho-truong-ban-xddd', 'truong-phong'], priority: 3 }),
    ]);
    expect(await s.effects(kids[1])).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['pho-truong-ban-xddd'],
        message: expect.objectContaining({ vi: expect.stringContaining('chưa báo cáo') }),
      }),
    );
    expect((await s.history(kids[1])).at(-1)).toEqual(['QUA_HAN_TRIEN_KHAI', 'system', { thucHien: 'trienKhai' }]);
    expect((await refusal(s.send(kids[1], p.front, 'QUA_HAN_TU_DANH_GIA'))).code).toBe('FORBIDDEN');
  });

  it('the late self-assessment passes its limit (Tue 14 Sep) too; the Board stops the review', async () => {
    await s.advanceTo('2027-09-09T02:00:00.000Z');
    let view = await s.send(kids[1], p.front, 'HOAN_THANH_TRIEN_KHAI', report);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-tu-danh-gia', dueDate: '2027-09-14' })]);
    const fired = await s.advanceTo('2027-09-15T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-tu-danh-gia', fireAt: '2027-09-10T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-tu-danh-gia', fireAt: '2027-09-14T17:00:00.000Z', outcome: 'fired' }),
    ]);
    view = await s.get(kids[1]);
    expect(view.context).toMatchObject({ quaHanTrienKhai: true, quaHanTuDanhGia: true });
    expect(await s.openTasks(kids[1])).toEqual([
      expect.objectContaining({ state: 'thucHien.tuDanhGia', roles: ['mttq', 'pho-truong-ban-xddd', 'truong-phong'], priority: 3 }),
    ]);
    expect(await s.effects(kids[1])).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'] }));

    expect((await refusal(s.send(kids[1], p.front, 'DUNG_XET', { lyDo: 'Đơn vị tự dừng' }))).code).toBe('FORBIDDEN');
    view = await s.send(kids[1], p.deputy, 'DUNG_XET', { lyDo: 'Đơn vị không nộp bản tự đánh giá đúng hạn' });
    expect(paths(view)).toEqual(['dungXet']);
    expect(await outputOf(s, kids[1])).toEqual({ recognised: false, proposed: false, stopped: true });
    expect(deCu(await s.get(id))).toMatchObject({ started: 3, done: 2 });
    expect(paths(await s.get(id))).toEqual(['thucHien']);
  });

  it('the appraisal is late (escalated to the head), the additions are late, and at most two rounds of additions are allowed', async () => {
    let fired = await s.advanceTo('2027-09-23T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-tham-dinh', fireAt: '2027-09-17T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-tham-dinh', fireAt: '2027-09-22T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect((await s.get(kids[2])).context.quaHanThamDinh).toBe(true);
    expect(await s.openTasks(kids[2])).toEqual([
      expect.objectContaining({ state: 'thamDinh', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 }),
    ]);
    expect(await s.effects(kids[2])).toContainEqual(
      expect.objectContaining({ type: 'task.escalate', state: 'thamDinh', deadlineKey: 'han-tham-dinh', addRoles: ['truong-ban-xddd'] }),
    );

    let view = await s.send(kids[2], p.head, 'YEU_CAU_BO_SUNG', { noiDungCanBoSung: 'Bổ sung phiếu khảo sát người dân.' });
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-bo-sung', dueDate: '2027-09-30' })]);
    fired = await s.advanceTo('2027-10-01T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-bo-sung', fireAt: '2027-09-29T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-bo-sung', fireAt: '2027-09-30T17:00:00.000Z', outcome: 'fired' }),
    ]);
    expect((await s.get(kids[2])).context.quaHanBoSung).toBe(true);
    expect(await s.openTasks(kids[2])).toEqual([
      expect.objectContaining({ state: 'boSung', roles: ['mttq', 'pho-truong-ban-xddd', 'truong-phong'], priority: 3 }),
    ]);
    expect(await s.effects(kids[2])).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['pho-truong-ban-xddd'],
        message: expect.objectContaining({ vi: expect.stringContaining('quá hạn bổ sung') }),
      }),
    );

    const more = { noiDungBoSung: 'Đã bổ sung 150 phiếu khảo sát.', minhChung: ['Tổng hợp phiếu khảo sát'] };
    await s.send(kids[2], p.dual, 'NOP_BO_SUNG', more);
    // The appraisal task opened again on the additions is the deputy's (the head was added only to the overdue one).
    await s.send(kids[2], p.deputy, 'YEU_CAU_BO_SUNG', { noiDungCanBoSung: 'Bổ sung ý kiến của Ủy ban MTTQ phường.' });
    view = await s.send(kids[2], p.dual, 'NOP_BO_SUNG', { ...more, noiDungBoSung: 'Đã có ý kiến của Ủy ban MTTQ phường.' });
    expect(paths(view)).toEqual(['thamDinh']);
    expect(view.context).toMatchObject({ soLanBoSung: 2, hoSoBoSung: [more, { ...more, noiDungBoSung: 'Đã có ý kiến của Ủy ban MTTQ phường.' }] });
    await unchanged(s, kids[2], async () => {
      const third = await refusal(s.send(kids[2], p.deputy, 'YEU_CAU_BO_SUNG', { noiDungCanBoSung: 'Lần thứ ba' }));
      expect(third.code).toBe('GUARD_REJECTED');
      expect(third.details?.refusals).toEqual([
        { message: expect.objectContaining({ vi: 'Đã yêu cầu bổ sung hồ sơ đủ số lần tối đa: lập báo cáo thẩm định với hồ sơ hiện có.' }) },
      ]);
    });
  });

  it('the campaign-wide appraisal limit passes (Mon 11 Oct); the last result then moves the campaign on', async () => {
    const fired = await s.advanceTo('2027-10-12T02:00:00.000Z');
    expect(fired).toEqual([
      expect.objectContaining({ kind: 'reminder', deadlineKey: 'han-tham-dinh-chung', fireAt: '2027-10-04T00:30:00.000Z', outcome: 'fired' }),
      expect.objectContaining({ kind: 'deadline', deadlineKey: 'han-tham-dinh-chung', fireAt: '2027-10-11T17:00:00.000Z', outcome: 'fired' }),
    ]);
    let campaign = await s.get(id);
    expect(campaign.context.quaHanThamDinh).toBe(true);
    const effects = await s.effects(id);
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['truong-ban-xddd', 'pho-truong-ban-xddd'],
        reminder: expect.objectContaining({ deadlineKey: 'han-tham-dinh-chung' }),
      }),
    );
    expect(effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['truong-ban-xddd', 'pho-truong-ban-xddd'],
        message: expect.objectContaining({ vi: expect.stringContaining('chưa có kết quả') }),
      }),
    );
    expect((await s.history(id)).at(-1)).toEqual(['QUA_HAN_THAM_DINH', 'system', 'thucHien']);

    await s.send(kids[2], p.deputy, 'THAM_DINH', {
      diem: 95,
      ketLuan: 'de-xuat-khen-thuong',
      hinhThucDeXuat: 'de-nghi-cap-tren',
      nhanXet: 'Mô hình tiêu biểu, đề nghị cấp trên khen.',
    });
    campaign = await s.get(id);
    expect(paths(campaign)).toEqual(['tongHop']);
    expect(deCu(campaign).results.map((r) => [r.key, r.state, r.output])).toEqual([
      ['deCu#0', 'daRut', { recognised: false, proposed: false, withdrawn: true }],
      ['deCu#1', 'dungXet', { recognised: false, proposed: false, stopped: true }],
      ['deCu#2', 'deXuatKhenThuong', { recognised: true, proposed: true }],
    ]);
    expect(campaign.deadlines).toEqual([expect.objectContaining({ key: 'han-tong-hop', dueDate: '2027-10-26' })]);
  });

  it('aggregation and proposal are late, each escalated to the head of the Board', async () => {
    let fired = await s.advanceTo('2027-10-27T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-tong-hop', '2027-10-22T00:30:00.000Z'],
      ['deadline', 'han-tong-hop', '2027-10-26T17:00:00.000Z'],
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'tongHop', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 })]);
    let view = await s.send(id, p.head, 'TONG_HOP', {
      soDangKy: 3,
      soCongNhan: 1,
      soDeXuat: 1,
      baoCao: '3 mô hình đăng ký: 1 rút, 1 dừng xét, 1 công nhận và đề xuất.',
    });
    expect(view.context.quaHanTongHop).toBe(true);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-de-xuat', dueDate: '2027-11-03' })]);

    fired = await s.advanceTo('2027-11-04T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-de-xuat', '2027-11-02T00:30:00.000Z'],
      ['deadline', 'han-de-xuat', '2027-11-03T17:00:00.000Z'],
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'deXuat', roles: ['pho-truong-ban-xddd', 'truong-ban-xddd'], priority: 3 })]);
    view = await s.send(id, p.head, 'TRINH_DE_XUAT', {
      soToTrinh: '31-TTr/BXDĐ',
      ngayToTrinh: '2027-11-04',
      danhSach: [
        { ten: 'Văn phòng HĐND và UBND phường', donVi: 'van-phong-hdnd-ubnd', hinhThuc: 'de-nghi-cap-tren', thanhTich: 'Mô hình “Một cửa thân thiện”' },
      ],
    });
    expect(view.context.quaHanDeXuat).toBe(true);
    expect(paths(view)).toEqual(['xetKhenThuong']);
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-quyet-dinh', dueDate: '2027-11-18' })]);
  });

  it('the chairman does not decide by Thu 18 Nov: the task goes to the vice chairmen too, one signs on his behalf', async () => {
    const decision = {
      soQuyetDinh: '640/QĐ-UBND',
      ngayQuyetDinh: '2027-11-19',
      danhSach: [{ ten: 'Văn phòng HĐND và UBND phường', donVi: 'van-phong-hdnd-ubnd', hinhThuc: 'de-nghi-cap-tren' }],
    };
    expect((await refusal(s.send(id, p.vice, 'QUYET_DINH_KHEN_THUONG', decision))).code).toBe('INSTANCE_NOT_FOUND');
    const fired = await s.advanceTo('2027-11-19T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-quyet-dinh', '2027-11-16T00:30:00.000Z'],
      ['deadline', 'han-quyet-dinh', '2027-11-18T17:00:00.000Z'],
    ]);
    expect(await s.openTasks(id)).toEqual([
      expect.objectContaining({ state: 'xetKhenThuong', roles: ['chu-tich', 'pho-chu-tich'], units: ['ubnd'], priority: 3 }),
    ]);
    expect(await s.effects(id)).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        roles: ['chu-tich', 'pho-chu-tich'],
        message: expect.objectContaining({ vi: expect.stringContaining('ký thay') }),
      }),
    );
    const view = await s.send(id, p.vice, 'QUYET_DINH_KHEN_THUONG', decision);
    expect(paths(view)).toEqual(['hoiNghi']);
    expect(view.context).toMatchObject({ quaHanQuyetDinh: true, nguoiQuyetDinh: { id: 'pho-chu-tich-1' } });
    // 90 days from Fri 19 Nov 2027: Thu 17 Feb 2028, after Tết.
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'han-hoi-nghi', dueDate: '2028-02-17' })]);
  });

  it('the conference is late as well, then minuted: done', async () => {
    const fired = await s.advanceTo('2028-02-18T02:00:00.000Z');
    expect(fired.map((f) => [f.kind, f.deadlineKey, f.fireAt])).toEqual([
      ['reminder', 'han-hoi-nghi', '2028-02-03T00:30:00.000Z'],
      ['deadline', 'han-hoi-nghi', '2028-02-17T17:00:00.000Z'],
    ]);
    expect(await s.openTasks(id)).toEqual([expect.objectContaining({ state: 'hoiNghi', priority: 3 })]);
    expect(await s.effects(id)).toContainEqual(expect.objectContaining({ type: 'notify', roles: ['truong-ban-xddd', 'bi-thu-dang-uy-ubnd'] }));
    const view = await s.send(id, p.head, 'GHI_BIEN_BAN', minutes('2028-02-22'));
    expect(view.status).toBe('done');
    expect(view.context).toMatchObject({ quaHanHoiNghi: true, quaHanQuyetDinh: true, quaHanKeHoach: true });
    expect((await s.history(id)).map((h) => h[0])).toEqual([
      'xstate.init',
      'QUA_HAN_KE_HOACH',
      'BAN_HANH_KE_HOACH',
      'GIA_HAN_DANG_KY',
      'DANG_KY',
      'DANG_KY',
      'HET_HAN_DANG_KY',
      'QUA_HAN_CHOT_DANH_SACH',
      'CHOT_DANH_SACH',
      'child.done',
      'child.done',
      'QUA_HAN_THAM_DINH',
      'child.done',
      'QUA_HAN_TONG_HOP',
      'TONG_HOP',
      'QUA_HAN_DE_XUAT',
      'TRINH_DE_XUAT',
      'QUA_HAN_QUYET_DINH',
      'QUYET_DINH_KHEN_THUONG',
      'QUA_HAN_HOI_NGHI',
      'GHI_BIEN_BAN',
    ]);
  });
});

describe('dan-van-kheo: a year with no model registered', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  beforeAll(async () => {
    s = await Scenario.open(FILES, '2028-01-17T01:00:00.000Z'); // Mon 17 Jan 2028
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('an empty list starts no nomination and does not wait; no proposal goes to the chairman', async () => {
    const { id } = await s.start('dan-van-kheo-campaign', p.system, {}, 'DVK-2028');
    await s.send(id, p.deputy, 'BAN_HANH_KE_HOACH', plan(2028, '2028-01-17', '2028-10-31'));
    let view = await s.send(id, p.deputy, 'CHOT_DANH_SACH', { moHinh: [] });
    expect(paths(view)).toEqual(['tongHop']);
    expect(view.context._children).toEqual({ deCu: { definition: 'dan-van-kheo-nomination', started: 0, done: 0, results: [] } });
    expect(await s.children(id)).toEqual([]);
    view = await s.send(id, p.deputy, 'TONG_HOP', { soDangKy: 0, soCongNhan: 0, soDeXuat: 0, baoCao: 'Không có mô hình đăng ký.' });
    expect(paths(view)).toEqual(['hoiNghi']);
    view = await s.send(id, p.head, 'GHI_BIEN_BAN', minutes('2028-02-15'));
    expect(view.status).toBe('done');
    expect((await s.history(id)).map((h) => h[0])).toEqual(['xstate.init', 'BAN_HANH_KE_HOACH', 'CHOT_DANH_SACH', 'TONG_HOP', 'GHI_BIEN_BAN']);
  });
});

describe('dan-van-kheo-nomination: whoever reported on or assessed a model may not appraise it', () => {
  let s: Scenario;
  let p: ReturnType<typeof people>;
  beforeAll(async () => {
    s = await Scenario.open(FILES, '2026-10-19T02:00:00.000Z'); // Mon 19 Oct 2026
    p = people(s);
  });
  afterAll(async () => {
    await s.close();
  });

  it('the dual-post head reported the results, a colleague assessed: the head still may not appraise nor ask for more', async () => {
    // Another head of the People's Committee office (the deputy chief of office).
    const colleague = s.person('pho-chanh-van-phong', [{ role: 'truong-phong', unit: 'van-phong-hdnd-ubnd' }]);
    const { id } = await s.start('dan-van-kheo-nomination', p.deputy, {
      nam: 2026,
      tenMoHinh: 'Bộ phận một cửa thân thiện',
      donVi: 'van-phong-hdnd-ubnd',
      linhVuc: 'xay-dung-he-thong-chinh-tri',
      loai: 'mo-hinh',
      moTa: 'Hướng dẫn tận tình, trả kết quả đúng hẹn',
      ngayKetThucTrienKhai: '2026-10-31',
    });
    await s.send(id, p.dual, 'HOAN_THANH_TRIEN_KHAI', report);
    let view = await s.send(id, colleague, 'NOP_TU_DANH_GIA', selfAssessment(88));
    expect(paths(view)).toEqual(['thamDinh']);
    expect(view.context).toMatchObject({ nguoiTuDanhGia: { id: 'pho-chanh-van-phong' } });
    await unchanged(s, id, async () => {
      const appraisal = { diem: 88, ketLuan: 'cong-nhan', nhanXet: 'Tự thẩm định' };
      expect((await refusal(s.send(id, p.dual, 'THAM_DINH', appraisal))).code).toBe('SEPARATION_OF_DUTIES');
      expect((await refusal(s.send(id, p.dual, 'YEU_CAU_BO_SUNG', { noiDungCanBoSung: 'Bổ sung ảnh hoạt động' }))).code).toBe('SEPARATION_OF_DUTIES');
    });
    view = await s.send(id, p.deputy, 'THAM_DINH', { diem: 78, ketLuan: 'cong-nhan', nhanXet: 'Đạt.' });
    expect(paths(view)).toEqual(['congNhan']);
  });
});
