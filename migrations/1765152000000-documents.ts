import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated documents (docs/documents.md):
 *
 * - `document_counters`: the last number given per series, issuing body and year. The transition
 *   that issues a document increments its row (`INSERT … ON CONFLICT DO UPDATE`), which holds the
 *   row's lock until that transaction ends: numbers follow commit order, and a transition that
 *   rolls back gives its number back, so the register has no gaps.
 * - `generated_documents`: one row per document issued (never updated but for its PDF rendition):
 *   the case, the history row (seq) that recorded its number and digest, the DOCX file, and the
 *   PDF rendition made after the commit (or why there is none).
 */
export class Documents1765152000000 implements MigrationInterface {
  name = 'Documents1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_counters (
        series  text NOT NULL,
        issuer  text NOT NULL,
        year    integer NOT NULL,
        last    integer NOT NULL CHECK (last > 0),
        PRIMARY KEY (series, issuer, year)
      )`);
    await q.query(`
      CREATE TABLE generated_documents (
        id           uuid PRIMARY KEY,
        instance_id  uuid NOT NULL REFERENCES workflow_instances (id),
        seq          integer NOT NULL,
        key          text NOT NULL,
        title        jsonb NOT NULL,
        number       text NOT NULL,
        series       text NOT NULL,
        issuer       text NOT NULL,
        year         integer NOT NULL,
        ordinal      integer NOT NULL,
        state        text NOT NULL,
        event        text NOT NULL,
        docx_file_id uuid NOT NULL REFERENCES files (id),
        docx_sha256  text NOT NULL,
        pdf_status   text NOT NULL CHECK (pdf_status IN ('pending', 'done', 'unavailable', 'failed')),
        pdf_file_id  uuid REFERENCES files (id),
        pdf_reason   text,
        pdf_attempts integer NOT NULL DEFAULT 0,
        created_at   timestamptz NOT NULL,
        UNIQUE (series, issuer, year, ordinal)
      )`);
    await q.query(`CREATE INDEX generated_documents_instance ON generated_documents (instance_id, seq)`);
    await q.query(`CREATE INDEX generated_documents_pending ON generated_documents (created_at) WHERE pdf_status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE generated_documents`);
    await q.query(`DROP TABLE document_counters`);
  }
}
