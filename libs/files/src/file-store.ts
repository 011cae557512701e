import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';

/** A blob as stored: its SHA-256 (hex, the key) and size; `existed` when the same bytes were stored already. */
export interface StoredBlob {
  sha256: string;
  size: number;
  existed: boolean;
}

/**
 * The port every store fits: bytes in, content-addressed by SHA-256 (the same bytes twice are one
 * blob), bytes out. A put that fails half-way leaves nothing behind; a blob is written whole or not
 * at all, so a reader never sees a partial one.
 */
export interface FileStore {
  readonly kind: 'postgres' | 'fs' | 's3';
  put(source: Readable): Promise<StoredBlob>;
  /** The blob's bytes, or undefined when there is no such blob. */
  get(sha256: string): Promise<Readable | undefined>;
  exists(sha256: string): Promise<boolean>;
  /** Removes the blob; nothing when it is not there. */
  delete(sha256: string): Promise<void>;
  /**
   * Removes what uploads that never finished left behind (a crash in the middle of one) when they
   * began before `olderThan`; answers how many. A store whose writes are atomic has none.
   */
  removeLeftovers?(olderThan: Date): Promise<number>;
  /** Ends the store's connections (S3 client). */
  close?(): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** A pass-through that hashes and counts what goes through it: the digest a put stores under. */
export class Digesting extends Transform {
  private readonly hash: Hash = createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
