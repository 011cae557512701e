import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared, queryRows } from '../prepared.js';
import type { InstanceRecord, OutboxMessage, TimerRecord } from '../records.js';
import { columnsOf, INSTANCE_COLUMNS, toInstanceRecord } from './instances.repository.js';

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

/** A timer and its instance as `row_to_json` returns them (dates as strings). */
function fromJsonPair(row: Record<string, any>): { timer: TimerRecord; instance: InstanceRecord } {
  const t = row.timer;
  const i = row.instance;
  const date = (v: string | null) => (v === null ? null : new Date(v));
  return {
    timer: toRecord({ ...t, fire_at: new Date(t.fire_at), created_at: new Date(t.created_at), fired_at: date(t.fired_at), cancelled_at: date(t.cancelled_at) }),
    instance: toInstanceRecord({
      ...i,
      next_due_at: date(i.next_due_at),
      created_at: new Date(i.created_at),
      updated_at: new Date(i.updated_at),
      completed_at: date(i.completed_at),
    }),
  };
}

/** Timer rows: written with transitions (InstancesRepository), read and re-armed by the scheduler. */
@Injectable()
export class TimersRepository {
  async findById(manager: EntityManager, id: string): Promise<TimerRecord | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_timer_by_id', `SELECT ${COLUMNS} FROM timers WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** A timer and its instance in one round trip (the hot path of a firing timer). */
  async findWithInstance(manager: EntityManager, id: string): Promise<{ timer: TimerRecord; instance: InstanceRecord } | undefined> {
    const rows = await queryPrepared(
      manager,
      'phoihop_timer_with_instance',
      `SELECT row_to_json(t.*) AS timer, row_to_json(i.*) AS instance
         FROM timers t JOIN (SELECT ${INSTANCE_COLUMNS} FROM workflow_instances) i ON i.id = t.instance_id
        WHERE t.id = $1`,
      [id],
    );
    return rows[0] ? fromJsonPair(rows[0]) : undefined;
  }

  /**
   * Locks pending deadline timers due at `now` for a batch firing, with their instances' rows:
   * `first` before the rest when it is still pending and free. A timer or instance another writer
   * holds is skipped, so concurrent batches take disjoint timers, and a batch never waits for a lock
   * (a one-timer firing locks the instance, then the timer: a batch holding the timer while waiting
   * for the instance could deadlock with it). A due timer whose instance another writer holds stays
   * locked by the claiming transaction, unfired, until it ends: a writer that needs that timer
   * meanwhile waits for the batch, which waits for nothing. Must run inside a transaction.
   */
  async claimDueDeadlines(manager: EntityManager, now: Date, limit: number, first?: string): Promise<Array<{ timer: TimerRecord; instance: InstanceRecord }>> {
    const select = `SELECT row_to_json(t.*) AS timer, (SELECT row_to_json(i) FROM (SELECT ${columnsOf('w')}) i) AS instance
         FROM timers t JOIN workflow_instances w ON w.id = t.instance_id`;
    const own = first
      ? await queryPrepared(
          manager,
          'phoihop_claim_timer',
          `${select} WHERE t.id = $1 AND t.status = 'pending' AND t.kind = 'deadline' AND t.fire_at <= $2 FOR UPDATE OF t, w SKIP LOCKED`,
          [first, now],
        )
      : [];
    // The due timers are chosen and locked first, from the timers alone; their instances are read and
    // locked after. Ordered, limited and locked together with the instances and their JSON, the scan
    // built (and sorted) that JSON for every pending timer whenever the planner misjudged how many
    // were due (statistics taken before a burst was armed): 10,000 due cost 220 ms a claim, not 25.
    // The partial index timers_pending_due serves the scan in due order.
    const rest = await queryPrepared(
      manager,
      'phoihop_claim_due_timers',
      `WITH due AS MATERIALIZED (
         SELECT id FROM timers
          WHERE status = 'pending' AND kind = 'deadline' AND fire_at <= $1 AND id IS DISTINCT FROM $3::uuid
          ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       ${select} JOIN due ON due.id = t.id ORDER BY t.fire_at FOR UPDATE OF w SKIP LOCKED`,
      [now, Math.max(0, limit - own.length), first ?? null],
    );
    return [...own, ...rest].map(fromJsonPair);
  }

  /**
   * A timer's status once no transaction holds its row: waits for a batch that claimed it to commit
   * or roll back (a share lock, taken and released by this one statement), rather than racing it.
   */
  async settledStatus(manager: EntityManager, id: string): Promise<{ status: TimerRecord['status']; jobId: string } | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_timer_settled', `SELECT status, job_id FROM timers WHERE id = $1 FOR SHARE`, [id]);
    return rows[0] ? { status: rows[0].status, jobId: rows[0].job_id } : undefined;
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
    const rows = await queryRows(
      manager,
      `UPDATE timers SET generation = $2, job_id = $3 WHERE id = $1 AND generation = $2 - 1 AND status = 'pending' RETURNING id`,
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
