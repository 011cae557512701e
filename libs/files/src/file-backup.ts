import { Readable } from 'node:stream';
import { FilesRepository, type Database } from '#libs/persistence';
import type { FileStore } from './file-store.js';
import { PostgresFileStore, PG_CHUNK_BYTES } from './postgres-file-store.js';
import { digestOf } from './verifying-stream.js';

export interface StoredFilesCheck {
  ok: boolean;
  /** Distinct blobs checked. */
  checked: number;
  /** Blobs missing or whose bytes no longer hash to their digest, with the names of the files using them. */
  broken: Array<{ sha256: string; names: string[]; reason: string }>;
}

/**
 * Re-hashes every blob a file row names, from the store: what a restore runs before the restored
 * database is trusted (and what an operator can run any time). Memory holds one chunk at a time.
 */
export async function verifyStoredFiles(database: Database, files: FilesRepository, store: FileStore): Promise<StoredFilesCheck> {
  const broken: StoredFilesCheck['broken'] = [];
  const digests = await files.distinctDigests(database.manager);
  for (const { sha256, size } of digests) {
    const source = await store.get(sha256);
    const names = async () => (await files.namesOf(database.manager, sha256)).slice(0, 10);
    if (!source) {
      broken.push({ sha256, names: await names(), reason: 'missing from the store' });
      continue;
    }
    const actual = await digestOf(source);
    if (actual.sha256 !== sha256 || actual.size !== size) broken.push({ sha256, names: await names(), reason: `the bytes hash to ${actual.sha256} (${actual.size} bytes)` });
  }
  return { ok: broken.length === 0, checked: digests.length, broken };
}

/**
 * A backup holds every blob in `file_blobs`, whichever store the deployment uses: for a directory or
 * S3 store these rows are read from the store while the backup is written (see blobRows), so one
 * file carries the whole case file. After a restore into such a deployment this moves them from
 * the database into the store (each re-hashed on the way: a blob whose bytes do not match its digest
 * is not moved and is reported), and leaves `file_blobs` empty.
 */
export async function moveBlobsToStore(database: Database, files: FilesRepository, store: FileStore): Promise<{ moved: number; broken: string[] }> {
  if (store.kind === 'postgres') return { moved: 0, broken: [] };
  const inDatabase = new PostgresFileStore(database, files);
  let moved = 0;
  const broken: string[] = [];
  for (const sha256 of await files.blobKeys(database.manager)) {
    const source = await inDatabase.get(sha256);
    if (!source) continue;
    const stored = await store.put(source);
    if (stored.sha256 !== sha256) {
      if (!stored.existed) await store.delete(stored.sha256);
      broken.push(sha256);
      continue;
    }
    await files.deleteBlob(database.manager, sha256);
    moved++;
  }
  return { moved, broken };
}

/**
 * The `file_blobs` rows of a backup taken from a directory or S3 store: every blob a file row names,
 * read from the store in PG_CHUNK_BYTES chunks, as the backup writes rows (text forms: digest,
 * chunk number, `\x`-hex bytes).
 */
export async function* blobRows(database: Database, files: FilesRepository, store: FileStore): AsyncGenerator<Array<string | null>> {
  for (const { sha256 } of await files.distinctDigests(database.manager)) {
    const source = await store.get(sha256);
    if (!source) throw new Error(`the blob ${sha256} is missing from the ${store.kind} store: the backup would not hold it`);
    let chunkNo = 0;
    let pending: Buffer[] = [];
    let bytes = 0;
    for await (const piece of source as Readable) {
      pending.push(piece as Buffer);
      bytes += (piece as Buffer).length;
      while (bytes >= PG_CHUNK_BYTES) {
        const all = Buffer.concat(pending, bytes);
        yield [sha256, String(chunkNo++), '\\x' + all.subarray(0, PG_CHUNK_BYTES).toString('hex')];
        const rest = all.subarray(PG_CHUNK_BYTES);
        pending = [rest];
        bytes = rest.length;
      }
    }
    if (bytes || chunkNo === 0) yield [sha256, String(chunkNo), '\\x' + Buffer.concat(pending, bytes).toString('hex')];
  }
}
