export { type ReportPeriod, type PeriodAnchor, DEFAULT_ANCHOR, parseAnchor, parsePeriod } from './period.js';
export { type LabelledCount, type WorkflowFigures, type CitizenCaseFigures, type ProgramReport, CITIZEN_CASE_WORKFLOWS, DVK_CAMPAIGN, DVK_NOMINATION } from './program-report.js';
export { REPORT_OPTIONS, type ReportOptions, ProgramReportService, type Label } from './program-report.service.js';
export { type ReportLang, reportCsv, reportXlsx } from './report-export.js';
export { ReportsModule } from './reports.module.js';
