import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { migrations as buildMigrations } from '#migrations';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupHeader, type SequenceValue, type TableStart, type Trailer } from './format.js';

/** The names of the migrations this build knows, oldest first. */
export function knownMigrations(): string[] {
  return (buildMigrations as Array<new () => { name?: string }>).map((M) => new M().name ?? M.name);
}

/** Where a stream error comes from decides what the operator is told. */
function damaged(file: string, error: unknown): Error {
  const e = error as NodeJS.ErrnoException;
  if (e instanceof BackupError) return e;
  if (e?.code === 'ENOENT') return new BackupError(`cannot read ${file}: no such file`);
  if (e?.code === 'EACCES') return new BackupError(`cannot read ${file}: permission denied`);
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return new BackupError(`${file} is damaged or truncated (gzip: ${e.message}); nothing was restored`);
  return e;
}

/** Lines of the decompressed file, each with its terminating newline (a last line without one is returned as is: the file was cut). */
async function* lines(input: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const i = chunk.indexOf(10, start);
      if (i < 0) break;
      const piece = chunk.subarray(start, i + 1);
      yield pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      start = i + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length) yield Buffer.concat(pending);
}

/** What a backup file holds, read front to back; the reader validates structure, counts and the checksum. */
export interface BackupVisitor {
  /** The header is valid and known migrations only: the visitor may now prepare its target. */
  header?(header: BackupHeader): Promise<void>;
  tableStart?(start: TableStart): Promise<void>;
  row?(values: Array<string | null>): Promise<void>;
  tableEnd?(table: string, rows: number): Promise<void>;
  sequences?(values: SequenceValue[]): Promise<void>;
}

export interface BackupContents {
  header: BackupHeader;
  rows: number;
  perTable: Record<string, number>;
  sequences: SequenceValue[];
}

/** Reads the first line only: the header, checked against this build. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  const stop = new Error('header read');
  await readBackup(file, {
    header: async (h) => {
      header = h;
      throw stop;
    },
  }).catch((error) => {
    if (error !== stop) throw error;
  });
  return header!;
}

/**
 * Streams a backup file through `visitor`. Throws BackupError when the file is not a backup, was
 * made by a newer build, is damaged, or ends before its trailer; the visitor's work must then be
 * undone by the caller (restore runs in one transaction for that reason).
 */
export async function readBackup(file: string, visitor: BackupVisitor): Promise<BackupContents> {
  const fd = await open(file, 'r').catch((error) => {
    throw damaged(file, error);
  });
  const magic = Buffer.alloc(5);
  await fd.read(magic, 0, 5, 0).finally(() => fd.close());
  if (magic.toString('latin1') === 'PGDMP') {
    throw new BackupError(`${file} is a pg_dump archive, not a phoihop backup: restore it with pg_restore (docs/backups.md)`);
  }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) throw new BackupError(`${file} is not a phoihop backup (not gzip-compressed)`);

  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);

  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let table: TableStart | undefined;
  let tableRows = 0;
  let rows = 0;
  const perTable: Record<string, number> = {};
  let sequences: SequenceValue[] = [];
  let trailer: Trailer | undefined;
  let lineNo = 0;
  const bad = (why: string) => new BackupError(`${file} is damaged: line ${lineNo} ${why}; nothing was restored`);
  try {
    for await (const raw of lines(gunzip)) {
      lineNo++;
      if (trailer) throw bad('follows the end of the backup');
      if (raw[raw.length - 1] !== 10) throw new BackupError(`${file} is truncated: it ends in the middle of line ${lineNo}; nothing was restored`);
      let value: any;
      try {
        value = JSON.parse(raw.toString('utf8'));
      } catch {
        throw lineNo === 1 ? new BackupError(`${file} is not a phoihop backup`) : bad('is not valid JSON');
      }

      if (!header) {
        header = checkHeader(file, value);
        hash.update(raw);
        await visitor.header?.(header);
        continue;
      }
      if (Array.isArray(value)) {
        if (!table) throw bad('is a row outside any table');
        if (value.length !== table.columns.length || !value.every((v) => v === null || typeof v === 'string')) {
          throw bad(`is not a row of ${table.table} (${table.columns.length} text values or nulls)`);
        }
        hash.update(raw);
        tableRows++;
        await visitor.row?.(value);
        continue;
      }
      if (value && typeof value.table === 'string') {
        if (table) throw bad(`starts ${value.table} before ${table.table} ended`);
        if (value.table !== header.tables[Object.keys(perTable).length]) throw bad(`starts ${value.table}, which the header does not list at this place`);
        if (!Array.isArray(value.columns) || !value.columns.every((c: any) => typeof c?.name === 'string' && typeof c?.type === 'string')) throw bad('has no column list');
        hash.update(raw);
        table = value as TableStart;
        tableRows = 0;
        await visitor.tableStart?.(table);
        continue;
      }
      if (value && value.end === 'backup') {
        if (table) throw new BackupError(`${file} is truncated: it ends inside ${table.table}; nothing was restored`);
        trailer = value as Trailer;
        if (trailer.sha256 !== hash.digest('hex')) throw new BackupError(`${file} is damaged: its contents do not match its checksum; nothing was restored`);
        if (trailer.rows !== rows || trailer.tables !== Object.keys(perTable).length) throw bad('counts other tables or rows than the file holds');
        continue;
      }
      if (value && typeof value.end === 'string') {
        if (!table || value.end !== table.table) throw bad(`ends ${value.end}, which is not the table being read`);
        if (value.rows !== tableRows) throw bad(`says ${table.table} has ${value.rows} rows, but ${tableRows} were read`);
        hash.update(raw);
        await visitor.tableEnd?.(table.table, tableRows);
        perTable[table.table] = tableRows;
        rows += tableRows;
        table = undefined;
        continue;
      }
      if (value && Array.isArray(value.sequences)) {
        if (table) throw bad(`lists sequences inside ${table.table}`);
        hash.update(raw);
        sequences = value.sequences as SequenceValue[];
        await visitor.sequences?.(sequences);
        continue;
      }
      throw bad('is not part of the backup format');
    }
  } catch (error) {
    source.destroy();
    gunzip.destroy();
    throw damaged(file, error);
  }
  if (!header) throw new BackupError(`${file} is empty or truncated before its header; nothing was restored`);
  if (!trailer) throw new BackupError(`${file} is truncated: it ends after line ${lineNo}, before the end of the backup; nothing was restored`);
  const missing = header.tables.filter((t) => !(t in perTable));
  if (missing.length) throw new BackupError(`${file} is damaged: tables ${missing.join(', ')} are missing; nothing was restored`);
  return { header, rows, perTable, sequences };
}

function checkHeader(file: string, value: any): BackupHeader {
  if (!value || value.format !== BACKUP_FORMAT || typeof value.version !== 'number') throw new BackupError(`${file} is not a phoihop backup`);
  if (value.version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(`${file} was written by a newer phoihop (backup format ${value.version}; this build reads up to ${BACKUP_FORMAT_VERSION}): restore it with that version`);
  }
  const header = value as BackupHeader;
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw new BackupError(`${file} is not a phoihop backup (its header lacks migrations or tables)`);
  const known = new Set(knownMigrations());
  const unknown = header.migrations.map((m) => m.name).filter((n) => !known.has(n));
  if (unknown.length) {
    throw new BackupError(
      `${file} comes from a newer Phối Hợp: its database had migrations this build does not know (${unknown.join(', ')}). Restore it with that version or a later one.`,
    );
  }
  return header;
}
