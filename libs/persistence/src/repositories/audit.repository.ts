import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson, sha256 } from '../canonical-json.js';

export interface AuditEntry {
  at: Date;
  actorId: string;
  actor: unknown;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  data: unknown;
  requestId: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  gseq: string;
  hash: string;
}

export interface LedgerEntry {
  gseq: string;
  kind: 'history' | 'audit' | 'gap';
  rowHash: string | null;
  chainHash: string;
}

/** The hash an audit row carries: SHA-256 of its canonical JSON. */
export function auditHash(e: AuditEntry): string {
  // Normalised as the database gives it back: absent values are null, JSON values JSON-parsed.
  return sha256(
    canonicalJson({
      at: e.at.toISOString(),
      actorId: e.actorId,
      actor: JSON.parse(JSON.stringify(e.actor ?? null)),
      action: e.action,
      subjectType: e.subjectType ?? null,
      subjectId: e.subjectId ?? null,
      data: JSON.parse(JSON.stringify(e.data ?? null)),
      requestId: e.requestId ?? null,
    }),
  );
}

const toAudit = (r: Record<string, any>): AuditRecord => ({
  id: String(r.id),
  gseq: String(r.gseq),
  at: r.at,
  actorId: r.actor_id,
  actor: r.actor,
  action: r.action,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  data: r.data,
  requestId: r.request_id,
  hash: r.hash,
});

/** A signed statement of the ledger's head (libs/audit checkpoint.ts signs and checks it). */
export interface LedgerCheckpoint {
  gseq: string;
  chainHash: string;
  at: string;
  publicKey: string;
  signature: string;
}

/**
 * What is printed on the dashboard and the periodic report to be archived with the ward's papers:
 * the ledger entry's number and its chain hash. `phoihop audit verify --digest` checks a database
 * against it; at least the first 16 hex characters of the hash must be given.
 */
export function ledgerDigest(c: Pick<LedgerCheckpoint, 'gseq' | 'chainHash'>): string {
  return `${c.gseq}:${c.chainHash}`;
}

/** A history row's place in the global ledger (AuditRepository.sealsOfInstance). */
export interface InstanceSeal {
  seq: number;
  gseq: string;
  entry: { kind: string; rowHash: string | null; chainHash: string } | null;
  previousChainHash: string | null;
  next: { gseq: string; kind: string; rowHash: string | null; chainHash: string } | null;
}

/** The audit log and the global ledger over history and audit rows. */
@Injectable()
export class AuditRepository {
  async insert(manager: EntityManager, e: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (at, actor_id, actor, action, subject_type, subject_id, data, request_id, hash) VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8, $9)`,
      [e.at, e.actorId, JSON.stringify(e.actor ?? null), e.action, e.subjectType, e.subjectId, JSON.stringify(e.data ?? null), e.requestId, auditHash(e)],
    );
  }

  async findAuditByGseq(manager: EntityManager, gseq: string): Promise<AuditRecord | undefined> {
    const rows = await manager.query(`SELECT * FROM audit_log WHERE gseq = $1`, [gseq]);
    return rows[0] ? toAudit(rows[0]) : undefined;
  }

  /** The ledger's chain hash at `gseq`, or undefined when the ledger has no such entry. */
  async ledgerChainHashAt(manager: EntityManager, gseq: string): Promise<string | undefined> {
    const rows = await manager.query(`SELECT chain_hash FROM ledger WHERE gseq = $1`, [gseq]);
    return rows[0]?.chain_hash;
  }

  /**
   * One instance's history rows as the global ledger sealed them, in seq order: each row's own hash
   * and global number, the ledger's entry for that number (absent while unsealed) and the chain
   * hashes of the entries either side of it, so that each entry's links can be recomputed.
   */
  async sealsOfInstance(manager: EntityManager, instanceId: string): Promise<InstanceSeal[]> {
    const rows = await manager.query(
      `SELECT h.seq, h.gseq, l.kind, l.row_hash, l.chain_hash, p.chain_hash AS prev_chain, n.gseq AS next_gseq, n.kind AS next_kind, n.row_hash AS next_row_hash, n.chain_hash AS next_chain
         FROM workflow_history h
         LEFT JOIN ledger l ON l.gseq = h.gseq
         LEFT JOIN ledger p ON p.gseq = h.gseq - 1
         LEFT JOIN ledger n ON n.gseq = h.gseq + 1
        WHERE h.instance_id = $1 ORDER BY h.seq`,
      [instanceId],
    );
    return rows.map((r: Record<string, any>) => ({
      seq: r.seq,
      gseq: String(r.gseq),
      entry: r.chain_hash ? { kind: r.kind, rowHash: r.row_hash, chainHash: r.chain_hash } : null,
      previousChainHash: r.prev_chain ?? null,
      next: r.next_chain ? { gseq: String(r.next_gseq), kind: r.next_kind, rowHash: r.next_row_hash, chainHash: r.next_chain } : null,
    }));
  }

  /** Keeps a signed checkpoint (once per head: a repeated one is ignored). */
  async recordCheckpoint(manager: EntityManager, c: LedgerCheckpoint): Promise<void> {
    await manager.query(`INSERT INTO ledger_checkpoints (gseq, chain_hash, at, public_key, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (gseq) DO NOTHING`, [
      c.gseq,
      c.chainHash,
      c.at,
      c.publicKey,
      c.signature,
    ]);
  }

  async latestCheckpoint(manager: EntityManager): Promise<LedgerCheckpoint | undefined> {
    const rows = await manager.query(`SELECT gseq, chain_hash, at, public_key, signature FROM ledger_checkpoints ORDER BY gseq DESC LIMIT 1`);
    const r = rows[0];
    return r ? { gseq: String(r.gseq), chainHash: r.chain_hash, at: new Date(r.at).toISOString(), publicKey: r.public_key, signature: r.signature } : undefined;
  }

  async ledgerHead(manager: EntityManager): Promise<LedgerEntry | undefined> {
    const rows = await manager.query(`SELECT gseq, kind, row_hash, chain_hash FROM ledger ORDER BY gseq DESC LIMIT 1`);
    return rows[0] ? { gseq: String(rows[0].gseq), kind: rows[0].kind, rowHash: rows[0].row_hash, chainHash: rows[0].chain_hash } : undefined;
  }

  /**
   * Rows not yet in the ledger, in gseq order, up to (not including) the first row written at or after
   * `cut`: rows still being committed must not be mistaken for gaps.
   */
  async unsealed(manager: EntityManager, after: string, cut: Date, limit: number): Promise<Array<{ gseq: string; kind: 'history' | 'audit'; hash: string }>> {
    const rows = await manager.query(
      `WITH r AS (
         SELECT gseq, 'history' AS kind, hash, at FROM workflow_history WHERE gseq > $1
         UNION ALL SELECT gseq, 'audit', hash, at FROM audit_log WHERE gseq > $1
       ), upper AS (SELECT coalesce(min(gseq), 9223372036854775807) AS g FROM r WHERE at >= $2)
       SELECT r.gseq, r.kind, r.hash FROM r, upper WHERE r.gseq < upper.g ORDER BY r.gseq LIMIT $3`,
      [after, cut, limit],
    );
    return rows.map((r: Record<string, any>) => ({ gseq: String(r.gseq), kind: r.kind, hash: r.hash }));
  }

  async appendLedger(manager: EntityManager, entries: LedgerEntry[]): Promise<void> {
    if (!entries.length) return;
    await manager.query(
      `INSERT INTO ledger (gseq, kind, row_hash, chain_hash)
       SELECT x.gseq, x.kind, x."rowHash", x."chainHash" FROM jsonb_to_recordset($1::jsonb) AS x(gseq bigint, kind text, "rowHash" text, "chainHash" text)`,
      [JSON.stringify(entries)],
    );
  }

  /** A page of the ledger with what each entry points at today. */
  async ledgerPage(manager: EntityManager, after: string, limit: number) {
    const rows = await manager.query(
      `SELECT l.gseq, l.kind, l.row_hash, l.chain_hash,
              h.instance_id, h.seq, h.hash AS h_hash, a.hash AS a_hash, a.id AS a_id, row_to_json(h.*) AS h_row, row_to_json(a.*) AS a_row,
              (SELECT count(*) FROM workflow_history x WHERE x.gseq = l.gseq) + (SELECT count(*) FROM audit_log y WHERE y.gseq = l.gseq) AS present
         FROM ledger l
         LEFT JOIN workflow_history h ON h.gseq = l.gseq
         LEFT JOIN audit_log a ON a.gseq = l.gseq
        WHERE l.gseq > $1 ORDER BY l.gseq LIMIT $2`,
      [after, limit],
    );
    return rows.map((r: Record<string, any>) => ({
      gseq: String(r.gseq),
      kind: r.kind as LedgerEntry['kind'],
      rowHash: r.row_hash as string | null,
      chainHash: r.chain_hash as string,
      instanceId: r.instance_id as string | null,
      seq: r.seq as number | null,
      currentHash: (r.h_hash ?? r.a_hash ?? null) as string | null,
      auditId: r.a_id ? String(r.a_id) : null,
      present: Number(r.present),
      historyRow: r.h_row as Record<string, any> | null,
      auditRow: r.a_row as Record<string, any> | null,
    }));
  }

  /** Rows with a gseq at or below the sealed head that the ledger does not list (a row slipped in behind the seal). */
  async strayRows(manager: EntityManager, upTo: string): Promise<string[]> {
    const rows = await manager.query(
      `SELECT gseq FROM (SELECT gseq FROM workflow_history WHERE gseq <= $1 UNION ALL SELECT gseq FROM audit_log WHERE gseq <= $1) r
        WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.gseq = r.gseq AND l.kind <> 'gap') ORDER BY gseq LIMIT 10`,
      [upTo],
    );
    return rows.map((r: Record<string, any>) => String(r.gseq));
  }

  /**
   * Audit log entries by actor, action, subject and time. `subject` matches a subject id exactly,
   * or every `<subject>@…` (a definition key finds the entries of all its versions).
   */
  async searchAudit(manager: EntityManager, f: { actor?: string; action?: string; subject?: string; from?: Date; to?: Date; afterId?: string; limit: number }): Promise<AuditRecord[]> {
    const rows = await manager.query(
      `SELECT * FROM audit_log
        WHERE ($1::text IS NULL OR actor_id = $1) AND ($2::text IS NULL OR action = $2)
          AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4) AND ($5::bigint IS NULL OR id > $5)
          AND ($7::text IS NULL OR subject_id = $7 OR starts_with(subject_id, $7 || '@'))
        ORDER BY id LIMIT $6`,
      [f.actor ?? null, f.action ?? null, f.from ?? null, f.to ?? null, f.afterId ?? null, f.limit, f.subject ?? null],
    );
    return rows.map(toAudit);
  }

  /** Whether an entry of `action` was recorded for `requestId` (an effect that must be recorded once). */
  async hasEntry(manager: EntityManager, action: string, requestId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM audit_log WHERE action = $1 AND request_id = $2 LIMIT 1`, [action, requestId]);
    return rows.length > 0;
  }
}
