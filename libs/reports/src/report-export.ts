import ExcelJS from 'exceljs';
import { csvLine } from '#libs/persistence';
import type { Label } from '#libs/engine';
import type { ProgramReport, WorkflowFigures } from './program-report.js';

export type ReportLang = 'vi' | 'en';

const COLUMNS: Array<{ key: keyof WorkflowFigures; vi: string; en: string }> = [
  { key: 'received', vi: 'Tiếp nhận trong kỳ', en: 'Received' },
  { key: 'carriedOver', vi: 'Kỳ trước chuyển sang', en: 'Carried over' },
  { key: 'resolved', vi: 'Đã giải quyết', en: 'Resolved' },
  { key: 'resolvedOnTime', vi: 'Đúng hạn', en: 'On time' },
  { key: 'resolvedLate', vi: 'Quá hạn', en: 'Late' },
  { key: 'openAtEnd', vi: 'Đang giải quyết cuối kỳ', en: 'Open at end of period' },
  { key: 'overdueNow', vi: 'Đang quá hạn', en: 'Overdue now' },
];

const T = {
  workflow: { vi: 'Quy trình', en: 'Workflow' },
  key: { vi: 'Mã', en: 'Key' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  kind: { vi: 'Loại', en: 'Kind' },
  item: { vi: 'Chỉ tiêu', en: 'Item' },
  value: { vi: 'Giá trị', en: 'Value' },
  count: { vi: 'Số lượng', en: 'Count' },
  outcome: { vi: 'Kết quả', en: 'Outcome' },
  month: { vi: 'Tháng', en: 'Month' },
  checkpoint: { vi: 'Mã kiểm chứng sổ cái (điểm niêm phong có chữ ký mới nhất)', en: 'Ledger digest (latest signed checkpoint)' },
  noCheckpoint: { vi: 'chưa có điểm niêm phong', en: 'no checkpoint yet' },
};

/** The line to archive with the papers: `phoihop audit verify --digest` checks a database against it. */
const checkpointLine = (r: ProgramReport, lang: ReportLang): [string, string] => [
  T.checkpoint[lang],
  r.ledgerCheckpoint ? `${r.ledgerCheckpoint.digest} (${r.ledgerCheckpoint.at})` : T.noCheckpoint[lang],
];

const text = (l: Label | undefined, lang: ReportLang, fallback = '') => l?.[lang] ?? fallback;
const periodLine = (r: ProgramReport, lang: ReportLang) => `${T.period[lang]} ${r.period.key}: ${r.period.from} – ${r.period.to}`;

/** The summary table: one row per workflow, a total row; UTF-8 with a BOM so Excel reads the diacritics. */
export function reportCsv(r: ProgramReport, lang: ReportLang): string {
  let out = '\ufeff' + csvLine([T.key[lang], T.workflow[lang], ...COLUMNS.map((c) => c[lang])]);
  for (const w of r.workflows) out += csvLine([w.key, text(w.title, lang), ...COLUMNS.map((c) => w[c.key])]);
  out += csvLine(['', T.total[lang], ...COLUMNS.map((c) => r.workflows.reduce((n, w) => n + (w[c.key] as number), 0))]);
  out += csvLine(checkpointLine(r, lang));
  return out;
}

/** The whole report as a workbook: summary, outcomes and breakdowns, citizen cases, Dân vận khéo, monthly trend. */
export async function reportXlsx(r: ProgramReport, lang: ReportLang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Phối Hợp';
  wb.created = new Date(r.generatedAt);
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };

  const summary = wb.addWorksheet(lang === 'vi' ? 'Tổng hợp' : 'Summary');
  bold(summary.addRow([periodLine(r, lang)]));
  bold(summary.addRow([T.key[lang], T.workflow[lang], ...COLUMNS.map((c) => c[lang])]));
  for (const w of r.workflows) summary.addRow([w.key, text(w.title, lang), ...COLUMNS.map((c) => w[c.key] as number)]);
  bold(summary.addRow(['', T.total[lang], ...COLUMNS.map((c) => r.workflows.reduce((n, w) => n + (w[c.key] as number), 0))]));
  summary.addRow([]);
  summary.addRow(checkpointLine(r, lang));
  summary.columns.forEach((col, i) => (col.width = i === 1 ? 48 : i === 0 ? 30 : 16));

  const details = wb.addWorksheet(lang === 'vi' ? 'Kết quả' : 'Outcomes');
  bold(details.addRow([T.workflow[lang], T.kind[lang], T.item[lang], T.value[lang], T.count[lang]]));
  for (const w of r.workflows) {
    for (const o of w.outcomes) details.addRow([w.key, T.outcome[lang], text(o.label, lang, o.state), o.value, o.count]);
    for (const b of w.breakdowns) for (const i of b.items) details.addRow([w.key, text(b.label, lang), text(i.label, lang, i.value), i.value, i.count]);
    for (const c of w.counters) details.addRow([w.key, text(c.label, lang), '', '', c.count]);
  }
  details.columns.forEach((col, i) => (col.width = [30, 30, 40, 24, 12][i]));

  const citizen = wb.addWorksheet(lang === 'vi' ? 'Khiếu nại, tố cáo' : 'Citizen cases');
  const c = r.citizenCases;
  bold(citizen.addRow([periodLine(r, lang)]));
  const citizenRows: Array<[string, string, number]> = [
    ['Tiếp nhận trong kỳ', 'Received in the period', c.received],
    ['Kỳ trước chuyển sang', 'Carried over', c.carriedOver],
    ['Tổng số phải giải quyết', 'To handle', c.toHandle],
    ['Đã giải quyết', 'Resolved', c.resolved],
    ['Trong đó: đúng hạn', 'of which on time', c.resolvedOnTime],
    ['Trong đó: quá hạn', 'of which late', c.resolvedLate],
    ['Đang giải quyết', 'In progress', c.inProgress],
    ['Đang quá hạn', 'Overdue now', c.overdueNow],
  ];
  for (const [vi, en, n] of citizenRows) citizen.addRow([lang === 'vi' ? vi : en, n]);
  citizen.getColumn(1).width = 36;

  const dvk = wb.addWorksheet('Dân vận khéo');
  const d = r.danVanKheo;
  const dvkRows: Array<[string, string, number]> = [
    ['Đợt phát động', 'Campaigns', d.campaigns],
    ['Mô hình đăng ký', 'Models registered', d.modelsRegistered],
    ['Mô hình được công nhận', 'Models recognised', d.recognised],
    ['Đề nghị khen thưởng', 'Proposed for commendation', d.proposed],
  ];
  bold(dvk.addRow([periodLine(r, lang)]));
  for (const [vi, en, n] of dvkRows) dvk.addRow([lang === 'vi' ? vi : en, n]);
  dvk.getColumn(1).width = 36;

  const trend = wb.addWorksheet(lang === 'vi' ? 'Theo tháng' : 'By month');
  bold(trend.addRow([T.month[lang], COLUMNS[0][lang], COLUMNS[2][lang], COLUMNS[4][lang]]));
  for (const m of r.trend) trend.addRow([m.month, m.received, m.resolved, m.resolvedLate]);
  trend.columns.forEach((col) => (col.width = 20));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
