import { Injectable } from '@nestjs/common';
import type { Database, Tx } from '../database.js';
import { withDedicatedClient } from '../driver.js';

/** Which history rows an auditor's search selects (all given conditions hold). */
export interface HistorySearch {
  actor?: string;
  unit?: string;
  definitionKey?: string;
  eventType?: string;
  businessKey?: string;
  from?: Date;
  to?: Date;
}

/** A history row found by a search, with its instance's definition and business key (columns as stored). */
export interface HistorySearchRow {
  gseq: string;
  instance_id: string;
  definition_key: string;
  definition_version: number;
  business_key: string | null;
  seq: number;
  at: Date;
  event_type: string;
  actor_id: string;
  actor: { roles?: string[]; units?: string[] } | null;
  from_state: unknown;
  to_state: unknown;
  payload: unknown;
  comment: string | null;
  request_id: string | null;
  hash: string;
  /** The files the row attached (`links.files`), or null. */
  files: Array<{ id: string; name: string; size: number; sha256: string; field: string; contentType?: string }> | null;
  /** The documents the row issued (`links.documents`), or null. */
  documents: Array<{ key: string; number: string; fileId: string; sha256: string; size: number }> | null;
}

const SELECT = `SELECT h.gseq, h.instance_id, i.definition_key, i.definition_version, i.business_key, h.seq, h.at, h.event_type, h.actor_id,
  h.actor, h.from_state, h.to_state, h.payload, h.comment, h.request_id, h.hash, h.links -> 'files' AS files,
  h.links -> 'documents' AS documents
  FROM workflow_history h JOIN workflow_instances i ON i.id = h.instance_id`;

/** The WHERE clause and parameters of a history search; `$n` numbering starts after `offset` parameters. */
function where(f: HistorySearch, offset = 0): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    parts.push(sql.replace('?', `$${offset + params.length}`));
  };
  if (f.actor) add('h.actor_id = ?', f.actor);
  if (f.unit) add(`(h.actor->'units') @> jsonb_build_array(?::text)`, f.unit);
  if (f.definitionKey) add('i.definition_key = ?', f.definitionKey);
  if (f.eventType) add('h.event_type = ?', f.eventType);
  if (f.businessKey) add('i.business_key = ?', f.businessKey);
  if (f.from) add('h.at >= ?', f.from);
  if (f.to) add('h.at < ?', f.to);
  return { sql: parts.length ? parts.join(' AND ') : 'true', params };
}

/** History across instances, as auditors search and export it (global order: gseq). */
@Injectable()
export class HistorySearchRepository {
  /** Up to `limit` matching rows after `afterGseq`, oldest first. */
  async page(tx: Tx, f: HistorySearch, afterGseq: string, limit: number): Promise<HistorySearchRow[]> {
    const w = where(f, 2);
    return tx.query(`${SELECT} WHERE h.gseq > $1 AND ${w.sql} ORDER BY h.gseq LIMIT $2`, [afterGseq, limit, ...w.params]);
  }

  /**
   * Every matching row, oldest first, in batches of `batchSize` handed to `onBatch` one at a time
   * (awaited, so a slow reader holds the next batch back): a server-side cursor in one READ ONLY
   * transaction on a connection of its own, so the whole result is never in memory.
   */
  async eachBatch(database: Database, f: HistorySearch, batchSize: number, onBatch: (rows: HistorySearchRow[]) => Promise<void>): Promise<void> {
    await withDedicatedClient(database, async (client) => {
      try {
        await client.query('BEGIN READ ONLY');
        const w = where(f);
        await client.query(`DECLARE audit_export NO SCROLL CURSOR FOR ${SELECT} WHERE ${w.sql} ORDER BY h.gseq`, w.params);
        for (;;) {
          const { rows } = await client.query(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM audit_export`);
          if (!rows.length) break;
          await onBatch(rows);
        }
        await client.query('CLOSE audit_export');
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }
}
