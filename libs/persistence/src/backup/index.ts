export { writeBackup, type BackupOptions, type BackupResult } from './backup.js';
export { restoreBackup, RECORD_TABLES, type RestoreOptions, type RestoreResult } from './restore.js';
export { readBackup, readBackupHeader, knownMigrations, type BackupContents, type BackupVisitor } from './read.js';
export { applicationTables, applicationSequences, type TableInfo } from './catalog.js';
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, EXCLUDED_TABLES, type BackupMigration, type BackupColumn, type BackupHeader, type TableStart, type TableEnd, type SequenceValue, type Trailer, BackupError } from './format.js';
export { verifyHistoryChains, type ChainsVerification } from './verify-chains.js';
