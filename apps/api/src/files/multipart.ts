import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '#libs/core';

/** What a drained-but-refused upload may still send before the connection is simply closed. */
const DRAIN_LIMIT_FACTOR = 2;

export interface UploadPart {
  /** The `file` part's bytes, as they arrive: never buffered whole. */
  stream: Readable;
  filename: string | undefined;
  /** Settles when the whole request body was read. */
  finished: Promise<void>;
  /** After a refusal: reads and discards the rest of the body (up to a bound), so the client gets the answer rather than a reset connection. */
  drain(): Promise<void>;
}

const refuse = (field: string, reason: string) => new DomainError(ErrorCode.ValidationFailed, `${field} ${reason}`, { problems: [{ field, reason }] });

/**
 * Streams the `file` part of a multipart/form-data request (busboy). The part is handed over as a
 * stream as soon as its headers are read; other parts are skipped. Busboy stops a part one byte
 * past `maxBytes`, so a too-large upload is told apart from one of exactly the limit.
 */
export function readUploadPart(req: IncomingMessage, maxBytes: number): Promise<UploadPart> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) return Promise.reject(refuse('Content-Type', 'must be multipart/form-data with a boundary'));
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 40, headerPairs: 50 }, defParamCharset: 'utf8' });
  } catch {
    return Promise.reject(refuse('Content-Type', 'must be multipart/form-data with a boundary'));
  }
  let readBytes = 0;
  req.on('data', (chunk: Buffer) => {
    readBytes += chunk.length;
  });
  const finished = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', reject);
    req.on('aborted', () => reject(refuse('body', 'ended before the upload was complete')));
  });
  finished.catch(() => undefined);
  const drain = async () => {
    const bound = maxBytes * DRAIN_LIMIT_FACTOR;
    if (req.readableEnded || req.complete) return;
    await new Promise<void>((resolve) => {
      const stop = () => {
        req.off('data', check);
        resolve();
      };
      const check = () => {
        if (readBytes > bound) {
          // A client that keeps sending far past the limit loses the connection instead of our bandwidth.
          req.unpipe(parser);
          req.destroy();
          stop();
        }
      };
      req.on('data', check);
      req.once('end', stop);
      req.once('close', stop);
      req.resume();
    });
  };
  return new Promise<UploadPart>((resolve, reject) => {
    let found = false;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ stream, filename: info.filename, finished, drain });
    });
    parser.on('close', () => {
      if (!found) reject(refuse('file', 'is required: send the document as the multipart field "file"'));
    });
    parser.on('error', (e: Error) => reject(refuse('body', `is not valid multipart/form-data (${e.message})`)));
    req.pipe(parser);
  });
}
