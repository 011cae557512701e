export { type HistorySearch, type AuditRow, AuditSearchService } from './audit-search.service.js';
export { AuditModule } from './audit.module.js';
export { type Checkpoint, newSigningKey, signCheckpoint, checkpointSignatureOk } from './checkpoint.js';
export { type InstanceVerification, type StateAt, InstanceAuditService } from './instance-audit.service.js';
export { type SealerOptions, SEALER_OPTIONS, LedgerSealerService } from './ledger-sealer.service.js';
export { SEAL_GRACE_MS, chainHash, type GlobalVerification, LedgerService } from './ledger.service.js';
