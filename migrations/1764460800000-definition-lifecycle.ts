import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Definitions as admins edit them: a draft is the next version of its key, editable until it is
 * published; a published version never changes again (the database refuses it), and can only be
 * retired. At most one draft per key.
 */
export class DefinitionLifecycle1764460800000 implements MigrationInterface {
  name = 'DefinitionLifecycle1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_definitions ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN updated_by text, ADD COLUMN retired_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX workflow_definitions_one_draft ON workflow_definitions (key) WHERE status = 'draft'`);
    await q.query(`
      CREATE FUNCTION phoihop_definition_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN RAISE EXCEPTION 'published definition %@% cannot be deleted', OLD.key, OLD.version USING ERRCODE = 'insufficient_privilege'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.status <> 'draft' AND (NEW.source IS DISTINCT FROM OLD.source OR NEW.checksum IS DISTINCT FROM OLD.checksum OR NEW.key IS DISTINCT FROM OLD.key OR NEW.version IS DISTINCT FROM OLD.version) THEN
          RAISE EXCEPTION 'published definition %@% is immutable', OLD.key, OLD.version USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT ((OLD.status = NEW.status) OR (OLD.status = 'draft' AND NEW.status = 'published') OR (OLD.status = 'published' AND NEW.status = 'retired')) THEN
          RAISE EXCEPTION 'definition %@% cannot go from % to %', OLD.key, OLD.version, OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER workflow_definitions_guard BEFORE UPDATE OR DELETE ON workflow_definitions FOR EACH ROW EXECUTE FUNCTION phoihop_definition_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER workflow_definitions_guard ON workflow_definitions`);
    await q.query(`DROP FUNCTION phoihop_definition_guard()`);
    await q.query(`DROP INDEX workflow_definitions_one_draft`);
    await q.query(`ALTER TABLE workflow_definitions DROP COLUMN updated_at, DROP COLUMN updated_by, DROP COLUMN retired_at`);
  }
}
