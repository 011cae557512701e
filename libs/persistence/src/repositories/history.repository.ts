import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { HistoryRecord } from '../records.js';

function toRecord(row: Record<string, any>): HistoryRecord {
  return {
    instanceId: row.instance_id,
    seq: row.seq,
    eventType: row.event_type,
    payload: row.payload,
    actorId: row.actor_id,
    actor: row.actor,
    fromState: row.from_state,
    toState: row.to_state,
    at: row.at,
    requestId: row.request_id,
    idempotencyKey: row.idempotency_key,
    comment: row.comment,
    prevHash: row.prev_hash,
    hash: row.hash,
    links: row.links ?? null,
  };
}

@Injectable()
export class HistoryRepository {
  /** One instance's transitions in order, from `afterSeq` on. */
  async listByInstance(manager: EntityManager, instanceId: string, page: { afterSeq: number; limit: number }): Promise<HistoryRecord[]> {
    const rows = await manager.query(
      `SELECT * FROM workflow_history WHERE instance_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [instanceId, page.afterSeq, page.limit],
    );
    return rows.map(toRecord);
  }
}
