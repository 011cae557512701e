import { Injectable } from '@nestjs/common';
import { Database, MetricsRepository, poolStats, type PoolStats } from '#libs/persistence';

/** What the metrics read of the database when they are scraped: open and overdue tasks, and the connection pool. */
@Injectable()
export class DatabaseFigures {
  constructor(
    private readonly database: Database,
    private readonly metrics: MetricsRepository,
  ) {}

  openTasks(): Promise<{ open: number; overdue: number }> {
    return this.metrics.openTaskCounts(this.database.manager);
  }

  /** Undefined before the pool exists. */
  pool(): PoolStats | undefined {
    return poolStats(this.database);
  }
}
