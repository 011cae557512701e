import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared.js';
import type { OutboxMessage, TimerRecord } from '../records.js';

const COLUMNS = `id, instance_id, state, deadline_key, kind, fire_at, status, generation, job_id, spec, armed_seq, fired_seq, created_at, fired_at, cancelled_at`;

function toRecord(row: Record<string, any>): TimerRecord {
  return {
    id: row.id,
    instanceId: row.instance_id,
    state: row.state,
    deadlineKey: row.deadline_key,
    kind: row.kind,
    fireAt: row.fire_at,
    status: row.status,
    generation: row.generation,
    jobId: row.job_id,
    spec: row.spec,
    armedSeq: row.armed_seq,
    firedSeq: row.fired_seq,
    createdAt: row.created_at,
    firedAt: row.fired_at,
    cancelledAt: row.cancelled_at,
  };
}

/** Timer rows: written with transitions (InstancesRepository), read and re-armed by the scheduler. */
@Injectable()
export class TimersRepository {
  async findById(manager: EntityManager, id: string): Promise<TimerRecord | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_timer_by_id', `SELECT ${COLUMNS} FROM timers WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async listByInstance(manager: EntityManager, instanceId: string): Promise<TimerRecord[]> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM timers WHERE instance_id = $1 ORDER BY created_at, fire_at`, [instanceId]);
    return rows.map(toRecord);
  }

  /** Pending timers due before `before`, oldest first, after the keyset position `after`. */
  async listPendingDueBefore(manager: EntityManager, before: Date, limit: number, after?: { fireAt: Date; id: string }): Promise<TimerRecord[]> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM timers
        WHERE status = 'pending' AND fire_at < $1 AND ($3::timestamptz IS NULL OR (fire_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY fire_at, id LIMIT $2`,
      [before, limit, after?.fireAt ?? null, after?.id ?? null],
    );
    return rows.map(toRecord);
  }

  /** Gives a pending timer a fresh job id (the queue lost or finished its job without applying it). */
  async rearm(manager: EntityManager, id: string, generation: number, jobId: string): Promise<boolean> {
    const rows = await manager.query(
      `UPDATE timers SET generation = $3, job_id = $4 WHERE id = $1 AND generation = $2 - 1 AND status = 'pending' RETURNING id`,
      [id, generation, jobId],
    );
    return rows.length === 1;
  }

  /** Marks a reminder fired and queues its notification, in one statement; false when it was not pending. */
  async fireReminder(manager: EntityManager, id: string, jobId: string, at: Date, outbox: OutboxMessage): Promise<boolean> {
    const rows = await queryPrepared(
      manager,
      'phoihop_fire_reminder',
      `WITH t AS (
         UPDATE timers SET status = 'fired', fired_at = $3 WHERE id = $1 AND job_id = $2 AND status = 'pending' AND kind = 'reminder'
         RETURNING instance_id
       ), o AS (
         INSERT INTO outbox (topic, instance_id, payload) SELECT $4, t.instance_id, $5::jsonb FROM t
       )
       SELECT count(*)::int AS fired FROM t`,
      [id, jobId, at, outbox.topic, JSON.stringify(outbox.payload)],
    );
    return rows[0].fired === 1;
  }

  /** Cancels a pending timer whose state is no longer active (a stale job met it). */
  async cancel(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE timers SET status = 'cancelled', cancelled_at = $2 WHERE id = $1 AND status = 'pending'`, [id, at]);
  }
}
