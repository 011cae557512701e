import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AuditRepository, csvCell } from '#libs/persistence';
import { DataSource } from 'typeorm';

export interface HistorySearch {
  actor?: string;
  unit?: string;
  definitionKey?: string;
  eventType?: string;
  businessKey?: string;
  from?: Date;
  to?: Date;
}

export interface AuditRow {
  gseq: string;
  instanceId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  seq: number;
  at: string;
  event: string;
  actor: string;
  roles: string[];
  units: string[];
  from: unknown;
  to: unknown;
  payload: unknown;
  comment: string | null;
  requestId: string | null;
  hash: string;
}

const SELECT = `SELECT h.gseq, h.instance_id, i.definition_key, i.definition_version, i.business_key, h.seq, h.at, h.event_type, h.actor_id,
  h.actor, h.from_state, h.to_state, h.payload, h.comment, h.request_id, h.hash
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

function toRow(r: Record<string, any>): AuditRow {
  return {
    gseq: String(r.gseq),
    instanceId: r.instance_id,
    definitionKey: r.definition_key,
    definitionVersion: r.definition_version,
    businessKey: r.business_key,
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    event: r.event_type,
    actor: r.actor_id,
    roles: r.actor?.roles ?? [],
    units: r.actor?.units ?? [],
    from: r.from_state,
    to: r.to_state,
    payload: r.payload,
    comment: r.comment,
    requestId: r.request_id,
    hash: r.hash,
  };
}

const CSV_COLUMNS: Array<keyof AuditRow> = ['at', 'definitionKey', 'definitionVersion', 'businessKey', 'instanceId', 'seq', 'event', 'actor', 'roles', 'units', 'from', 'to', 'payload', 'comment', 'requestId', 'hash'];


/** Auditors' search across instances, and exports of any search that never hold it all in memory. */
@Injectable()
export class AuditSearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  async search(f: HistorySearch, page: { afterGseq?: string; limit: number }) {
    const w = where(f, 2);
    const rows = await this.dataSource.query(`${SELECT} WHERE h.gseq > $1 AND ${w.sql} ORDER BY h.gseq LIMIT $2`, [page.afterGseq ?? '0', page.limit + 1, ...w.params]);
    const items = rows.slice(0, page.limit).map(toRow);
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].gseq : null };
  }

  async searchLog(f: { actor?: string; action?: string; from?: Date; to?: Date }, page: { afterId?: string; limit: number }) {
    const rows = await this.audit.searchAudit(this.dataSource.manager, { ...f, afterId: page.afterId, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit).map((r) => ({ ...r, at: r.at.toISOString() }));
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].id : null };
  }

  /**
   * Streams every row of a search, oldest first, as NDJSON or CSV (UTF-8 with a BOM, so Excel keeps
   * the Vietnamese diacritics), through a server-side cursor, waiting for the reader between batches.
   */
  async export(f: HistorySearch, format: 'ndjson' | 'csv', out: Writable, onProgress?: (rows: number) => void): Promise<number> {
    const pool = (this.dataSource.driver as unknown as { master: { connect(): Promise<any> } }).master;
    const client = await pool.connect();
    let count = 0;
    const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
    try {
      await client.query('BEGIN READ ONLY');
      const w = where(f);
      await client.query(`DECLARE audit_export NO SCROLL CURSOR FOR ${SELECT} WHERE ${w.sql} ORDER BY h.gseq`, w.params);
      if (format === 'csv') await write('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n');
      for (;;) {
        const { rows } = await client.query('FETCH 2000 FROM audit_export');
        if (!rows.length) break;
        let chunk = '';
        for (const r of rows) {
          const row = toRow(r);
          chunk += format === 'csv' ? CSV_COLUMNS.map((c) => csvCell(row[c])).join(',') + '\r\n' : JSON.stringify(row) + '\n';
        }
        count += rows.length;
        await write(chunk);
        onProgress?.(count);
      }
      await client.query('CLOSE audit_export');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return count;
  }
}
