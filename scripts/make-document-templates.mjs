#!/usr/bin/env node
/**
 * Writes the ward's DOCX templates (workflows/templates/*.docx) in the layout of Nghị định
 * 30/2020/NĐ-CP, Phụ lục I: issuing body and số/ký hiệu on the left, quốc hiệu and tiêu ngữ on the
 * right, place and date, the document type and trích yếu, the body, nơi nhận and the signer. The
 * papers of the Party Building Board follow Hướng dẫn 36-HD/VPTW (2018) instead: the issuing body
 * under its superior with a star, "Số 01-GM/BXDĐ" (no colon), ĐẢNG CỘNG SẢN VIỆT NAM on the right.
 * Plain WordprocessingML built with pizzip, so that the templates are reproducible and reviewable;
 * the generated files are committed too, because the ward edits them in Word afterwards.
 * Placeholders are docxtemplater tags: `{name}`, and the loop `{#noiNhan}…{/noiNhan}`.
 *
 *   node scripts/make-document-templates.mjs
 */
import { writeFileSync } from 'node:fs';
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** One run: 13 or 14 pt Times New Roman (ND 30: size 13–14 for the body). */
function run(text, { bold = false, italic = false, size = 14, underline = false } = {}) {
  const props = `${bold ? '<w:b/>' : ''}${italic ? '<w:i/>' : ''}${underline ? '<w:u w:val="single"/>' : ''}<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/>`;
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph of runs (a string is one plain run). */
function p(runs, { align = 'both', indent = false, before = 0, after = 60 } = {}) {
  const body = (Array.isArray(runs) ? runs : [run(runs)]).join('');
  return `<w:p><w:pPr><w:spacing w:before="${before}" w:after="${after}" w:line="300" w:lineRule="auto"/>${indent ? '<w:ind w:firstLine="567"/>' : ''}<w:jc w:val="${align}"/></w:pPr>${body}</w:p>`;
}

// center() takes runs built by run() (one or a list); p() alone takes a plain string as the text of one run.
const center = (runs, o = {}) => p([runs].flat(), { align: 'center', ...o });

/** A borderless one-row table, one cell per column (the header, the signature blocks). */
function table(columns, widths = [3600, 5900]) {
  const cell = (content, w) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>${content.join('')}</w:tc>`;
  const total = widths.reduce((a, b) => a + b, 0);
  return `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid><w:tr>${columns.map((c, i) => cell(c, widths[i])).join('')}</w:tr></w:tbl>`;
}

/** ND 30, Phụ lục I, ô 1–4: the issuing body, số and ký hiệu; quốc hiệu, tiêu ngữ; place and date. */
function header() {
  return table([
    [
      center(run('ỦY BAN NHÂN DÂN', { bold: false, size: 13 }), { after: 0 }),
      center(run('PHƯỜNG AN PHONG', { bold: true, size: 13 }), { after: 0 }),
      center(run('───────', { size: 13 }), { after: 120 }),
      center(run('Số: {so}', { size: 13 })),
    ],
    [
      center(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 }), { after: 0 }),
      center(run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }), { after: 0 }),
      center(run('───────────────', { size: 13 }), { after: 120 }),
      center(run('{diaDanhNgay}', { italic: true, size: 14 })),
    ],
  ]);
}

/**
 * HD 36-HD/VPTW, Phụ lục 1 and 3, ô 1–4 of a Party paper: on the left the superior (in hoa, 14) and
 * the issuing body (in hoa, 14, đậm) with a star under it, then "Số 01-GM/BXDĐ"; on the right the
 * tiêu đề ĐẢNG CỘNG SẢN VIỆT NAM (in hoa, 15, đậm) with a rule as long as it, then place and date.
 */
function partyHeader() {
  return table(
    [
      [
        center(run('ĐẢNG ỦY PHƯỜNG AN PHONG', { size: 14 }), { after: 0 }),
        center(run('BAN XÂY DỰNG ĐẢNG', { bold: true, size: 14 }), { after: 0 }),
        center(run('*', { size: 14 }), { after: 120 }),
        center(run('Số {so}', { size: 14 })),
      ],
      [
        center(run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15 }), { after: 0 }),
        center(run('──────────────────', { size: 13 }), { after: 0 }),
        center(run(' ', { size: 14 }), { after: 120 }),
        center(run('{diaDanhNgay}', { italic: true, size: 14 })),
      ],
    ],
    [4500, 5000],
  );
}

/**
 * ND 30, ô 5: the document type and trích yếu, a short rule under them. A Party paper (HD 36) has
 * its type in 16 pt and five hyphens under the trích yếu.
 */
function title(type, summary, { typeSize = 14, rule = '───────' } = {}) {
  return [center(run(type, { bold: true, size: typeSize }), { before: 240, after: 0 }), ...summary.map((s, i) => center(run(s, { bold: true, size: 14 }), { after: i === summary.length - 1 ? 0 : 0 })), center(run(rule, { size: 13 }), { after: 240 })];
}
const PARTY_TITLE = { typeSize: 16, rule: '-----' };

/**
 * How the nơi nhận block is written: ND 30 ("Nơi nhận:" bold italic 12, the list in 11, each line
 * ending ";", "- Lưu: VT."), or HD 36 for the Party's papers ("Nơi nhận:" underlined 14, the list in
 * 12, each line ending ",", "- Lưu BXDĐ." as the seed's program is filed).
 */
const STATE = { label: { bold: true, italic: true, size: 12 }, item: 11, end: ';', archive: '- Lưu: VT.' };
const PARTY = { label: { underline: true, size: 14 }, item: 12, end: ',', archive: '- Lưu BXDĐ.' };

/** ND 30, ô 9a–9b and 7: nơi nhận, the signer's title and name (a blank for the signature and seal). */
function signature(signerTitle, signerName = '{nguoiKy}', style = STATE) {
  return table(
    [
      [
        p([run('Nơi nhận:', style.label)], { align: 'left', before: 240, after: 0 }),
        // Each tag of the loop alone in its paragraph: docxtemplater (paragraphLoop) repeats the paragraph between them and drops theirs.
        p([run('{#noiNhan}', { size: style.item })], { align: 'left', after: 0 }),
        p([run(`- {ten}${style.end}`, { size: style.item })], { align: 'left', after: 0 }),
        p([run('{/noiNhan}', { size: style.item })], { align: 'left', after: 0 }),
        p([run(style.archive, { size: style.item })], { align: 'left', after: 0 }),
      ],
      [...signerTitle.map((line, i) => center(run(line, { bold: true, size: 14 }), { before: i === 0 ? 240 : 0, after: 0 })), center(run(' ', { size: 14 }), { after: 1200 }), center(run(signerName, { bold: true, size: 14 }))],
    ],
    [4500, 5000],
  );
}

/** The signatures of the parties to a biên bản, side by side: each title, "(Ký, ghi rõ họ tên)", room to sign, the name if known. */
function parties(...boxes) {
  const width = Math.floor(9500 / boxes.length);
  return table(
    boxes.map(({ title: who, note = '(Ký, ghi rõ họ tên)', name = ' ' }) => [
      center(run(who, { bold: true, size: 13 }), { before: 240, after: 0 }),
      center(run(note, { italic: true, size: 12 }), { after: 1200 }),
      center(run(name, { bold: true, size: 13 })),
    ]),
    boxes.map(() => width),
  );
}

function documentXml(parts) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${parts.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

function docx(parts) {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('word/document.xml', documentXml(parts));
  zip.file('word/styles.xml', STYLES);
  // A fixed date in every entry: the same script gives the same bytes, so a template changes only when its text does.
  const date = new Date('2026-01-01T00:00:00Z');
  for (const f of Object.values(zip.files)) f.date = date;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const body = (text) => p(text, { indent: true });
/** A heading of the body (I., II., …): bold, not indented. */
const section = (text) => p([run(text, { bold: true })], { before: 120 });
/** A list from an array field, one paragraph per item (each loop tag alone in its paragraph, as for noiNhan). */
const list = (field, line) => [p([run(`{#${field}}`)], { after: 0 }), p(line, { indent: true, after: 0 }), p([run(`{/${field}}`)], { after: 0 })];

/** The program every Party paper below carries out (the seed: its number as issued, its date). */
const PROGRAM = 'Chương trình phối hợp số 01-CTr/BXDD-ĐUUBNDP, ngày 16/10/2025 giữa Ban Xây dựng Đảng Đảng ủy và Đảng ủy Ủy ban nhân dân phường về công tác tuyên giáo và dân vận, giai đoạn 2025 - 2030';

const TEMPLATES = {
  // Thông tư 05/2021/TT-TTCP, mẫu số 04: thông báo về việc thụ lý giải quyết khiếu nại.
  'complaint-acceptance-notice': [
    header(),
    ...title('THÔNG BÁO', ['Về việc thụ lý giải quyết khiếu nại']),
    center([run('Kính gửi: {nguoiKhieuNai}', { size: 14 })], { after: 120 }),
    body('Ngày {ngayNhan}, Ủy ban nhân dân phường An Phong nhận được đơn khiếu nại của ông (bà) {nguoiKhieuNai}, địa chỉ: {diaChi}.'),
    body('Nội dung đơn khiếu nại: {noiDung}.'),
    body('Sau khi xem xét nội dung đơn khiếu nại, căn cứ Luật Khiếu nại năm 2011, đơn khiếu nại đủ điều kiện thụ lý và thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân phường An Phong.'),
    body('Chủ tịch Ủy ban nhân dân phường An Phong thụ lý giải quyết khiếu nại kể từ ngày {ngayThuLy}.'),
    body('Vậy, thông báo để ông (bà) {nguoiKhieuNai} được biết./.'),
    signature(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']),
  ],
  // Thông tư 05/2021/TT-TTCP, mẫu số 15: quyết định giải quyết khiếu nại (lần đầu).
  'complaint-decision': [
    header(),
    ...title('QUYẾT ĐỊNH', ['Về việc giải quyết khiếu nại của ông (bà) {nguoiKhieuNai}', '(lần đầu)']),
    center(run('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG AN PHONG', { bold: true }), { after: 120 }),
    body('Căn cứ Luật Tổ chức chính quyền địa phương;'),
    body('Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;'),
    body('Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại;'),
    body('Xét đơn khiếu nại ngày {ngayNhan} của ông (bà) {nguoiKhieuNai}, địa chỉ: {diaChi};'),
    body('I. Nội dung khiếu nại: {noiDung}.'),
    body('II. Kết quả xác minh nội dung khiếu nại: khiếu nại {ketQuaXacMinh}.'),
    body('III. Kết luận: khiếu nại của ông (bà) {nguoiKhieuNai} là {ketLuan}.'),
    body('Từ những nhận định và căn cứ nêu trên,'),
    center(run('QUYẾT ĐỊNH:', { bold: true }), { before: 120, after: 120 }),
    body('Điều 1. {noiDungGiaiQuyet}'),
    body('Điều 2. Trong thời hạn 30 ngày, kể từ ngày nhận được Quyết định này, nếu không đồng ý với quyết định giải quyết khiếu nại của Chủ tịch Ủy ban nhân dân phường An Phong thì ông (bà) {nguoiKhieuNai} có quyền khiếu nại đến Chủ tịch Ủy ban nhân dân thành phố Hải Phòng hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định của pháp luật về tố tụng hành chính.'),
    body('Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, ông (bà) {nguoiKhieuNai} và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.'),
    signature(['CHỦ TỊCH']),
  ],
  // Luật Tố cáo 2018, điều 29 (thông báo về việc thụ lý tố cáo), in the layout of the notices of Nghị định 31/2019/NĐ-CP.
  'denunciation-acceptance-notice': [
    header(),
    ...title('THÔNG BÁO', ['Về việc thụ lý tố cáo']),
    center([run('Kính gửi: {nguoiToCao}', { size: 14 })], { after: 120 }),
    body('Chủ tịch Ủy ban nhân dân phường An Phong đã ban hành Quyết định số {soQuyetDinhThuLy} về việc thụ lý tố cáo đối với {nguoiBiToCao}.'),
    body('Nội dung tố cáo được thụ lý: {noiDung}.'),
    body('Căn cứ Điều 29 Luật Tố cáo năm 2018, Ủy ban nhân dân phường An Phong thông báo để người tố cáo được biết. Người tố cáo có các quyền và nghĩa vụ quy định tại Điều 9 Luật Tố cáo./.'),
    signature(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ' '),
  ],
  // Luật Tố cáo 2018, điều 35 (kết luận nội dung tố cáo).
  'denunciation-conclusion': [
    header(),
    ...title('KẾT LUẬN', ['Nội dung tố cáo đối với {nguoiBiToCao}']),
    // The conclusion goes to the person denounced: it never names the denouncer (Luật Tố cáo 2018, điều 8).
    body('Chủ tịch Ủy ban nhân dân phường An Phong đã thụ lý tố cáo đối với {nguoiBiToCao} theo Quyết định số {soQuyetDinhThuLy}.'),
    body('Căn cứ Luật Tố cáo năm 2018, Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ và kết quả xác minh nội dung tố cáo, Chủ tịch Ủy ban nhân dân phường An Phong kết luận như sau:'),
    body('1. Kết quả: tố cáo {ketQua}.'),
    body('2. Nội dung kết luận: {noiDung}'),
    body('3. Việc xử lý: Chủ tịch Ủy ban nhân dân phường An Phong xử lý theo quy định tại Điều 36 Luật Tố cáo năm 2018; kết luận này được gửi cho người bị tố cáo và thông báo cho người tố cáo theo quy định./.'),
    signature(['CHỦ TỊCH'], ' '),
  ],
  // Luật Khiếu nại 2011, điều 30, and Nghị định 124/2020/NĐ-CP: the minutes of the dialogue (time and
  // place, who took part, what was said, the result, the signatures or fingerprints of the parties),
  // as the biên bản đối thoại of the forms of Thông tư 05/2021/TT-TTCP; the layout of a biên bản of ND 30.
  'complaint-dialogue-minutes': [
    header(),
    ...title('BIÊN BẢN', ['Đối thoại giải quyết khiếu nại của ông (bà) {nguoiKhieuNai}']),
    body('Thời gian: ngày {ngayDoiThoai}.'),
    body('Địa điểm: {diaDiem}'),
    body('Căn cứ Điều 30 Luật Khiếu nại năm 2011 và Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại, người giải quyết khiếu nại tổ chức đối thoại để làm rõ nội dung khiếu nại, yêu cầu của người khiếu nại và hướng giải quyết khiếu nại.'),
    section('I. Thành phần tham gia đối thoại'),
    body('1. Người giải quyết khiếu nại: Chủ tịch Ủy ban nhân dân phường An Phong (hoặc người được giao tổ chức đối thoại).'),
    body('2. Người khiếu nại: ông (bà) {nguoiKhieuNai}, địa chỉ: {diaChi}.'),
    body('3. Người bị khiếu nại, người có quyền, nghĩa vụ liên quan; cơ quan, tổ chức, cá nhân có liên quan: {nguoiLienQuan}'),
    body('4. Những người tham gia đối thoại: {thanhPhan}'),
    section('II. Nội dung đối thoại'),
    body('1. Nội dung khiếu nại: {noiDung}.'),
    body('2. Kết quả xác minh nội dung khiếu nại: khiếu nại {ketQuaXacMinh}.'),
    body('3. Ý kiến của những người tham gia đối thoại: {bienBanDoiThoai}'),
    section('III. Kết quả đối thoại'),
    body('{ketQuaDoiThoai}'),
    body('Biên bản đã được đọc lại cho những người tham gia đối thoại cùng nghe, thống nhất và ký tên hoặc điểm chỉ xác nhận; người tham gia đối thoại không ký, không điểm chỉ thì ghi rõ lý do. Biên bản được lưu vào hồ sơ vụ việc khiếu nại./.'),
    parties(
      { title: 'NGƯỜI KHIẾU NẠI', note: '(Ký, ghi rõ họ tên hoặc điểm chỉ)', name: '{nguoiKhieuNai}' },
      { title: 'NGƯỜI CÓ QUYỀN, NGHĨA VỤ LIÊN QUAN' },
      { title: 'NGƯỜI GHI BIÊN BẢN' },
    ),
    signature(['NGƯỜI CHỦ TRÌ ĐỐI THOẠI'], ' ', { ...STATE, archive: '- Lưu: VT, hồ sơ vụ việc.' }),
  ],
  // HD 36-HD/VPTW: a giấy mời of the Party Building Board to the yearly conference of the program (seed, III.4.2).
  'conference-invitation': [
    partyHeader(),
    ...title('GIẤY MỜI', ['dự hội nghị giao ban thực hiện Chương trình phối hợp', 'về công tác tuyên giáo và dân vận'], PARTY_TITLE),
    body(`Thực hiện ${PROGRAM}, Ban Xây dựng Đảng Đảng ủy phối hợp với Đảng ủy Ủy ban nhân dân phường tổ chức hội nghị giao ban để đánh giá kết quả thực hiện Chương trình phối hợp và xây dựng kế hoạch thực hiện năm tiếp theo.`),
    body('Ban Xây dựng Đảng Đảng ủy trân trọng kính mời:'),
    body('- Đồng chí đại diện Thường trực Đảng ủy phường;'),
    body('- Lãnh đạo Ban Xây dựng Đảng Đảng ủy;'),
    body('- Lãnh đạo Đảng ủy Ủy ban nhân dân phường;'),
    body('- Lãnh đạo Ủy ban nhân dân phường;'),
    body('- Văn phòng Đảng ủy Ủy ban nhân dân phường (Bộ phận Thường trực giúp việc).'),
    body('Thời gian: {#gioHop}{gioHop}, {/gioHop}ngày {ngayHop}.'),
    body('Địa điểm: {diaDiem}'),
    body('Chương trình hội nghị:'),
    ...list('chuongTrinh', [run('- {.};')]),
    body('Tài liệu hội nghị do Bộ phận Thường trực giúp việc chuẩn bị. Rất mong các đồng chí đến dự đúng thời gian, thành phần./.'),
    signature(['TRƯỞNG BAN'], ' ', PARTY),
  ],
  // HD 36-HD/VPTW: the Board's report of the 6-monthly or yearly exchange of information (seed, III.3.2 and III.4.1).
  'information-exchange-report': [
    partyHeader(),
    ...title('BÁO CÁO', ['kết quả trao đổi thông tin, tài liệu thực hiện Chương trình phối hợp', 'về công tác tuyên giáo và dân vận (kỳ {ky})'], PARTY_TITLE),
    body(`Thực hiện ${PROGRAM}, định kỳ 6 tháng, 01 năm Ban Xây dựng Đảng Đảng ủy và Đảng ủy Ủy ban nhân dân phường cung cấp, trao đổi thông tin, tài liệu có liên quan đến các nội dung Chương trình phối hợp. Ban Xây dựng Đảng Đảng ủy tổng hợp kết quả trao đổi thông tin kỳ {ky} như sau:`),
    body('{tongHop}'),
    body('Trên đây là kết quả trao đổi thông tin, tài liệu thực hiện Chương trình phối hợp kỳ {ky}, Ban Xây dựng Đảng Đảng ủy trân trọng báo cáo./.'),
    signature(['TRƯỞNG BAN'], ' ', PARTY),
  ],
};

for (const [name, parts] of Object.entries(TEMPLATES)) {
  const file = new URL(`../workflows/templates/${name}.docx`, import.meta.url);
  writeFileSync(file, docx(parts));
  console.log(`workflows/templates/${name}.docx`);
}
