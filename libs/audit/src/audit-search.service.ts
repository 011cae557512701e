import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AuditRepository, csvCell, Database, type HistorySearch, HistorySearchRepository, type HistorySearchRow } from '#libs/persistence';
import { ConfidentialReads } from '#libs/runtime';

export type { HistorySearch };

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
  /** The documents this step attached: name, size, SHA-256 (inside the hash chain), payload field; the step is the row's. */
  files?: Array<{ id: string; name: string; size: number; sha256: string; field: string }>;
  /** The papers this step issued: key, number, DOCX file, SHA-256 (inside the hash chain) and size. */
  documents?: Array<{ key: string; number: string; fileId: string; sha256: string; size: number }>;
}

function toRow(r: HistorySearchRow): AuditRow {
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
    ...(r.files?.length ? { files: r.files.map((f) => ({ id: f.id, name: f.name, size: f.size, sha256: f.sha256, field: f.field })) } : {}),
    ...(r.documents?.length ? { documents: r.documents.map((d) => ({ key: d.key, number: d.number, fileId: d.fileId, sha256: d.sha256, size: d.size })) } : {}),
  };
}

const CSV_COLUMNS: Array<keyof AuditRow> = ['at', 'definitionKey', 'definitionVersion', 'businessKey', 'instanceId', 'seq', 'event', 'actor', 'roles', 'units', 'from', 'to', 'payload', 'comment', 'requestId', 'hash', 'files', 'documents'];


/** A row's documents in one CSV cell: `name (size bytes, sha256 …)`, separated by `; `. */
function filesCell(files: AuditRow['files']): string | null {
  return files?.length ? files.map((f) => `${f.name} (${f.size} bytes, sha256 ${f.sha256}, ${f.field})`).join('; ') : null;
}

/** A row's issued papers in one CSV cell: `number key (size bytes, sha256 …)`, separated by `; `. */
function documentsCell(documents: AuditRow['documents']): string | null {
  return documents?.length ? documents.map((d) => `${d.number} ${d.key} (${d.size} bytes, sha256 ${d.sha256})`).join('; ') : null;
}

/** Auditors' search across instances, and exports of any search that never hold it all in memory. */
@Injectable()
export class AuditSearchService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditRepository,
    private readonly history: HistorySearchRepository,
    private readonly confidential: ConfidentialReads,
  ) {}

  /**
   * A row as auditors search and export it: the payload's confidential fields always masked (the
   * search is for no case in particular; a handler reads them on the case). The hash is the stored
   * row's, so verification is unchanged.
   */
  private async masked(r: HistorySearchRow): Promise<AuditRow> {
    const row = toRow(r);
    return { ...row, payload: await this.confidential.forNoOne({ key: row.definitionKey, version: row.definitionVersion }, row.payload) };
  }

  async search(f: HistorySearch, page: { afterGseq?: string; limit: number }) {
    const rows = await this.history.page(this.database.manager, f, page.afterGseq ?? '0', page.limit + 1);
    const items = await Promise.all(rows.slice(0, page.limit).map((r) => this.masked(r)));
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].gseq : null };
  }

  async searchLog(f: { actor?: string; action?: string; subject?: string; from?: Date; to?: Date }, page: { afterId?: string; limit: number }) {
    const rows = await this.audit.searchAudit(this.database.manager, { ...f, afterId: page.afterId, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit).map((r) => ({ ...r, at: r.at.toISOString() }));
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].id : null };
  }

  /**
   * Streams every row of a search, oldest first, as NDJSON or CSV (UTF-8 with a BOM, so Excel keeps
   * the Vietnamese diacritics), through a server-side cursor, waiting for the reader between batches.
   */
  async export(f: HistorySearch, format: 'ndjson' | 'csv', out: Writable, onProgress?: (rows: number) => void): Promise<number> {
    let count = 0;
    const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
    let header = format === 'csv';
    await this.history.eachBatch(this.database, f, 2000, async (rows) => {
      let chunk = header ? '\uFEFF' + CSV_COLUMNS.join(',') + '\r\n' : '';
      header = false;
      for (const r of rows) {
        const row = await this.masked(r);
        chunk += format === 'csv' ? CSV_COLUMNS.map((c) => csvCell(c === 'files' ? filesCell(row.files) : c === 'documents' ? documentsCell(row.documents) : row[c])).join(',') + '\r\n' : JSON.stringify(row) + '\n';
      }
      count += rows.length;
      await write(chunk);
      onProgress?.(count);
    });
    if (header) await write('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n'); // no rows: the header alone
    return count;
  }
}
