import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** What the callback must check, kept between the redirect to the provider and its answer. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  /** PKCE code verifier: whoever holds only the code cannot redeem it. */
  verifier: string;
  /** A path of the web app to land on afterwards (already checked to be same-origin). */
  returnTo: string;
  /** Epoch milliseconds after which the sign-in must be started again. */
  expiresAt: number;
}

/** How long a person may take at the provider's sign-in page. */
export const PENDING_TTL_MS = 10 * 60_000;

/** The AES-256-GCM key for the pending sign-in cookie, derived from the api's signing secret (never that secret itself). */
export function pendingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'phoihop', 'oidc pending sign-in v1', 32));
}

/**
 * Encrypted, not only signed: the PKCE verifier and nonce must stay secret from whoever sees the
 * browser's cookies in transit logs; GCM also authenticates, so a changed byte opens to nothing.
 */
export function sealPending(pending: PendingSignIn, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pending), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The pending sign-in in a cookie, or null when it is missing, forged, damaged or expired. */
export function openPending(sealed: string | undefined, key: Buffer, now = Date.now()): PendingSignIn | null {
  if (!sealed || sealed.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return null;
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const text = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
    const pending = JSON.parse(text) as PendingSignIn;
    if (typeof pending.expiresAt !== 'number' || pending.expiresAt <= now) return null;
    return pending;
  } catch {
    return null;
  }
}

/** A same-origin path to return to after sign-in, or undefined: `//host` and `/\host` leave the origin in browsers. */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return undefined;
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(value)) return undefined;
  return value;
}
