import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { applicationSequences, applicationTables, quoteIdent, selectRows, type Sql } from './catalog.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupHeader, type SequenceValue, type TableEnd, type TableStart, type Trailer } from './format.js';

/** Rows fetched from the cursor at a time: memory stays flat whatever the size of the database. */
const FETCH = 1000;

/** Every value as PostgreSQL's text form, exactly as the server sends it: nothing is parsed, so nothing is lost. */
export const RAW_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * Session settings for both ends: the text forms of timestamps, bytea and floats are then the same
 * whatever the server's or the role's defaults, and long runs are not cut by a statement timeout.
 */
export const SESSION_SETTINGS = [
  `SET LOCAL TimeZone = 'UTC'`,
  `SET LOCAL DateStyle = 'ISO, YMD'`,
  `SET LOCAL IntervalStyle = 'postgres'`,
  `SET LOCAL extra_float_digits = 3`,
  `SET LOCAL bytea_output = 'hex'`,
  `SET LOCAL statement_timeout = 0`,
  `SET LOCAL idle_in_transaction_session_timeout = 0`,
];

export interface BackupOptions {
  applicationName?: string;
  /** Called after each table is written: progress, and a hook for tests that write meanwhile. */
  onTable?: (table: string, rows: number) => void | Promise<void>;
  /** gzip level, 1 (fast) to 9 (small); 6 by default. */
  level?: number;
  /**
   * Rows to write for a table instead of reading it (each row's columns in PostgreSQL's text form):
   * attachments kept outside the database (a directory or S3 store) are written as `file_blobs`
   * rows, so that one backup file carries every document whatever the store.
   */
  rowsOf?: (table: string) => AsyncIterable<Array<string | null>> | undefined;
}

export interface BackupResult {
  file: string;
  header: BackupHeader;
  rows: number;
  perTable: Record<string, number>;
  sequences: number;
  /** Size of the compressed file. */
  bytes: number;
  ms: number;
}

/**
 * Writes a logical backup of the database at `url` to `file`: every application table and sequence,
 * read in one REPEATABLE READ snapshot, streamed through gzip. The file appears only when complete
 * (written beside it, flushed to disk, then renamed); an existing file is never overwritten.
 */
export async function writeBackup(url: string, file: string, options: BackupOptions = {}): Promise<BackupResult> {
  const started = Date.now();
  if (await stat(file).then(() => true, () => false)) throw new BackupError(`${file} already exists: choose a new name (backups are never overwritten)`);
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  const client = new pg.Client({ connectionString: url, application_name: options.applicationName ?? 'phoihop-backup' });
  await client.connect();
  let bytes = 0;
  const perTable: Record<string, number> = {};
  let header: BackupHeader | undefined;
  let sequenceCount = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const s of SESSION_SETTINGS) await client.query(s);
    const sql: Sql = async (text, params) => (await client.query(text, params as unknown[])).rows;

    // The first statement takes the snapshot: every row below is as of this instant.
    const [info] = await sql(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num, current_database() AS db,
              to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, to_regclass('public.migrations') IS NOT NULL AS migrated`,
    );
    if (!info.migrated) throw new BackupError(`the database ${info.db} has no migrations table: it is not a Phối Hợp database (or was never migrated)`);
    const tables = await applicationTables(sql);
    // Like pg_dump: no DDL (a migration, a TRUNCATE) may change a table while it is being read.
    if (tables.length) await client.query(`LOCK TABLE ${tables.map((t) => quoteIdent(t.name)).join(', ')} IN ACCESS SHARE MODE`);
    const migrations = (await sql(`SELECT "timestamp"::bigint AS ts, name FROM migrations ORDER BY "timestamp", id`)).map((m) => ({ timestamp: Number(m.ts), name: m.name as string }));
    // Read now, inside the snapshot's transaction: at least every value a visible row took.
    const sequences: SequenceValue[] = [];
    for (const name of await applicationSequences(sql)) {
      const [s] = await sql(`SELECT last_value::text AS v, is_called FROM ${quoteIdent(name)}`);
      sequences.push({ name, lastValue: s.v, isCalled: s.is_called });
    }
    sequenceCount = sequences.length;
    const head: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_FORMAT_VERSION,
      createdAt: info.at,
      server: { version: info.version, versionNum: info.num },
      database: info.db,
      migrations,
      snapshot: 'repeatable read',
      tables: tables.map((t) => t.name),
    };
    header = head;

    const hash = createHash('sha256');
    let total = 0;
    const line = (value: unknown) => {
      const text = JSON.stringify(value) + '\n';
      hash.update(text);
      return text;
    };
    async function* content(): AsyncGenerator<string> {
      yield line(head);
      for (const table of tables) {
        yield line({ table: table.name, columns: table.columns } satisfies TableStart);
        let rows = 0;
        const given = options.rowsOf?.(table.name);
        if (given) {
          for await (const r of given) {
            yield line(r);
            rows++;
          }
        } else {
          // Rows of binary chunks (attachments, 1 MB each) are fetched a few at a time: memory stays flat there too.
          const fetch = table.columns.some((c) => c.type === 'bytea') ? 4 : FETCH;
          await client.query(`DECLARE phoihop_backup NO SCROLL CURSOR FOR ${selectRows(table)}`);
          for (;;) {
            const page = await client.query({ text: `FETCH ${fetch} FROM phoihop_backup`, rowMode: 'array', types: RAW_TEXT });
            if (page.rows.length) yield page.rows.map((r) => line(r)).join('');
            rows += page.rows.length;
            if (page.rows.length < fetch) break;
          }
          await client.query('CLOSE phoihop_backup');
        }
        yield line({ end: table.name, rows } satisfies TableEnd);
        perTable[table.name] = rows;
        total += rows;
        await options.onTable?.(table.name, rows);
      }
      yield line({ sequences });
      const trailer: Trailer = { end: 'backup', tables: tables.length, rows: total, sha256: hash.digest('hex') };
      yield JSON.stringify(trailer) + '\n';
    }

    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.from(content()), createGzip({ level: options.level ?? 6 }), count, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    await client.query('COMMIT');
    const handle = await open(partial, 'r');
    await handle.sync().finally(() => handle.close());
    await rename(partial, file);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  const rows = Object.values(perTable).reduce((a, b) => a + b, 0);
  return { file, header: header!, rows, perTable, sequences: sequenceCount, bytes, ms: Date.now() - started };
}
