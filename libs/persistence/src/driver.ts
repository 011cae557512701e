import type { EntityManager } from 'typeorm';
import { dataSourceOf, type Database } from './database.js';

/**
 * The one place that reaches below TypeORM to the node-postgres pool it drives (`driver.master`):
 * named prepared statements, rows of UPDATE … RETURNING, the pool's figures, and a connection of
 * one's own for server-side cursors. TypeORM gives a pool and migrations; what it does not expose
 * is reached here and nowhere else.
 */

/** What the code below asks of a node-postgres client or pool. */
export interface PgQueryable {
  query(config: { name?: string; text: string; values?: unknown[] } | string, values?: unknown[]): Promise<{ rows: any[] }>;
}

interface PgPool extends PgQueryable {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  connect(): Promise<PgQueryable & { release(error?: Error | boolean): void }>;
}

function pool(database: Database): PgPool | undefined {
  return (dataSourceOf(database).driver as unknown as { master?: PgPool }).master;
}

/** The connection a statement of `manager` runs on: its transaction's, or any pooled one. */
export async function connectionOf(manager: EntityManager): Promise<PgQueryable> {
  const runner = manager.queryRunner;
  return runner && !runner.isReleased ? ((await runner.connect()) as PgQueryable) : pool(manager.connection)!;
}

export interface PoolStats {
  /** Connections open. */
  total: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
}

/** The pool's figures now, or undefined before the pool exists. */
export function poolStats(database: Database): PoolStats | undefined {
  const p = pool(database);
  return p ? { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount } : undefined;
}

/**
 * Runs `work` on a pooled connection of its own, outside TypeORM's transactions (a READ ONLY
 * transaction with a server-side cursor that outlives TypeORM's query()), and gives it back after.
 */
export async function withDedicatedClient<T>(database: Database, work: (client: PgQueryable) => Promise<T>): Promise<T> {
  const client = await pool(database)!.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}
