import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Database, FilesRepository } from '#libs/persistence';
import type { FileStore, StoredBlob } from './file-store.js';

/** Bytes per `file_blobs` row: large enough for few rows per file, small enough to keep one in memory per reader. */
export const PG_CHUNK_BYTES = 1024 * 1024;

/**
 * The default store: blobs in PostgreSQL (`file_blobs`), one row per MB. An upload writes its
 * chunks under a temporary key as they arrive (memory holds one chunk), then gives them its digest
 * as key in one short transaction — or drops them when the same bytes are there already.
 */
export class PostgresFileStore implements FileStore {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly database: Database,
    private readonly files: FilesRepository,
  ) {}

  async put(source: Readable): Promise<StoredBlob> {
    const temp = `tmp:${Date.now()}:${randomUUID()}`;
    const hash = createHash('sha256');
    let size = 0;
    let chunkNo = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (!pendingBytes && chunkNo > 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.files.insertChunk(this.database.manager, temp, chunkNo++, data);
    };
    try {
      for await (const piece of source) {
        const buf = piece as Buffer;
        hash.update(buf);
        size += buf.length;
        let offset = 0;
        while (offset < buf.length) {
          const take = Math.min(PG_CHUNK_BYTES - pendingBytes, buf.length - offset);
          pending.push(buf.subarray(offset, offset + take));
          pendingBytes += take;
          offset += take;
          if (pendingBytes === PG_CHUNK_BYTES) await flush();
        }
      }
      await flush();
      const sha256 = hash.digest('hex');
      const outcome = await this.database.transaction(async (tx) => {
        await this.files.lockDigest(tx, sha256);
        return this.files.finishBlob(tx, temp, sha256);
      });
      return { sha256, size, existed: outcome === 'existed' };
    } catch (error) {
      await this.files.deleteBlob(this.database.manager, temp).catch(() => undefined);
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    if (!(await this.exists(sha256))) return undefined;
    const { database, files } = this;
    async function* chunks() {
      for (let n = 0; ; n++) {
        const data = await files.readChunk(database.manager, sha256, n);
        if (!data) return;
        yield data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  exists(sha256: string): Promise<boolean> {
    return this.files.blobExists(this.database.manager, sha256);
  }

  removeLeftovers(olderThan: Date): Promise<number> {
    return this.files.deleteTempBlobsBefore(this.database.manager, olderThan.getTime());
  }

  async delete(sha256: string): Promise<void> {
    await this.files.deleteBlob(this.database.manager, sha256);
  }
}
