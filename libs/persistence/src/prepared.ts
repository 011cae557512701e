import { connectionOf } from './driver.js';
import type { Tx } from './database.js';

/**
 * Runs a hot-path statement as a named prepared statement (parsed and planned once per connection),
 * on the transaction's connection when `manager` belongs to one, otherwise on any pooled connection.
 * TypeORM's own query() cannot name statements.
 */
export async function queryPrepared(manager: Tx, name: string, text: string, values: unknown[]): Promise<any[]> {
  return (await (await connectionOf(manager)).query({ name, text, values })).rows;
}

/**
 * The rows of any statement, on the same connection rules. Use it for UPDATE/DELETE … RETURNING:
 * TypeORM's query() answers those with [rows, rowCount] instead of the rows.
 */
export async function queryRows(manager: Tx, text: string, values: unknown[]): Promise<any[]> {
  return (await (await connectionOf(manager)).query({ text, values })).rows;
}
