/**
 * The built-in backup format ("phoihop-backup", version 1): one gzip stream of UTF-8 lines, each a
 * JSON value (see docs/backups.md):
 *
 *   {"format":"phoihop-backup","version":1,...}             the header (BackupHeader)
 *   {"table":"org_units","columns":[...]}                    a table begins (TableStart)
 *   ["phuong-an-phong","{\"vi\": ...}",null,...]            one row: every column in PostgreSQL's text form, or null
 *   {"end":"org_units","rows":13}                            the table ends (TableEnd)
 *   ... every application table, parents before children ...
 *   {"sequences":[{"name":"ledger_gseq","lastValue":"42","isCalled":true}]}
 *   {"end":"backup","tables":16,"rows":1234,"sha256":"..."} the trailer: SHA-256 of every byte before it
 *
 * A file without its trailer, or whose bytes do not hash to it, is refused: it was cut short or changed.
 */
export const BACKUP_FORMAT = 'phoihop-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Tables of the public schema that are not application data: TypeORM's bookkeeping. */
export const EXCLUDED_TABLES: readonly string[] = ['migrations', 'typeorm_metadata'];

export interface BackupMigration {
  timestamp: number;
  name: string;
}

export interface BackupColumn {
  name: string;
  /** format_type() of the column, e.g. "timestamp with time zone", "text[]". */
  type: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  server: { version: string; versionNum: number };
  database: string;
  /** The rows of TypeORM's migrations table: the schema the rows belong to. */
  migrations: BackupMigration[];
  /** All rows were read in one REPEATABLE READ, READ ONLY transaction: one snapshot of the database. */
  snapshot: 'repeatable read';
  /** Every table in the file, in the order it appears (parents before the tables that reference them). */
  tables: string[];
}

export interface TableStart {
  table: string;
  columns: BackupColumn[];
}

export interface TableEnd {
  end: string;
  rows: number;
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface Trailer {
  end: 'backup';
  tables: number;
  rows: number;
  sha256: string;
}

/** A backup that cannot be made or restored for a reason the operator must act on (printed as is, no stack). */
export class BackupError extends Error {}
