import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';

/** What the Prometheus gauges read when scraped. */
@Injectable()
export class MetricsRepository {
  /** Open tasks, and those of them past their due date. */
  async openTaskCounts(tx: Tx): Promise<{ open: number; overdue: number }> {
    const [row] = await tx.query(`SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < now())::int AS overdue FROM tasks WHERE status = 'open'`);
    return { open: row.open, overdue: row.overdue };
  }
}
