import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { PostgresFileStore, UNBOUND_TTL_MS } from '#libs/files';
import { FilesRepository, type Database } from '#libs/persistence';
import { DocumentEngine, type StoredDocumentFile } from '#libs/runtime';
import { renderDocx, templatePlaceholders } from './docx-engine.js';

/**
 * The document engine for the runtime wired by hand (createRuntime: scripts, scenario specs,
 * benchmarks): documents stored in PostgreSQL as an upload would be, no PDF renditions.
 */
export function standaloneDocumentEngine(database: Database): DocumentEngine {
  const files = new FilesRepository();
  const store = new PostgresFileStore(database, files);
  return new (class extends DocumentEngine {
    placeholders(template: Buffer): string[] {
      return templatePlaceholders(template);
    }
    render(template: Buffer, data: Record<string, unknown>): Buffer {
      return renderDocx(template, data);
    }
    async store(bytes: Buffer, name: string, by: string, at: Date): Promise<StoredDocumentFile> {
      const blob = await store.put(Readable.from([bytes]));
      const id = randomUUID();
      const contentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      await database.transaction(async (tx) => {
        await files.lockDigest(tx, blob.sha256);
        await files.insert(tx, { id, sha256: blob.sha256, size: blob.size, contentType, name, uploadedBy: by, uploadedAt: at, expiresAt: new Date(at.getTime() + UNBOUND_TTL_MS) });
      });
      return { id, sha256: blob.sha256, size: blob.size, contentType };
    }
    pdfPlan() {
      return { status: 'unavailable' as const, reason: 'no PDF renditions in a standalone runtime' };
    }
    issued(): void {}
  })();
}
