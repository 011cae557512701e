import type { EntityManager } from 'typeorm';

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: any[] }>;
}

/**
 * Runs a hot-path statement as a named prepared statement (parsed and planned once per connection),
 * on the transaction's connection when `manager` belongs to one, otherwise on any pooled connection.
 * TypeORM's own query() cannot name statements.
 */
export async function queryPrepared(manager: EntityManager, name: string, text: string, values: unknown[]): Promise<any[]> {
  const runner = manager.queryRunner;
  const target: PgQueryable =
    runner && !runner.isReleased ? ((await runner.connect()) as PgQueryable) : ((manager.connection.driver as unknown as { master: PgQueryable }).master);
  return (await target.query({ name, text, values })).rows;
}
