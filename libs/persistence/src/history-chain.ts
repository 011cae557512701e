import { canonicalJson, sha256 } from './canonical-json.js';
import type { HistoryRecord } from './records.js';

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

/**
 * The one list of what a history row's hash covers, from a row as stored (or about to be): every
 * writer and every checker (instance audit, global ledger, backup verification) goes through it.
 */
export function hashedFields(r: Omit<HistoryRecord, 'prevHash' | 'hash' | 'actorId'> & { at: Date | string }): HashedHistoryFields {
  return {
    instanceId: r.instanceId,
    seq: r.seq,
    eventType: r.eventType,
    payload: r.payload,
    actor: r.actor,
    fromState: r.fromState,
    toState: r.toState,
    at: new Date(r.at).toISOString(),
    requestId: r.requestId,
    idempotencyKey: r.idempotencyKey,
    comment: r.comment,
    links: r.links ?? undefined,
  };
}

/** A stored history row's own hash, recomputed from its content and the previous row's hash. */
export function rowHash(prevHash: string, r: Parameters<typeof hashedFields>[0]): string {
  return historyHash(prevHash, hashedFields(r));
}
