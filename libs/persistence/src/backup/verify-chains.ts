import pg from 'pg';
import { GENESIS_HASH, rowHash } from '../history-chain.js';
import { toHistoryRecord } from '../repositories/history.repository.js';

export interface ChainsVerification {
  ok: boolean;
  instances: number;
  rows: number;
  broken?: { instanceId: string; seq: number; reason: string };
}

const FETCH = 2000;

/**
 * Walks every instance's history chain (seq 1..n, each prev_hash the previous row's hash, each hash
 * recomputed from the row's content) and checks the instance's revision and last hash against it.
 * One pass over workflow_history in key order through a cursor: memory stays flat. (The replay of
 * events through the engine is InstanceAuditService's; this is the hash part, without the runtime.)
 */
export async function verifyHistoryChains(url: string): Promise<ChainsVerification> {
  const client = new pg.Client({ connectionString: url, application_name: 'phoihop-verify' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await client.query(
      `DECLARE chains NO SCROLL CURSOR FOR
         SELECT i.id AS instance_id, i.revision, i.last_hash, h.seq, h.event_type, h.payload, h.actor, h.from_state, h.to_state, h.at,
                h.request_id, h.idempotency_key, h.comment, h.links, h.prev_hash, h.hash
           FROM workflow_instances i LEFT JOIN workflow_history h ON h.instance_id = i.id
          ORDER BY i.id, h.seq`,
    );
    let instances = 0;
    let rows = 0;
    let current: { id: string; revision: number; lastHash: string; seq: number; prev: string } | undefined;
    const close = (): ChainsVerification | undefined => {
      if (!current) return undefined;
      if (current.seq === 0) return fail(current.id, 0, 'the instance has no history');
      if (current.revision !== current.seq) return fail(current.id, current.seq, `the instance is at revision ${current.revision} but its history has ${current.seq} rows`);
      if (current.lastHash !== current.prev) return fail(current.id, current.seq, "the instance's last hash does not match its history's head");
      return undefined;
    };
    const fail = (instanceId: string, seq: number, reason: string): ChainsVerification => ({ ok: false, instances, rows, broken: { instanceId, seq, reason } });
    for (;;) {
      const page = await client.query(`FETCH ${FETCH} FROM chains`);
      for (const r of page.rows) {
        if (current?.id !== r.instance_id) {
          const broken = close();
          if (broken) return broken;
          current = { id: r.instance_id, revision: r.revision, lastHash: r.last_hash, seq: 0, prev: GENESIS_HASH };
          instances++;
        }
        const c = current!;
        if (r.seq === null) continue;
        rows++;
        if (r.seq !== c.seq + 1) return fail(r.instance_id, r.seq, `expected seq ${c.seq + 1}: rows are missing or out of order`);
        if (r.prev_hash !== c.prev) return fail(r.instance_id, r.seq, 'prev_hash does not match the previous row');
        const hash = rowHash(c.prev, toHistoryRecord(r));
        if (hash !== r.hash) return fail(r.instance_id, r.seq, 'the row was changed: its content no longer matches its hash');
        c.seq = r.seq;
        c.prev = r.hash;
      }
      if (page.rows.length < FETCH) break;
    }
    return close() ?? { ok: true, instances, rows };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
