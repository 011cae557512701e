import { fileStoreSettings, loadEnvironment } from '#libs/config';
import { BackupError, createDataSource, FilesRepository, readBackup, readBackupHeader, restoreBackup, verifyHistoryChains, writeBackup } from '#libs/persistence';
import { EXIT, run, UsageError } from '../cli.js';
import { NoDatabaseError, withDatabase } from '../database.js';
import { backup as backupSpec, restore as restoreSpec } from '../specs.js';

const n = (x: number) => x.toLocaleString('en-US');
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Refusals and damaged files are the operator's to act on: their message, no stack. */
function failed(error: unknown): number {
  if (error instanceof BackupError || error instanceof NoDatabaseError) {
    console.error(`✗ ${error.message}`);
    return EXIT.failed;
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
  return run(backupSpec, args, ({ values }) => {
    if (values.format !== undefined && values.format !== 'phoihop') {
      throw new UsageError(`--format ${values.format}: only the built-in format is written here; for pg_dump archives run a pg_dump that matches the server (docs/backups.md)`);
    }
    return writeTo(values.out);
  });
}

async function writeTo(out: string): Promise<number> {
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
        return EXIT.ok;
      },
      { mustExist: true },
    );
  } catch (error) {
    return failed(error);
  }
}

/** `phoihop restore --in FILE [--force] [--check] [--skip-verify]`. */
export async function restore(args: string[]): Promise<number> {
  return run(restoreSpec, args, ({ values }) => restoreFrom(values.in, { force: values.force === true, check: values.check === true, skipVerify: values['skip-verify'] === true }));
}

async function restoreFrom(file: string, options: { force: boolean; check: boolean; skipVerify: boolean }): Promise<number> {
  try {
    if (options.check) {
      const started = Date.now();
      const contents = await readBackup(file, {});
      const h = contents.header;
      console.log(`✓ ${file} is complete and intact: backup of ${h.database} at ${h.createdAt} (PostgreSQL ${h.server.version}), this build can restore it`);
      console.log(`  ${h.tables.length} tables, ${n(contents.rows)} rows, ${contents.sequences.length} sequences, ${h.migrations.length} migrations; read in ${seconds(Date.now() - started)}`);
      return EXIT.ok;
    }
    // A missing, foreign or too new file is refused before any database is started or created.
    await readBackupHeader(file);
    return await withDatabase(async (url) => {
      const result = await restoreBackup(url, file, {
        force: options.force,
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
      if (options.skipVerify) return EXIT.ok;
      const chains = await verifyHistoryChains(url);
      if (!chains.ok) {
        const b = chains.broken!;
        console.log(`✗ history chain of instance ${b.instanceId} broken at seq ${b.seq}: ${b.reason}`);
        return EXIT.failed;
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
      if (!filesOk) return EXIT.failed;
      // Loaded only here: the ledger's verifier brings the audit library along.
      return (await import('./audit.js')).verifyLedger(url);
    });
  } catch (error) {
    return failed(error);
  }
}
