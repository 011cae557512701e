export * from './period.js';
export * from './program-report.js';
export * from './program-report.service.js';
export * from './report-export.js';
export * from './reports.module.js';
