import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import PizZip from 'pizzip';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorOf } from '#libs/core';
import { findSoffice } from '#libs/documents';
import { IdentityService, principalOf } from '#libs/identity';
import { InstanceCommands, vietnamDate } from '#libs/runtime';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';
import { documentXml, textOf } from './support/docx.js';
import { binary, bytesOf } from './support/download.js';
import { eventually } from './support/eventually.js';

/**
 * Generated documents end to end on the shipped complaint workflow: the acceptance notice and the
 * decision are rendered from the case when their steps commit, numbered from the register (gap-free
 * per series, issuer and year; a refused step takes no number), their digests inside the history
 * row and the chain, their Vietnamese text intact in the DOCX, and a PDF rendition where
 * LibreOffice is installed (CI installs it: scripts/test-deps.sh).
 */

const LETTER = { nguoiKhieuNai: 'Nguyễn Thị Hương', diaChi: 'Tổ dân phố 5, phường An Phong', noiDung: 'Khiếu nại quyết định xử phạt vi phạm hành chính số 07/QĐ-XPHC', ngayNhan: '2026-04-13', soNguoiKy: 1 };
const VERIFIED = {
  soQuyetDinhXacMinh: '05/QĐ-UBND',
  ngayQuyetDinhXacMinh: '2026-04-16',
  keHoachXacMinh: 'Làm việc với người khiếu nại',
  bienBanXacMinh: 'Biên bản làm việc ngày 20/4/2026',
  baoCaoKetQua: 'Khiếu nại đúng',
  ketQuaXacMinh: 'dung',
};
const DECISION = { ngayQuyetDinh: '2026-04-29', ketLuan: 'dung', noiDungGiaiQuyet: 'Hủy quyết định xử phạt vi phạm hành chính số 07/QĐ-XPHC.', nguoiKy: 'Trần Văn Bình' };

const SOFFICE = findSoffice();

describe('generated documents', () => {
  let t: TestApp;
  let officer: TestAgent;
  let chairman: TestAgent;

  const send = (agent: TestAgent, id: string, type: string, payload: Record<string, unknown>) => agent.post(`/api/v1/instances/${id}/events`).send({ type, payload });

  /** A complaint taken to the step that issues the acceptance notice. */
  async function toAcceptance(): Promise<string> {
    const started = await officer.post('/api/v1/instances').send({ definitionKey: 'complaint', input: { kenhTiepNhan: 'truc-tiep' } }).expect(201);
    const id = started.body.id as string;
    await send(officer, id, 'TIEP_NHAN', LETTER).expect(200);
    await send(officer, id, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen', lyDo: 'Quyết định hành chính của Chủ tịch UBND phường' }).expect(200);
    return id;
  }

  beforeAll(async () => {
    // The shipped complaint workflow with its templates, as the loader finds them next to it.
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-documents-wf-'));
    await copyFile('workflows/complaint.json', join(dir, 'complaint.json'));
    await mkdir(join(dir, 'templates'));
    for (const f of ['complaint-acceptance-notice.docx', 'complaint-decision.docx', 'complaint-dialogue-minutes.docx']) await copyFile(join('workflows/templates', f), join(dir, 'templates', f));
    t = await startTestApp({ workflowsDir: dir });
    officer = await t.officer();
    chairman = await t.as('chu-tich-thu-nghiem', [{ role: 'chu-tich', unit: 'ubnd' }]);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  let first: string;

  it('numbers the acceptance notice from the register: a refused step and a typed-in number take none', async () => {
    first = await toAcceptance();
    // Dated before the receipt: the guard refuses, the transaction rolls back, the number is not used.
    expect((await send(officer, first, 'THU_LY', { ngayThuLy: '2026-04-10' }).expect(422)).body.code).toBe('GUARD_REJECTED');
    // A person may not type the number in.
    const typed = await send(officer, first, 'THU_LY', { ngayThuLy: '2026-04-15', soThongBao: '99/TB-UBND' }).expect(400);
    expect(typed.body.details.problems).toEqual([expect.objectContaining({ field: 'payload/soThongBao' })]);

    const accepted = await send(officer, first, 'THU_LY', { ngayThuLy: '2026-04-15', nguoiKy: 'Lê Văn Cường' }).expect(200);
    expect(accepted.body.context.soThongBaoThuLy).toBe('01/TB-UBND');

    const second = await toAcceptance();
    const next = await send(officer, second, 'THU_LY', { ngayThuLy: '2026-04-16' }).expect(200);
    expect(next.body.context.soThongBaoThuLy).toBe('02/TB-UBND');

    const docs = (await officer.get(`/api/v1/instances/${first}/documents`).expect(200)).body.items;
    expect(docs).toEqual([
      expect.objectContaining({ key: 'thong-bao-thu-ly', number: '01/TB-UBND', event: 'THU_LY', title: { vi: 'Thông báo thụ lý giải quyết khiếu nại', en: expect.any(String) } }),
    ]);
  });

  it('writes the case into the DOCX with its Vietnamese text intact, and its digest into the history row and the chain', async () => {
    const [doc] = (await officer.get(`/api/v1/instances/${first}/documents`).expect(200)).body.items;
    const docx = await bytesOf(officer, doc.docx.fileId);
    const text = textOf(documentXml(docx));
    // The header, title and signature are runs, not their XML written out as text.
    expect(documentXml(docx)).not.toContain('&lt;w:');
    const today = vietnamDate(new Date());
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('PHƯỜNG AN PHONG');
    expect(text).toContain('Số: 01/TB-UBND');
    expect(text).toContain(`An Phong, ngày ${pad(today.day)} tháng ${today.month < 3 ? pad(today.month) : today.month} năm ${today.year}`);
    expect(text).toContain('Kính gửi: Nguyễn Thị Hương');
    expect(text).toContain('Ngày 13/04/2026, Ủy ban nhân dân phường An Phong nhận được đơn khiếu nại');
    expect(text).toContain('kể từ ngày 15/04/2026');
    expect(text).toContain('- Như trên;- Văn phòng HĐND và UBND phường;- Lưu: VT.');
    expect(text).toContain('Lê Văn Cường');
    expect(text).not.toMatch(/[{}]/);

    const info = (await officer.get(`/api/v1/files/${doc.docx.fileId}`).expect(200)).body;
    expect(info).toMatchObject({ instanceId: first, seq: doc.seq, event: 'THU_LY', field: 'documents/thong-bao-thu-ly', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });

    const history = (await officer.get(`/api/v1/instances/${first}/history`).expect(200)).body.items as Array<{ seq: number; event: { type: string; payload: Record<string, unknown> }; links?: any }>;
    const row = history.find((h) => h.seq === doc.seq)!;
    expect(row.event).toEqual({ type: 'THU_LY', payload: expect.objectContaining({ soThongBao: '01/TB-UBND' }) });
    expect(row.links.documents).toEqual([{ key: 'thong-bao-thu-ly', number: '01/TB-UBND', fileId: doc.docx.fileId, sha256: doc.docx.sha256, size: docx.length }]);
    const verify = (await officer.get(`/api/v1/instances/${first}/history/verify`).expect(200)).body;
    expect(verify.ok).toBe(true);

    // The auditors' export lists the paper with its number and digest, in NDJSON and in CSV.
    const auditor = await t.as('kiem-tra-van-ban', [{ role: 'auditor', unit: 'phuong-an-phong' }]);
    const ndjson = (await auditor.get('/api/v1/audit/export').query({ definitionKey: 'complaint', eventType: 'THU_LY' }).buffer(true).parse(binary).expect(200)).body.toString('utf8');
    const exported = ndjson.trim().split('\n').map((l: string) => JSON.parse(l)).find((r: { instanceId: string }) => r.instanceId === first);
    expect(exported.documents).toEqual([{ key: 'thong-bao-thu-ly', number: '01/TB-UBND', fileId: doc.docx.fileId, sha256: doc.docx.sha256, size: docx.length }]);
    const csv = (await auditor.get('/api/v1/audit/export').query({ definitionKey: 'complaint', eventType: 'THU_LY', format: 'csv' }).buffer(true).parse(binary).expect(200)).body.toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(/,files,documents$/);
    expect(csv).toContain(`01/TB-UBND thong-bao-thu-ly (${docx.length} bytes, sha256 ${doc.docx.sha256})`);
  });

  it('issues the decision numbered in its own series, with the coded conclusion in words', async () => {
    await send(officer, first, 'BAO_CAO_XAC_MINH', VERIFIED).expect(200);
    const decided = await send(chairman, first, 'QUYET_DINH', DECISION).expect(200);
    expect(decided.body.context.quyetDinh.soQuyetDinh).toBe('01/QĐ-UBND');
    const docs = (await officer.get(`/api/v1/instances/${first}/documents`).expect(200)).body.items;
    expect(docs.map((d: { number: string }) => d.number)).toEqual(['01/TB-UBND', '01/QĐ-UBND']);
    const text = textOf(documentXml(await bytesOf(officer, docs[1].docx.fileId)));
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Về việc giải quyết khiếu nại của ông (bà) Nguyễn Thị Hương');
    expect(text).toContain('Số: 01/QĐ-UBND');
    expect(text).toContain('III. Kết luận: khiếu nại của ông (bà) Nguyễn Thị Hương là đúng.');
    expect(text).toContain('Điều 1. Hủy quyết định xử phạt vi phạm hành chính số 07/QĐ-XPHC.');
    expect(text).toContain('CHỦ TỊCH');
    expect((await officer.get(`/api/v1/instances/${first}/history/verify`).expect(200)).body.ok).toBe(true);
  });

  it(SOFFICE ? 'makes a PDF rendition of each document with LibreOffice, bound to the same step' : 'says that no PDF is made without LibreOffice', async () => {
    if (!SOFFICE) {
      const docs = (await officer.get(`/api/v1/instances/${first}/documents`).expect(200)).body.items;
      for (const d of docs) expect(d).toMatchObject({ pdf: null, pdfStatus: 'unavailable', pdfUnavailable: 'soffice not installed' });
      return;
    }
    const docs = await eventually(
      async () => {
        const items = (await officer.get(`/api/v1/instances/${first}/documents`).expect(200)).body.items;
        expect(items.map((d: { pdfStatus: string }) => d.pdfStatus)).toEqual(['done', 'done']);
        return items;
      },
      180_000,
      'the PDF renditions',
    );
    for (const d of docs) {
      const pdf = await bytesOf(officer, d.pdf.fileId);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBe(d.pdf.size);
      const info = (await officer.get(`/api/v1/files/${d.pdf.fileId}`).expect(200)).body;
      expect(info).toMatchObject({ instanceId: first, seq: d.seq, contentType: 'application/pdf', field: `documents/${d.key}/pdf` });
      if (process.env.PHOIHOP_KEEP_PDF) await writeFile(join(tmpdir(), `${d.key}.pdf`), pdf);
    }
  }, 240_000);

  it('restarts the numbers in a new year', async () => {
    const id = await toAcceptance();
    const user = (await t.app.get(IdentityService).findByUsername('can-bo-thu-nghiem'))!;
    const principal = principalOf(user);
    const out = await t.app.get(InstanceCommands).send(id, { type: 'THU_LY', payload: { ngayThuLy: '2027-01-04' } }, { actor: actorOf(principal), principal, now: new Date('2027-01-04T02:00:00Z') });
    expect(out.body.context.soThongBaoThuLy).toBe('01/TB-UBND');
    const [doc] = (await officer.get(`/api/v1/instances/${id}/documents`).expect(200)).body.items;
    expect(textOf(documentXml(await bytesOf(officer, doc.docx.fileId)))).toContain('An Phong, ngày 04 tháng 01 năm 2027');
  });

  it('refuses a definition whose template names no field, naming the placeholder', async () => {
    const source = JSON.parse(await readFile('workflows/complaint.json', 'utf8'));
    const zip = new PizZip(await readFile('workflows/templates/complaint-acceptance-notice.docx'));
    zip.file('word/document.xml', zip.file('word/document.xml')!.asText().replace('Kính gửi: {nguoiKhieuNai}', 'Kính gửi: {nguoiKhongCo}'));
    source.key = 'complaint-template-check';
    source.documents = [{ ...source.documents[0], template: undefined, templateData: zip.generate({ type: 'nodebuffer' }).toString('base64') }];
    const res = await t.http.post('/api/v1/definitions/validate').send({ source }).expect(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: '/documents/0/templateData', code: 'unknown_placeholder', message: expect.stringContaining('{nguoiKhongCo}') })]);
    const draft = await t.http.post('/api/v1/definitions').send({ source });
    const version = draft.body.version ?? draft.body.draft?.version;
    const published = await t.http.post(`/api/v1/definitions/complaint-template-check/versions/${version}/publish`).expect(400);
    expect(JSON.stringify(published.body)).toContain('{nguoiKhongCo}');
  });
});

// CI must take the PDF path: a machine without LibreOffice would pass the test above without converting anything.
if (process.env.CI && !SOFFICE) throw new Error('LibreOffice (soffice) is missing on CI: scripts/test-deps.sh installs libreoffice-writer-nogui');
