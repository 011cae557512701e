import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditTrail, DomainError, ErrorCode, actorOf, seesEverything, type Principal } from '#libs/core';
import { Database, FilesRepository, HistoryRepository, type FileRecord } from '#libs/persistence';
import { ConfidentialReads, InstanceQueries } from '#libs/runtime';
import { FILE_STORE, type FileStore } from './file-store.js';
import { ALLOWED_TYPES, detectType, sanitizeFileName, SNIFF_BYTES } from './safety.js';
import { digestOf, VerifyingStream } from './verifying-stream.js';

export const FILES_OPTIONS = Symbol('FILES_OPTIONS');

export interface FilesOptions {
  maxBytes: number;
  /** How long an unbound upload is kept (ms); a day by default. */
  unboundTtlMs?: number;
}

export const UNBOUND_TTL_MS = 24 * 60 * 60 * 1000;

/** A file as the API shows it. */
export interface FileView {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
  uploadedBy: string;
  uploadedAt: string;
  /** The case, history row, state, event and payload field that bound it; absent while unbound. */
  instanceId?: string;
  seq?: number;
  state?: string;
  event?: string;
  field?: string;
  boundAt?: string;
  /** When an unbound upload is removed. */
  expiresAt?: string;
}

export function toFileView(f: FileRecord): FileView {
  return {
    id: f.id,
    sha256: f.sha256,
    size: f.size,
    contentType: f.contentType,
    name: f.name,
    uploadedBy: f.uploadedBy,
    uploadedAt: f.uploadedAt.toISOString(),
    ...(f.instanceId
      ? { instanceId: f.instanceId, seq: f.seq ?? undefined, state: f.state ?? undefined, event: f.event ?? undefined, field: f.field ?? undefined, boundAt: f.boundAt?.toISOString() }
      : { expiresAt: f.expiresAt?.toISOString() }),
  };
}

/** One bound file as `GET /instances/:id/history/verify` reports it. */
export interface FileCheck {
  id: string;
  name: string;
  seq: number;
  field: string;
  sha256: string;
  ok: boolean;
  reason?: string;
}

const fileNotFound = (id: string) => new DomainError(ErrorCode.FileNotFound, `No file has the id ${id}`, { id });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attachments: uploads (type decided by the bytes, size capped, stored content-addressed), who may
 * read them (a bound file: whoever may see its case; an unbound one: its uploader; anyone else: 404),
 * reading with the digest re-checked, and the check of every file bound to a case. Binding itself
 * happens in the transition (libs/runtime), in the event's own transaction.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('Files');

  constructor(
    private readonly database: Database,
    private readonly files: FilesRepository,
    private readonly history: HistoryRepository,
    private readonly instances: InstanceQueries,
    private readonly audit: AuditTrail,
    private readonly confidential: ConfidentialReads,
    @Inject(FILE_STORE) readonly store: FileStore,
    @Inject(FILES_OPTIONS) readonly options: FilesOptions,
  ) {}

  /**
   * Stores an upload: the type from its first bytes against the allowlist (415 naming what it is,
   * before anything is stored), at most `maxBytes` (413; what was written is removed), the bytes
   * under their digest (once, however often they are uploaded), then the row.
   */
  async upload(source: Readable, rawName: string | undefined, principal: Pick<Principal, 'username'>, now = new Date()): Promise<FileView> {
    const max = this.options.maxBytes;
    const tooLarge = () => new DomainError(ErrorCode.FileTooLarge, `The file is larger than the limit of ${max} bytes (${formatMb(max)})`, { field: 'file', limit: max });
    const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const head: Buffer[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
    const first = Buffer.concat(head, headBytes);
    if (first.length > max) throw tooLarge();
    if (!first.length) throw new DomainError(ErrorCode.ValidationFailed, 'The file is empty', { problems: [{ field: 'file', reason: 'is empty' }] });
    const type = await detectType(first);
    if (!ALLOWED_TYPES.has(type)) {
      throw new DomainError(ErrorCode.FileTypeRefused, `Files of type ${type} are not accepted; accepted: ${[...ALLOWED_TYPES.values()].join(', ')}`, {
        field: 'file',
        detectedType: type,
        accepted: [...ALLOWED_TYPES.keys()],
      });
    }
    async function* body(): AsyncGenerator<Buffer> {
      let total = first.length;
      yield first;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        total += next.value.length;
        if (total > max) throw tooLarge();
        yield next.value;
      }
    }
    const blob = await this.store.put(Readable.from(body(), { objectMode: false }));
    const id = randomUUID();
    const name = sanitizeFileName(rawName);
    await this.database.transaction(async (tx) => {
      // Under the digest's lock: a cleanup cannot remove the blob between the check and the row that keeps it.
      await this.files.lockDigest(tx, blob.sha256);
      if (!(await this.store.exists(blob.sha256))) throw new DomainError(ErrorCode.ConcurrentUpdate, 'The file was removed while it was stored; send it again', {});
      await this.files.insert(tx, {
        id,
        sha256: blob.sha256,
        size: blob.size,
        contentType: type,
        name,
        uploadedBy: principal.username,
        uploadedAt: now,
        expiresAt: new Date(now.getTime() + (this.options.unboundTtlMs ?? UNBOUND_TTL_MS)),
      });
    });
    return toFileView((await this.files.findById(this.database.manager, id))!);
  }

  /** A file the caller may read, or 404 (whether it exists is nobody else's business). */
  async get(id: string, principal: Principal | undefined): Promise<FileRecord> {
    if (!UUID.test(id)) throw fileNotFound(id);
    const file = await this.files.findById(this.database.manager, id);
    if (!file) throw fileNotFound(id);
    if (!principal || seesEverything(principal)) {
      // Admins and auditors see every case, hence every bound file; an unbound upload stays its uploader's.
      if (file.instanceId || !principal || file.uploadedBy === principal.username) return file;
      throw fileNotFound(id);
    }
    if (file.instanceId) {
      if (await this.instances.canSee(file.instanceId, principal)) return file;
    } else if (file.uploadedBy === principal.username) return file;
    throw fileNotFound(id);
  }

  async info(id: string, principal: Principal | undefined): Promise<FileView> {
    return toFileView(await this.get(id, principal));
  }

  /**
   * The file's bytes, re-checked against its digest as they stream (see VerifyingStream): a blob
   * that changed in storage is cut off before its end, logged as an error and written to the audit
   * trail (`file.corrupted`).
   */
  async open(id: string, principal: Principal | undefined, requestId?: string): Promise<{ file: FileView; stream: Readable }> {
    const file = await this.get(id, principal);
    // A file that shows confidential values (an attachment in such a field, a paper that prints one) is for their readers only.
    if (file.instanceId && principal && !(await this.confidential.mayOpenFile({ id: file.id, instanceId: file.instanceId, field: file.field }, principal, requestId))) {
      throw fileNotFound(id);
    }
    const source = await this.store.get(file.sha256);
    if (!source) {
      await this.corrupted(file, principal, requestId, 'the stored bytes are missing');
      throw new DomainError(ErrorCode.FileCorrupted, `The bytes of file ${file.id} are missing from storage`, { id: file.id });
    }
    const verifying = new VerifyingStream({ sha256: file.sha256, size: file.size }, (actual) => {
      void this.corrupted(file, principal, requestId, `read ${actual.size} bytes with SHA-256 ${actual.sha256}`);
    });
    source.on('error', (e) => verifying.destroy(e));
    return { file: toFileView(file), stream: source.pipe(verifying) };
  }

  private async corrupted(file: FileRecord, principal: Principal | undefined, requestId: string | undefined, detail: string): Promise<void> {
    this.logger.error(`file ${file.id} ("${file.name}") does not match its digest ${file.sha256}: ${detail}`);
    await this.audit
      .record({
        actor: principal ? actorOf(principal) : { id: 'system', roles: ['system'] },
        action: 'file.corrupted',
        subjectType: 'file',
        subjectId: file.id,
        data: { sha256: file.sha256, size: file.size, instanceId: file.instanceId, detail },
        requestId,
      })
      .catch((e) => this.logger.error(`could not audit the corrupted file ${file.id}: ${(e as Error).message}`));
  }

  /** A case's attachments, in the order its steps bound them. */
  async listForInstance(instanceId: string, principal: Principal | undefined): Promise<FileView[]> {
    if (!UUID.test(instanceId)) throw new DomainError(ErrorCode.InstanceNotFound, `No workflow instance has the id ${instanceId}`, { id: instanceId });
    await this.instances.get(instanceId, principal);
    return (await this.files.listByInstance(this.database.manager, instanceId)).map(toFileView);
  }

  /**
   * Every file a case's history binds, re-hashed from storage against the digest its history row
   * recorded (the hash chain covers it), and against the file's own row: one changed byte, a
   * swapped blob or a row pointed elsewhere is named.
   */
  async checkBound(instanceId: string, rows: Array<{ seq: number; links?: Record<string, unknown> | null }>): Promise<FileCheck[]> {
    const out: FileCheck[] = [];
    for (const row of rows) {
      const attached = (row.links?.files ?? []) as Array<{ id: string; sha256: string; size: number; name?: string; field: string }>;
      // Generated documents are recorded by their number; their DOCX is checked like an attachment.
      const generated = ((row.links?.documents ?? []) as Array<{ key: string; fileId: string; sha256: string; size: number; number: string }>).map((d) => ({
        id: d.fileId,
        sha256: d.sha256,
        size: d.size,
        name: `${d.number} (${d.key})`,
        field: `documents/${d.key}`,
      }));
      const linked = [...attached, ...generated];
      for (const l of linked) {
        const check: FileCheck = { id: l.id, name: l.name ?? l.id, seq: row.seq, field: l.field, sha256: l.sha256, ok: true };
        const file = await this.files.findById(this.database.manager, l.id);
        if (file) check.name = file.name;
        const source = await this.store.get(l.sha256);
        if (!file || file.instanceId !== instanceId) Object.assign(check, { ok: false, reason: 'the file row is missing or bound to another case' });
        else if (file.sha256 !== l.sha256) Object.assign(check, { ok: false, reason: `the file row now points at other bytes (${file.sha256}) than its history row recorded` });
        else if (!source) Object.assign(check, { ok: false, reason: 'the stored bytes are missing' });
        else {
          const actual = await digestOf(source);
          if (actual.sha256 !== l.sha256 || actual.size !== l.size) Object.assign(check, { ok: false, reason: `the stored bytes changed: they hash to ${actual.sha256} (${actual.size} bytes)` });
        }
        if (check.ok === false && source) source.destroy();
        out.push(check);
      }
    }
    return out;
  }

  /**
   * Removes unbound uploads past their expiry, then each blob no remaining row names (under the
   * digest's lock, so that an upload of the same bytes meanwhile keeps it).
   */
  async cleanup(now = new Date()): Promise<{ files: number; blobs: number; leftovers: number }> {
    let files = 0;
    let blobs = 0;
    for (;;) {
      const removed = await this.files.deleteExpired(this.database.manager, now, 500);
      files += removed.length;
      for (const sha256 of new Set(removed.map((r) => r.sha256))) {
        const gone = await this.database.transaction(async (tx) => {
          await this.files.lockDigest(tx, sha256);
          if (await this.files.isReferenced(tx, sha256)) return false;
          await this.store.delete(sha256);
          return true;
        });
        if (gone) blobs++;
      }
      if (removed.length < 500) break;
    }
    const leftovers = (await this.store.removeLeftovers?.(new Date(now.getTime() - LEFTOVER_AGE_MS))) ?? 0;
    if (files || leftovers) this.logger.log(`removed ${files} expired unbound upload(s), ${blobs} blob(s) and ${leftovers} unfinished upload(s)`);
    return { files, blobs, leftovers };
  }
}

/** An upload unfinished for this long was abandoned (its process died): even 25 MB over a slow link takes minutes. */
export const LEFTOVER_AGE_MS = 6 * 3_600_000;

function formatMb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
