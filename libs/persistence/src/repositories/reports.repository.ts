import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';

/** A fired deadline that escalated, or passed with no event of its own, makes the case late. */
const LATE_SQL = `EXISTS (SELECT 1 FROM timers t WHERE t.instance_id = i.id AND t.kind = 'deadline' AND t.status = 'fired'
                          AND (t.spec ? 'escalate' OR NOT t.spec ? 'event'))`;

/** One workflow's counts over a period [from, to): what came in, was carried over, finished (late), stayed open. */
export interface PeriodTotals {
  definitionKey: string;
  received: number;
  carriedOver: number;
  resolved: number;
  resolvedLate: number;
  openAtEnd: number;
  overdueNow: number;
}

/** An instance finished in the period, with what the report reads of it. */
export interface FinishedInstance {
  definitionId: string;
  definitionKey: string;
  stateValue: unknown;
  context: Record<string, unknown>;
  /** The snapshot's output, when the final state produced one. */
  output: unknown;
}

export interface MonthFigures {
  /** YYYY-MM, in Vietnam's time zone. */
  month: string;
  received: number;
  resolved: number;
  resolvedLate: number;
}

/** The program report's read-only aggregates over instances and their deadline timers. */
@Injectable()
export class ReportsRepository {
  /** Per workflow key: counts over [from, to), and the open instances overdue at `now`. */
  async totalsInPeriod(tx: Tx, from: Date, to: Date, now: Date): Promise<PeriodTotals[]> {
    const rows: Array<Record<string, string>> = await tx.query(
      `SELECT definition_key,
              count(*) FILTER (WHERE created_at >= $1 AND created_at < $2) AS received,
              count(*) FILTER (WHERE created_at < $1 AND (completed_at IS NULL OR completed_at >= $1)) AS carried_over,
              count(*) FILTER (WHERE completed_at >= $1 AND completed_at < $2) AS resolved,
              count(*) FILTER (WHERE completed_at >= $1 AND completed_at < $2 AND late) AS resolved_late,
              count(*) FILTER (WHERE completed_at IS NULL OR completed_at >= $2) AS open_at_end,
              count(*) FILTER (WHERE status = 'active' AND next_due_at < $3) AS overdue_now
         FROM (SELECT i.definition_key, i.created_at, i.completed_at, i.status, i.next_due_at, ${LATE_SQL} AS late
                 FROM workflow_instances i
                WHERE i.created_at < $2 AND (i.completed_at IS NULL OR i.completed_at >= $1)) x
        GROUP BY definition_key`,
      [from, to, now],
    );
    return rows.map((r) => ({
      definitionKey: r.definition_key,
      received: Number(r.received),
      carriedOver: Number(r.carried_over),
      resolved: Number(r.resolved),
      resolvedLate: Number(r.resolved_late),
      openAtEnd: Number(r.open_at_end),
      overdueNow: Number(r.overdue_now),
    }));
  }

  /** Instances that finished in [from, to). */
  async finishedInPeriod(tx: Tx, from: Date, to: Date): Promise<FinishedInstance[]> {
    const rows: Array<Record<string, any>> = await tx.query(
      `SELECT i.definition_id, i.definition_key, i.state_value, i.context, i.snapshot->'output' AS output
         FROM workflow_instances i
        WHERE i.completed_at >= $1 AND i.completed_at < $2`,
      [from, to],
    );
    return rows.map((r) => ({ definitionId: r.definition_id, definitionKey: r.definition_key, stateValue: r.state_value, context: r.context, output: r.output }));
  }

  /** Per month of [from, to) (Vietnam's time zone): instances started, finished, finished late; months with none are absent. */
  async monthlyTrend(tx: Tx, from: Date, to: Date): Promise<MonthFigures[]> {
    const rows: Array<{ month: string; received: string; resolved: string; resolved_late: string }> = await tx.query(
      `WITH started AS (
         SELECT to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*) AS n
           FROM workflow_instances WHERE created_at >= $1 AND created_at < $2 GROUP BY 1
       ), ended AS (
         SELECT to_char(i.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*) AS n, count(*) FILTER (WHERE ${LATE_SQL}) AS late
           FROM workflow_instances i WHERE i.completed_at >= $1 AND i.completed_at < $2 GROUP BY 1
       )
       SELECT coalesce(s.month, e.month) AS month, coalesce(s.n, 0) AS received, coalesce(e.n, 0) AS resolved, coalesce(e.late, 0) AS resolved_late
         FROM started s FULL JOIN ended e ON e.month = s.month`,
      [from, to],
    );
    return rows.map((r) => ({ month: r.month, received: Number(r.received), resolved: Number(r.resolved), resolvedLate: Number(r.resolved_late) }));
  }
}
