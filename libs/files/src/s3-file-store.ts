import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FileStoreSettings } from '#libs/config';
import { Digesting, SHA256_HEX, type FileStore, type StoredBlob } from './file-store.js';

type S3Settings = Extract<FileStoreSettings, { kind: 's3' }>;

/**
 * Blobs as objects of an S3-compatible bucket, keyed `<prefix><sha256>`. The digest (the key) is
 * known only at the end of an upload, and a plain PutObject needs the length up front: an upload is
 * spooled to a temporary file while it is hashed (memory stays flat), then sent once — or not at
 * all when the bucket holds the object already.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // Checksums the SDK adds by default are not understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 digest: ${sha256}`);
    return this.settings.prefix + sha256;
  }

  async put(source: Readable): Promise<StoredBlob> {
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-s3-'));
    const spool = join(dir, randomUUID());
    try {
      const digesting = new Digesting();
      await pipeline(source, digesting, createWriteStream(spool, { flags: 'wx', mode: 0o600 }));
      const sha256 = digesting.digest();
      if (await this.exists(sha256)) return { sha256, size: digesting.size, existed: true };
      await this.client.send(
        new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.key(sha256), Body: createReadStream(spool), ContentLength: digesting.size, ContentType: 'application/octet-stream' }),
      );
      return { sha256, size: digesting.size, existed: false };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async get(sha256: string): Promise<Readable | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(sha256) }));
      return out.Body as Readable;
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.key(sha256) }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.key(sha256) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function notFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}
