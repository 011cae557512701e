import { canonicalJson, sha256 } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a history row that its hash covers. */
export interface HashedHistoryFields {
  instanceId: string;
  seq: number;
  eventType: string;
  payload: unknown;
  actor: unknown;
  fromState: unknown;
  toState: unknown;
  at: string;
  requestId: string | null;
  idempotencyKey: string | null;
  comment: string | null;
  /** Only present (and hashed) on rows that carry parent/child links; older rows hash as before. */
  links?: Record<string, unknown>;
}

/** SHA-256 over the previous row's hash and the canonical JSON of this row: one link of an instance's chain. */
export function historyHash(prevHash: string, row: HashedHistoryFields): string {
  if (row.links == null) {
    const { links: _none, ...rest } = row;
    return sha256(`${prevHash}\n${canonicalJson(rest)}`);
  }
  return sha256(`${prevHash}\n${canonicalJson(row)}`);
}
