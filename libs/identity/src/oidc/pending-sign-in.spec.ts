import { describe, expect, it } from '@jest/globals';
import { openPending, pendingKey, safeReturnPath, sealPending, type PendingSignIn } from './pending-sign-in.js';

const key = pendingKey('a-signing-secret-of-at-least-32-characters!');
const pending: PendingSignIn = { state: 's'.repeat(43), nonce: 'n'.repeat(43), verifier: 'v'.repeat(43), returnTo: '/cases', expiresAt: 2_000_000_000_000 };

describe('the pending sign-in cookie', () => {
  it('opens to what was sealed, and reveals nothing of it', () => {
    const sealed = sealPending(pending, key);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('vvvv');
    expect(openPending(sealed, key, 1_000)).toEqual(pending);
  });

  it('opens to nothing when altered, expired, sealed with another key, or not one at all', () => {
    const sealed = sealPending(pending, key);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[20] ^= 1;
    expect(openPending(bytes.toString('base64url'), key, 1_000)).toBeNull();
    expect(openPending(sealed, key, pending.expiresAt)).toBeNull();
    expect(openPending(sealed, pendingKey('another-secret-of-at-least-32-characters'), 1_000)).toBeNull();
    for (const junk of [undefined, '', 'abc', 'a.b', 'A'.repeat(5000)]) expect(openPending(junk, key, 1_000)).toBeNull();
  });

  it('derives its key from the secret, not the secret itself', () => {
    expect(key).toHaveLength(32);
    expect(key.toString('utf8')).not.toContain('a-signing-secret');
  });
});

describe('safeReturnPath', () => {
  it('keeps paths of this site and refuses everything that leaves it', () => {
    for (const ok of ['/', '/cases', '/cases/1?tab=history#x']) expect(safeReturnPath(ok)).toBe(ok);
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'cases', '/a b', '/\u0000', '', 'x'.repeat(501), 7, null]) {
      expect(safeReturnPath(bad)).toBeUndefined();
    }
  });
});
