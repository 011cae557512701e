import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository, auditHash, GENESIS_HASH, rowHash, sha256, toHistoryRecord, withAdvisoryLock, type LedgerCheckpoint, type LedgerEntry, Database } from '#libs/persistence';

/** Rows written in the last few seconds are left for the next seal: their transaction may not have committed yet. */
export const SEAL_GRACE_MS = 5_000;
const BATCH = 5_000;

export function chainHash(prev: string, gseq: string, kind: string, rowHash: string | null): string {
  return sha256(`${prev}\n${gseq}:${kind}:${rowHash ?? 'gap'}`);
}

export interface GlobalVerification {
  ok: boolean;
  sealedUpTo: string | null;
  head: string | null;
  checked: number;
  broken?: { gseq: string; kind: string; instanceId?: string | null; seq?: number | null; reason: string };
}

/**
 * The global ledger: every history and audit row, in the order of its global sequence number,
 * joined into one SHA-256 chain. Sealing appends the rows written since the last seal (numbers no
 * row took — rolled-back transactions — are sealed as gaps); verifying re-walks the whole chain and
 * checks each entry against the row that is there today, so an edited, deleted or re-inserted row,
 * or a whole deleted instance, is found.
 */
@Injectable()
export class LedgerService {
  private readonly logger = new Logger(LedgerService.name);

  constructor(
    private readonly dataSource: Database,
    private readonly audit: AuditRepository,
  ) {}

  /** Appends every row older than the grace period; returns how many entries were added. */
  async seal(now = new Date()): Promise<number> {
    return withAdvisoryLock(this.dataSource, 'phoihop-ledger', async () => {
      let added = 0;
      for (;;) {
        const n = await this.dataSource.transaction(async (m) => {
          const head = await this.audit.ledgerHead(m);
          const rows = await this.audit.unsealed(m, head?.gseq ?? '0', new Date(now.getTime() - SEAL_GRACE_MS), BATCH);
          let prev = head?.chainHash ?? GENESIS_HASH;
          let last = BigInt(head?.gseq ?? '0');
          const entries: LedgerEntry[] = [];
          for (const row of rows) {
            for (let g = last + 1n; g < BigInt(row.gseq); g++) {
              prev = chainHash(prev, String(g), 'gap', null);
              entries.push({ gseq: String(g), kind: 'gap', rowHash: null, chainHash: prev });
            }
            prev = chainHash(prev, row.gseq, row.kind, row.hash);
            entries.push({ gseq: row.gseq, kind: row.kind, rowHash: row.hash, chainHash: prev });
            last = BigInt(row.gseq);
          }
          await this.audit.appendLedger(m, entries);
          return entries.length;
        });
        added += n;
        if (n < BATCH) break;
      }
      if (added) this.logger.debug(`sealed ${added} ledger entries`);
      return added;
    });
  }

  async head(): Promise<LedgerEntry | undefined> {
    return this.audit.ledgerHead(this.dataSource.manager);
  }

  /** Keeps a signed checkpoint in the database too, for the dashboard and the periodic report to print. */
  async recordCheckpoint(c: LedgerCheckpoint): Promise<void> {
    await this.audit.recordCheckpoint(this.dataSource.manager, c);
  }

  async latestCheckpoint(): Promise<LedgerCheckpoint | undefined> {
    return this.audit.latestCheckpoint(this.dataSource.manager);
  }

  /** Re-walks the ledger from the start: the chain, each entry's row, and rows behind the seal that it does not list. */
  async verify(): Promise<GlobalVerification> {
    const manager = this.dataSource.manager;
    let prev = GENESIS_HASH;
    let after = '0';
    let checked = 0;
    let expected = 1n;
    for (;;) {
      const page = await this.audit.ledgerPage(manager, after, 2000);
      if (!page.length) break;
      for (const e of page) {
        const fail = (reason: string) => ({ ok: false, sealedUpTo: after === '0' ? null : after, head: prev, checked, broken: { gseq: e.gseq, kind: e.kind, instanceId: e.instanceId, seq: e.seq, reason } });
        if (BigInt(e.gseq) !== expected) return fail(`ledger entry ${expected} is missing`);
        const computed = chainHash(prev, e.gseq, e.kind, e.rowHash);
        if (computed !== e.chainHash) return fail('the ledger chain is broken at this entry');
        if (e.kind === 'gap') {
          if (e.present > 0) return fail('a row now exists where the ledger sealed a gap (inserted behind the seal)');
        } else if (e.present === 0) {
          return fail(e.kind === 'history' ? 'the history row sealed here has been deleted' : 'the audit row sealed here has been deleted');
        } else if (e.currentHash !== e.rowHash) {
          return fail('the row sealed here has been changed (its hash differs)');
        } else if (contentHash(e) !== e.rowHash) {
          return fail('the content of the row sealed here has been changed (it no longer matches its hash)');
        }
        prev = e.chainHash;
        after = e.gseq;
        expected++;
        checked++;
      }
    }
    const strays = after === '0' ? [] : await this.audit.strayRows(manager, after);
    if (strays.length) {
      return { ok: false, sealedUpTo: after, head: prev, checked, broken: { gseq: strays[0], kind: 'unknown', reason: 'a row behind the seal is not in the ledger' } };
    }
    return { ok: true, sealedUpTo: after === '0' ? null : after, head: after === '0' ? null : prev, checked };
  }
}

/** The hash a sealed row's content gives today. */
function contentHash(e: { kind: string; historyRow: Record<string, any> | null; auditRow: Record<string, any> | null }): string | null {
  if (e.kind === 'history' && e.historyRow) {
    const h = e.historyRow;
    return rowHash(h.prev_hash, toHistoryRecord(h));
  }
  if (e.kind === 'audit' && e.auditRow) {
    const a = e.auditRow;
    return auditHash({
      at: new Date(a.at),
      actorId: a.actor_id,
      actor: a.actor,
      action: a.action,
      subjectType: a.subject_type,
      subjectId: a.subject_id,
      data: a.data,
      requestId: a.request_id,
    });
  }
  return null;
}
