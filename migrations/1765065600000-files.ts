import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (docs/files.md):
 *
 * - `file_blobs`: the bytes, content-addressed by SHA-256 and cut into chunks, for the default
 *   PostgreSQL store (so a backup holds every document and every api process sees every file).
 *   Chunks of an upload in progress live under a temporary key (`tmp:<uuid>`) until its digest is
 *   known, then take the digest as their key — or are dropped when that blob is already there.
 * - `files`: one row per upload (who, when, what name and type) pointing at a blob. A row bound to
 *   a case names the instance, the history row (seq), the state and event that bound it and the
 *   payload field; an unbound row expires (`expires_at`) and the cleanup job removes it.
 */
export class Files1765065600000 implements MigrationInterface {
  name = 'Files1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE file_blobs (
        sha256   text NOT NULL,
        chunk_no integer NOT NULL,
        data     bytea NOT NULL,
        PRIMARY KEY (sha256, chunk_no)
      )`);
    await q.query(`
      CREATE TABLE files (
        id           uuid PRIMARY KEY,
        sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size         bigint NOT NULL CHECK (size >= 0),
        content_type text NOT NULL,
        name         text NOT NULL,
        uploaded_by  text NOT NULL,
        uploaded_at  timestamptz NOT NULL DEFAULT now(),
        instance_id  uuid REFERENCES workflow_instances (id),
        seq          integer,
        state        text,
        event        text,
        field        text,
        bound_at     timestamptz,
        expires_at   timestamptz,
        CHECK ((instance_id IS NULL) = (bound_at IS NULL)),
        CHECK (instance_id IS NOT NULL OR expires_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX files_instance ON files (instance_id, seq) WHERE instance_id IS NOT NULL`);
    await q.query(`CREATE INDEX files_expiry ON files (expires_at) WHERE instance_id IS NULL`);
    await q.query(`CREATE INDEX files_sha256 ON files (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE files`);
    await q.query(`DROP TABLE file_blobs`);
  }
}
