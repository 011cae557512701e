import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type TestAgent from 'supertest/lib/agent.js';
import { parsePeriod } from '#libs/reports';
import { startTestApp, type TestApp } from './support/app.js';

/** The program report over HTTP: JSON for the dashboard, CSV and XLSX for the ward's periodic reports. */
describe('program report API', () => {
  let t: TestApp;
  let leader: TestAgent;
  // The reporting year that holds today (it starts on 15 December).
  const today = new Date(Date.now() + 7 * 3600_000);
  const year = today.getUTCMonth() === 11 && today.getUTCDate() >= 15 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
  const period = String(year);

  const binary = (agent: TestAgent, url: string) =>
    agent
      .get(url)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'workflows' });
    leader = await t.as('chu-tich-bao-cao', [{ role: 'chu-tich', unit: 'ubnd' }]);
    const letters = await t.as('xu-ly-don-bao-cao', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]);
    for (const kenh of ['tiep-dan', 'duong-day-nong', 'truc-tuyen']) {
      await letters.post('/api/v1/instances').send({ definitionKey: 'petition', input: { kenh, noiDung: `Phản ánh qua kênh ${kenh}`, nguoiKienNghi: 'Vũ Thị Mai', ngayNhan: new Date().toISOString().slice(0, 10) } }).expect(201);
    }
    const forwarded = (await letters.post('/api/v1/instances').send({ definitionKey: 'petition', input: { kenh: 'tiep-dan', noiDung: 'Phản ánh về thuế', nguoiKienNghi: 'Vũ Văn Hùng', ngayNhan: new Date().toISOString().slice(0, 10) } }).expect(201)).body;
    await letters.post(`/api/v1/instances/${forwarded.id}/events`).send({ type: 'CHUYEN_DON', payload: { coQuanTiepNhan: 'Thuế cơ sở số 3', lyDo: 'Không thuộc thẩm quyền', ngayThongBaoNguoiGui: new Date().toISOString().slice(0, 10), hinhThucThongBao: 'thu-dien-tu' } }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('gives the dashboard figures for the period as JSON', async () => {
    const res = await leader.get(`/api/v1/reports/program?period=${period}`).expect(200);
    expect(res.body.period).toMatchObject({ key: period, from: `${year - 1}-12-15`, to: `${year}-12-14` });
    const petitions = res.body.workflows.find((w: any) => w.key === 'petition');
    expect(petitions).toMatchObject({ title: { vi: 'Xử lý kiến nghị, phản ánh', en: expect.any(String) }, received: 4, resolved: 1, resolvedOnTime: 1, resolvedLate: 0, openAtEnd: 3, overdueNow: 0 });
    expect(petitions.outcomes).toEqual([expect.objectContaining({ state: 'daChuyenDon', value: 'chuyen-don', count: 1 })]);
    expect(res.body.citizenCases).toMatchObject({ received: 4, resolved: 1, inProgress: 3 });
    expect(res.body.danVanKheo).toEqual(expect.objectContaining({ modelsRegistered: 0 }));
    expect(res.body.trend).toHaveLength(13);
    // Every shipped workflow is listed, even with nothing in the period.
    expect(res.body.workflows.map((w: any) => w.key)).toEqual(expect.arrayContaining(['complaint', 'denunciation', 'information-exchange', 'annual-review-conference']));
  });

  it('exports the summary as CSV in Vietnamese (UTF-8 with BOM) or English', async () => {
    const vi = await binary(leader, `/api/v1/reports/program?period=${period}&format=csv`).expect(200);
    expect(vi.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(vi.headers['content-disposition']).toBe(`attachment; filename="phoihop-bao-cao-${period}.csv"`);
    const text = (vi.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Mã,Quy trình,Tiếp nhận trong kỳ,Kỳ trước chuyển sang,Đã giải quyết,Đúng hạn,Quá hạn,Đang giải quyết cuối kỳ,Đang quá hạn');
    expect(lines).toContain('petition,"Xử lý kiến nghị, phản ánh",4,0,1,1,0,3,0');
    expect(lines.at(-2)).toMatch(/^,Tổng cộng,4,0,1,1,0,3,0$/);
    // The line to archive with the papers: the ledger's latest signed checkpoint (none in this database yet).
    expect(lines.at(-1)).toBe('Mã kiểm chứng sổ cái (điểm niêm phong có chữ ký mới nhất),chưa có điểm niêm phong');
    const en = (await binary(leader, `/api/v1/reports/program?period=${period}&format=csv&lang=en`).expect(200)).body.toString('utf8');
    expect(en.slice(1).split('\r\n')[0]).toBe('Key,Workflow,Received,Carried over,Resolved,On time,Late,Open at end of period,Overdue now');
  });

  it('exports the whole report as an XLSX workbook', async () => {
    const half = parsePeriod(`${period}-H2`)!.fromAt.getTime() <= Date.now() ? 'H2' : 'H1';
    const res = await binary(leader, `/api/v1/reports/program?period=${period}-${half}&format=xlsx`).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kết quả', 'Khiếu nại, tố cáo', 'Dân vận khéo', 'Theo tháng']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(String(summary.getCell('A1').value)).toMatch(/^Kỳ báo cáo \d{4}-H[12]: /);
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    const petition = rows.find((r) => r[1] === 'petition')!;
    expect(petition.slice(2)).toEqual(['Xử lý kiến nghị, phản ánh', 4, 0, 1, 1, 0, 3, 0]);
    const outcomes = wb.getWorksheet('Kết quả')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(outcomes).toContainEqual([undefined, 'petition', 'Kết quả', expect.stringContaining('Đã chuyển đơn'), 'chuyen-don', 1]);
  });

  it('refuses a period or format it cannot read, naming the field; refuses anonymous callers', async () => {
    for (const [query, field] of [
      ['period=2026-H3', 'period'],
      ['period=năm-nay', 'period'],
      ['', 'period'],
      [`period=${period}&format=pdf`, 'format'],
      [`period=${period}&lang=fr`, 'lang'],
    ]) {
      const res = await leader.get(`/api/v1/reports/program?${query}`).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    await t.anon.get(`/api/v1/reports/program?period=${period}`).expect(401);
  });
});
