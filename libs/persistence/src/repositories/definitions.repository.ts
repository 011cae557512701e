import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

  async findVersion(manager: EntityManager, key: string, version: number): Promise<DefinitionRecord | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE key = $1 AND version = $2`, [key, version]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** The newest published version of a key: the one new instances start on. */
  async findLatestPublished(manager: EntityManager, key: string): Promise<DefinitionRecord | undefined> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM workflow_definitions WHERE key = $1 AND status = 'published' ORDER BY version DESC LIMIT 1`,
      [key],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async findLatestVersion(manager: EntityManager, key: string): Promise<DefinitionRecord | undefined> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM workflow_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`, [key]);
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
