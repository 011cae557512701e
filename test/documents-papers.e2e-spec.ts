import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSoffice } from '#libs/documents';
import { vietnamDate } from '#libs/runtime';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';
import { documentXml, textOf } from './support/docx.js';
import { bytesOf } from './support/download.js';
import { eventually } from './support/eventually.js';

/**
 * The three papers added after the complaint's notice and decision, each produced by running its
 * shipped workflow through the HTTP API to the step that issues it: the dialogue minutes of a
 * complaint (DOI_THOAI, ND 30 layout, 01/BB-UBND), the Party Building Board's invitation to the
 * yearly review conference (THONG_NHAT, HD 36-HD/VPTW layout, 01-GM/BXDĐ) and its report of the
 * information exchange (BAO_CAO, 01-BC/BXDĐ). Each is numbered from the register, its Vietnamese
 * text intact in the DOCX, and rendered to PDF where LibreOffice is installed.
 */

const SOFFICE = findSoffice();
const WORKFLOWS = ['complaint.json', 'annual-review-conference.json', 'information-exchange.json'];

/** Today's date line as a paper of the register writes it (ND 30 and HD 36 alike: 05, tháng 01 and 02 with a leading 0). */
function dateLine(): string {
  const { day, month, year } = vietnamDate(new Date());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `An Phong, ngày ${pad(day)} tháng ${month < 3 ? pad(month) : month} năm ${year}`;
}

describe('generated documents: the dialogue minutes, the conference invitation, the information-exchange report', () => {
  let t: TestApp;
  let officer: TestAgent;
  /** Each paper's case, for the PDF check at the end. */
  const issued: Array<{ instanceId: string; key: string }> = [];

  const send = (id: string, type: string, payload: Record<string, unknown>) => officer.post(`/api/v1/instances/${id}/events`).send({ type, payload });
  const start = async (definitionKey: string, input: Record<string, unknown>) =>
    (await officer.post('/api/v1/instances').send({ definitionKey, input }).expect(201)).body.id as string;

  /** The case's documents, and the text and XML of the one with `key`. */
  async function paper(id: string, key: string) {
    const docs = (await officer.get(`/api/v1/instances/${id}/documents`).expect(200)).body.items as Array<{
      key: string;
      number: string;
      event: string;
      seq: number;
      docx: { fileId: string };
    }>;
    const doc = docs.find((d) => d.key === key)!;
    const xml = documentXml(await bytesOf(officer, doc.docx.fileId));
    return { docs, doc, xml, text: textOf(xml) };
  }

  /** What every generated paper must be: the layout's fixed parts intact, no tag left, no XML written as text. */
  function wellFormed(xml: string, text: string) {
    expect(text).toContain(dateLine());
    expect(text).not.toMatch(/[{}]/);
    expect(xml).not.toContain('&lt;w:');
  }

  beforeAll(async () => {
    // The shipped workflows with their templates, as the loader finds them next to them.
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-papers-wf-'));
    for (const f of WORKFLOWS) await copyFile(join('workflows', f), join(dir, f));
    await mkdir(join(dir, 'templates'));
    for (const f of await readdir('workflows/templates')) await copyFile(join('workflows/templates', f), join(dir, 'templates', f));
    t = await startTestApp({ workflowsDir: dir });
    // Every role of the loaded workflows in every unit: one person can take each case to its paper.
    officer = await t.officer();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('complaint: DOI_THOAI records the dialogue minutes, 01/BB-UBND, in the layout of Nghị định 30', async () => {
    const id = await start('complaint', { kenhTiepNhan: 'truc-tiep' });
    await send(id, 'TIEP_NHAN', {
      nguoiKhieuNai: 'Nguyễn Thị Hương',
      diaChi: 'Tổ dân phố 5, phường An Phong',
      noiDung: 'Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND',
      ngayNhan: '2026-04-13',
      soNguoiKy: 1,
    }).expect(200);
    await send(id, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen', lyDo: 'Quyết định hành chính của Chủ tịch UBND phường' }).expect(200);
    await send(id, 'THU_LY', { ngayThuLy: '2026-04-15' }).expect(200);
    // Partly well-founded: the claim and the findings differ, so the dialogue is held (Luật Khiếu nại, điều 30).
    await send(id, 'BAO_CAO_XAC_MINH', {
      soQuyetDinhXacMinh: '05/QĐ-UBND',
      ngayQuyetDinhXacMinh: '2026-04-16',
      keHoachXacMinh: 'Làm việc với người khiếu nại và cán bộ địa chính',
      bienBanXacMinh: 'Biên bản làm việc ngày 20/4/2026',
      baoCaoKetQua: 'Khiếu nại đúng một phần',
      ketQuaXacMinh: 'dung-mot-phan',
    }).expect(200);

    const dialogue = {
      ngayDoiThoai: '2026-04-24',
      diaDiem: 'Trụ sở Ủy ban nhân dân phường An Phong',
      thanhPhan: 'Thanh tra phường, công chức địa chính - xây dựng, bà Nguyễn Thị Hương',
      nguoiLienQuan: 'Ông Trần Văn Nam (hộ liền kề)',
      bienBanDoiThoai: 'Bà Hương giữ yêu cầu bồi thường phần diện tích 20 m² chưa được tính.',
      ketQuaDoiThoai: 'Hai bên thống nhất đo đạc lại phần diện tích 20 m².',
    };
    // The register gives the number; a typed-in one is refused.
    const typed = await send(id, 'DOI_THOAI', { ...dialogue, soBienBan: '07/BB-UBND' }).expect(400);
    expect(typed.body.details.problems).toEqual([expect.objectContaining({ field: 'payload/soBienBan' })]);
    const held = await send(id, 'DOI_THOAI', dialogue).expect(200);
    expect(held.body.context.doiThoai.soBienBan).toBe('01/BB-UBND');

    const { docs, doc, xml, text } = await paper(id, 'bien-ban-doi-thoai');
    expect(docs.map((d) => d.number)).toEqual(['01/TB-UBND', '01/BB-UBND']);
    expect(doc).toMatchObject({ number: '01/BB-UBND', event: 'DOI_THOAI' });
    wellFormed(xml, text);
    expect(text).toContain('ỦY BAN NHÂN DÂNPHƯỜNG AN PHONG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Số: 01/BB-UBND');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Đối thoại giải quyết khiếu nại của ông (bà) Nguyễn Thị Hương');
    expect(text).toContain('Thời gian: ngày 24/04/2026.');
    expect(text).toContain('Địa điểm: Trụ sở Ủy ban nhân dân phường An Phong');
    expect(text).toContain('Căn cứ Điều 30 Luật Khiếu nại năm 2011 và Nghị định số 124/2020/NĐ-CP');
    expect(text).toContain('2. Người khiếu nại: ông (bà) Nguyễn Thị Hương, địa chỉ: Tổ dân phố 5, phường An Phong.');
    expect(text).toContain('cơ quan, tổ chức, cá nhân có liên quan: Ông Trần Văn Nam (hộ liền kề)');
    expect(text).toContain('1. Nội dung khiếu nại: Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND.');
    // The coded finding in words, as the definition's values say.
    expect(text).toContain('2. Kết quả xác minh nội dung khiếu nại: khiếu nại đúng một phần.');
    expect(text).toContain('Bà Hương giữ yêu cầu bồi thường phần diện tích 20 m² chưa được tính.');
    expect(text).toContain('III. Kết quả đối thoạiHai bên thống nhất đo đạc lại phần diện tích 20 m².');
    expect(text).toContain('NGƯỜI KHIẾU NẠI(Ký, ghi rõ họ tên hoặc điểm chỉ)Nguyễn Thị Hương');
    expect(text).toContain('- Những người tham gia đối thoại;- Lưu: VT, hồ sơ vụ việc.');
    expect(text).toContain('NGƯỜI CHỦ TRÌ ĐỐI THOẠI');

    const info = (await officer.get(`/api/v1/files/${doc.docx.fileId}`).expect(200)).body;
    expect(info).toMatchObject({ instanceId: id, seq: doc.seq, event: 'DOI_THOAI', field: 'documents/bien-ban-doi-thoai' });
    expect((await officer.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body.ok).toBe(true);
    issued.push({ instanceId: id, key: 'bien-ban-doi-thoai' });
  });

  it('annual review conference: THONG_NHAT issues the Party Building Board’s invitation, 01-GM/BXDĐ, in the layout of Hướng dẫn 36-HD/VPTW', async () => {
    const id = await start('annual-review-conference', { nam: 2026 });
    const agenda = ['Khai mạc', 'Báo cáo sơ kết năm 2026', 'Thảo luận', 'Kết luận hội nghị'];
    await send(id, 'TRINH_BAO_CAO', { duThao: 'Dự thảo báo cáo sơ kết năm 2026', chuongTrinh: agenda }).expect(200);
    const meeting = { ngayHop: '2027-02-04', gioHop: '08 giờ 00', diaDiem: 'Hội trường Đảng ủy phường' };
    const typed = await send(id, 'THONG_NHAT', { ...meeting, soGiayMoi: '09-GM/BXDĐ' }).expect(400);
    expect(typed.body.details.problems).toEqual([expect.objectContaining({ field: 'payload/soGiayMoi' })]);
    await send(id, 'THONG_NHAT', meeting).expect(200);

    const { docs, doc, xml, text } = await paper(id, 'giay-moi-hoi-nghi');
    expect(docs).toEqual([
      expect.objectContaining({
        key: 'giay-moi-hoi-nghi',
        number: '01-GM/BXDĐ',
        event: 'THONG_NHAT',
        title: { vi: 'Giấy mời hội nghị giao ban', en: expect.any(String) },
      }),
    ]);
    const history = (await officer.get(`/api/v1/instances/${id}/history`).expect(200)).body.items as Array<{
      seq: number;
      event: { type: string; payload: Record<string, unknown> };
    }>;
    expect(history.find((h) => h.seq === doc.seq)!.event).toEqual({ type: 'THONG_NHAT', payload: { ...meeting, soGiayMoi: '01-GM/BXDĐ' } });
    wellFormed(xml, text);
    // A Party paper: the Party's title instead of the quốc hiệu, "Số" without a colon, the body under its superior with a star.
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG AN PHONGBAN XÂY DỰNG ĐẢNG*Số 01-GM/BXDĐ');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('Thực hiện Chương trình phối hợp số 01-CTr/BXDD-ĐUUBNDP, ngày 16/10/2025');
    expect(text).toContain('Ban Xây dựng Đảng Đảng ủy trân trọng kính mời:');
    expect(text).toContain('Thời gian: 08 giờ 00, ngày 04/02/2027.');
    expect(text).toContain('Địa điểm: Hội trường Đảng ủy phường');
    // The agenda agreed before, from the context, one line each.
    expect(text).toContain('Chương trình hội nghị:- Khai mạc;- Báo cáo sơ kết năm 2026;- Thảo luận;- Kết luận hội nghị;');
    expect(text).toContain('Nơi nhận:- Như thành phần mời,- Ban Thường vụ Đảng ủy phường (để b/c),- Lưu BXDĐ.');
    expect(text).toContain('TRƯỞNG BAN');
    issued.push({ instanceId: id, key: 'giay-moi-hoi-nghi' });
  });

  it('information exchange: BAO_CAO issues the report, 01-BC/BXDĐ (its own series of the same Board), with the period in words', async () => {
    const id = await start('information-exchange', { ky: '6-thang' });
    await send(id, 'CUNG_CAP_BXDD', { noiDung: 'Kết quả tuyên truyền 6 tháng đầu năm' }).expect(200);
    await send(id, 'CUNG_CAP_VAN_PHONG', { noiDung: 'Tình hình dân vận chính quyền 6 tháng' }).expect(200);
    await send(id, 'TONG_HOP', { noiDungTongHop: 'Sáu tháng đầu năm, hai bên tổ chức 12 buổi tuyên truyền, 3 buổi đối thoại với Nhân dân.' }).expect(200);
    const typed = await send(id, 'BAO_CAO', { soBaoCao: '20-BC/BXDĐ' }).expect(400);
    expect(typed.body.details.problems).toEqual([expect.objectContaining({ field: 'payload/soBaoCao' })]);
    const sent = await send(id, 'BAO_CAO', {}).expect(200);
    expect(sent.body.context.soBaoCao).toBe('01-BC/BXDĐ');

    const { docs, xml, text } = await paper(id, 'bao-cao-trao-doi-thong-tin');
    expect(docs).toEqual([expect.objectContaining({ key: 'bao-cao-trao-doi-thong-tin', number: '01-BC/BXDĐ', event: 'BAO_CAO' })]);
    wellFormed(xml, text);
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG AN PHONGBAN XÂY DỰNG ĐẢNG*Số 01-BC/BXDĐ');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('về công tác tuyên giáo và dân vận (kỳ 6 tháng)');
    expect(text).toContain('Sáu tháng đầu năm, hai bên tổ chức 12 buổi tuyên truyền, 3 buổi đối thoại với Nhân dân.');
    expect(text).toContain('- Ban Tuyên giáo và Dân vận Thành ủy (để b/c),- Đảng ủy Ủy ban nhân dân thành phố (để b/c),');
    expect(text).toContain('- Lưu BXDĐ.');
    expect(text).toContain('TRƯỞNG BAN');
    issued.push({ instanceId: id, key: 'bao-cao-trao-doi-thong-tin' });
  });

  it(
    SOFFICE ? 'makes a PDF rendition of each of the three papers with LibreOffice' : 'says that no PDF is made without LibreOffice',
    async () => {
      expect(issued.map((i) => i.key)).toEqual(['bien-ban-doi-thoai', 'giay-moi-hoi-nghi', 'bao-cao-trao-doi-thong-tin']);
      for (const { instanceId, key } of issued) {
        if (!SOFFICE) {
          const { doc } = await paper(instanceId, key);
          expect(doc).toMatchObject({ pdf: null, pdfStatus: 'unavailable', pdfUnavailable: 'soffice not installed' });
          continue;
        }
        const doc = await eventually(
          async () => {
            const items = (await officer.get(`/api/v1/instances/${instanceId}/documents`).expect(200)).body.items as Array<{
              key: string;
              seq: number;
              pdfStatus: string;
              pdf: { fileId: string; size: number };
            }>;
            const d = items.find((i) => i.key === key)!;
            expect(d.pdfStatus).toBe('done');
            return d;
          },
          180_000,
          `the PDF rendition of ${key}`,
        );
        const pdf = await bytesOf(officer, doc.pdf.fileId);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.length).toBe(doc.pdf.size);
        const info = (await officer.get(`/api/v1/files/${doc.pdf.fileId}`).expect(200)).body;
        expect(info).toMatchObject({ instanceId, seq: doc.seq, contentType: 'application/pdf', field: `documents/${key}/pdf` });
        if (process.env.PHOIHOP_KEEP_PDF) await writeFile(join(tmpdir(), `${key}.pdf`), pdf);
      }
    },
    240_000,
  );
});

// CI must take the PDF path: a machine without LibreOffice would pass the test above without converting anything.
if (process.env.CI && !SOFFICE) throw new Error('LibreOffice (soffice) is missing on CI: scripts/test-deps.sh installs libreoffice-writer-nogui');
