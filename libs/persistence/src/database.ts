import { DataSource, type EntityManager } from 'typeorm';

/**
 * A transaction, or the pool outside one: what every repository method takes. It is TypeORM's
 * EntityManager; code outside libs/persistence passes it on and never queries through it itself.
 */
export type Tx = EntityManager;

/**
 * The database as the rest of the code names it: its pool-level `manager` and `transaction(work)`
 * (optionally at an isolation level), nothing more: SQL lives in the repositories and the driver in
 * driver.ts. At run time it is TypeORM's DataSource class itself, so Nest's DI token (provided by
 * DatabaseModule) and every DataSource built by createDataSource (scripts, the cli) fit it as they are.
 */
export type Database = Pick<DataSource, 'manager' | 'transaction'>;
export const Database = DataSource as unknown as abstract new (...args: never[]) => Database;

/** The DataSource behind a Database, for the code of libs/persistence that needs more of TypeORM (not exported). */
export function dataSourceOf(database: Database): DataSource {
  return database as DataSource;
}
