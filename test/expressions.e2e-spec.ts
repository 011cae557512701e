// Issue 17, items 1, 2 and 5, through the HTTP API: who acts and how long they have come from the
// case. The task goes to the unit the case names (an officer of another unit is refused at the task,
// 403), a second task opens assigned to the person the case names, a limit is 30 days or 45 when the
// case is complex, "by the end of the day" only for urgent cases, and a case that names no unit is
// refused as the definition's doing and recorded for the admins.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/app.js';

const L = (vi: string, en: string) => ({ vi, en });
const KEY = 'chuyen-don-thu';

const source = {
  key: KEY,
  title: L('Chuyển đơn đến đơn vị (kiểm thử)', 'Forwarding a letter to a unit (test)'),
  roles: { 'chuyen-vien': L('Chuyên viên', 'Officer'), 'lanh-dao': L('Lãnh đạo', 'Leader') },
  inputSchema: {
    type: 'object',
    required: ['ngayNhan', 'nguoiDuyet'],
    properties: {
      donVi: { type: 'string', title: 'Đơn vị xử lý' },
      nguoiDuyet: { type: 'string', title: 'Người duyệt' },
      phucTap: { type: 'boolean', title: 'Vụ việc phức tạp' },
      khan: { type: 'boolean', title: 'Khẩn' },
      ngayNhan: { type: 'string', format: 'date', title: 'Ngày nhận' },
    },
  },
  fields: {
    donVi: { label: L('Đơn vị xử lý', 'Handling unit') },
    nguoiDuyet: { label: L('Người duyệt', 'Approver'), format: 'user' },
    phucTap: { label: L('Vụ việc phức tạp', 'Complex case') },
    khan: { label: L('Khẩn', 'Urgent') },
    ngayNhan: { label: L('Ngày nhận', 'Date received'), format: 'date' },
  },
  context: { donVi: null, phucTap: false, khan: false },
  events: {
    XU_LY: { label: L('Xử lý xong', 'Handled'), kind: 'human' },
    DUYET: { label: L('Duyệt', 'Approve'), kind: 'human' },
  },
  machine: {
    initial: 'xuLy',
    states: {
      xuLy: {
        meta: {
          label: L('Đơn vị xử lý', 'The unit handles it'),
          task: { title: L('Xử lý đơn', 'Handle the letter'), roles: ['chuyen-vien'], units: '=donVi', outcomes: ['XU_LY'] },
          deadlines: [
            { key: 'giaiQuyet', label: L('Hạn giải quyết', 'Time limit'), after: { days: '=if phucTap then 45 else 30' }, from: { context: 'ngayNhan' } },
            { key: 'baoCaoNgay', label: L('Báo cáo trong ngày', 'Report the same day'), when: '=khan', after: { days: 0 }, from: { context: 'ngayNhan' } },
          ],
        },
        on: { XU_LY: 'duyet' },
      },
      duyet: {
        meta: { label: L('Chờ duyệt', 'Awaiting approval'), task: { title: L('Duyệt kết quả', 'Approve the result'), roles: ['lanh-dao'], assignee: '=nguoiDuyet', outcomes: ['DUYET'] } },
        on: { DUYET: 'xong' },
      },
      xong: { type: 'final', meta: { label: L('Hoàn thành', 'Done') } },
    },
  },
};

describe('who and when from the case (issue 17: expressions)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
    const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
    await t.http.post(`/api/v1/definitions/${KEY}/versions/${draft.body.version}/publish`).expect(200);
  });
  afterAll(() => t?.close());

  const openTask = async (id: string, state: string) =>
    ((await t.http.get(`/api/v1/instances/${id}/tasks`).expect(200)).body.items as Array<Record<string, any>>).find((x) => x.state === state && x.status === 'open')!;

  it('the unit the case names handles it; the same role in another unit is refused at the task; the named approver has the next task', async () => {
    const clerk = await t.as('van-thu-chuyen', [{ role: 'chuyen-vien', unit: 'van-phong-hdnd-ubnd' }]);
    const economy = await t.as('cv-kinh-te', [{ role: 'chuyen-vien', unit: 'phong-kinh-te' }]);
    const culture = await t.as('cv-van-hoa', [{ role: 'chuyen-vien', unit: 'phong-van-hoa-xa-hoi' }]);
    const approver = await t.as('pho-chu-tich-duyet', [{ role: 'lanh-dao', unit: 'ubnd' }]);
    const otherLeader = await t.as('lanh-dao-khac', [{ role: 'lanh-dao', unit: 'ubnd' }]);

    const started = await clerk
      .post('/api/v1/instances')
      .send({ definitionKey: KEY, input: { donVi: 'phong-kinh-te', nguoiDuyet: 'pho-chu-tich-duyet', ngayNhan: '2026-03-02' } })
      .expect(201);
    const id = started.body.id as string;
    const task = await openTask(id, 'xuLy');
    expect(task).toMatchObject({ candidateUnits: ['phong-kinh-te'], assignee: null });

    const inboxOf = async (who: typeof culture) => ((await who.get('/api/v1/tasks').query({ definitionKey: KEY }).expect(200)).body.items as Array<{ id: string }>).map((x) => x.id);
    expect(await inboxOf(economy)).toContain(task.id);
    expect(await inboxOf(culture)).not.toContain(task.id);
    // The officer of another unit does not even see the task or the case (404, as for any one may not
    // see); the clerk who registered it sees the case but is refused at its task: 403, not a guard's refusal.
    await culture.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'XU_LY' }).expect(404);
    await culture.post(`/api/v1/instances/${id}/events`).send({ type: 'XU_LY' }).expect(404);
    const refused = await clerk.post(`/api/v1/instances/${id}/events`).send({ type: 'XU_LY' }).expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.body.message).toContain('not one of its candidates');
    await economy.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'XU_LY' }).expect(200);

    const approval = await openTask(id, 'duyet');
    expect(approval).toMatchObject({ assignee: 'pho-chu-tich-duyet' });
    await otherLeader.post(`/api/v1/tasks/${approval.id}/complete`).send({ outcome: 'DUYET' }).expect(403);
    expect((await clerk.post(`/api/v1/instances/${id}/events`).send({ type: 'DUYET' }).expect(403)).body.message).toContain('assigned to someone else');
    expect(await inboxOf(approver)).toContain(approval.id);
    await approver.post(`/api/v1/tasks/${approval.id}/complete`).send({ outcome: 'DUYET' }).expect(200);
    expect((await t.http.get(`/api/v1/instances/${id}`).expect(200)).body).toMatchObject({ status: 'done' });
  });

  it('a limit of 30 days, or 45 for a complex case; "by the end of the day" only when urgent', async () => {
    const clerk = await t.as('van-thu-han', [{ role: 'chuyen-vien', unit: 'van-phong-hdnd-ubnd' }]);
    const start = async (extra: Record<string, unknown>) =>
      (await clerk.post('/api/v1/instances').send({ definitionKey: KEY, input: { donVi: 'phong-kinh-te', nguoiDuyet: 'pho-chu-tich-duyet', ngayNhan: '2026-03-02', ...extra } }).expect(201)).body;
    const plain = await start({});
    // Mon 2 Mar 2026 + 30 days = Wed 1 Apr; + 45 days = Thu 16 Apr.
    expect(plain.deadlines).toEqual([expect.objectContaining({ key: 'giaiQuyet', dueDate: '2026-04-01' })]);
    const complexUrgent = await start({ phucTap: true, khan: true });
    expect(complexUrgent.deadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'giaiQuyet', dueDate: '2026-04-16' }), expect.objectContaining({ key: 'baoCaoNgay', dueDate: '2026-03-02' })]),
    );
    expect(complexUrgent.deadlines).toHaveLength(2);
  });

  it('a case that names no unit is refused as the definition\'s doing, changes nothing, and the admins see it', async () => {
    const clerk = await t.as('van-thu-thieu', [{ role: 'chuyen-vien', unit: 'van-phong-hdnd-ubnd' }]);
    const before = (await t.http.get('/api/v1/instances').query({ definitionKey: KEY, limit: 100 }).expect(200)).body.items.length;
    const refused = await clerk.post('/api/v1/instances').send({ definitionKey: KEY, input: { nguoiDuyet: 'pho-chu-tich-duyet', ngayNhan: '2026-03-02' } }).expect(400);
    expect(refused.body).toMatchObject({ code: 'DEFINITION_INVALID', details: { issues: [{ path: '/machine/states/xuLy/meta/task/units', code: 'expression_refused' }] } });
    expect(refused.body.message).toContain('does not name the unit');
    expect((await t.http.get('/api/v1/instances').query({ definitionKey: KEY, limit: 100 }).expect(200)).body.items).toHaveLength(before);
    const recorded = (await t.http.get('/api/v1/audit/log').query({ action: 'definition.runtime_refusal', subject: KEY }).expect(200)).body.items;
    expect(recorded).toEqual([expect.objectContaining({ subjectId: `${KEY}@1`, data: expect.objectContaining({ cause: 'event', issues: [expect.objectContaining({ code: 'expression_refused' })] }) })]);
  });

  it('the validator refuses an expression that is not FEEL or could run away, at its path', async () => {
    const broken = structuredClone(source) as any;
    broken.key = 'bieu-thuc-hong';
    broken.machine.states.xuLy.meta.task.units = '=donVi +';
    broken.machine.states.xuLy.meta.deadlines[1].when = '=for i in 1..1000000 return i';
    const res = await t.http.post('/api/v1/definitions/validate').send({ source: broken }).expect(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.issues.map((i: { path: string; code: string }) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['/machine/states/xuLy/meta/task/units', 'invalid_expression'],
        ['/machine/states/xuLy/meta/deadlines/1/when', 'expression_not_allowed'],
      ]),
    );
  });
});
