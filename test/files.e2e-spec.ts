import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { copyFile, cp, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import S3rver from 's3rver';
import { DataSource } from 'typeorm';
import { fileStoreSettings, loadEnvironment } from '#libs/config';
import { blobRows, digestOf, FilesService, FsFileStore, moveBlobsToStore, verifyStoredFiles, type FilesModuleOptions } from '#libs/files';
import { createDataSource, FilesRepository, restoreBackup, writeBackup } from '#libs/persistence';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';
import { docx } from './support/docx.js';
import { binary } from './support/download.js';
import { freePort, startNode } from './support/process.js';

/**
 * Attachments end to end on real servers: uploads streamed to PostgreSQL, a directory and an S3
 * server (s3rver on loopback), bound through a task form of the shipped complaint workflow, read
 * back byte for byte, refused when they are the wrong type or too large, hidden from those who may
 * not see the case, caught when their bytes change in storage, cleaned up when never bound, and
 * carried by a backup and its restore.
 */

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function pdf(bytes = 64 * 1024): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n', 'latin1');
  return Buffer.concat([head, randomBytes(Math.max(0, bytes - head.length - 6)), Buffer.from('\n%%EOF')]);
}

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), randomBytes(4096)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

const LETTER = { nguoiKhieuNai: 'Nguyễn Văn An', diaChi: 'Tổ dân phố 3, phường An Phong', noiDung: 'Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND', ngayNhan: '2026-04-13', soNguoiKy: 1 };

async function workflowsDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-files-wf-'));
  await copyFile('workflows/complaint.json', join(dir, 'complaint.json'));
  await copyFile('test/fixtures/workflows/test-start-files.json', join(dir, 'test-start-files.json'));
  // The complaint's document templates, where the loader looks for them.
  await cp('workflows/templates', join(dir, 'templates'), { recursive: true });
  return dir;
}

async function upload(agent: TestAgent, bytes: Buffer, filename: string, expectStatus = 201) {
  return agent.post('/api/v1/files').attach('file', bytes, { filename, contentType: 'application/octet-stream' }).expect(expectStatus);
}

async function download(agent: TestAgent, id: string) {
  return agent.get(`/api/v1/files/${id}/content`).buffer(true).parse(binary);
}

/** Starts a complaint and completes its intake task with these files attached. */
async function fileComplaint(officer: TestAgent, files: string[], extra: Record<string, unknown> = {}) {
  const started = await officer.post('/api/v1/instances').send({ definitionKey: 'complaint', input: { kenhTiepNhan: 'truc-tiep' } }).expect(201);
  const tasks = (await officer.get(`/api/v1/instances/${started.body.id}/tasks`).expect(200)).body.items;
  const task = tasks.find((x: { status: string }) => x.status === 'open');
  const res = await officer.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'TIEP_NHAN', payload: { ...LETTER, tepDinhKem: files, ...extra } });
  return { instanceId: started.body.id as string, taskId: task.id as string, res };
}

/** A database with nothing in it, for a restore. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: process.env.PHOIHOP_TEST_ADMIN_URL });
  await admin.connect();
  const name = `phoihop_test_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(process.env.PHOIHOP_TEST_ADMIN_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: process.env.PHOIHOP_TEST_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The same upload, download and de-duplication checks on any store. */
function storeSuite(name: string, files: () => Promise<FilesModuleOptions & { cleanupDir?: () => Promise<void> }>) {
  describe(`the ${name} store`, () => {
    let t: TestApp;
    let officer: TestAgent;
    let opts: Awaited<ReturnType<typeof files>>;
    const db = () => t.app.get(DataSource);

    beforeAll(async () => {
      opts = await files();
      t = await startTestApp({ workflowsDir: await workflowsDir(), files: opts });
      officer = await t.officer();
    });
    afterAll(async () => {
      await t?.close();
      await opts?.cleanupDir?.();
    });

    it('uploads, binds, downloads byte-identical, and stores the same bytes once', async () => {
      const bytes = pdf(3 * 1024 * 1024 + 17);
      const a = await upload(officer, bytes, 'Biên bản.pdf');
      const b = await upload(officer, bytes, 'ban-sao.pdf');
      expect(a.body).toMatchObject({ sha256: sha(bytes), size: bytes.length, contentType: 'application/pdf' });
      expect(b.body.sha256).toBe(a.body.sha256);
      expect(b.body.id).not.toBe(a.body.id);
      const { instanceId, res } = await fileComplaint(officer, [a.body.id]);
      expect(res.status).toBe(200);
      const got = await download(officer, a.body.id);
      expect(got.status).toBe(200);
      expect(sha(got.body)).toBe(sha(bytes));
      expect(got.body.equals(bytes)).toBe(true);
      const list = (await officer.get(`/api/v1/instances/${instanceId}/files`).expect(200)).body.items;
      expect(list).toHaveLength(1);
      const store = t.app.get(FilesService).store;
      expect(await store.exists(a.body.sha256)).toBe(true);
      if (store instanceof FsFileStore) {
        const shard = await readdir(join(store.root, a.body.sha256.slice(0, 2)));
        expect(shard.filter((f) => f === a.body.sha256)).toHaveLength(1);
        expect(await readdir(join(store.root, 'tmp'))).toEqual([]);
        // A crash in the middle of an upload leaves its temporary file: removed once it has not been written to for hours.
        const abandoned = join(store.root, 'tmp', randomUUID());
        const inProgress = join(store.root, 'tmp', randomUUID());
        await writeFile(abandoned, randomBytes(1024));
        await writeFile(inProgress, randomBytes(1024));
        const hoursAgo = new Date(Date.now() - 7 * 3600_000);
        await utimes(abandoned, hoursAgo, hoursAgo);
        expect((await t.app.get(FilesService).cleanup(new Date())).leftovers).toBe(1);
        expect(await readdir(join(store.root, 'tmp'))).toEqual([inProgress.split('/').pop()]);
        await rm(inProgress);
      }
      if (store.kind === 'postgres') {
        const [n] = await t.app.get(DataSource).query(`SELECT count(DISTINCT sha256)::int AS blobs, count(*)::int AS chunks FROM file_blobs WHERE sha256 = $1`, [a.body.sha256]);
        expect(n).toEqual({ blobs: 1, chunks: 4 });
      }
      // A blob whose bytes change in storage is named by verify.
      // A backup holds this store's blobs as file_blobs rows; its restore moves them into a store again, every digest checked.
      const dir = await mkdtemp(join(tmpdir(), 'phoihop-files-store-backup-'));
      const target = await emptyDatabase();
      try {
        const file = join(dir, 'sao-luu.gz');
        const repo = new FilesRepository();
        const backup = await writeBackup(t.database.url, file, { rowsOf: (table) => (table === 'file_blobs' ? blobRows(db(), repo, store) : undefined) });
        expect(backup.perTable.file_blobs).toBeGreaterThanOrEqual(4);
        await restoreBackup(target.url, file);
        const restoredDb = await createDataSource({ url: target.url, poolSize: 2 }).initialize();
        try {
          const fresh = store instanceof FsFileStore ? new FsFileStore(join(dir, 'kho-moi')) : store;
          const moved = await moveBlobsToStore(restoredDb, repo, fresh);
          expect(moved.broken).toEqual([]);
          expect(moved.moved).toBeGreaterThan(0);
          expect((await restoredDb.query(`SELECT count(*)::int AS n FROM file_blobs`))[0].n).toBe(0);
          expect(await verifyStoredFiles(restoredDb, repo, fresh)).toMatchObject({ ok: true, broken: [] });
          expect(await digestOf((await fresh.get(a.body.sha256))!)).toEqual({ sha256: sha(bytes), size: bytes.length });
        } finally {
          await restoredDb.destroy();
        }
      } finally {
        await target.drop();
        await rm(dir, { recursive: true, force: true });
      }
      if (store instanceof FsFileStore) {
        await writeFile(store.path(a.body.sha256), Buffer.concat([bytes.subarray(0, 1000), Buffer.from('sửa'), bytes.subarray(1003)]));
        const v = (await officer.get(`/api/v1/instances/${instanceId}/history/verify`).expect(200)).body;
        expect(v.ok).toBe(false);
        expect(v.broken.reason).toContain('Biên bản.pdf');
        expect(v.files.find((f: { id: string }) => f.id === a.body.id)).toMatchObject({ ok: false });
      }
    });
  });
}

describe('attachments', () => {
  let t: TestApp;
  let db: DataSource;
  let officer: TestAgent;
  const counts = async () => (await db.query(`SELECT (SELECT count(*) FROM files)::int AS files, (SELECT count(*) FROM file_blobs)::int AS chunks`))[0];

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: await workflowsDir(), files: { store: { kind: 'postgres' }, maxBytes: 25 * 1024 * 1024 } });
    db = t.app.get(DataSource);
    officer = await t.officer();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('binds the files a start input names to the first step, inside the first history row, and only the starter\'s own uploads', async () => {
    const letter = pdf(64 * 1024);
    const mine = await upload(officer, letter, 'Đơn đề nghị.pdf');
    const other = await t.as('tiep-dan-nguoi-khac', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    const theirs = await upload(other, pdf(1024), 'Của người khác.pdf');
    const before = await counts();
    const notAnId = await officer.post('/api/v1/instances').send({ definitionKey: 'test-start-files', input: { nguoiNop: 'Đỗ Thị Mai', donThu: ['giay-de-nghi.pdf'] } }).expect(400);
    expect(notAnId.body).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [expect.objectContaining({ path: '/input/donThu/0' })] } });
    const refused = await officer.post('/api/v1/instances').send({ definitionKey: 'test-start-files', input: { nguoiNop: 'Đỗ Thị Mai', donThu: [mine.body.id, theirs.body.id] } }).expect(400);
    expect(refused.body.details.problems).toEqual([{ field: 'input/donThu/1', reason: expect.stringContaining(theirs.body.id) }]);
    expect(await counts()).toEqual(before);
    expect((await db.query(`SELECT count(*)::int AS n FROM workflow_instances WHERE definition_key = 'test-start-files'`))[0].n).toBe(0);

    const started = await officer.post('/api/v1/instances').send({ definitionKey: 'test-start-files', input: { nguoiNop: 'Đỗ Thị Mai', donThu: [mine.body.id] } }).expect(201);
    const [first] = (await officer.get(`/api/v1/instances/${started.body.id}/history`).expect(200)).body.items;
    expect(first.links.files).toEqual([expect.objectContaining({ id: mine.body.id, sha256: sha(letter), field: '/donThu/0', name: 'Đơn đề nghị.pdf' })]);
    const files = (await officer.get(`/api/v1/instances/${started.body.id}/files`).expect(200)).body.items;
    expect(files).toEqual([expect.objectContaining({ id: mine.body.id, seq: 1, state: 'tiepNhan', field: '/donThu/0' })]);
    expect((await officer.get(`/api/v1/files/${mine.body.id}`).expect(200)).body.expiresAt ?? null).toBeNull();
    expect((await officer.get(`/api/v1/instances/${started.body.id}/history/verify`).expect(200)).body).toMatchObject({ ok: true, files: [expect.objectContaining({ id: mine.body.id, ok: true })] });
  });

  it('binds uploads through a task form, records their digests in the hash chain, and serves them only as attachments', async () => {
    const letter = pdf(200 * 1024);
    const report = await docx('Biên bản làm việc với người khiếu nại');
    // The name as a Mac sends it (NFD), with a path a browser may add.
    const up1 = await upload(officer, letter, 'C:\\fakepath\\Đơn khiếu nại.pdf'.normalize('NFD'));
    const up2 = await upload(officer, report, 'Biên bản\u202e.docx');
    expect(up1.body).toMatchObject({ id: expect.any(String), sha256: sha(letter), size: letter.length, contentType: 'application/pdf', name: 'Đơn khiếu nại.pdf' });
    expect(up1.body.name).toBe(up1.body.name.normalize('NFC'));
    expect(up2.body).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'Biên bản.docx' });
    expect(up1.body.expiresAt).toBeDefined();

    const { instanceId, res } = await fileComplaint(officer, [up1.body.id, up2.body.id]);
    expect(res.status).toBe(200);

    const history = (await officer.get(`/api/v1/instances/${instanceId}/history`).expect(200)).body.items;
    const row = history.find((h: { event: { type: string } }) => h.event.type === 'TIEP_NHAN');
    const [stored] = await db.query(`SELECT links FROM workflow_history WHERE instance_id = $1 AND event_type = 'TIEP_NHAN'`, [instanceId]);
    expect(stored.links.files).toEqual([
      expect.objectContaining({ id: up1.body.id, sha256: sha(letter), size: letter.length, name: 'Đơn khiếu nại.pdf', field: '/tepDinhKem/0' }),
      expect.objectContaining({ id: up2.body.id, sha256: sha(report), field: '/tepDinhKem/1' }),
    ]);
    expect(row.links.files.map((f: { sha256: string }) => f.sha256)).toEqual([sha(letter), sha(report)]);

    const list = (await officer.get(`/api/v1/instances/${instanceId}/files`).expect(200)).body.items;
    expect(list.map((f: { name: string }) => f.name)).toEqual(['Đơn khiếu nại.pdf', 'Biên bản.docx']);
    expect(list[0]).toMatchObject({ instanceId, state: 'tiepNhan', event: 'TIEP_NHAN', field: '/tepDinhKem/0', uploadedBy: 'can-bo-thu-nghiem', seq: 2 });
    expect(list[0].expiresAt).toBeUndefined();

    const got = await download(officer, up1.body.id);
    expect(got.status).toBe(200);
    expect(got.body.equals(letter)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="Don khieu nai.pdf"; filename*=UTF-8''${encodeURIComponent('Đơn khiếu nại.pdf')}`);
    const word = await download(officer, up2.body.id);
    expect(word.body.equals(report)).toBe(true);
    expect(word.headers['content-disposition']).toMatch(/^attachment; /);

    const verify = (await officer.get(`/api/v1/instances/${instanceId}/history/verify`).expect(200)).body;
    expect(verify.ok).toBe(true);
    expect(verify.files).toHaveLength(2);

    // The audit export lists the case's documents with their digests.
    const auditor = await t.as('kiem-toan-tep', [{ role: 'auditor', unit: 'phuong-an-phong' }]);
    const ndjson = (await auditor.get('/api/v1/audit/export').query({ definitionKey: 'complaint', eventType: 'TIEP_NHAN' }).buffer(true).parse(binary).expect(200)).body.toString('utf8');
    const exported = ndjson.trim().split('\n').map((l: string) => JSON.parse(l)).find((r: { instanceId: string }) => r.instanceId === instanceId);
    expect(exported.files).toEqual([expect.objectContaining({ name: 'Đơn khiếu nại.pdf', size: letter.length, sha256: sha(letter) }), expect.objectContaining({ name: 'Biên bản.docx' })]);
    const csv = (await auditor.get('/api/v1/audit/export').query({ definitionKey: 'complaint', eventType: 'TIEP_NHAN', format: 'csv' }).buffer(true).parse(binary).expect(200)).body.toString('utf8');
    expect(csv).toContain(`Đơn khiếu nại.pdf (${letter.length} bytes, sha256 ${sha(letter)}, /tepDinhKem/0)`);
  });

  it('refuses an executable renamed .pdf and an HTML page with 415 naming what they are, storing nothing', async () => {
    const before = await counts();
    const elf = await upload(officer, ELF, 'quyet-dinh.pdf', 415);
    expect(elf.body).toMatchObject({ code: 'FILE_TYPE_REFUSED', details: { detectedType: 'application/x-elf' } });
    expect(elf.body.message).toContain('application/x-elf');
    const html = await upload(officer, HTML, 'bao-cao.pdf', 415);
    expect(html.body.details.detectedType).toBe('text/html');
    const junk = await upload(officer, randomBytes(5000), 'x.pdf', 415);
    expect(junk.body.details.detectedType).toBe('unknown');
    expect(await counts()).toEqual(before);
  });

  it('refuses 26 MB with 413 naming the limit, and keeps nothing of it', async () => {
    const before = await counts();
    const big = pdf(26 * 1024 * 1024);
    const res = await upload(officer, big, 'lon.pdf', 413);
    expect(res.body).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 25 * 1024 * 1024 } });
    expect(res.body.message).toContain('26214400');
    expect(await counts()).toEqual(before);
    const [tmp] = await db.query(`SELECT count(*)::int AS n FROM file_blobs WHERE sha256 LIKE 'tmp:%'`);
    expect(tmp.n).toBe(0);
  });

  it('refuses a request without a file part, or not multipart at all, with 400 naming the field', async () => {
    const none = await officer.post('/api/v1/files').field('ghiChu', 'không có tệp').expect(400);
    expect(none.body.details.problems[0].field).toBe('file');
    const json = await officer.post('/api/v1/files').send({ file: 'abc' }).expect(400);
    expect(json.body.details.problems[0].field).toBe('Content-Type');
    // No other route takes a multipart body.
    const elsewhere = await officer.post('/api/v1/instances').attach('file', pdf(), 'a.pdf').expect(400);
    expect(elsewhere.body.details.problems[0]).toEqual({ field: 'Content-Type', reason: 'multipart bodies are accepted only by POST /api/v1/files' });
  });

  it('lets only those who may see the case read a bound file, and only its uploader an unbound one (404 to anyone else)', async () => {
    const bytes = pdf();
    const bound = await upload(officer, bytes, 'chung-cu.pdf');
    const unbound = await upload(officer, pdf(), 'nhap.pdf');
    const { instanceId, res } = await fileComplaint(officer, [bound.body.id]);
    expect(res.status).toBe(200);
    const stranger = await t.as('tiep-dan-phong-khac', [{ role: 'can-bo-tiep-dan', unit: 'phong-van-hoa-xa-hoi' }]);
    await stranger.get(`/api/v1/files/${bound.body.id}`).expect(404);
    await stranger.get(`/api/v1/files/${bound.body.id}/content`).expect(404);
    await stranger.get(`/api/v1/instances/${instanceId}/files`).expect(404);
    await stranger.get(`/api/v1/files/${unbound.body.id}`).expect(404);
    const colleague = await t.as('tiep-dan-cung-don-vi', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    await colleague.get(`/api/v1/files/${bound.body.id}`).expect(200);
    await colleague.get(`/api/v1/files/${unbound.body.id}`).expect(404);
    await t.http.get(`/api/v1/files/${bound.body.id}`).expect(200);
    await officer.get(`/api/v1/files/${unbound.body.id}`).expect(200);
    await officer.get('/api/v1/files/00000000-0000-4000-8000-000000000000').expect(404);
    await officer.get('/api/v1/files/khong-phai-uuid').expect(400);

    // Someone else's upload, an unknown id and a file of another case cannot be attached: 400 naming the field, nothing changes.
    const theirs = await upload(colleague, pdf(), 'cua-nguoi-khac.pdf');
    const other = await fileComplaint(officer, [theirs.body.id]);
    expect(other.res.status).toBe(400);
    expect(other.res.body.details.problems).toEqual([{ field: 'payload/tepDinhKem/0', reason: expect.stringContaining(theirs.body.id) }]);
    const unknown = await fileComplaint(officer, ['00000000-0000-4000-8000-000000000000']);
    expect(unknown.res.status).toBe(400);
    const elsewhere = await fileComplaint(officer, [bound.body.id]);
    expect(elsewhere.res.status).toBe(400);
    const [theirsRow] = await db.query(`SELECT instance_id FROM files WHERE id = $1`, [theirs.body.id]);
    expect(theirsRow.instance_id).toBeNull();
    const [st] = await db.query(`SELECT state_value AS state FROM workflow_instances WHERE id = $1`, [other.instanceId]);
    expect(st.state).toBe('tiepNhan');
    const notUuid = await fileComplaint(officer, ['tep://de-an/2026/015']);
    expect(notUuid.res.status).toBe(400);
  });

  it('catches bytes changed in storage: verify names the file, and a download is cut off before its end', async () => {
    const bytes = pdf(2 * 1024 * 1024 + 5);
    const up = await upload(officer, bytes, 'Kết luận xác minh.pdf');
    const { instanceId, res } = await fileComplaint(officer, [up.body.id]);
    expect(res.status).toBe(200);
    expect((await officer.get(`/api/v1/instances/${instanceId}/history/verify`).expect(200)).body.ok).toBe(true);
    // One byte of the second chunk flipped (255 − b always differs from b; writing a fixed byte left one random file in 256 unchanged).
    await db.query(`UPDATE file_blobs SET data = set_byte(data, 99, 255 - get_byte(data, 99)) WHERE sha256 = $1 AND chunk_no = 1`, [up.body.sha256]);
    const v = (await officer.get(`/api/v1/instances/${instanceId}/history/verify`).expect(200)).body;
    expect(v.ok).toBe(false);
    expect(v.broken).toMatchObject({ seq: 2 });
    expect(v.broken.reason).toContain('"Kết luận xác minh.pdf"');
    expect(v.broken.reason).toContain(up.body.id);
    expect(v.files).toEqual([expect.objectContaining({ id: up.body.id, ok: false })]);
    const got = await download(officer, up.body.id).catch((e: Error) => ({ status: 0, body: Buffer.alloc(0), error: e }));
    expect((got.body as Buffer).length).toBeLessThan(bytes.length);
    await new Promise((r) => setTimeout(r, 200));
    const [audit] = await db.query(`SELECT action, subject_id FROM audit_log WHERE action = 'file.corrupted' AND subject_id = $1`, [up.body.id]);
    expect(audit).toBeDefined();
  });

  it('removes unbound uploads after their day, and a blob only when no file still names it', async () => {
    const shared = pdf();
    const kept = await upload(officer, shared, 'giu-lai.pdf');
    const { res } = await fileComplaint(officer, [kept.body.id]);
    expect(res.status).toBe(200);
    const again = await upload(officer, shared, 'ban-sao-chua-gan.pdf');
    const alone = await upload(officer, pdf(), 'bo-quen.pdf');
    const files = t.app.get(FilesService);
    // Not yet a day old: nothing goes.
    await files.cleanup(new Date());
    expect((await db.query(`SELECT count(*)::int AS n FROM files WHERE id = ANY($1)`, [[again.body.id, alone.body.id]]))[0].n).toBe(2);
    const done = await files.cleanup(new Date(Date.now() + 25 * 3600_000));
    expect(done.files).toBeGreaterThanOrEqual(2);
    expect((await db.query(`SELECT count(*)::int AS n FROM files WHERE id = ANY($1)`, [[again.body.id, alone.body.id]]))[0].n).toBe(0);
    expect(await files.store.exists(alone.body.sha256)).toBe(false);
    expect(await files.store.exists(kept.body.sha256)).toBe(true);
    expect((await download(officer, kept.body.id)).body.equals(shared)).toBe(true);
  });

  it('removes the chunks of uploads a crash left unfinished once they are hours old, never one in progress', async () => {
    const files = t.app.get(FilesService);
    const now = Date.now();
    const key = (ms: number | undefined) => (ms === undefined ? `tmp:${randomUUID()}` : `tmp:${ms}:${randomUUID()}`);
    // What a process killed in the middle of an upload leaves: its first chunks under the temporary key.
    const abandoned = key(now - 7 * 3600_000);
    const fromOlderVersion = key(undefined);
    const inProgress = key(now - 60_000);
    for (const k of [abandoned, fromOlderVersion, inProgress]) {
      for (const n of [0, 1]) await db.query(`INSERT INTO file_blobs (sha256, chunk_no, data) VALUES ($1, $2, $3)`, [k, n, randomBytes(1024)]);
    }
    const done = await files.cleanup(new Date(now));
    expect(done.leftovers).toBe(2);
    const left = (await db.query(`SELECT DISTINCT sha256 FROM file_blobs WHERE sha256 LIKE 'tmp:%'`)).map((r: { sha256: string }) => r.sha256);
    expect(left).toEqual([inProgress]);
    await db.query(`DELETE FROM file_blobs WHERE sha256 = $1`, [inProgress]);
  });

  it('a backup carries the files, and its restore checks every digest', async () => {
    const bytes = pdf(1500 * 1024);
    const up = await upload(officer, bytes, 'Hồ sơ lưu.pdf');
    const { instanceId, res } = await fileComplaint(officer, [up.body.id]);
    expect(res.status).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-files-backup-'));
    const file = join(dir, 'sao-luu.phoihop.gz');
    // Unbound uploads from the other tests are kept as they are; the tampered blob is set right first.
    await db.query(`DELETE FROM files WHERE sha256 IN (SELECT f.sha256 FROM files f WHERE f.name = 'Kết luận xác minh.pdf')`).catch(() => undefined);
    await writeBackup(t.database.url, file);
    const target = await emptyDatabase();
    const url = target.url;
    let restored: TestApp | undefined;
    try {
      await restoreBackup(url, file);
      restored = await startTestApp({ shareDatabaseOf: { database: { url: url } } as TestApp });
      const rdb = restored.app.get(DataSource);
      const check = await verifyStoredFiles(rdb, new FilesRepository(), restored.app.get(FilesService).store);
      expect(check).toMatchObject({ ok: true });
      expect(check.checked).toBeGreaterThan(0);
      const again = await restored.officer();
      const got = await download(again, up.body.id);
      expect(got.body.equals(bytes)).toBe(true);
      expect((await again.get(`/api/v1/instances/${instanceId}/history/verify`).expect(200)).body.ok).toBe(true);
      // A blob changed after the restore is named by the same check.
      await rdb.query(`UPDATE file_blobs SET data = overlay(data placing '\\x01'::bytea from 10) WHERE sha256 = $1 AND chunk_no = 0`, [up.body.sha256]);
      const bad = await verifyStoredFiles(rdb, new FilesRepository(), restored.app.get(FilesService).store);
      expect(bad.ok).toBe(false);
      expect(bad.broken).toEqual(expect.arrayContaining([expect.objectContaining({ sha256: up.body.sha256, names: expect.arrayContaining(['Hồ sơ lưu.pdf']) })]));
    } finally {
      await restored?.app.close();
      await target.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('file settings', () => {
  it('reads FILE_STORE, FILE_MAX_BYTES and the S3 settings, and refuses bad values naming them', () => {
    expect(fileStoreSettings(loadEnvironment({}))).toEqual({ kind: 'postgres' });
    expect(loadEnvironment({}).FILE_MAX_BYTES).toBe(25 * 1024 * 1024);
    expect(fileStoreSettings(loadEnvironment({ FILE_STORE: 'fs:/srv/phoihop/tep' }))).toEqual({ kind: 'fs', directory: '/srv/phoihop/tep' });
    expect(
      fileStoreSettings(loadEnvironment({ FILE_STORE: 's3://ho-so-phuong/an-phong/', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'phoihop', S3_SECRET_ACCESS_KEY: 'bi-mat-rat-dai' })),
    ).toEqual({ kind: 's3', bucket: 'ho-so-phuong', prefix: 'an-phong/', endpoint: 'http://minio:9000', region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'phoihop', secretAccessKey: 'bi-mat-rat-dai' } });
    expect(() => loadEnvironment({ FILE_STORE: 'ftp://kho' })).toThrow(/FILE_STORE must be postgres, fs:\/path\/to\/directory or s3:\/\/bucket/);
    expect(() => loadEnvironment({ FILE_MAX_BYTES: '10' })).toThrow(/FILE_MAX_BYTES must be at least 1024/);
    expect(() => loadEnvironment({ S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
    // A secret is never echoed back in the message.
    expect(() => loadEnvironment({ S3_SECRET_ACCESS_KEY: 'bi-mat-rat-dai' })).toThrow(/S3_ACCESS_KEY_ID is required with S3_SECRET_ACCESS_KEY/);
    try {
      loadEnvironment({ S3_ACCESS_KEY_ID: 'a b', S3_SECRET_ACCESS_KEY: 'bi mat' });
    } catch (error) {
      expect(String(error)).not.toContain('bi mat');
    }
  });
});

storeSuite('directory (fs:)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-files-fs-'));
  return { store: { kind: 'fs', directory: dir }, maxBytes: 25 * 1024 * 1024, cleanupDir: () => rm(dir, { recursive: true, force: true }) };
});

describe('phoihop backup and restore with a directory store (the CLI, as a process)', () => {
  let t: TestApp;
  const dirs: string[] = [];
  afterAll(async () => {
    await t?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('writes the blobs into the backup, and the restore puts them into the new directory and checks every digest', async () => {
    const source = await mkdtemp(join(tmpdir(), 'phoihop-files-cli-src-'));
    const target = await mkdtemp(join(tmpdir(), 'phoihop-files-cli-dst-'));
    const work = await mkdtemp(join(tmpdir(), 'phoihop-files-cli-'));
    dirs.push(source, target, work);
    t = await startTestApp({ workflowsDir: await workflowsDir(), files: { store: { kind: 'fs', directory: source }, maxBytes: 25 * 1024 * 1024 } });
    const officer = await t.officer();
    const bytes = pdf(2 * 1024 * 1024 + 3);
    const up = await upload(officer, bytes, 'Biên bản đối thoại.pdf');
    expect((await fileComplaint(officer, [up.body.id])).res.status).toBe(200);
    const cli = async (args: string[], env: Record<string, string>) => {
      const p = startNode('dist/apps/cli/src/main.js', { LOG_LEVEL: 'error', ...env }, args);
      const { code } = await p.exited;
      return { code, output: p.output() };
    };
    const file = join(work, 'sao-luu.gz');
    const backup = await cli(['backup', '--out', file], { DATABASE_URL: t.database.url, FILE_STORE: `fs:${source}` });
    expect(backup.output).toContain('✓ backup of');
    expect(backup.code).toBe(0);
    const empty = await emptyDatabase();
    try {
      const restore = await cli(['restore', '--in', file], { DATABASE_URL: empty.url, FILE_STORE: `fs:${target}` });
      expect(restore.output).toContain('blobs moved from the backup into the fs store');
      expect(restore.output).toMatch(/✓ attachments: \d+ blobs, every digest intact/);
      expect(restore.code).toBe(0);
      expect(await digestOf(await new FsFileStore(target).get(up.body.sha256).then((s) => s!))).toEqual({ sha256: sha(bytes), size: bytes.length });
    } finally {
      await empty.drop();
    }
  });
});

storeSuite('S3 (s3rver on loopback)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'phoihop-files-s3-'));
  const port = await freePort();
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir, configureBuckets: [{ name: 'phoihop-tep', configs: [] }] });
  await server.run();
  return {
    store: { kind: 's3', bucket: 'phoihop-tep', prefix: 'tep/', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
    maxBytes: 25 * 1024 * 1024,
    cleanupDir: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
