import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { backfillSearch } from '../migrations/1765238400000-search.js';
import { eventually } from './support/eventually.js';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';

const KEY = 'test-search-complaint';
const label = (vi: string, en: string) => ({ vi, en });

/**
 * A complaint as a clerk registers it: the complainant's name and address and the subject are
 * searchable; a note for the inspectors is shown but not searchable; a code is hidden from people.
 * The clerk may correct the subject on the intake task (CAP_NHAT), which moves the case to the
 * inspectorate.
 */
const definition = {
  key: KEY,
  title: label('Khiếu nại (kiểm thử tìm kiếm)', 'Complaint (search test)'),
  roles: { 'can-bo-tiep-dan': label('Cán bộ tiếp dân', 'Receiving officer'), 'thanh-tra': label('Thanh tra', 'Inspector') },
  inputSchema: {
    type: 'object',
    required: ['hoTen', 'noiDung'],
    properties: {
      hoTen: { type: 'string', minLength: 1 },
      diaChi: { type: 'string' },
      noiDung: { type: 'string', minLength: 1 },
      ghiChuNoiBo: { type: 'string' },
      maBaoMat: { type: 'string' },
    },
  },
  summary: '{hoTen}: {noiDung}',
  fields: {
    hoTen: { label: label('Người khiếu nại', 'Complainant'), search: true },
    diaChi: { label: label('Địa chỉ', 'Address'), search: true },
    noiDung: { label: label('Nội dung', 'Subject'), search: true, format: 'longText' },
    ghiChuNoiBo: { label: label('Ghi chú nội bộ', 'Internal note') },
    maBaoMat: { hidden: true },
  },
  events: {
    CAP_NHAT: {
      label: label('Cập nhật và chuyển thanh tra', 'Correct and forward'),
      kind: 'human',
      schema: { type: 'object', additionalProperties: false, properties: { noiDung: { type: 'string', minLength: 1 } } },
    },
    XONG: { label: label('Kết luận', 'Conclude'), kind: 'human' },
  },
  machine: {
    id: KEY,
    initial: 'tiepNhan',
    states: {
      tiepNhan: {
        meta: {
          label: label('Tiếp nhận', 'Intake'),
          task: { title: label('Tiếp nhận đơn', 'Take in the complaint'), roles: ['can-bo-tiep-dan'], units: ['bo-phan-tiep-cong-dan'], outcomes: ['CAP_NHAT'] },
        },
        on: {
          CAP_NHAT: [
            { target: 'xuLy', guard: { type: 'exists', params: { path: 'payload.noiDung' } }, actions: [{ type: 'assign', params: { set: { noiDung: { path: 'payload.noiDung' } } } }] },
            { target: 'xuLy' },
          ],
        },
      },
      xuLy: {
        meta: {
          label: label('Thanh tra xử lý', 'Inspection'),
          task: { title: label('Xác minh, kết luận', 'Verify and conclude'), roles: ['thanh-tra'], units: ['van-phong-hdnd-ubnd'], outcomes: ['XONG'] },
        },
        on: { XONG: { target: 'xong' } },
      },
      xong: { type: 'final', meta: { label: label('Đã kết luận', 'Concluded') } },
    },
  },
};

describe('search: finding a case the way a clerk asks for it, and the case at a glance', () => {
  let t: TestApp;
  let dir: string;
  let clerk: TestAgent;
  let otherClerk: TestAgent;
  let inspector: TestAgent;
  const ids: Record<'a' | 'b' | 'c' | 'secret', string> = { a: '', b: '', c: '', secret: '' };

  const start = async (businessKey: string, input: Record<string, unknown>) => {
    const res = await t.http.post('/api/v1/instances').send({ definitionKey: KEY, businessKey, input });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** The ids of this suite's cases a search returns to `who`. */
  const found = async (who: TestAgent, q: string) => {
    const res = await who.get('/api/v1/instances').query({ definitionKey: KEY, q, limit: 100 });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).map((i) => i.id).sort();
  };
  /** The ids of this suite's cases `who` may list, without a search. */
  const listed = async (who: TestAgent) => {
    const res = await who.get('/api/v1/instances').query({ definitionKey: KEY, limit: 100 });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).map((i) => i.id).sort();
  };
  const inbox = async (who: TestAgent, q?: string) => {
    const res = await who.get('/api/v1/tasks').query({ definitionKey: KEY, limit: 100, ...(q === undefined ? {} : { q }) });
    expect(res.status).toBe(200);
    return res.body.items as Array<{ id: string; instanceId: string; state: string; businessKey: string | null; summary: string | null }>;
  };
  const sorted = (...xs: string[]) => [...xs].sort();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'phoihop-search-'));
    await writeFile(join(dir, `${KEY}.json`), JSON.stringify(definition, null, 2));
    t = await startTestApp({ workflowsDir: dir, queues: 'postgres' });
    clerk = await t.as('tiep-dan-tim', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    otherClerk = await t.as('tiep-dan-kinh-te', [{ role: 'can-bo-tiep-dan', unit: 'phong-kinh-te' }]);
    inspector = await t.as('thanh-tra-tim', [{ role: 'thanh-tra', unit: 'van-phong-hdnd-ubnd' }]);
    ids.a = (
      await start('KN-2026-001', {
        hoTen: 'Nguyễn Văn A',
        diaChi: 'Số 12 ngõ 34 phố Lạch Tray, phường An Phong',
        noiDung: 'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất',
      })
    ).id;
    ids.b = (await start('KN-2026-002', { hoTen: 'Trần Thị Bình', diaChi: 'Tổ dân phố Đông Hải', noiDung: 'Khiếu nại về tiếng ồn công trình' })).id;
    ids.c = (await start('KN-2026-003', { hoTen: 'Lê Minh Đức', diaChi: 'Tổ dân phố Cát Bi', noiDung: 'Đề nghị sửa chữa đường ngõ' })).id;
    ids.secret = (
      await start('KN-2026-004', {
        hoTen: 'Phạm Thu Hà',
        diaChi: 'Tổ dân phố Hạ Lũng',
        noiDung: 'Kiến nghị về chiếu sáng',
        ghiChuNoiBo: 'Người tố cáo đề nghị giữ bí mật: mật danh Hoàng Yến',
        maBaoMat: 'XK-4471-QZ',
      })
    ).id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('finding a case', () => {
    it('"nguyen van a" finds "Nguyễn Văn A": typed without diacritics, in any case', async () => {
      expect(await found(t.http, 'nguyen van a')).toEqual([ids.a]);
      expect(await found(t.http, 'NGUYỄN VĂN A')).toEqual([ids.a]);
      expect(await found(clerk, 'nguyen van a')).toEqual([ids.a]);
      expect(await found(clerk, 'tran thi binh')).toEqual([ids.b]);
    });

    it('by business key, whole or in part', async () => {
      expect(await found(t.http, 'KN-2026-002')).toEqual([ids.b]);
      expect(await found(t.http, 'kn-2026-00')).toEqual(sorted(ids.a, ids.b, ids.c, ids.secret));
      expect(await found(t.http, '2026-003')).toEqual([ids.c]);
    });

    it("by words of the citizen's address", async () => {
      expect(await found(t.http, 'lach tray')).toEqual([ids.a]);
      expect(await found(t.http, 'Đông Hải')).toEqual([ids.b]);
      expect(await found(t.http, 'to dan pho')).toEqual(sorted(ids.b, ids.c, ids.secret));
    });

    it('"Đức" and "duc" both find "Đức" (đ folds to d)', async () => {
      expect(await found(t.http, 'Đức')).toEqual([ids.c]);
      expect(await found(t.http, 'duc')).toEqual([ids.c]);
      expect(await found(t.http, 'ĐỨC')).toEqual([ids.c]);
      expect(await found(t.http, 'le minh duc')).toEqual([ids.c]);
    });

    it('every word must occur (AND), in any order', async () => {
      expect(await found(t.http, 'khieu nai')).toEqual(sorted(ids.a, ids.b));
      expect(await found(t.http, 'khieu nai lach tray')).toEqual([ids.a]);
      expect(await found(t.http, 'tray khieu')).toEqual([ids.a]);
      expect(await found(t.http, 'khieu nai cat bi')).toEqual([]);
    });

    it('LIKE wildcards in a query are plain characters', async () => {
      expect(await found(t.http, '%%')).toEqual([]);
      expect(await found(t.http, 'kn_2026')).toEqual([]);
    });

    it("a field not marked search, or hidden, is never indexed: its words find nothing, even for an admin", async () => {
      const glance = (await t.http.get(`/api/v1/instances/${ids.secret}`).expect(200)).body;
      expect(glance.summary).toBe('Phạm Thu Hà: Kiến nghị về chiếu sáng');
      expect(await found(t.http, 'chieu sang')).toEqual([ids.secret]);
      for (const q of ['Hoàng Yến', 'hoang yen', 'mat danh', 'giu bi mat', 'XK-4471-QZ', '4471']) expect(await found(t.http, q)).toEqual([]);
      const [row] = await t.app.get(DataSource).query(`SELECT search_text FROM instance_search WHERE instance_id = $1`, [ids.secret]);
      expect(row.search_text).toBe('kn-2026-004 pham thu ha: kien nghi ve chieu sang pham thu ha to dan pho ha lung kien nghi ve chieu sang');
    });

    it('a query shorter than 2 characters (spaces aside) or longer than 200 is refused with 400 naming q', async () => {
      for (const path of ['/api/v1/instances', '/api/v1/tasks']) {
        for (const q of ['a', '  ', ' b ', 'x'.repeat(201)]) {
          const res = await clerk.get(path).query({ q });
          expect(res.status).toBe(400);
          expect(res.body.code).toBe('VALIDATION_FAILED');
          expect(res.body.details.problems).toEqual([{ field: 'q', reason: expect.stringMatching(/^q must be at (least 2|most 200) characters/) }]);
        }
        expect((await clerk.get(path).query({ q: 'ab' })).status).toBe(200);
        expect((await clerk.get(path).query({ q: 'x'.repeat(200) })).status).toBe(200);
      }
    });

    it('combines with the other filters', async () => {
      const res = await t.http.get('/api/v1/instances').query({ definitionKey: KEY, q: 'khieu nai', businessKey: 'KN-2026-002' }).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.b]);
      const paged = await t.http.get('/api/v1/instances').query({ definitionKey: KEY, q: 'khieu nai', limit: 1 }).expect(200);
      expect(paged.body.items).toHaveLength(1);
      const next = await t.http.get('/api/v1/instances').query({ definitionKey: KEY, q: 'khieu nai', limit: 1, cursor: paged.body.nextCursor }).expect(200);
      expect(sorted(paged.body.items[0].id, next.body.items[0].id)).toEqual(sorted(ids.a, ids.b));
      expect(next.body.nextCursor).toBeNull();
    });
  });

  describe('tasks carry their case at a glance', () => {
    it('inbox rows, the task page and the case page carry the business key and the summary', async () => {
      const rows = await inbox(clerk);
      const a = rows.find((r) => r.instanceId === ids.a)!;
      expect(a).toMatchObject({ businessKey: 'KN-2026-001', summary: 'Nguyễn Văn A: Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất', state: 'tiepNhan' });
      expect(rows.find((r) => r.instanceId === ids.c)).toMatchObject({ businessKey: 'KN-2026-003', summary: 'Lê Minh Đức: Đề nghị sửa chữa đường ngõ' });

      const task = (await clerk.get(`/api/v1/tasks/${a.id}`).expect(200)).body;
      expect(task).toMatchObject({ businessKey: 'KN-2026-001', summary: a.summary });
      const ofCase = (await clerk.get(`/api/v1/instances/${ids.a}/tasks`).expect(200)).body.items;
      expect(ofCase[0]).toMatchObject({ id: a.id, businessKey: 'KN-2026-001', summary: a.summary });
      const instance = (await clerk.get(`/api/v1/instances/${ids.a}`).expect(200)).body;
      expect(instance).toMatchObject({ businessKey: 'KN-2026-001', summary: a.summary });
      const list = (await clerk.get('/api/v1/instances').query({ definitionKey: KEY, businessKey: 'KN-2026-001' }).expect(200)).body.items;
      expect(list[0].summary).toBe(a.summary);
    });

    it('the inbox is searched by the same words', async () => {
      expect((await inbox(clerk, 'nguyen van a')).map((r) => r.instanceId)).toEqual([ids.a]);
      expect((await inbox(clerk, 'Đức')).map((r) => r.instanceId)).toEqual([ids.c]);
      expect((await inbox(clerk, 'khieu nai')).map((r) => r.instanceId).sort()).toEqual(sorted(ids.a, ids.b));
      expect(await inbox(clerk, 'hoang yen')).toEqual([]);
    });
  });

  describe('a searcher never gets what they may not see', () => {
    it('a clerk of another unit finds no case and no task, whatever they type', async () => {
      for (const q of ['nguyen van a', 'khieu nai', 'kn-2026', 'duc']) {
        expect(await found(otherClerk, q)).toEqual([]);
        expect(await inbox(otherClerk, q)).toEqual([]);
      }
    });

    it('an inspector finds a case only once it reaches them; the summary follows the step that changed its subject', async () => {
      expect(await found(inspector, 'khieu nai')).toEqual([]);
      expect(await inbox(inspector, 'nguyen')).toEqual([]);
      expect(await listed(inspector)).toEqual([]);

      const [task] = await inbox(clerk, 'KN-2026-001');
      const done = await clerk.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'CAP_NHAT', payload: { noiDung: 'Khiếu nại việc thu hồi đất nông nghiệp' } });
      expect(done.status).toBe(200);
      const summary = 'Nguyễn Văn A: Khiếu nại việc thu hồi đất nông nghiệp';
      expect(done.body.instance.summary).toBe(summary);
      expect(done.body.task).toMatchObject({ status: 'completed', businessKey: 'KN-2026-001', summary });

      // The case's search text follows its context: the old subject no longer finds it, the new one does.
      expect(await found(t.http, 'chung nhan quyen')).toEqual([]);
      expect(await found(t.http, 'thu hoi dat')).toEqual([ids.a]);
      // The inspector may now see case A (a candidate of its task), and only that case.
      expect(await found(inspector, 'khieu nai')).toEqual([ids.a]);
      expect(await found(inspector, 'tran thi binh')).toEqual([]);
      // The same without a search, and for words of every case or only of the others.
      expect(await listed(inspector)).toEqual([ids.a]);
      expect(await found(inspector, 'kn-2026')).toEqual([ids.a]);
      expect(await found(inspector, 'to dan pho')).toEqual([]);
      const rows = await inbox(inspector, 'nguyen van a');
      expect(rows).toEqual([expect.objectContaining({ instanceId: ids.a, state: 'xuLy', businessKey: 'KN-2026-001', summary })]);
      // The clerk still sees it (they completed its task), no longer in their inbox.
      expect(await found(clerk, 'thu hoi')).toEqual([ids.a]);
      expect(await inbox(clerk, 'thu hoi')).toEqual([]);
    });
  });

  it("notifications carry their case's business key and summary", async () => {
    const items = await eventually(async () => {
      const res = await inspector.get('/api/v1/me/notifications').expect(200);
      const mine = (res.body.items as Array<{ kind: string; instanceId: string }>).filter((n) => n.kind === 'task-assigned' && n.instanceId === ids.a);
      return mine.length ? mine : undefined;
    }, 20_000, "the inspector's task-assigned notification");
    expect(items[0]).toMatchObject({ businessKey: 'KN-2026-001', summary: 'Nguyễn Văn A: Khiếu nại việc thu hồi đất nông nghiệp' });
  });

  it('a case moved to another version reads as that version says: its summary and what finds it', async () => {
    const v2 = JSON.parse(JSON.stringify(definition));
    v2.summary = '{hoTen} ({diaChi})';
    v2.fields.noiDung = { label: v2.fields.noiDung.label, format: 'longText' }; // no longer searched
    const draft = await t.http.post('/api/v1/definitions').send({ source: v2 }).expect(201);
    await t.http.post(`/api/v1/definitions/${KEY}/versions/${draft.body.version}/publish`).expect(200);
    const moved = await t.http.post(`/api/v1/definitions/${KEY}/migrations`).send({ fromVersion: 1, toVersion: draft.body.version, instanceIds: [ids.b] }).expect(200);
    expect(moved.body.moved).toEqual([ids.b]);
    expect((await t.http.get(`/api/v1/instances/${ids.b}`).expect(200)).body).toMatchObject({ definition: { version: 2 }, summary: 'Trần Thị Bình (Tổ dân phố Đông Hải)' });
    expect(await found(t.http, 'tieng on')).toEqual([]);
    expect(await found(t.http, 'binh dong hai')).toEqual([ids.b]);
    expect((await inbox(clerk, 'binh')).map((r) => [r.instanceId, r.summary])).toEqual([[ids.b, 'Trần Thị Bình (Tổ dân phố Đông Hải)']]);
  });

  it("the migration's backfill computes what the writers write, from each case's definition and context", async () => {
    const ds = t.app.get(DataSource);
    const glance = `SELECT i.id, i.summary, s.search_text, s.created_at = i.created_at AS same_instant FROM workflow_instances i LEFT JOIN instance_search s ON s.instance_id = i.id ORDER BY i.id`;
    const before = await ds.query(glance);
    expect(before.every((r: { same_instant: boolean }) => r.same_instant)).toBe(true);
    await ds.query(`UPDATE workflow_instances SET summary = NULL`);
    await ds.query(`DELETE FROM instance_search`);
    expect(await found(t.http, 'nguyen van a')).toEqual([]);
    const written = await backfillSearch((sql, params) => ds.query(sql, params), 2);
    expect(written).toBe(before.length);
    expect(await ds.query(glance)).toEqual(before);
    expect(await found(t.http, 'nguyen van a')).toEqual([ids.a]);
  });
});
