import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';

/**
 * Who may act (issue 22), reproduced as the penetration test did it and then refused: decisions
 * that bypass their task, separation of duties defeated by a later step, idempotency keys shared
 * between users, complete racing delegate, and the existence oracles.
 */
const DOC = 'example-document-approval';
const VERIFY = 'test-verification';
const UNIT = 'phuong-an-phong';

describe('who may act', () => {
  let t: TestApp;
  let author: TestAgent;
  let colleague: TestAgent;
  let headA: TestAgent;
  let headB: TestAgent;
  let outsider: TestAgent;
  let verifierA: TestAgent;
  let verifierB: TestAgent;
  let chairman: TestAgent;
  let receptionist: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
    const source = JSON.parse(await readFile('test/fixtures/who-may-act/test-verification.json', 'utf8'));
    await t.http.post('/api/v1/definitions').send({ source }).expect(201);
    await t.http.post(`/api/v1/definitions/${VERIFY}/versions/1/publish`).send({}).expect(200);
    author = await t.as('tac-gia', [{ role: 'chuyen-vien', unit: UNIT }]);
    colleague = await t.as('dong-nghiep', [{ role: 'chuyen-vien', unit: UNIT }]);
    headA = await t.as('truong-phong-a', [{ role: 'truong-phong', unit: UNIT }]);
    headB = await t.as('truong-phong-b', [{ role: 'truong-phong', unit: UNIT }]);
    outsider = await t.as('nguoi-ngoai', [{ role: 'can-bo-khac', unit: UNIT }]);
    verifierA = await t.as('xac-minh-a', [{ role: 'thanh-tra', unit: UNIT }]);
    verifierB = await t.as('xac-minh-b', [{ role: 'thanh-tra', unit: UNIT }]);
    chairman = await t.as('chu-tich-a', [{ role: 'chu-tich', unit: UNIT }]);
    receptionist = await t.as('tiep-dan-a', [{ role: 'can-bo-tiep-dan', unit: UNIT }]);
  });
  afterAll(async () => {
    await t.close();
  });

  const startDoc = async (by: TestAgent = author, extra: Record<string, unknown> = {}) =>
    (await by.post('/api/v1/instances').send({ definitionKey: DOC, input: { trichYeu: 'Báo cáo sơ kết công tác dân vận' }, ...extra }).expect(201)).body;
  const event = (by: TestAgent, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    by.post(`/api/v1/instances/${id}/events`).set(headers).send(body);
  const tasksOf = async (id: string) => (await t.http.get(`/api/v1/instances/${id}/tasks`).expect(200)).body.items as Array<Record<string, any>>;
  const openTask = async (id: string, state: string) => (await tasksOf(id)).find((x) => x.state === state && x.status === 'open')!;
  const historyOf = async (id: string) => (await t.http.get(`/api/v1/instances/${id}/history`).expect(200)).body.items as Array<Record<string, any>>;
  const submitted = async () => {
    const doc = await startDoc();
    await event(author, doc.id, { type: 'TRINH' }).expect(200);
    return doc.id as string;
  };

  describe('a decision belongs to its task', () => {
    it('the author cannot approve their own document through the event route (403), and the head of department still can', async () => {
      const id = await submitted();
      const refused = await event(author, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.body.message).toContain('Duyệt văn bản');
      const task = await openTask(id, 'choDuyet');
      expect(task).toMatchObject({ status: 'open', assignee: null });
      await event(headA, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(200);
      const done = (await tasksOf(id)).find((x) => x.id === task.id)!;
      expect(done).toMatchObject({ status: 'completed', completedBy: 'truong-phong-a', assignee: 'truong-phong-a', outcome: 'QUYET_DINH' });
    });

    it('a task claimed by one head of department cannot be decided by another, by the event route or the task route', async () => {
      const id = await submitted();
      const task = await openTask(id, 'choDuyet');
      await headA.post(`/api/v1/tasks/${task.id}/claim`).send({}).expect(200);
      const viaEvent = await event(headB, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(403);
      expect(viaEvent.body.message).toContain('assigned to someone else');
      await headB.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(403);
      expect((await openTask(id, 'choDuyet')).assignee).toBe('truong-phong-a');
      await headA.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(200);
    });

    it('an unclaimed candidate who answers through the task route claims and completes it in one step', async () => {
      const id = await submitted();
      const task = await openTask(id, 'choDuyet');
      const res = await headB.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'QUYET_DINH', payload: { ketQua: 'tra-lai', yKien: 'Bổ sung số liệu' } }).expect(200);
      expect(res.body.task).toMatchObject({ status: 'completed', assignee: 'truong-phong-b', completedBy: 'truong-phong-b' });
      expect(res.body.instance.state).toBe('soanThao');
    });

    it('an API token acts as its user: the author’s token is refused the decision', async () => {
      const id = await submitted();
      const token = (await author.post('/api/v1/me/tokens').send({ name: 'tích hợp' }).expect(201)).body.token as string;
      await t.anon.post(`/api/v1/instances/${id}/events`).set('Authorization', `Bearer ${token}`).send({ type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(403);
      expect((await openTask(id, 'choDuyet')).status).toBe('open');
    });

    it('an admin is refused without an override, and acts with one, recorded in the history and the audit trail', async () => {
      const id = await submitted();
      await event(t.http, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(403);
      await event(author, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' }, override: { reason: 'tự duyệt' } }).expect(403);
      const empty = await event(t.http, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' }, override: { reason: '' } }).expect(400);
      expect(JSON.stringify(empty.body)).toContain('override.reason');
      const reason = 'Trưởng phòng nghỉ ốm; Chủ tịch giao xử lý thay';
      await event(t.http, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' }, override: { reason } }).expect(200);
      const last = (await historyOf(id)).at(-1)!;
      expect(last.links).toMatchObject({ override: { by: 'admin', reason } });
      const audit = await t.app.get(DataSource).query(`SELECT action, data FROM audit_log WHERE action = 'event.override' AND subject_id = $1`, [id]);
      expect(audit).toHaveLength(1);
      expect(audit[0].data).toMatchObject({ reason });
      expect((await t.http.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body).toMatchObject({ ok: true });
    });
  });

  describe('events no task answers follow the definition’s sentBy', () => {
    it('a role named by sentBy may send it; whoever started the case may too; anyone else who sees the case gets 403', async () => {
      const byReceptionist = (await receptionist.post('/api/v1/instances').send({ definitionKey: VERIFY, input: {} }).expect(201)).body.id as string;
      const refused = await event(verifierB, byReceptionist, { type: 'RUT_DON' }).expect(403);
      expect(refused.body.message).toContain('can-bo-tiep-dan');
      await event(receptionist, byReceptionist, { type: 'GHI_CHU' }).expect(403);
      await event(verifierB, byReceptionist, { type: 'GHI_CHU', payload: { ghiChu: 'Đã liên hệ người tố cáo' } }).expect(200);
      await event(receptionist, byReceptionist, { type: 'RUT_DON', payload: { ghiChu: 'Người tố cáo rút đơn' } }).expect(200);
      const byVerifier = (await verifierA.post('/api/v1/instances').send({ definitionKey: VERIFY, input: {} }).expect(201)).body.id as string;
      await event(verifierB, byVerifier, { type: 'RUT_DON' }).expect(403);
      await event(verifierA, byVerifier, { type: 'RUT_DON' }).expect(200);
    });
  });

  describe('separation of duties over the whole history', () => {
    /** A verifies, the report is sent back, B files the supplementary report: A may still not conclude. */
    const throughSupplement = async () => {
      const id = (await chairman.post('/api/v1/instances').send({ definitionKey: VERIFY, input: {} }).expect(201)).body.id as string;
      await event(verifierA, id, { type: 'XAC_MINH', payload: { baoCao: 'Báo cáo lần 1' } }).expect(200);
      await event(verifierA, id, { type: 'YEU_CAU_BO_SUNG', payload: { lyDo: 'Thiếu chứng cứ' } }).expect(200);
      await event(verifierB, id, { type: 'XAC_MINH_BO_SUNG', payload: { baoCao: 'Báo cáo bổ sung' } }).expect(200);
      return id;
    };

    it('a notSameActor on a recorded field remembers every actor recorded there, not only the last', async () => {
      const id = await throughSupplement();
      const refused = await event(verifierA, id, { type: 'KET_LUAN', payload: { ketLuan: 'Tố cáo đúng một phần' } }).expect(403);
      expect(refused.body.code).toBe('SEPARATION_OF_DUTIES');
      await event(verifierB, id, { type: 'KET_LUAN', payload: {} }).expect(403);
      await event(chairman, id, { type: 'KET_LUAN', payload: { ketLuan: 'Tố cáo đúng một phần' } }).expect(200);
    });

    it('notSameActor over named steps refuses whoever took any of them', async () => {
      const id = await throughSupplement();
      await event(verifierA, id, { type: 'KET_LUAN_THEO_BUOC' }).expect(403);
      await event(verifierB, id, { type: 'KET_LUAN_THEO_BUOC' }).expect(403);
      await event(chairman, id, { type: 'KET_LUAN_THEO_BUOC' }).expect(200);
    });
  });

  describe('idempotency keys belong to their caller', () => {
    it('another user’s key starts a case of one’s own, never a replay of theirs', async () => {
      const key = 'khoa-chung-1';
      const mine = await author.post('/api/v1/instances').set('Idempotency-Key', key).send({ definitionKey: DOC, input: { trichYeu: 'Văn bản của tác giả' } }).expect(201);
      const theirs = await colleague.post('/api/v1/instances').set('Idempotency-Key', key).send({ definitionKey: DOC, input: { trichYeu: 'Văn bản của tác giả' } }).expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
      const again = await author.post('/api/v1/instances').set('Idempotency-Key', key).send({ definitionKey: DOC, input: { trichYeu: 'Văn bản của tác giả' } }).expect(201);
      expect(again.body.id).toBe(mine.body.id);
    });

    it('an event key used by someone else is their own request (here refused), not the first caller’s answer', async () => {
      const id = await submitted();
      const key = 'khoa-su-kien-1';
      await event(headA, id, { type: 'QUYET_DINH', payload: { ketQua: 'tra-lai' } }, { 'Idempotency-Key': key }).expect(200);
      const stranger = await event(author, id, { type: 'QUYET_DINH', payload: { ketQua: 'tra-lai' } }, { 'Idempotency-Key': key });
      expect(stranger.status).not.toBe(200);
      expect(stranger.body.context).toBeUndefined();
    });
  });

  describe('task actions are serialised with answers', () => {
    it('complete and delegate by the assignee at once: never both', async () => {
      for (let trial = 0; trial < 6; trial++) {
        const id = await submitted();
        const task = await openTask(id, 'choDuyet');
        await headA.post(`/api/v1/tasks/${task.id}/claim`).send({}).expect(200);
        const [completed, delegated] = await Promise.all([
          headA.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }),
          headA.post(`/api/v1/tasks/${task.id}/delegate`).send({ to: 'truong-phong-b' }),
        ]);
        expect([completed.status, delegated.status].filter((s) => s === 200)).toHaveLength(1);
        const after = (await tasksOf(id)).find((x) => x.id === task.id)!;
        if (completed.status === 200) expect(after).toMatchObject({ status: 'completed', completedBy: 'truong-phong-a', assignee: 'truong-phong-a' });
        else expect(after).toMatchObject({ status: 'open', assignee: 'truong-phong-b' });
      }
    });
  });

  describe('answers decided without locks, checked by the write', () => {
    it('a claim by one candidate and an answer by another at once: exactly one goes through, and the task says which', async () => {
      for (let trial = 0; trial < 8; trial++) {
        const id = await submitted();
        const task = await openTask(id, 'choDuyet');
        const [claimed, answered] = await Promise.all([
          headA.post(`/api/v1/tasks/${task.id}/claim`).send({}),
          event(headB, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }),
        ]);
        expect([claimed.status, answered.status].filter((s) => s === 200)).toHaveLength(1);
        const after = (await tasksOf(id)).find((x) => x.id === task.id)!;
        if (answered.status === 200) {
          expect(claimed.status).toBe(409);
          expect(after).toMatchObject({ status: 'completed', completedBy: 'truong-phong-b', assignee: 'truong-phong-b' });
        } else {
          expect(answered.status).toBe(403);
          expect(after).toMatchObject({ status: 'open', assignee: 'truong-phong-a' });
        }
      }
    });

    it('two candidates answer the same task at once: one decision is recorded, the other is refused', async () => {
      for (let trial = 0; trial < 8; trial++) {
        const id = await submitted();
        const task = await openTask(id, 'choDuyet');
        const results = await Promise.all([
          event(headA, id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }),
          event(headB, id, { type: 'QUYET_DINH', payload: { ketQua: 'tra-lai' } }),
        ]);
        expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
        const decisions = (await historyOf(id)).filter((h) => h.event.type === 'QUYET_DINH');
        expect(decisions).toHaveLength(1);
        const after = (await tasksOf(id)).find((x) => x.id === task.id)!;
        expect(after).toMatchObject({ status: 'completed', completedBy: decisions[0].actor.id });
      }
    });
  });

  describe('no oracles', () => {
    it('a business key taken by a case the caller cannot see is refused without naming it', async () => {
      await startDoc(author, { businessKey: 'VB-2026-001' });
      const hidden = await outsider.post('/api/v1/instances').send({ definitionKey: DOC, businessKey: 'VB-2026-001', input: { trichYeu: 'Thử khóa' } }).expect(409);
      expect(hidden.body.details).toEqual({ field: 'businessKey' });
      expect(JSON.stringify(hidden.body)).not.toContain('VB-2026-001');
      const visible = await author.post('/api/v1/instances').send({ definitionKey: DOC, businessKey: 'VB-2026-001', input: { trichYeu: 'Thử khóa' } }).expect(409);
      expect(visible.body.details.existingId).toEqual(expect.any(String));
    });

    it('delegating to an unknown user and to a non-candidate gives the same answer', async () => {
      const id = await submitted();
      const task = await openTask(id, 'choDuyet');
      await headA.post(`/api/v1/tasks/${task.id}/claim`).send({}).expect(200);
      const unknown = await headA.post(`/api/v1/tasks/${task.id}/delegate`).send({ to: 'khong-ton-tai' }).expect(400);
      const notCandidate = await headA.post(`/api/v1/tasks/${task.id}/delegate`).send({ to: 'tac-gia' }).expect(400);
      expect(unknown.body.details).toEqual(notCandidate.body.details);
      expect(unknown.body.message.replace('khong-ton-tai', 'X')).toBe(notCandidate.body.message.replace('tac-gia', 'X'));
    });
  });

  describe('every payload validated', () => {
    it('an event without a schema takes only {} or a short note: a 900 KB payload is refused and stores nothing', async () => {
      const id = (await verifierA.post('/api/v1/instances').send({ definitionKey: VERIFY, input: {} }).expect(201)).body.id as string;
      const before = (await historyOf(id)).length;
      const big = await event(verifierA, id, { type: 'GHI_CHU', payload: { duLieu: 'x'.repeat(900_000) } }).expect(400);
      expect(big.body.details.issues[0].path).toBe('/payload/duLieu');
      await event(verifierA, id, { type: 'GHI_CHU', payload: { ghiChu: 'y'.repeat(2001) } }).expect(400);
      expect((await historyOf(id)).length).toBe(before);
      await event(verifierA, id, { type: 'GHI_CHU', payload: { ghiChu: 'Đã gọi điện cho người tố cáo' } }).expect(200);
    });
  });
});
