export * from './audit-search.service.js';
export * from './audit.module.js';
export * from './checkpoint.js';
export * from './instance-audit.service.js';
export * from './ledger-sealer.service.js';
export * from './ledger.service.js';
