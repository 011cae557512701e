import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { actorOf, type Principal } from '#libs/core';
import { convertToPdf, findSoffice, renderDocx, standaloneDocumentEngine } from '#libs/documents';
import { IdentityRepository } from '#libs/persistence';
import { createRuntime, inlineTemplates } from '#libs/runtime';
import { benchDatabase, flag, fmt, machine, migratedDatabase } from './support.js';

/**
 * npm run bench:documents [-- --render 500 --decisions 100 --pdf 5] — the complaint decision:
 * rendering alone (docxtemplater, CPU), then issued end to end through the runtime (number from
 * the register, render, store in PostgreSQL, history row, bind, register row: each QUYET_DINH
 * commits one document), then PDF renditions with LibreOffice when it is installed.
 */
const RENDER = flag('render', 500);
const DECISIONS = flag('decisions', 100);
const PDFS = flag('pdf', 5);

const LETTER = { nguoiKhieuNai: 'Nguyễn Văn An', diaChi: 'Tổ dân phố 3, phường An Phong', noiDung: 'Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND', ngayNhan: '2026-04-13', soNguoiKy: 1 };
const VERIFIED = { soQuyetDinhXacMinh: '05/QĐ-UBND', ngayQuyetDinhXacMinh: '2026-04-16', keHoachXacMinh: 'Làm việc', bienBanXacMinh: 'Biên bản', baoCaoKetQua: 'Khiếu nại đúng', ketQuaXacMinh: 'dung' };
const DECISION = { ngayQuyetDinh: '2026-04-29', ketLuan: 'dung', noiDungGiaiQuyet: 'Hủy quyết định thu hồi đất số 12/QĐ-UBND.', nguoiKy: 'Trần Văn Bình' };

async function main() {
  console.log(`bench:documents on ${machine()}`);
  const source = (await inlineTemplates(JSON.parse(await readFile('workflows/complaint.json', 'utf8')), 'workflows')) as { documents: Array<{ templateData: string }> };
  const template = Buffer.from(source.documents[1].templateData, 'base64');
  const data = { ...LETTER, ...DECISION, ketQuaXacMinh: 'đúng', ketLuan: 'đúng', so: '01/QĐ-UBND', diaDanhNgay: 'An Phong, ngày 29 tháng 4 năm 2026', noiNhan: [{ ten: 'Người khiếu nại' }] };
  let t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < RENDER; i++) bytes = renderDocx(template, { ...data, so: `${i + 1}/QĐ-UBND` }).length;
  let s = (performance.now() - t0) / 1000;
  console.log(`render only (docxtemplater): ${fmt(RENDER / s)} documents/s (${RENDER} decisions of ${fmt(bytes)} bytes in ${s.toFixed(2)} s)`);

  const db = await benchDatabase();
  try {
    const { ds } = await migratedDatabase(db.url, 'bench_documents');
    const runtime = createRuntime(ds, standaloneDocumentEngine(ds));
    await runtime.definitions.publish(source);
    const ward = JSON.parse(await readFile('workflows/seed/ward.json', 'utf8')) as { units: Array<{ key: string; name: { vi: string; en: string }; parentKey: string | null }> };
    for (const unit of ward.units) await new IdentityRepository().upsertUnit(ds.manager, unit);
    const roles = Object.keys((source as { roles?: Record<string, unknown> }).roles ?? {});
    const person = (username: string): Principal => ({ userId: username, username, displayName: username, memberships: roles.flatMap((role) => ward.units.map((u) => ({ role, unit: u.key }))) });
    const officer = person('can-bo-bench');
    const chairman = person('chu-tich-bench');
    const send = (p: Principal, id: string, type: string, payload: Record<string, unknown>) => runtime.commands.send(id, { type, payload }, { actor: actorOf(p), principal: p });
    const ids: string[] = [];
    for (let i = 0; i < DECISIONS; i++) {
      const { body } = await runtime.commands.start({ definitionKey: 'complaint', input: { kenhTiepNhan: 'truc-tiep' } }, { actor: actorOf(officer), principal: officer });
      await send(officer, body.id, 'TIEP_NHAN', LETTER);
      await send(officer, body.id, 'PHAN_LOAI', { ketQua: 'thuoc-tham-quyen', lyDo: 'Thuộc thẩm quyền' });
      await send(officer, body.id, 'THU_LY', { ngayThuLy: '2026-04-15' });
      await send(officer, body.id, 'BAO_CAO_XAC_MINH', VERIFIED);
      ids.push(body.id);
    }
    t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < ids.length) await send(chairman, ids[next++], 'QUYET_DINH', DECISION);
      }),
    );
    s = (performance.now() - t0) / 1000;
    console.log(`issued through the runtime (number, render, store in PostgreSQL, history row, bind; 4 at once): ${fmt(DECISIONS / s)} decisions/s (${DECISIONS} in ${s.toFixed(2)} s, ${db.label})`);
    await ds.destroy();
  } finally {
    await db.stop();
  }

  const soffice = findSoffice();
  if (!soffice) {
    console.log('PDF renditions: soffice not installed');
    return;
  }
  const docx = renderDocx(template, data);
  const times: number[] = [];
  for (let i = 0; i < PDFS; i++) {
    t0 = performance.now();
    await convertToPdf(soffice, docx);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`PDF rendition (LibreOffice, a fresh profile per run, one at a time): median ${fmt(times[Math.floor(times.length / 2)])} ms per decision (${PDFS} runs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
