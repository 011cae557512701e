export { writeBackup, type BackupOptions, type BackupResult } from './backup.js';
export { restoreBackup, RECORD_TABLES, type RestoreOptions, type RestoreResult } from './restore.js';
export { readBackup, readBackupHeader, knownMigrations, type BackupContents, type BackupVisitor } from './read.js';
export { applicationTables, applicationSequences, type TableInfo } from './catalog.js';
export * from './format.js';
export { verifyHistoryChains, type ChainsVerification } from './verify-chains.js';
