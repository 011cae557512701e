import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Digesting, SHA256_HEX, type FileStore, type StoredBlob } from './file-store.js';

/**
 * Blobs as files in a directory: `<root>/<first two hex digits>/<sha256>`. An upload is written to
 * `<root>/tmp/`, flushed, then renamed into place (atomic on one file system), so a reader never
 * finds a half-written blob under its digest.
 */
export class FsFileStore implements FileStore {
  readonly kind = 'fs' as const;

  constructor(readonly root: string) {}

  path(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(source: Readable): Promise<StoredBlob> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const temp = join(tmpDir, randomUUID());
    const digesting = new Digesting();
    try {
      await pipeline(source, digesting, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      const handle = await open(temp, 'r');
      await handle.sync().finally(() => handle.close());
      const sha256 = digesting.digest();
      const final = this.path(sha256);
      if (await this.exists(sha256)) {
        await rm(temp, { force: true });
        return { sha256, size: digesting.size, existed: true };
      }
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      await rename(temp, final);
      return { sha256, size: digesting.size, existed: false };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    if (!(await this.exists(sha256))) return undefined;
    return createReadStream(this.path(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.path(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.path(sha256), { force: true });
  }

  /** Temporary files not written to since `olderThan`: a write in progress keeps touching its file. */
  async removeLeftovers(olderThan: Date): Promise<number> {
    const tmpDir = join(this.root, 'tmp');
    const names = await readdir(tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = join(tmpDir, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && info.mtime < olderThan) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
