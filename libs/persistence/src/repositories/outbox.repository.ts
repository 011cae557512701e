import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EffectsPayload } from '../records.js';

export interface OutboxRow {
  id: string;
  topic: string;
  instanceId: string | null;
  payload: EffectsPayload;
}

const toRow = (r: Record<string, any>): OutboxRow => ({ id: String(r.id), topic: r.topic, instanceId: r.instance_id, payload: r.payload });

/** The transactional outbox, read by the relay. */
@Injectable()
export class OutboxRepository {
  /**
   * Claims the oldest unpublished rows for the rest of the caller's transaction. SKIP LOCKED lets
   * several relays (one per worker process) share the outbox without publishing a row twice at once.
   */
  async claimUnpublished(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
    const rows = await manager.query(
      `SELECT id, topic, instance_id, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toRow);
  }

  /** One row, published or not (a processor reads the row its job names). */
  async findById(manager: EntityManager, id: string): Promise<OutboxRow | undefined> {
    const [row] = await this.findByIds(manager, [id]);
    return row;
  }

  /** Rows by id, published or not, oldest first (a processor's batch of rows). */
  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<OutboxRow[]> {
    if (!ids.length) return [];
    const rows = await manager.query(`SELECT id, topic, instance_id, payload FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
    return rows.map(toRow);
  }

  async markPublished(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query(`UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])`, [ids, at]);
  }

  async countUnpublished(manager: EntityManager): Promise<number> {
    const rows = await manager.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
    return rows[0].n;
  }
}
