import type { DocumentDefinition } from '#libs/engine';
import { DomainError, ErrorCode } from '#libs/core';
import type { DocumentsRepository, GeneratedDocumentRecord, Tx } from '#libs/persistence';

/** A stored file as the port answers it. */
export interface StoredDocumentFile {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
}

/**
 * The outside effects of generated documents, behind one port so that the runtime (and the pure
 * engine) stay free of docxtemplater, the file store and LibreOffice: libs/documents provides it.
 */
export abstract class DocumentEngine {
  /** The top-level names a DOCX template's tags read; throws an Error naming the problem when the template is broken. */
  abstract placeholders(template: Buffer): string[];
  /** The document filled in from `data`. */
  abstract render(template: Buffer, data: Record<string, unknown>): Buffer;
  /** Stores bytes as an unbound file of `by` (so the cleanup removes it if the transition then rolls back). */
  abstract store(bytes: Buffer, name: string, by: string, at: Date): Promise<StoredDocumentFile>;
  /** Whether PDF renditions will be made in this deployment, or why not. */
  abstract pdfPlan(): { status: 'pending' } | { status: 'unavailable'; reason: string };
  /** Called after the commit with the documents just issued, to make their PDF renditions. */
  abstract issued(ids: string[]): void;
}

/** A document as its history row records it (inside the hash chain). */
export interface DocumentLink {
  key: string;
  number: string;
  fileId: string;
  sha256: string;
  size: number;
}

/** A document a transition issues, written to the register by the same transaction. */
export type DocumentToIssue = Pick<GeneratedDocumentRecord, 'id' | 'key' | 'title' | 'number' | 'series' | 'issuer' | 'year' | 'ordinal' | 'state'> & { fileId: string; sha256: string };

/** The date in Việt Nam (UTC+7, no daylight saving), the calendar a document is dated by. */
export function vietnamDate(at: Date): { day: number; month: number; year: number } {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  return { day: local.getUTCDate(), month: local.getUTCMonth() + 1, year: local.getUTCFullYear() };
}

/** Nghị định 30/2020/NĐ-CP: days below 10 and the months 1 and 2 are written with a leading 0; so are numbers below 10. */
const pad2 = (n: number) => String(n).padStart(2, '0');
const month = (m: number) => (m < 3 ? pad2(m) : String(m));

export function documentNumber(scheme: string, ordinal: number, year: number): string {
  return scheme.replaceAll('{seq}', pad2(ordinal)).replaceAll('{year}', String(year));
}

export function documentsOn(documents: readonly DocumentDefinition[] | undefined, eventType: string): DocumentDefinition[] {
  return (documents ?? []).filter((d) => d.on === eventType);
}

/** The built-in values every template may read (see DOCUMENT_BUILTINS in the engine). */
export function builtins(d: DocumentDefinition, number: string, at: Date, businessKey: string | null): Record<string, unknown> {
  const { day, month: m, year } = vietnamDate(at);
  return {
    so: number,
    ngay: pad2(day),
    thang: month(m),
    nam: String(year),
    diaDanhNgay: `${d.place}, ngày ${pad2(day)} tháng ${month(m)} năm ${year}`,
    coQuan: d.issuer,
    coQuanCapTren: '',
    noiNhan: (d.recipients ?? []).map((r) => ({ ten: r })),
    tenVanBan: d.title.vi,
    maHoSo: businessKey ?? '',
  };
}

/**
 * Takes the next numbers for the documents an event issues, in the event's transaction, and
 * writes each into its payload field. A payload that brings its own number is refused: the
 * register gives numbers, a person does not.
 */
export async function numberDocuments(
  repo: DocumentsRepository,
  manager: Tx,
  documents: DocumentDefinition[],
  payload: Record<string, unknown> | undefined,
  at: Date,
): Promise<{ payload: Record<string, unknown> | undefined; numbers: Array<{ doc: DocumentDefinition; number: string; ordinal: number; series: string; year: number }> }> {
  const given = documents.filter((d) => d.number.field && payload?.[d.number.field] !== undefined);
  if (given.length) {
    throw new DomainError(ErrorCode.ValidationFailed, `The number of ${given.map((d) => `"${d.key}"`).join(', ')} is given by the register, not the payload`, {
      problems: given.map((d) => ({ field: `payload/${d.number.field}`, reason: 'is numbered by the system; leave it out' })),
    });
  }
  const { year } = vietnamDate(at);
  const numbers = [];
  let filled = payload;
  for (const doc of documents) {
    const series = doc.number.series ?? doc.key;
    const ordinal = await repo.nextNumber(manager, series, doc.issuer, year);
    const number = documentNumber(doc.number.scheme, ordinal, year);
    if (doc.number.field) filled = { ...filled, [doc.number.field]: number };
    numbers.push({ doc, number, ordinal, series, year });
  }
  return { payload: filled, numbers };
}

export function noDocumentEngine(): DomainError {
  return new DomainError(ErrorCode.DependencyUnavailable, 'This process cannot produce documents (no document engine is configured)', {});
}
