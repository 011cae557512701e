import { Injectable } from '@nestjs/common';
import type { Principal } from '#libs/core';
import { Database, DocumentsRepository, FilesRepository, type GeneratedDocumentRecord } from '#libs/persistence';
import { InstanceQueries } from '#libs/runtime';

/** A generated document as the API shows it. */
export interface DocumentView {
  id: string;
  key: string;
  title: { vi: string; en: string };
  number: string;
  /** The history row that recorded its number and digest, and the step that issued it. */
  seq: number;
  state: string;
  event: string;
  issuedAt: string;
  docx: { fileId: string; sha256: string; size: number };
  /** The PDF rendition; null while pending, or when none can be made (`pdfUnavailable` says why). */
  pdf: { fileId: string; sha256: string; size: number } | null;
  pdfStatus: 'pending' | 'done' | 'unavailable' | 'failed';
  pdfUnavailable: string | null;
}

/** The case's register of generated documents, for those who may see the case. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly database: Database,
    private readonly documents: DocumentsRepository,
    private readonly files: FilesRepository,
    private readonly instances: InstanceQueries,
  ) {}

  async listForInstance(instanceId: string, principal: Principal | undefined): Promise<DocumentView[]> {
    await this.instances.assertVisible(instanceId, principal);
    const rows = await this.documents.listByInstance(this.database.manager, instanceId);
    const sizes = new Map((await this.files.listByInstance(this.database.manager, instanceId)).map((f) => [f.id, f]));
    return rows.map((d) => view(d, sizes));
  }
}

function view(d: GeneratedDocumentRecord, files: Map<string, { sha256: string; size: number }>): DocumentView {
  const pdf = d.pdfFileId ? files.get(d.pdfFileId) : undefined;
  return {
    id: d.id,
    key: d.key,
    title: d.title,
    number: d.number,
    seq: d.seq,
    state: d.state,
    event: d.event,
    issuedAt: d.createdAt.toISOString(),
    docx: { fileId: d.docxFileId, sha256: d.docxSha256, size: files.get(d.docxFileId)?.size ?? 0 },
    pdf: d.pdfFileId && pdf ? { fileId: d.pdfFileId, sha256: pdf.sha256, size: pdf.size } : null,
    pdfStatus: d.pdfStatus,
    pdfUnavailable: d.pdfStatus === 'unavailable' || d.pdfStatus === 'failed' ? d.pdfReason : null,
  };
}
