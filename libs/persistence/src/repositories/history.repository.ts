import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared.js';
import type { HistoryRecord } from '../records.js';

/** A history row as PostgreSQL returns it (snake_case columns), as a record. */
export function toHistoryRecord(row: Record<string, any>): HistoryRecord {
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
    return rows.map(toHistoryRecord);
  }

  /** Who took which step of an instance, oldest first: what separation of duties is checked against. */
  async steps(manager: EntityManager, instanceId: string): Promise<Array<{ event: string; actor: string }>> {
    const rows = await queryPrepared(manager, 'phoihop_history_steps', `SELECT event_type, actor_id FROM workflow_history WHERE instance_id = $1 ORDER BY seq`, [instanceId]);
    return rows.map((r: { event_type: string; actor_id: string }) => ({ event: r.event_type, actor: r.actor_id }));
  }
}
