import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { FilesService } from '#libs/files';
import { Database, DocumentsRepository, FilesRepository } from '#libs/persistence';
import { DOCUMENTS_OPTIONS, type DocumentsOptions } from './options.js';

const run = promisify(execFile);
const MAX_ATTEMPTS = 3;

/**
 * Converts DOCX bytes to PDF with LibreOffice. Each run has its own profile directory
 * (`-env:UserInstallation`): two conversions sharing one profile lock each other out.
 */
export async function convertToPdf(soffice: string, docx: Buffer, timeoutMs = 120_000): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-pdf-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    await run(soffice, ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, input], {
      timeout: timeoutMs,
      env: { ...process.env, HOME: dir },
    });
    const pdf = await readFile(join(dir, 'document.pdf'));
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('LibreOffice wrote something that is not a PDF');
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * PDF renditions of generated documents, made after the transition commits: a conversion takes
 * seconds, far too long to hold the case's row lock, and a failed conversion must not undo a
 * decision that was taken. The process that committed converts at once (one at a time, in the
 * order issued); a sweep in every process with the worker role retries those left pending by a
 * crash or a failure, up to three attempts, claiming rows with SKIP LOCKED so workers share them.
 * A plain in-process queue, not a BullMQ job: the register row is the durable record of what is
 * still to do, and the conversion is idempotent.
 */
@Injectable()
export class PdfRenditions implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Documents');
  private queue: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly database: Database,
    private readonly documents: DocumentsRepository,
    private readonly fileRows: FilesRepository,
    private readonly files: FilesService,
    @Inject(DOCUMENTS_OPTIONS) private readonly options: DocumentsOptions,
  ) {}

  onModuleInit(): void {
    const sweep = this.options.sweep;
    if (sweep && this.options.soffice) {
      this.timer = setInterval(() => void this.sweep(new Date(Date.now() - 60_000)), sweep.intervalMs);
      this.timer.unref();
    }
  }

  /** Before the database closes (its module closes on application shutdown): a conversion in progress finishes and records its PDF. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    await this.queue;
  }

  /** Converts one document after those already queued; what fails stays pending for the sweep. */
  enqueue(id: string): void {
    this.queue = this.queue.then(() => this.convert(id)).catch((error) => this.logger.error(`PDF rendition of document ${id}: ${(error as Error).message}`));
  }

  /** Waits for the conversions queued so far (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Claims and converts the renditions still pending that were issued before `olderThan`. */
  async sweep(olderThan: Date, limit = 10): Promise<number> {
    if (this.closing) return 0;
    const claimed = await this.documents.claimPending(this.database.manager, olderThan, limit);
    for (const d of claimed) await this.convert(d.id);
    return claimed.length;
  }

  private async convert(id: string): Promise<void> {
    const soffice = this.options.soffice;
    if (!soffice || this.closing) return;
    const doc = await this.documents.findById(this.database.manager, id);
    if (!doc || doc.pdfStatus !== 'pending') return;
    try {
      const source = await this.files.store.get(doc.docxSha256);
      if (!source) throw new Error(`the DOCX ${doc.docxFileId} is missing from storage`);
      const chunks: Buffer[] = [];
      for await (const c of source) chunks.push(c as Buffer);
      const pdf = await convertToPdf(soffice, Buffer.concat(chunks));
      const name = `${doc.title.vi} số ${doc.number.replaceAll('/', '-')}.pdf`;
      const file = await this.files.upload(Readable.from([pdf]), name, { username: 'system' });
      await this.database.transaction(async (tx) => {
        await this.fileRows.bind(tx, [{ id: file.id, instanceId: doc.instanceId, seq: doc.seq, state: doc.state, event: doc.event, field: `documents/${doc.key}/pdf`, at: new Date() }]);
        await this.documents.setPdf(tx, doc.id, 'done', file.id, null);
      });
    } catch (error) {
      const reason = (error as Error).message.slice(0, 500);
      const final = doc.pdfAttempts + 1 >= MAX_ATTEMPTS;
      await this.documents.setPdf(this.database.manager, doc.id, final ? 'failed' : 'pending', null, reason);
      this.logger.warn(`PDF rendition of ${doc.number} (${doc.id}) failed${final ? '' : ', will retry'}: ${reason}`);
    }
  }
}
