import { randomUUID } from 'node:crypto';

/**
 * What a caller's request id may be: at most 128 characters among letters, digits and `._:-`. It
 * is logged, echoed in a header and stored in history and audit rows, so anything longer or with
 * other characters (spaces, quotes, markup, control or non-ASCII characters, two ids joined by a
 * comma) is not trusted to mean anything and is replaced, not cleaned up.
 */
const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is safe to log and store, otherwise a generated one. */
export function acceptedRequestId(given: string | undefined): string {
  return given !== undefined && SAFE.test(given) ? given : randomUUID();
}
