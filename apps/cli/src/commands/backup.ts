import { fileStoreSettings, loadEnvironment } from '#libs/config';
import { BackupError, createDataSource, FilesRepository, readBackup, readBackupHeader, restoreBackup, verifyHistoryChains, writeBackup } from '#libs/persistence';
import { NoDatabaseError, withDatabase } from '../database.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const BACKUP_USAGE = `usage: phoihop backup --out FILE
  A logical backup of DATABASE_URL (or of the embedded database under DATA_DIR) in one consistent
  snapshot, gzip-compressed; FILE must not exist yet. See docs/backups.md.`;

const RESTORE_USAGE = `usage: phoihop restore --in FILE [--force] [--check] [--skip-verify]
  Restores FILE into DATABASE_URL (or the embedded database under DATA_DIR; a new DATA_DIR gets a new
  cluster) in one transaction. The database must be empty; --force also accepts one that holds no
  workflow instances and erases what a first start seeded there. --check only reads and checks the file.`;

const n = (x: number) => x.toLocaleString('en-US');
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Refusals and damaged files are the operator's to act on: their message, no stack. */
function failed(error: unknown): number {
  if (error instanceof BackupError || error instanceof NoDatabaseError) {
    console.error(`✗ ${error.message}`);
    return 1;
  }
  throw error;
}

/**
 * The attachments' store as the server is set up (FILE_STORE), with a connection of its own; the
 * files library is loaded only here.
 */
async function withFileStore<T>(url: string, work: (files: typeof import('#libs/files'), store: import('#libs/files').FileStore, db: import('#libs/persistence').Database) => Promise<T>): Promise<T> {
  const files = await import('#libs/files');
  const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli-files' }).initialize();
  const store = files.createFileStore(fileStoreSettings(loadEnvironment()), ds, new FilesRepository());
  try {
    return await work(files, store, ds);
  } finally {
    await store.close?.();
    await ds.destroy();
  }
}

/** `phoihop backup --out FILE`. */
export async function backup(args: string[]): Promise<number> {
  const out = option(args, 'out');
  const format = option(args, 'format');
  if (format && format !== 'phoihop') {
    console.error(`--format ${format}: only the built-in format is written here; for pg_dump archives run a pg_dump that matches the server (docs/backups.md)`);
    return 2;
  }
  if (!out || out.startsWith('--')) {
    console.error(BACKUP_USAGE);
    return 2;
  }
  try {
    return await withDatabase(
      async (url) => {
        // Attachments kept outside the database are written into the backup as file_blobs rows.
        const external = fileStoreSettings(loadEnvironment()).kind !== 'postgres';
        const write = (rowsOf?: (table: string) => AsyncIterable<Array<string | null>> | undefined) => writeBackup(url, out, {
          rowsOf,
          applicationName: 'phoihop-cli-backup',
          onTable: (table, rows) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${table}: ${n(rows)} rows\x1b[K`);
          },
        });
        const result = external
          ? await withFileStore(url, (files, store, db) => write((table) => (table === 'file_blobs' ? files.blobRows(db, new FilesRepository(), store) : undefined)))
          : await write();
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        const h = result.header;
        console.log(`✓ backup of ${h.database} (PostgreSQL ${h.server.version}, snapshot at ${h.createdAt}) written to ${out}`);
        console.log(`  ${h.tables.length} tables, ${n(result.rows)} rows, ${result.sequences} sequences, ${h.migrations.length} migrations; ${size(result.bytes)} in ${seconds(result.ms)}`);
        for (const [table, rows] of Object.entries(result.perTable)) if (rows) console.log(`    ${table.padEnd(24)} ${n(rows).padStart(10)}`);
        return 0;
      },
      { mustExist: true },
    );
  } catch (error) {
    return failed(error);
  }
}

/** `phoihop restore --in FILE [--force] [--check] [--skip-verify]`. */
export async function restore(args: string[]): Promise<number> {
  const file = option(args, 'in');
  if (!file || file.startsWith('--')) {
    console.error(RESTORE_USAGE);
    return 2;
  }
  try {
    if (args.includes('--check')) {
      const started = Date.now();
      const contents = await readBackup(file, {});
      const h = contents.header;
      console.log(`✓ ${file} is complete and intact: backup of ${h.database} at ${h.createdAt} (PostgreSQL ${h.server.version}), this build can restore it`);
      console.log(`  ${h.tables.length} tables, ${n(contents.rows)} rows, ${contents.sequences.length} sequences, ${h.migrations.length} migrations; read in ${seconds(Date.now() - started)}`);
      return 0;
    }
    // A missing, foreign or too new file is refused before any database is started or created.
    await readBackupHeader(file);
    return await withDatabase(async (url) => {
      const result = await restoreBackup(url, file, {
        force: args.includes('--force'),
        applicationName: 'phoihop-cli-restore',
        onTable: (table, rows) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${table}: ${n(rows)} rows\x1b[K`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      const h = result.header;
      console.log(`✓ restored ${file} (backup of ${h.database} at ${h.createdAt}, PostgreSQL ${h.server.version})`);
      console.log(`  ${h.tables.length} tables, ${n(result.rows)} rows, ${result.sequences.length} sequences in ${seconds(result.ms)}`);
      if (result.cleared.length) console.log(`  --force: erased the rows that were there in ${result.cleared.join(', ')}`);
      if (result.migrated.before.length) console.log(`  migrations run before loading: ${result.migrated.before.join(', ')}`);
      if (result.migrated.after.length) console.log(`  newer migrations run after loading: ${result.migrated.after.join(', ')}`);
      if (args.includes('--skip-verify')) return 0;
      const chains = await verifyHistoryChains(url);
      if (!chains.ok) {
        const b = chains.broken!;
        console.log(`✗ history chain of instance ${b.instanceId} broken at seq ${b.seq}: ${b.reason}`);
        return 1;
      }
      console.log(`✓ history: ${n(chains.instances)} instances, ${n(chains.rows)} rows, every hash chain intact`);
      const filesOk = await withFileStore(url, async (files, store, db) => {
        const repo = new FilesRepository();
        const moved = await files.moveBlobsToStore(db, repo, store);
        if (moved.moved) console.log(`  attachments: ${n(moved.moved)} blobs moved from the backup into the ${store.kind} store`);
        const check = await files.verifyStoredFiles(db, repo, store);
        for (const b of check.broken) console.log(`✗ attachment ${b.sha256} (${b.names.join(', ')}): ${b.reason}`);
        if (check.ok) console.log(`✓ attachments: ${n(check.checked)} blobs, every digest intact`);
        return check.ok && moved.broken.length === 0;
      });
      if (!filesOk) return 1;
      // Loaded only here: the ledger's verifier brings the audit library along.
      return (await import('./audit.js')).verifyLedger(url);
    });
  } catch (error) {
    return failed(error);
  }
}
