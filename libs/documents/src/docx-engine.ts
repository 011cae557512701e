import { Readable } from 'node:stream';
import Docxtemplater from 'docxtemplater';
import inspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { FilesService } from '#libs/files';
import { DocumentEngine, type StoredDocumentFile } from '#libs/runtime';
import { PdfRenditions } from './pdf-renditions.js';
import { DOCUMENTS_OPTIONS, type DocumentsOptions } from './options.js';

/** docxtemplater with the defaults the ward's templates are written for: `{name}` tags, loops `{#noiNhan}…{/noiNhan}`, line breaks kept. */
function open(template: Buffer, modules: object[] = []): Docxtemplater {
  return new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, modules, nullGetter: () => '' });
}

/** The top-level names of a template's tags (inside a loop, the loop's own name). */
export function templatePlaceholders(template: Buffer): string[] {
  // The package's CommonJS export is a factory (its .d.ts says class).
  const inspect = (inspectModule as unknown as () => { getAllTags(): Record<string, unknown> })();
  try {
    open(template, [inspect]);
  } catch (error) {
    const errors = (error as { properties?: { errors?: Array<{ properties?: { explanation?: string } }> } }).properties?.errors;
    throw new Error(errors?.length ? errors.map((e) => e.properties?.explanation).join('; ') : (error as Error).message);
  }
  return Object.keys(inspect.getAllTags());
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A value as a paper writes it: ISO dates as dd/mm/yyyy, nothing for null. */
function text(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    const m = ISO_DATE.exec(v);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
  }
  if (typeof v === 'object' && !Array.isArray(v)) return JSON.stringify(v);
  return v;
}

/** Fills a template; a value that is not text (a context object) is written as its JSON, never as "[object Object]". */
export function renderDocx(template: Buffer, data: Record<string, unknown>): Buffer {
  const doc = open(template);
  const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, text(v)]));
  doc.render(values);
  return doc.toBuffer({ compression: 'DEFLATE' }) as Buffer;
}

/** The document engine the runtime's port names: docxtemplater, the file store, PDF renditions by LibreOffice. */
@Injectable()
export class DocxDocumentEngine extends DocumentEngine {
  // Files and renditions are looked up when first used: FilesService needs the runtime's queries, whose definitions need this engine.
  constructor(
    private readonly modules: ModuleRef,
    @Inject(DOCUMENTS_OPTIONS) private readonly options: DocumentsOptions,
  ) {
    super();
  }

  private get files(): FilesService {
    return this.modules.get(FilesService, { strict: false });
  }

  private get pdf(): PdfRenditions {
    return this.modules.get(PdfRenditions, { strict: false });
  }

  placeholders(template: Buffer): string[] {
    return templatePlaceholders(template);
  }

  render(template: Buffer, data: Record<string, unknown>): Buffer {
    return renderDocx(template, data);
  }

  async store(bytes: Buffer, name: string, by: string, at: Date): Promise<StoredDocumentFile> {
    const f = await this.files.upload(Readable.from([bytes]), name, { username: by }, at);
    return { id: f.id, sha256: f.sha256, size: f.size, contentType: f.contentType };
  }

  pdfPlan(): { status: 'pending' } | { status: 'unavailable'; reason: string } {
    return this.options.soffice ? { status: 'pending' } : { status: 'unavailable', reason: 'soffice not installed' };
  }

  issued(ids: string[]): void {
    if (this.options.soffice) for (const id of ids) this.pdf.enqueue(id);
  }
}
