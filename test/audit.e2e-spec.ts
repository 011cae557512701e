import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type TestAgent from 'supertest/lib/agent.js';
import { checkpointSignatureOk, LedgerSealerService, LedgerService, newSigningKey, SEAL_GRACE_MS, signCheckpoint } from '#libs/audit';
import { rowHash, toHistoryRecord } from '#libs/persistence';
import { startTestApp, type TestApp } from './support/app.js';
import { startNode } from './support/process.js';

const DOC = 'example-document-approval';

describe('auditors: tamper-evident history, replay, search and export', () => {
  let t: TestApp;
  let db: DataSource;
  let auditor: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
    db = t.app.get(DataSource);
    auditor = await t.as('kiem-toan', [{ role: 'auditor', unit: 'phuong-an-phong' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A case that went draft -> review -> returned -> review -> approved: 5 history rows. */
  const runCase = async () => {
    const { body } = await t.http.post('/api/v1/instances').send({ definitionKey: DOC, input: { trichYeu: 'Báo cáo công tác dân vận năm 2026' } }).expect(201);
    const officer = await t.officer();
    const send = (type: string, payload?: object) => officer.post(`/api/v1/instances/${body.id}/events`).send({ type, payload }).expect(200);
    await send('TRINH');
    await send('QUYET_DINH', { ketQua: 'tra-lai', yKien: 'Bổ sung số liệu' });
    await send('TRINH');
    await send('QUYET_DINH', { ketQua: 'dong-y' });
    return body.id as string;
  };
  /** Seals everything written so far (the worker does this every interval, after a grace period). */
  const seal = () => t.app.get(LedgerService).seal(new Date(Date.now() + 60_000));
  const tamper = async (sql: string, params: unknown[] = []) => {
    // As a superuser who disables the append-only trigger: what an insider with the keys could do.
    await db.query(`ALTER TABLE workflow_history DISABLE TRIGGER USER`);
    try {
      await db.query(sql, params);
    } finally {
      await db.query(`ALTER TABLE workflow_history ENABLE TRIGGER USER`);
    }
  };

  it('an untouched instance verifies: chain intact and replay equal to the stored snapshot', async () => {
    const id = await runCase();
    const res = await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200);
    expect(res.body).toMatchObject({ ok: true, rows: 5 });
  });

  it('phoihop audit verify checks the database against a signed checkpoint kept outside it', async () => {
    await runCase();
    await seal();
    const head = (await t.app.get(LedgerService).head())!;
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-checkpoint-'));
    try {
      const key = newSigningKey();
      const checkpoint = signCheckpoint(head, key);
      await writeFile(join(dir, 'ok.json'), JSON.stringify(checkpoint));
      await writeFile(join(dir, 'forged.json'), JSON.stringify({ ...checkpoint, chainHash: 'f'.repeat(64) }));
      await writeFile(join(dir, 'rewritten.json'), JSON.stringify(signCheckpoint({ gseq: head.gseq, chainHash: 'e'.repeat(64) }, key)));
      const cli = async (file: string) => {
        const p = startNode('dist/apps/cli/src/main.js', { DATABASE_URL: t.database.url }, ['audit', 'verify', '--checkpoint', join(dir, file)]);
        const { code } = await p.exited;
        return { code, out: p.output() };
      };
      const ok = await cli('ok.json');
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.out).toContain('matches the ledger');
      expect((await cli('forged.json')).out).toContain("signature does not verify");
      const rewritten = await cli('rewritten.json');
      expect(rewritten.code).toBe(1);
      expect(rewritten.out).toContain('differs from the checkpoint');

      // The digest printed on the dashboard and the report, typed back in from the paper archive.
      const byDigest = async (digest: string) => {
        const p = startNode('dist/apps/cli/src/main.js', { DATABASE_URL: t.database.url }, ['audit', 'verify', '--digest', digest]);
        const { code } = await p.exited;
        return { code, out: p.output() };
      };
      const typed = await byDigest(`${head.gseq}:${head.chainHash.slice(0, 20)}`);
      expect(typed).toMatchObject({ code: 0 });
      expect(typed.out).toContain('matches the ledger');
      const other = await byDigest(`${head.gseq}:${'0'.repeat(64)}`);
      expect(other.code).toBe(1);
      expect(other.out).toContain('differs from the digest');
      const short = await byDigest(`${head.gseq}:${head.chainHash.slice(0, 8)}`);
      expect(short.code).toBe(2);
      expect(short.out).toContain('at least 16 hex characters');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('the worker seals the ledger and writes a signed checkpoint that verifies', async () => {
    await runCase();
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-sealer-'));
    try {
      const sealer = new LedgerSealerService(t.app.get(LedgerService), { intervalMs: 60_000, checkpointDir: dir });
      await new Promise((r) => setTimeout(r, SEAL_GRACE_MS + 200)); // the rows above must be older than the grace period
      await sealer.sealAndCheckpoint();
      const checkpoint = JSON.parse(await readFile(join(dir, 'checkpoint-latest.json'), 'utf8'));
      expect(checkpointSignatureOk(checkpoint)).toBe(true);
      expect(checkpoint.gseq).toBe((await t.app.get(LedgerService).head())!.gseq);
      // Kept in the database too: the dashboard and the periodic report print its digest for the paper archive.
      const digest = `${checkpoint.gseq}:${checkpoint.chainHash}`;
      const report = (await auditor.get('/api/v1/reports/program').query({ period: '2026' }).expect(200)).body;
      expect(report.ledgerCheckpoint).toEqual({ gseq: checkpoint.gseq, chainHash: checkpoint.chainHash, at: checkpoint.at, digest });
      const csv = (await auditor.get('/api/v1/reports/program').query({ period: '2026', format: 'csv' }).expect(200)).text;
      expect(csv).toContain(`Mã kiểm chứng sổ cái (điểm niêm phong có chữ ký mới nhất),${digest} (${checkpoint.at})`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('replays the state at any seq or moment', async () => {
    const id = await runCase();
    const rows = (await auditor.get(`/api/v1/instances/${id}/history`).expect(200)).body.items;
    const at3 = await auditor.get(`/api/v1/instances/${id}/state?seq=3`).expect(200);
    expect(at3.body).toMatchObject({ seq: 3, event: 'QUYET_DINH', state: 'soanThao', status: 'active', context: { soLanTraLai: 1, yKien: ['Bổ sung số liệu'] } });
    const atTime = await auditor.get(`/api/v1/instances/${id}/state?at=${encodeURIComponent(rows[1].at)}`).expect(200);
    expect(atTime.body).toMatchObject({ seq: 2, state: 'choDuyet' });
    expect((await auditor.get(`/api/v1/instances/${id}/state`).expect(200)).body).toMatchObject({ seq: 5, state: 'daDuyet', status: 'done' });
    await auditor.get(`/api/v1/instances/${id}/state?seq=9`).expect(400);
    await auditor.get(`/api/v1/instances/${id}/state?at=2000-01-01T00:00:00Z`).expect(400);
  });

  it('an edited history row is named by instance and seq, by the instance check and the global ledger', async () => {
    const id = await runCase();
    await seal();
    expect((await auditor.get('/api/v1/audit/verify').expect(200)).body.ok).toBe(true);
    await tamper(`UPDATE workflow_history SET payload = '{"ketQua":"dong-y"}' WHERE instance_id = $1 AND seq = 3`, [id]);
    const one = await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200);
    expect(one.body).toMatchObject({ ok: false, instanceId: id, broken: { seq: 3, reason: expect.stringContaining('changed') } });
    const all = await auditor.get('/api/v1/audit/verify').expect(200);
    expect(all.body).toMatchObject({ ok: false, broken: { kind: 'history', instanceId: id, seq: 3 } });
    await tamper(`UPDATE workflow_history SET payload = '{"ketQua":"tra-lai","yKien":"Bổ sung số liệu"}' WHERE instance_id = $1 AND seq = 3`, [id]);
    expect((await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body.ok).toBe(true);
    expect((await auditor.get('/api/v1/audit/verify').expect(200)).body.ok).toBe(true);
  });

  it('an insider who edits a sealed row and recomputes the case\'s own chain and last hash is still caught by the per-case check, which says how far the seal reaches', async () => {
    const id = await runCase();
    const fresh = (await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body;
    expect(fresh).toMatchObject({ ok: true, rows: 5 });
    expect(fresh.sealedRows).toBeLessThan(5); // younger than the grace period: not sealed yet
    await seal();
    expect((await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body).toMatchObject({ ok: true, rows: 5, sealedRows: 5 });

    // Change the decision of row 3, then rewrite rows 3..5 so that the case's own chain holds again.
    const rows = (await db.query(`SELECT * FROM workflow_history WHERE instance_id = $1 ORDER BY seq`, [id])).map(toHistoryRecord);
    const original = rows.map((r: ReturnType<typeof toHistoryRecord>) => ({ ...r }));
    rows[2].payload = { ketQua: 'dong-y' };
    let prev = rows[1].hash;
    for (const r of rows.slice(2)) {
      r.prevHash = prev;
      r.hash = rowHash(prev, r);
      prev = r.hash;
      await tamper(`UPDATE workflow_history SET payload = $3::jsonb, prev_hash = $4, hash = $5 WHERE instance_id = $1 AND seq = $2`, [id, r.seq, JSON.stringify(r.payload), r.prevHash, r.hash]);
    }
    await db.query(`UPDATE workflow_instances SET last_hash = $2 WHERE id = $1`, [id, prev]);
    const one = (await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body;
    expect(one).toMatchObject({ ok: false, sealedRows: 0, broken: { seq: 3, reason: expect.stringContaining('not the row the ledger sealed') } });
    expect((await auditor.get('/api/v1/audit/verify').expect(200)).body).toMatchObject({ ok: false, broken: { kind: 'history', instanceId: id, seq: 3 } });
    // Put the rows back as they were sealed: both checks agree again.
    for (const r of original.slice(2)) {
      await tamper(`UPDATE workflow_history SET payload = $3::jsonb, prev_hash = $4, hash = $5 WHERE instance_id = $1 AND seq = $2`, [id, r.seq, JSON.stringify(r.payload), r.prevHash, r.hash]);
    }
    await db.query(`UPDATE workflow_instances SET last_hash = $2 WHERE id = $1`, [id, original[4].hash]);
    expect((await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body).toMatchObject({ ok: true, sealedRows: 5 });
    expect((await auditor.get('/api/v1/audit/verify').expect(200)).body.ok).toBe(true);
  });

  it('two rows swapped are caught', async () => {
    const id = await runCase();
    await seal();
    const swap = async () => {
      await tamper(`UPDATE workflow_history SET seq = 100 WHERE instance_id = $1 AND seq = 2`, [id]);
      await tamper(`UPDATE workflow_history SET seq = 2 WHERE instance_id = $1 AND seq = 4`, [id]);
      await tamper(`UPDATE workflow_history SET seq = 4 WHERE instance_id = $1 AND seq = 100`, [id]);
    };
    await swap();
    const one = await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200);
    expect(one.body.ok).toBe(false);
    expect(one.body.broken.seq).toBe(2);
    expect((await auditor.get('/api/v1/audit/verify').expect(200)).body.ok).toBe(false);
    await swap();
    expect((await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body.ok).toBe(true);
  });

  it('a whole deleted instance is caught by the global ledger', async () => {
    const id = await runCase();
    await seal();
    await db.query(`ALTER TABLE workflow_history DISABLE TRIGGER USER`);
    try {
      await db.query(`DELETE FROM workflow_history WHERE instance_id = $1`, [id]);
      await db.query(`DELETE FROM timers WHERE instance_id = $1`, [id]);
      await db.query(`DELETE FROM task_events WHERE task_id IN (SELECT id FROM tasks WHERE instance_id = $1)`, [id]);
      await db.query(`DELETE FROM tasks WHERE instance_id = $1`, [id]);
      await db.query(`DELETE FROM outbox WHERE instance_id = $1`, [id]);
      await db.query(`DELETE FROM workflow_instances WHERE id = $1`, [id]);
    } finally {
      await db.query(`ALTER TABLE workflow_history ENABLE TRIGGER USER`);
    }
    const all = await auditor.get('/api/v1/audit/verify').expect(200);
    expect(all.body).toMatchObject({ ok: false, broken: { kind: 'history', reason: expect.stringContaining('deleted') } });
  });

  it('audits actions that are not transitions, and an auditor can read and export but not write', async () => {
    const others = await t.as('tiep-dan-audit', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    const { body } = await others.post('/api/v1/instances').send({ definitionKey: DOC, input: { trichYeu: 'Kế hoạch năm 2027' } }).expect(201);
    const task = (await others.get('/api/v1/tasks?bucket=claimable&limit=100').expect(200)).body.items.find((x: { instanceId: string }) => x.instanceId === body.id);
    await others.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    await t.anon.post('/api/v1/auth/login').send({ username: 'tiep-dan-audit', password: 'sai-mat-khau-99' }).expect(401);
    const log = await auditor.get('/api/v1/audit/log?limit=500').expect(200);
    const actions = log.body.items.map((x: { action: string }) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['definition.published', 'user.created', 'task.claimed', 'auth.login_failed']));
    expect(log.body.items.find((x: { action: string }) => x.action === 'task.claimed')).toMatchObject({ actorId: 'tiep-dan-audit', subjectId: task.id });

    await auditor.post('/api/v1/audit/seal').expect(403);
    await auditor.post(`/api/v1/instances/${body.id}/events`).send({ type: 'RUT' }).expect(403);
    await auditor.post(`/api/v1/tasks/${task.id}/unclaim`).expect(403);
    await others.get('/api/v1/audit').expect(403);
  });

  it('searches across instances and streams CSV (with BOM) and NDJSON exports', async () => {
    const id = await runCase();
    const found = await auditor.get(`/api/v1/audit?definitionKey=${DOC}&eventType=QUYET_DINH&limit=500`).expect(200);
    expect(found.body.items.length).toBeGreaterThanOrEqual(2);
    expect(found.body.items.every((r: { event: string }) => r.event === 'QUYET_DINH')).toBe(true);
    const mine = await auditor.get(`/api/v1/audit?actor=admin&unit=phuong-an-phong&definitionKey=${DOC}&limit=2`).expect(200);
    expect(mine.body.items).toHaveLength(2);
    const next = await auditor.get(`/api/v1/audit?actor=admin&definitionKey=${DOC}&limit=2&cursor=${mine.body.nextCursor}`).expect(200);
    expect(next.body.items[0].gseq).not.toBe(mine.body.items[0].gseq);
    await auditor.get('/api/v1/audit?from=yesterday').expect(400);

    const csv = await auditor.get(`/api/v1/audit/export?format=csv&definitionKey=${DOC}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const text = (csv.body as Buffer).toString('utf8');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('at,definitionKey,definitionVersion,businessKey,instanceId,seq,event,actor');
    expect(text).toContain('Báo cáo công tác dân vận năm 2026');
    expect(text).toContain(id);

    const nd = await auditor.get(`/api/v1/audit/export?definitionKey=${DOC}`).buffer(true).parse((res, cb) => {
      let s = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (s += c));
      res.on('end', () => cb(null, s));
    }).expect(200);
    const lines = (nd.body as string).trim().split('\n').map((l) => JSON.parse(l));
    const total = Number((await db.query(`SELECT count(*) FROM workflow_history h JOIN workflow_instances i ON i.id = h.instance_id WHERE i.definition_key = $1`, [DOC]))[0].count);
    expect(lines).toHaveLength(total);
    expect(lines[0]).toEqual(expect.objectContaining({ definitionKey: DOC, seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
  });

});
