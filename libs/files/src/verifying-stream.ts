import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/**
 * Passes a blob's bytes through while hashing them, always holding the latest chunk back: the
 * last bytes leave only once the whole blob hashed to the expected digest (and size). A changed
 * blob therefore never reaches a reader whole: the stream fails instead (the HTTP response is cut
 * off), and `onMismatch` is told.
 */
export class VerifyingStream extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | undefined;
  private size = 0;

  constructor(
    private readonly expected: { sha256: string; size: number },
    private readonly onMismatch: (actual: { sha256: string; size: number }) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    const out = this.held;
    this.held = chunk;
    done(null, out);
  }

  override _flush(done: (e?: Error | null, data?: Buffer) => void): void {
    const sha256 = this.hash.digest('hex');
    if (sha256 !== this.expected.sha256 || this.size !== this.expected.size) {
      this.onMismatch({ sha256, size: this.size });
      done(new Error(`stored bytes no longer match their digest (expected ${this.expected.sha256}, read ${sha256})`));
      return;
    }
    done(null, this.held);
  }
}

/** The SHA-256 and size of a stream's bytes, read to the end. */
export async function digestOf(stream: NodeJS.ReadableStream): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
