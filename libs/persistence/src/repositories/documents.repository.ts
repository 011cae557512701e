import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A generated document as its row keeps it (see the migration Documents1765152000000). */
export interface GeneratedDocumentRecord {
  id: string;
  instanceId: string;
  seq: number;
  key: string;
  title: { vi: string; en: string };
  number: string;
  series: string;
  issuer: string;
  year: number;
  ordinal: number;
  state: string;
  event: string;
  docxFileId: string;
  docxSha256: string;
  pdfStatus: 'pending' | 'done' | 'unavailable' | 'failed';
  pdfFileId: string | null;
  pdfReason: string | null;
  pdfAttempts: number;
  createdAt: Date;
}

export type NewGeneratedDocument = Omit<GeneratedDocumentRecord, 'pdfFileId' | 'pdfReason' | 'pdfAttempts'> & { pdfReason?: string | null };

function toRecord(r: Record<string, any>): GeneratedDocumentRecord {
  return {
    id: r.id,
    instanceId: r.instance_id,
    seq: r.seq,
    key: r.key,
    title: r.title,
    number: r.number,
    series: r.series,
    issuer: r.issuer,
    year: r.year,
    ordinal: r.ordinal,
    state: r.state,
    event: r.event,
    docxFileId: r.docx_file_id,
    docxSha256: r.docx_sha256,
    pdfStatus: r.pdf_status,
    pdfFileId: r.pdf_file_id,
    pdfReason: r.pdf_reason,
    pdfAttempts: r.pdf_attempts,
    createdAt: r.created_at,
  };
}

/** The register of generated documents and the counters that number them. */
@Injectable()
export class DocumentsRepository {
  /**
   * The next number of a series for an issuer and year. The counter row stays locked until the
   * caller's transaction ends, so numbers are given in commit order and a rollback returns its number.
   */
  async nextNumber(manager: EntityManager, series: string, issuer: string, year: number): Promise<number> {
    const rows = await manager.query(
      `INSERT INTO document_counters (series, issuer, year, last) VALUES ($1, $2, $3, 1)
       ON CONFLICT (series, issuer, year) DO UPDATE SET last = document_counters.last + 1
       RETURNING last`,
      [series, issuer, year],
    );
    return rows[0].last;
  }

  async insert(manager: EntityManager, d: NewGeneratedDocument): Promise<void> {
    await manager.query(
      `INSERT INTO generated_documents (id, instance_id, seq, key, title, number, series, issuer, year, ordinal, state, event, docx_file_id, docx_sha256, pdf_status, pdf_reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [d.id, d.instanceId, d.seq, d.key, JSON.stringify(d.title), d.number, d.series, d.issuer, d.year, d.ordinal, d.state, d.event, d.docxFileId, d.docxSha256, d.pdfStatus, d.pdfReason ?? null, d.createdAt],
    );
  }

  async listByInstance(manager: EntityManager, instanceId: string): Promise<GeneratedDocumentRecord[]> {
    const rows = await manager.query(`SELECT * FROM generated_documents WHERE instance_id = $1 ORDER BY seq, key`, [instanceId]);
    return rows.map(toRecord);
  }

  async findById(manager: EntityManager, id: string): Promise<GeneratedDocumentRecord | undefined> {
    const rows = await manager.query(`SELECT * FROM generated_documents WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** PDF renditions still to make, oldest first, claimed so that several workers share them. */
  async claimPending(manager: EntityManager, olderThan: Date, limit: number): Promise<GeneratedDocumentRecord[]> {
    const rows = await manager.query(
      `UPDATE generated_documents SET pdf_attempts = pdf_attempts + 1
       WHERE id IN (SELECT id FROM generated_documents WHERE pdf_status = 'pending' AND created_at <= $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [olderThan, limit],
    );
    return rows.map(toRecord);
  }

  async setPdf(manager: EntityManager, id: string, status: 'done' | 'unavailable' | 'failed' | 'pending', fileId: string | null, reason: string | null): Promise<void> {
    await manager.query(`UPDATE generated_documents SET pdf_status = $2, pdf_file_id = $3, pdf_reason = $4 WHERE id = $1`, [id, status, fileId, reason]);
  }
}
