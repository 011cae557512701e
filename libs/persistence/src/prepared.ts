import type { EntityManager } from 'typeorm';

interface PgQueryable {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: any[] }>;
}

/**
 * Runs a hot-path statement as a named prepared statement (parsed and planned once per connection),
 * on the transaction's connection when `manager` belongs to one, otherwise on any pooled connection.
 * TypeORM's own query() cannot name statements.
 */
export async function queryPrepared(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<any[]> {
  return (await (await target(manager)).query({ name, text, values })).rows;
}

/**
 * The rows of any statement, on the same connection rules. Use it for UPDATE/DELETE … RETURNING:
 * TypeORM's query() answers those with [rows, rowCount] instead of the rows.
 */
export async function queryRows(manager: EntityManager, text: string, values: unknown[]): Promise<any[]> {
  return (await (await target(manager)).query({ text, values })).rows;
}

async function target(manager: EntityManager): Promise<PgQueryable> {
  const runner = manager.queryRunner;
  return runner && !runner.isReleased ? ((await runner.connect()) as PgQueryable) : (manager.connection.driver as unknown as { master: PgQueryable }).master;
}
