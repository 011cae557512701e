import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared, queryRows } from '../prepared.js';
import type { DefinitionRecord } from '../records.js';

const COLUMNS = `id, key, version, status, title, source, checksum, created_at, published_at`;

function toRecord(row: Record<string, any>): DefinitionRecord {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    status: row.status,
    title: row.title,
    source: row.source,
    checksum: row.checksum,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

/** Workflow definitions. Published versions are immutable: there is no update of `source`. */
@Injectable()
export class DefinitionsRepository {
  async findById(manager: EntityManager, id: string): Promise<DefinitionRecord | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async findDraft(manager: EntityManager, key: string): Promise<DefinitionRecord | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE key = $1 AND status = 'draft'`, [key]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async maxVersion(manager: EntityManager, key: string): Promise<number> {
    return (await manager.query(`SELECT coalesce(max(version), 0)::int AS v FROM workflow_definitions WHERE key = $1`, [key]))[0].v;
  }

  async findVersion(manager: EntityManager, key: string, version: number): Promise<DefinitionRecord | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE key = $1 AND version = $2`, [key, version]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * The id and status of the version a start names (`version`) or of the newest published one: a
   * prepared statement without the definition's source, which every start would otherwise read and
   * parse again although the compiled machine is cached by id.
   */
  async findStartRef(manager: EntityManager, key: string, version?: number): Promise<{ id: string; status: DefinitionRecord['status'] } | undefined> {
    const rows =
      version === undefined
        ? await queryPrepared(manager, 'phoihop_definition_latest', `SELECT id, status FROM workflow_definitions WHERE key = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`, [key])
        : await queryPrepared(manager, 'phoihop_definition_version', `SELECT id, status FROM workflow_definitions WHERE key = $1 AND version = $2`, [key, version]);
    return rows[0] ? { id: rows[0].id, status: rows[0].status } : undefined;
  }

  /** The newest version that is not a draft (the one shipped files are compared with). */
  async findLatestVersion(manager: EntityManager, key: string): Promise<DefinitionRecord | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE key = $1 AND status <> 'draft' ORDER BY version DESC LIMIT 1`, [key]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async listVersions(manager: EntityManager, key: string): Promise<DefinitionRecord[]> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE key = $1 ORDER BY version DESC`, [key]);
    return rows.map(toRecord);
  }

  /** One row per key: its newest version, with how many versions exist. */
  async listLatest(manager: EntityManager): Promise<Array<DefinitionRecord & { versions: number }>> {
    const rows = await manager.query(
      `SELECT DISTINCT ON (key) ${COLUMNS}, count(*) OVER (PARTITION BY key)::int AS versions
         FROM workflow_definitions ORDER BY key, version DESC`,
    );
    return rows.map((row: Record<string, any>) => ({ ...toRecord(row), versions: row.versions }));
  }

  /** One row per key: its newest published version (what new instances and schedules use). */
  async listLatestPublished(manager: EntityManager): Promise<DefinitionRecord[]> {
    const rows = await manager.query(
      `SELECT DISTINCT ON (key) ${COLUMNS} FROM workflow_definitions WHERE status = 'published' ORDER BY key, version DESC`,
    );
    return rows.map(toRecord);
  }

  async insertDraft(manager: EntityManager, d: { key: string; version: number; title: unknown; source: unknown; by: string }): Promise<DefinitionRecord> {
    const rows = await manager.query(
      `INSERT INTO workflow_definitions (key, version, status, title, source, checksum, updated_by)
       VALUES ($1, $2, 'draft', $3::jsonb, $4::jsonb, '', $5) RETURNING ${COLUMNS}`,
      [d.key, d.version, JSON.stringify(d.title), JSON.stringify(d.source), d.by],
    );
    return toRecord(rows[0]);
  }

  async updateDraft(manager: EntityManager, id: string, d: { title: unknown; source: unknown; by: string }): Promise<void> {
    await manager.query(`UPDATE workflow_definitions SET title = $2::jsonb, source = $3::jsonb, updated_at = now(), updated_by = $4 WHERE id = $1 AND status = 'draft'`, [
      id,
      JSON.stringify(d.title),
      JSON.stringify(d.source),
      d.by,
    ]);
  }

  async deleteDraft(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM workflow_definitions WHERE id = $1 AND status = 'draft'`, [id]);
  }

  /** Publishes a draft as the next version after every published one (a draft's number may have been overtaken). */
  async markPublished(manager: EntityManager, id: string, checksum: string, at: Date, by: string): Promise<number> {
    const rows = await queryRows(
      manager,
      `UPDATE workflow_definitions d
          SET status = 'published', checksum = $2, published_at = $3, updated_at = $3, updated_by = $4,
              version = greatest(d.version, (SELECT coalesce(max(version), 0) + 1 FROM workflow_definitions x WHERE x.key = d.key AND x.status <> 'draft'))
        WHERE d.id = $1 AND d.status = 'draft' RETURNING d.version`,
      [id, checksum, at, by],
    );
    return rows[0].version;
  }

  async markRetired(manager: EntityManager, id: string, at: Date, by: string): Promise<void> {
    await manager.query(`UPDATE workflow_definitions SET status = 'retired', retired_at = $2, updated_at = $2, updated_by = $3 WHERE id = $1 AND status = 'published'`, [id, at, by]);
  }

  /** The older versions of a key that still have running instances, and how many each. */
  async activeInstancesBelow(manager: EntityManager, key: string, version: number): Promise<Array<{ version: number; status: string; runningInstances: number }>> {
    const rows = await manager.query(
      `SELECT d.version, d.status, count(*)::int AS n FROM workflow_definitions d JOIN workflow_instances i ON i.definition_id = d.id AND i.status = 'active'
        WHERE d.key = $1 AND d.version < $2 GROUP BY d.version, d.status ORDER BY d.version`,
      [key, version],
    );
    return rows.map((r: { version: number; status: string; n: number }) => ({ version: r.version, status: r.status, runningInstances: r.n }));
  }

  async countActiveInstances(manager: EntityManager, id: string): Promise<number> {
    return (await manager.query(`SELECT count(*)::int AS n FROM workflow_instances WHERE definition_id = $1 AND status = 'active'`, [id]))[0].n;
  }

  async insertPublished(
    manager: EntityManager,
    definition: { key: string; version: number; title: { vi: string; en: string }; source: unknown; checksum: string; at: Date },
  ): Promise<DefinitionRecord> {
    const rows = await manager.query(
      `INSERT INTO workflow_definitions (key, version, status, title, source, checksum, created_at, published_at)
       VALUES ($1, $2, 'published', $3::jsonb, $4::jsonb, $5, $6, $6) RETURNING ${COLUMNS}`,
      [definition.key, definition.version, JSON.stringify(definition.title), JSON.stringify(definition.source), definition.checksum, definition.at],
    );
    return toRecord(rows[0]);
  }
}
