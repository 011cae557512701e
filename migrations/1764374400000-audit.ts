import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Auditors: an audit log for actions that are not transitions, and one global ledger that every
 * history and audit row joins (by a shared sequence, `gseq`), hash-chained, so that a deleted row or
 * a deleted instance is detected and not only an edited one. All three refuse UPDATE and DELETE.
 */
export class Audit1764374400000 implements MigrationInterface {
  name = 'Audit1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE ledger_gseq`);
    await q.query(`ALTER TABLE workflow_history ADD COLUMN gseq bigint NOT NULL DEFAULT nextval('ledger_gseq')`);
    await q.query(`CREATE UNIQUE INDEX workflow_history_gseq ON workflow_history (gseq)`);
    await q.query(`
      CREATE TABLE audit_log (
        id           bigserial PRIMARY KEY,
        gseq         bigint NOT NULL DEFAULT nextval('ledger_gseq') UNIQUE,
        at           timestamptz NOT NULL,
        actor_id     text NOT NULL,
        actor        jsonb,
        action       text NOT NULL,
        subject_type text,
        subject_id   text,
        data         jsonb,
        request_id   text,
        hash         text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_at ON audit_log (at)`);
    await q.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, at)`);
    await q.query(`
      CREATE TABLE ledger (
        gseq       bigint PRIMARY KEY,
        kind       text NOT NULL CHECK (kind IN ('history', 'audit', 'gap')),
        row_hash   text,
        chain_hash text NOT NULL,
        sealed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX workflow_history_actor ON workflow_history (actor_id, at)`);
    for (const table of ['audit_log', 'ledger']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION phoihop_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION phoihop_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP INDEX workflow_history_actor`);
    await q.query(`ALTER TABLE workflow_history DROP COLUMN gseq`);
    await q.query(`DROP SEQUENCE ledger_gseq`);
  }
}
