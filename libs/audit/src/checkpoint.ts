import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type LedgerCheckpoint } from '#libs/persistence';

/** A signed statement of the ledger's head, meant to be kept outside the database. */
export type Checkpoint = LedgerCheckpoint;

export function newSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function signCheckpoint(head: { gseq: string; chainHash: string }, privateKeyPem: string, at = new Date()): Checkpoint {
  const key = createPrivateKey(privateKeyPem);
  const body = { gseq: head.gseq, chainHash: head.chainHash, at: at.toISOString() };
  const signature = sign(null, Buffer.from(canonicalJson(body)), key).toString('base64');
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  return { ...body, publicKey, signature };
}

/** True when the signature is the key's over the checkpoint's body (and the key is the pinned one, when given). */
export function checkpointSignatureOk(c: Checkpoint, pinnedPublicKeyPem?: string): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey(pinnedPublicKeyPem ?? c.publicKey);
  } catch {
    return false;
  }
  if (pinnedPublicKeyPem && createPublicKey(c.publicKey).export({ type: 'spki', format: 'pem' }).toString() !== key.export({ type: 'spki', format: 'pem' }).toString()) return false;
  return verify(null, Buffer.from(canonicalJson({ gseq: c.gseq, chainHash: c.chainHash, at: c.at })), key, Buffer.from(c.signature, 'base64'));
}
