import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../prepared.js';

/** One upload: its bytes (by digest), what it was called, who sent it, and the case step it belongs to once bound. */
export interface FileRecord {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
  uploadedBy: string;
  uploadedAt: Date;
  instanceId: string | null;
  seq: number | null;
  state: string | null;
  event: string | null;
  field: string | null;
  boundAt: Date | null;
  expiresAt: Date | null;
}

export interface NewFile {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
  uploadedBy: string;
  uploadedAt: Date;
  expiresAt: Date;
}

/** Where a bound file belongs: the history row (seq) and step that bound it, and the payload field that named it. */
export interface FileBinding {
  id: string;
  instanceId: string;
  seq: number;
  state: string;
  event: string;
  field: string;
  at: Date;
}

function toFileRecord(r: Record<string, any>): FileRecord {
  return {
    id: r.id,
    sha256: r.sha256,
    size: Number(r.size),
    contentType: r.content_type,
    name: r.name,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    instanceId: r.instance_id,
    seq: r.seq,
    state: r.state,
    event: r.event,
    field: r.field,
    boundAt: r.bound_at,
    expiresAt: r.expires_at,
  };
}

/**
 * Attachments' metadata (`files`) and, for the PostgreSQL store, their bytes (`file_blobs`, chunks
 * keyed by SHA-256). Blob keys and upload rows are serialised per digest with a transaction-level
 * advisory lock, so that a cleanup removing an unreferenced blob and an upload of the same bytes
 * never interleave (see docs/files.md).
 */
@Injectable()
export class FilesRepository {
  async insert(manager: EntityManager, f: NewFile): Promise<void> {
    await manager.query(
      `INSERT INTO files (id, sha256, size, content_type, name, uploaded_by, uploaded_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [f.id, f.sha256, f.size, f.contentType, f.name, f.uploadedBy, f.uploadedAt, f.expiresAt],
    );
  }

  async findById(manager: EntityManager, id: string): Promise<FileRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM files WHERE id = $1`, [id]);
    return row ? toFileRecord(row) : undefined;
  }

  /** The files an event names, locked until its transaction ends (a concurrent event cannot bind them elsewhere). */
  async lockForBinding(manager: EntityManager, ids: string[]): Promise<FileRecord[]> {
    if (!ids.length) return [];
    const rows = await manager.query(`SELECT * FROM files WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    return rows.map(toFileRecord);
  }

  /** Binds files to a case's step; a file already bound (an earlier step of the same case) keeps its first binding. */
  async bind(manager: EntityManager, bindings: FileBinding[]): Promise<void> {
    for (const b of bindings) {
      await manager.query(
        `UPDATE files SET instance_id = $2, seq = $3, state = $4, event = $5, field = $6, bound_at = $7, expires_at = NULL WHERE id = $1 AND instance_id IS NULL`,
        [b.id, b.instanceId, b.seq, b.state, b.event, b.field, b.at],
      );
    }
  }

  async listByInstance(manager: EntityManager, instanceId: string): Promise<FileRecord[]> {
    const rows = await manager.query(`SELECT * FROM files WHERE instance_id = $1 ORDER BY seq, length(field), field, id`, [instanceId]);
    return rows.map(toFileRecord);
  }

  /** Every file row (bound or not) with a digest: the blobs a backup or restore checks. */
  async distinctDigests(manager: EntityManager): Promise<Array<{ sha256: string; size: number }>> {
    const rows = await manager.query(`SELECT DISTINCT sha256, size FROM files ORDER BY sha256`);
    return rows.map((r: { sha256: string; size: string }) => ({ sha256: r.sha256, size: Number(r.size) }));
  }

  /** The names files with these bytes go by (for reports). */
  async namesOf(manager: EntityManager, sha256: string): Promise<string[]> {
    return (await manager.query(`SELECT name FROM files WHERE sha256 = $1 ORDER BY uploaded_at`, [sha256])).map((r: { name: string }) => r.name);
  }

  /** The digests `file_blobs` holds whole (temporary keys of uploads in progress left out). */
  async blobKeys(manager: EntityManager): Promise<string[]> {
    return (await manager.query(`SELECT sha256 FROM file_blobs WHERE chunk_no = 0 AND sha256 NOT LIKE 'tmp:%' ORDER BY sha256`)).map((r: { sha256: string }) => r.sha256);
  }

  /** Removes unbound uploads that expired; answers their digests (whose blobs may now be unreferenced). */
  async deleteExpired(manager: EntityManager, now: Date, limit: number): Promise<Array<{ id: string; sha256: string }>> {
    return queryRows(
      manager,
      `DELETE FROM files WHERE id IN (SELECT id FROM files WHERE instance_id IS NULL AND expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING id, sha256`,
      [now, limit],
    );
  }

  /** Takes the per-digest lock until the transaction ends (see the class comment). */
  async lockDigest(manager: EntityManager, sha256: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('phoihop-file:' || $1, 0))`, [sha256]);
  }

  async isReferenced(manager: EntityManager, sha256: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM files WHERE sha256 = $1 LIMIT 1`, [sha256])).length > 0;
  }

  // The PostgreSQL blob store.

  async insertChunk(manager: EntityManager, key: string, chunkNo: number, data: Buffer): Promise<void> {
    await manager.query(`INSERT INTO file_blobs (sha256, chunk_no, data) VALUES ($1, $2, $3)`, [key, chunkNo, data]);
  }

  /** Gives an upload's chunks their digest as key, or drops them when that blob is stored already. Call under lockDigest. */
  async finishBlob(manager: EntityManager, tempKey: string, sha256: string): Promise<'stored' | 'existed'> {
    if (await this.blobExists(manager, sha256)) {
      await manager.query(`DELETE FROM file_blobs WHERE sha256 = $1`, [tempKey]);
      return 'existed';
    }
    await manager.query(`UPDATE file_blobs SET sha256 = $2 WHERE sha256 = $1`, [tempKey, sha256]);
    return 'stored';
  }

  async deleteBlob(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`DELETE FROM file_blobs WHERE sha256 = $1`, [key]);
  }

  async blobExists(manager: EntityManager, sha256: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM file_blobs WHERE sha256 = $1 AND chunk_no = 0`, [sha256])).length > 0;
  }

  /** One chunk of a blob, or undefined past its last: a reader holds one chunk in memory at a time. */
  async readChunk(manager: EntityManager, sha256: string, chunkNo: number): Promise<Buffer | undefined> {
    const [row] = await manager.query(`SELECT data FROM file_blobs WHERE sha256 = $1 AND chunk_no = $2`, [sha256, chunkNo]);
    return row?.data;
  }

  /**
   * Removes the chunks of uploads that began before `beforeMs` and never finished (the process died
   * in the middle): their temporary key carries the time the upload began (`tmp:<ms>:<uuid>`). A key
   * without a time is from a version that did not write one, and is as old as that version.
   */
  async deleteTempBlobsBefore(manager: EntityManager, beforeMs: number): Promise<number> {
    const rows: Array<{ sha256: string }> = await queryRows(
      manager,
      `DELETE FROM file_blobs WHERE sha256 LIKE 'tmp:%'
         AND CASE WHEN sha256 ~ '^tmp:[0-9]{1,15}:' THEN split_part(sha256, ':', 2)::bigint < $1 ELSE true END
       RETURNING sha256`,
      [beforeMs],
    );
    return new Set(rows.map((r) => r.sha256)).size;
  }
}
