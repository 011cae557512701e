import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_ANCHOR, ProgramReportService, parsePeriod, type ProgramReport, type WorkflowFigures } from '#libs/reports';
import { ReportsRepository } from '#libs/persistence';
import { Scenario } from './support/scenario.js';

/**
 * A whole ward year, simulated: the schedules start the information exchanges, the review
 * conference and the yearly dialogue with the people, a department is asked for its own plan,
 * citizens' petitions, complaints and a denunciation arrive through the year, some are
 * answered late, some are still open when the year closes. The program report for the year and
 * for each half must give back exactly what the test put in.
 */
/** The program items the year runs: citizens' cases, the exchanges and the conference, and (issue 17) the dialogue and a unit's plan. */
const KEYS = ['petition', 'complaint', 'denunciation', 'information-exchange', 'annual-review-conference', 'citizen-dialogue', 'unit-plan'];
const FILES = [...KEYS, 'dialogue-issue'].map((k) => `workflows/${k}.json`);
const at = (date: string, time = '02:00') => `${date}T${time}:00.000Z`; // 09:00 in Vietnam by default
/** The end of the simulation: 23:00 on 14 Dec 2026 in Vietnam, the last day of reporting year 2026. */
const END = '2026-12-14T16:00:00.000Z';

type Fate = { key: string; id: string; startedAt: string; completedAt?: string; late?: boolean; outcome?: string };

describe('a full ward year in one run, reported', () => {
  let s: Scenario;
  let reports: ProgramReportService;
  const cases: Fate[] = [];
  const overdueAtEnd = new Set<string>();

  const people = () => ({
    letters: s.person('xu-ly-don-1', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]),
    reception: s.person('tiep-dan-1', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]),
    officer: s.person('chuyen-vien-kt', [{ role: 'chuyen-vien', unit: 'phong-kinh-te' }]),
    head: s.person('truong-phong-kt', [{ role: 'truong-phong', unit: 'phong-kinh-te' }]),
  });

  /** A petition received on `day`; answered on `answerDay` (or left open). */
  async function petition(day: string, answerDay?: string, opts: { forward?: boolean } = {}) {
    const p = people();
    await s.advanceTo(at(day));
    const started = await s.start('petition', p.letters, { kenh: 'truc-tuyen', noiDung: `Phản ánh ngày ${day}: đèn đường, rác thải`, nguoiKienNghi: 'Lê Thị Hoa', ngayNhan: day });
    const fate: Fate = { key: 'petition', id: started.id, startedAt: at(day) };
    cases.push(fate);
    if (opts.forward) {
      await s.send(started.id, p.letters, 'CHUYEN_DON', { coQuanTiepNhan: 'Thuế cơ sở số 3 thành phố Hải Phòng', lyDo: 'Không thuộc thẩm quyền của UBND phường', ngayThongBaoNguoiGui: day, hinhThucThongBao: 'buu-chinh' });
      Object.assign(fate, { completedAt: at(day), outcome: 'chuyen-don' });
      return fate;
    }
    await s.send(started.id, p.letters, 'GIAO_XU_LY', { donViXuLy: 'phong-kinh-te' });
    if (!answerDay) return fate;
    await s.advanceTo(at(answerDay));
    await s.send(started.id, p.officer, 'TRINH_TRA_LOI', { noiDungTraLoi: 'Phòng Kinh tế đã kiểm tra và xử lý.' });
    const done = await s.send(started.id, p.head, 'DUYET_GUI', { soVanBan: `TL-${day}` });
    expect(done.status).toBe('done');
    Object.assign(fate, { completedAt: at(answerDay), late: done.context.quaHan === true, outcome: 'da-tra-loi' });
    return fate;
  }

  beforeAll(async () => {
    s = await Scenario.open(FILES, '2025-12-01T02:00:00.000Z', { schedules: true });
    reports = new ProgramReportService(s.ds, new ReportsRepository(), s.runtime.definitions, { anchor: DEFAULT_ANCHOR });
  }, 120_000);
  afterAll(async () => {
    await s.close();
  });

  it('runs the year: schedules fire, cases arrive, some late, some still open', async () => {
    const p = people();
    // Received before the reporting year, answered within it: carried over.
    await petition('2025-12-08', '2025-12-16');
    await petition('2026-02-02', '2026-02-06');
    await petition('2026-03-02', '2026-03-05');
    // A complaint that is not admissible is answered with guidance; one outside the ward's competence is forwarded.
    await s.advanceTo(at('2026-03-10'));
    const guided = await s.start('complaint', p.reception, { kenhTiepNhan: 'truc-tiep' });
    await s.send(guided.id, p.reception, 'TIEP_NHAN', { nguoiKhieuNai: 'Phạm Văn Nam', diaChi: 'Tổ dân phố 5, phường An Phong', noiDung: 'Khiếu nại việc thu phí vệ sinh', ngayNhan: '2026-03-10', soNguoiKy: 1 });
    await s.send(guided.id, p.letters, 'PHAN_LOAI', { ketQua: 'khong-du-dieu-kien', lyDo: 'Quá thời hiệu khiếu nại' });
    const guidedDone = await s.send(guided.id, p.letters, 'HUONG_DAN', { soVanBan: '03/HD', ngayHuongDan: '2026-03-10', noiDungHuongDan: 'Hướng dẫn gửi đơn đến cơ quan có thẩm quyền' });
    expect(guidedDone.status).toBe('done');
    cases.push({ key: 'complaint', id: guided.id, startedAt: at('2026-03-10'), completedAt: at('2026-03-10'), outcome: 'huong-dan' });

    // Answered after its 10 working days: the deadline escalated, so it counts as late.
    const late1 = await petition('2026-04-01', '2026-04-20');
    expect(late1.late).toBe(true);
    await petition('2026-05-04', undefined, { forward: true });
    // Received in the first half, answered in the second.
    await petition('2026-06-10', '2026-06-17');
    await petition('2026-07-01', '2026-07-03');
    const late2 = await petition('2026-08-03', '2026-08-25');
    expect(late2.late).toBe(true);
    await s.advanceTo(at('2026-09-07'));
    const forwarded = await s.start('complaint', p.reception, { kenhTiepNhan: 'truc-tiep' });
    await s.send(forwarded.id, p.reception, 'TIEP_NHAN', { nguoiKhieuNai: 'Đỗ Thị Lan', diaChi: 'Tổ dân phố 1, phường An Phong', noiDung: 'Khiếu nại quyết định của Sở Xây dựng', ngayNhan: '2026-09-07', soNguoiKy: 1 });
    await s.send(forwarded.id, p.letters, 'PHAN_LOAI', { ketQua: 'khong-thuoc-tham-quyen', coQuanCoThamQuyen: 'Sở Xây dựng thành phố Hải Phòng' });
    const forwardedDone = await s.send(forwarded.id, p.letters, 'CHUYEN_DON', { coQuanNhan: 'Sở Xây dựng thành phố Hải Phòng', soPhieuChuyen: '21/PC', ngayChuyen: '2026-09-08' });
    expect(forwardedDone.status).toBe('done');
    cases.push({ key: 'complaint', id: forwarded.id, startedAt: at('2026-09-07'), completedAt: at('2026-09-07'), outcome: 'chuyen-don' });

    // III.2.1: the Office asks the Economy department for its own plan in September; it is still being drawn up in December.
    await s.advanceTo(at('2026-09-14'));
    const office = s.person('van-phong-duubnd', [{ role: 'van-phong-dang-uy-ubnd', unit: 'van-phong-dang-uy-ubnd' }]);
    const unitPlan = await s.start('unit-plan', office, { nam: 2026, donVi: 'phong-kinh-te' });
    cases.push({ key: 'unit-plan', id: unitPlan.id, startedAt: at('2026-09-14') });

    // A denunciation received in October, still being handled at the end of the year.
    await s.advanceTo(at('2026-10-05'));
    const denunciation = await s.start('denunciation', p.letters, { maDon: 'TC-2026-009', nguoiToCao: 'Nguyễn Văn An', nguoiBiToCao: 'Trần Văn Bình', noiDung: 'Tố cáo vi phạm trật tự xây dựng', ngayNhanDon: '2026-10-05' });
    cases.push({ key: 'denunciation', id: denunciation.id, startedAt: at('2026-10-05') });

    // Still open when the year closes: one already overdue, one not yet.
    const overdue = await petition('2026-11-02');
    overdueAtEnd.add(overdue.id);
    await petition('2026-12-10');

    await s.advanceTo(END);
    // What the schedules started: 6-monthly exchanges on 15 Dec and 15 Jun, the yearly one on 20 Dec, the conference on 5 Jan.
    const scheduled = await s.ds.query(`SELECT id, definition_key, business_key, created_at FROM workflow_instances WHERE started_by = 'system' ORDER BY created_at`);
    expect(scheduled.map((r: any) => [r.definition_key, r.business_key])).toEqual([
      ['information-exchange', 'TTTT-2025-12-sau-thang'],
      ['information-exchange', 'TTTT-2025-12-ca-nam'],
      ['annual-review-conference', 'HNGB-2026'],
      ['citizen-dialogue', 'DTND-2026'],
      ['information-exchange', 'TTTT-2026-06-sau-thang'],
    ]);
    for (const r of scheduled) cases.push({ key: r.definition_key, id: r.id, startedAt: new Date(r.created_at).toISOString() });
    // Overdue now, as each case's own deadlines say (a deadline already past and still running).
    for (const c of cases.filter((x) => !x.completedAt)) {
      const view = await s.get(c.id);
      expect(view.status).toBe('active');
      if (view.deadlines.some((d) => Date.parse(d.dueAt) < Date.parse(END))) overdueAtEnd.add(c.id);
    }
    expect(overdueAtEnd.has(overdue.id)).toBe(true);
  }, 300_000);

  /** The figures the report must give for `periodKey`, from what the test did. */
  function expected(periodKey: string, key: string): Partial<WorkflowFigures> {
    const p = parsePeriod(periodKey)!;
    const from = p.fromAt.getTime();
    const to = p.toAt.getTime();
    const mine = cases.filter((c) => c.key === key);
    const t = (iso?: string) => (iso ? Date.parse(iso) : Infinity);
    const resolved = mine.filter((c) => t(c.completedAt) >= from && t(c.completedAt) < to);
    return {
      received: mine.filter((c) => t(c.startedAt) >= from && t(c.startedAt) < to).length,
      carriedOver: mine.filter((c) => t(c.startedAt) < from && t(c.completedAt) >= from).length,
      resolved: resolved.length,
      resolvedOnTime: resolved.filter((c) => !c.late).length,
      resolvedLate: resolved.filter((c) => c.late).length,
      openAtEnd: mine.filter((c) => t(c.startedAt) < to && t(c.completedAt) >= to).length,
      overdueNow: mine.filter((c) => t(c.startedAt) < to && t(c.completedAt) >= from && overdueAtEnd.has(c.id)).length,
    };
  }

  const figures = (r: ProgramReport, key: string) => r.workflows.find((w) => w.key === key)!;

  it.each(['2026', '2026-H1', '2026-H2'])('the %s report gives back what the year put in', async (period) => {
    const report = await reports.build(period, new Date(END));
    for (const key of KEYS) {
      expect({ ...figures(report, key), key }).toMatchObject({ ...expected(period, key), key });
    }
    const citizen = ['petition', 'complaint', 'denunciation'].map((k) => expected(period, k));
    const sum = (f: keyof WorkflowFigures) => citizen.reduce((n, e) => n + (e[f] as number), 0);
    expect(report.citizenCases).toMatchObject({
      received: sum('received'),
      carriedOver: sum('carriedOver'),
      toHandle: sum('received') + sum('carriedOver'),
      resolved: sum('resolved'),
      resolvedOnTime: sum('resolvedOnTime'),
      resolvedLate: sum('resolvedLate'),
      inProgress: sum('openAtEnd'),
    });
    // The monthly trend adds up to the period's totals.
    const all = KEYS.map((k) => expected(period, k));
    expect(report.trend.reduce((n, m) => n + m.received, 0)).toBe(all.reduce((n, e) => n + e.received!, 0));
    expect(report.trend.reduce((n, m) => n + m.resolvedLate, 0)).toBe(all.reduce((n, e) => n + e.resolvedLate!, 0));
  });

  it('the year in detail: petitions by outcome and channel, late ones in their months', async () => {
    const report = await reports.build('2026', new Date(END));
    const petitions = figures(report, 'petition');
    expect(petitions).toMatchObject({ received: 9, carriedOver: 1, resolved: 8, resolvedOnTime: 6, resolvedLate: 2, openAtEnd: 2, overdueNow: 1 });
    expect(petitions.outcomes).toEqual([
      { state: 'daTraLoi', value: 'da-tra-loi', label: expect.objectContaining({ vi: 'Đã trả lời công dân' }), count: 7 },
      { state: 'daChuyenDon', value: 'chuyen-don', label: expect.objectContaining({ vi: expect.stringContaining('Đã chuyển đơn') }), count: 1 },
    ]);
    expect(petitions.breakdowns).toEqual([{ key: 'kenh', label: expect.objectContaining({ vi: 'Kênh tiếp nhận' }), items: [{ value: 'truc-tuyen', label: { vi: 'Trực tuyến', en: 'Online' }, count: 8 }] }]);
    expect(figures(report, 'complaint').outcomes.map((o) => [o.value, o.count])).toEqual([
      ['chuyen-don', 1],
      ['huong-dan', 1],
    ]);
    expect(report.trend.find((m) => m.month === '2026-04')).toMatchObject({ received: 1, resolvedLate: 1 });
    expect(report.trend.find((m) => m.month === '2026-08')).toMatchObject({ received: 1, resolved: 1, resolvedLate: 1 });
    expect(report.trend.map((m) => m.month)).toEqual(['2025-12', ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)]);
  });
});
