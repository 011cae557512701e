import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed checkpoints of the ledger's head, kept in the database as well as in files, so that
 * every process (the dashboard, the periodic report) can print the latest one's digest for the
 * ward's paper archive (docs/audit.md#checkpoints). The copy here proves nothing by itself — whoever
 * can rewrite the database can rewrite it — the printed digest and the files kept elsewhere do.
 */
export class LedgerCheckpoints1765411200000 implements MigrationInterface {
  name = 'LedgerCheckpoints1765411200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_checkpoints (
        gseq        bigint PRIMARY KEY,
        chain_hash  text NOT NULL,
        at          timestamptz NOT NULL,
        public_key  text NOT NULL,
        signature   text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger_checkpoints`);
  }
}
