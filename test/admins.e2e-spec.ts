import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TimerFiring } from '#libs/runtime';
import { startTestApp, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';
import { startNode } from './support/process.js';

const clone = <T>(v: T): T => structuredClone(v);

/** Returning a petition now leads to a state nothing leaves. */
function deadEnd(d: Record<string, any>): void {
  d.machine.states.xemXet.on.TRA_LAI = { target: 'choXuLy' };
  d.machine.states.choXuLy = { meta: { label: { vi: 'Chờ xử lý', en: 'Pending' } } };
}

describe('admins: define workflows as data — validate, simulate, version, publish, migrate', () => {
  let t: TestApp;
  let base: Record<string, any>;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows', queues: 'postgres' });
    base = JSON.parse(await readFile('test/fixtures/workflows/test-approval.json', 'utf8'));
  });
  afterAll(async () => {
    await t.close();
  });

  const validate = async (source: unknown) => (await t.http.post('/api/v1/definitions/validate').send({ source }).expect(200)).body;

  describe('validation that teaches', () => {
    /** One broken definition per check: exactly its path and code. */
    const catalogue: Array<[string, (d: Record<string, any>) => void, string, string]> = [
      ['a target that does not exist', (d) => (d.machine.states.tiepNhan.on.CHUYEN.target = 'khongCo'), '/machine/states/tiepNhan/on/CHUYEN/target', 'invalid_target'],
      ['an unknown guard type', (d) => (d.machine.states.xemXet.on.DUYET.guard = { type: 'eval', params: { code: '1' } }), '/machine/states/xemXet/on/DUYET/guard/type', 'unknown_guard'],
      ['bad guard params', (d) => (d.machine.states.xemXet.on.DUYET.guard = { type: 'hasRole', params: {} }), '/machine/states/xemXet/on/DUYET/guard/params/role', 'invalid_params'],
      ['an unknown action type', (d) => (d.machine.states.tiepNhan.on.CHUYEN.actions = [{ type: 'function () { process.exit(1) }' }]), '/machine/states/tiepNhan/on/CHUYEN/actions/0/type', 'unknown_action'],
      ['an action given as code', (d) => (d.machine.states.tiepNhan.entry = 'alert(1)'), '/machine/states/tiepNhan/entry', 'invalid_type'],
      ['XState timers (after)', (d) => (d.machine.states.tiepNhan.after = { 1000: 'xemXet' }), '/machine/states/tiepNhan/after', 'forbidden_key'],
      ['invoked code (invoke)', (d) => (d.machine.states.tiepNhan.invoke = { src: 'x' }), '/machine/states/tiepNhan/invoke', 'forbidden_key'],
      ['a label without English', (d) => delete d.title.en, '/title/en', 'required'],
      ['an invalid form schema', (d) => (d.events.DUYET.schema = { type: 'object', properties: { a: { type: 'khong-co-kieu' } } }), '/events/DUYET/schema', 'invalid_schema'],
      ['an unreachable state', (d) => (d.machine.states.moCoi = { meta: { label: { vi: 'Mồ côi', en: 'Orphan' } }, on: { TRA_LAI: 'tiepNhan' } }), '/machine/states/moCoi', 'unreachable_state'],
      ['a state with no way out', (d) => deadEnd(d), '/machine/states/choXuLy', 'dead_end'],
      ['a task with no event a person can send', (d) => ((d.events.CHUYEN.kind = 'system'), undefined), '/machine/states/tiepNhan/meta/task/outcomes', 'task_without_human_event'],
      ['a deadline that does nothing', (d) => (d.machine.states.xemXet.meta.deadlines[0] = { key: 'xemXet', after: { days: 3 }, escalate: {} }), '/machine/states/xemXet/meta/deadlines/0', 'deadline_without_handler'],
    ];

    it.each(catalogue)('%s', async (_name, breakIt, path, code) => {
      const d = clone(base);
      breakIt(d);
      const res = await validate(d);
      expect(res.valid).toBe(false);
      expect(res.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, code, message: expect.any(String) })]));
    });

    it('a valid definition validates, with a warning for a role no user holds', async () => {
      const res = await validate(base);
      expect(res).toMatchObject({ valid: true, issues: [] });
      expect(res.warnings.map((w: { path: string }) => w.path)).toEqual(expect.arrayContaining(['/roles/can-bo-tiep-dan']));
    });

    it('random mutations never crash the validator or the server: always 200 with reasons, or a valid result', async () => {
      const paths: string[][] = [];
      const walk = (v: unknown, p: string[]) => {
        paths.push(p);
        if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...p, k]);
      };
      walk(base, []);
      const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), fc.constant('__proto__'));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(), junk, fc.boolean()), { minLength: 1, maxLength: 4 }), async (mutations) => {
          const d = clone(base);
          for (const [i, value, remove] of mutations) {
            const path = paths[i % paths.length];
            if (!path.length) continue;
            let parent: any = d;
            for (const k of path.slice(0, -1)) parent = parent?.[k];
            if (!parent || typeof parent !== 'object') continue;
            if (remove) delete parent[path[path.length - 1]];
            else parent[path[path.length - 1]] = value;
          }
          const res = await t.http.post('/api/v1/definitions/validate').send({ source: d });
          expect(res.status).toBe(200);
          expect(typeof res.body.valid).toBe('boolean');
          if (!res.body.valid) expect(res.body.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('lifecycle, versions and migration', () => {
    it('drafts are edited, diffed, published as the next version; v1 instances stay on v1 until migrated', async () => {
      const old = await t.http.post('/api/v1/instances').send({ definitionKey: 'test-approval', input: { noiDung: 'Kiến nghị số 1' } }).expect(201);
      expect(old.body.definition.version).toBe(1);

      // v2: the chairman's review becomes an appraisal step (thẩm định) with another name.
      const v2 = clone(base);
      v2.machine.states.thamDinh = v2.machine.states.xemXet;
      delete v2.machine.states.xemXet;
      v2.machine.states.tiepNhan.on.CHUYEN.target = 'thamDinh';
      v2.machine.states.thamDinh.meta.deadlines[0].key = 'thamDinh';
      v2.machine.states.thamDinh.meta.label = { vi: 'Thẩm định', en: 'Appraisal' };
      const draft = await t.http.post('/api/v1/definitions').send({ source: { ...v2, title: { vi: 'Bản nháp', en: 'Draft' } } }).expect(201);
      expect(draft.body).toMatchObject({ key: 'test-approval', version: 2, status: 'draft', check: { valid: true } });
      await t.http.post('/api/v1/definitions').send({ source: v2 }).expect(409);
      const edited = await t.http.put('/api/v1/definitions/test-approval/versions/2').send({ source: v2 }).expect(200);
      expect(edited.body.title).toEqual(base.title);
      await t.http.put('/api/v1/definitions/test-approval/versions/1').send({ source: v2 }).expect(409); // published: immutable
      await t.http.post('/api/v1/instances').send({ definitionKey: 'test-approval', version: 2, input: { noiDung: 'x' } }).expect(404); // drafts do not run

      const published = await t.http.post('/api/v1/definitions/test-approval/versions/2/publish').expect(200);
      expect(published.body).toMatchObject({ version: 2, status: 'published', checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const diff = await t.http.get('/api/v1/definitions/test-approval/diff?from=1&to=2').expect(200);
      expect(diff.body.changes).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/machine/states/xemXet', kind: 'removed' }), expect.objectContaining({ path: '/machine/states/thamDinh', kind: 'added' })]));

      const fresh = await t.http.post('/api/v1/instances').send({ definitionKey: 'test-approval', input: { noiDung: 'Kiến nghị số 2' } }).expect(201);
      expect(fresh.body.definition.version).toBe(2);
      await (await t.officer()).post(`/api/v1/instances/${old.body.id}/events`).send({ type: 'CHUYEN' }).expect(200);
      const oldNow = await t.http.get(`/api/v1/instances/${old.body.id}`).expect(200);
      expect(oldNow.body).toMatchObject({ definition: { version: 1 }, state: 'xemXet' }); // never silently moved

      const plan = { fromVersion: 1, toVersion: 2, instanceIds: [old.body.id] };
      const blocked = await t.http.post('/api/v1/definitions/test-approval/migrations').send({ ...plan, dryRun: true }).expect(200);
      expect(blocked.body).toMatchObject({ movable: 0, blocked: 1, instances: [{ instanceId: old.body.id, movable: false, reason: expect.stringContaining('xemXet') }] });
      const dry = await t.http.post('/api/v1/definitions/test-approval/migrations').send({ ...plan, stateMap: { xemXet: 'thamDinh' }, dryRun: true }).expect(200);
      expect(dry.body).toMatchObject({ movable: 1, instances: [{ from: ['xemXet'], to: ['thamDinh'], movable: true }] });
      expect((await t.http.get(`/api/v1/instances/${old.body.id}`).expect(200)).body.definition.version).toBe(1); // a dry run writes nothing

      const applied = await t.http.post('/api/v1/definitions/test-approval/migrations').send({ ...plan, stateMap: { xemXet: 'thamDinh' } }).expect(200);
      expect(applied.body.moved).toEqual([old.body.id]);
      const moved = await t.http.get(`/api/v1/instances/${old.body.id}`).expect(200);
      expect(moved.body).toMatchObject({ definition: { version: 2 }, state: 'thamDinh', deadlines: [expect.objectContaining({ key: 'thamDinh', state: 'thamDinh' })] });
      const history = (await t.http.get(`/api/v1/instances/${old.body.id}/history`).expect(200)).body.items;
      expect(history[history.length - 1]).toMatchObject({ event: { type: 'instance.migrated', payload: { fromVersion: 1, toVersion: 2 } }, from: 'xemXet', to: 'thamDinh', actor: { id: 'admin' } });
      const tasks = await t.app.get(DataSource).query(`SELECT state, status FROM tasks WHERE instance_id = $1 ORDER BY created_seq`, [old.body.id]);
      expect(tasks).toEqual([
        { state: 'tiepNhan', status: 'completed' }, // CHUYEN answers the intake task, whichever route it came by
        { state: 'xemXet', status: 'cancelled' },
        { state: 'thamDinh', status: 'open' },
      ]);
      expect((await t.http.get(`/api/v1/instances/${old.body.id}/history/verify`).expect(200)).body).toMatchObject({ ok: true });

      const chairman = await t.as('chu-tich-migrate', [{ role: 'chu-tich', unit: 'ubnd' }]);
      const task = (await chairman.get('/api/v1/tasks?bucket=claimable&limit=100').expect(200)).body.items.find((x: { instanceId: string }) => x.instanceId === old.body.id);
      expect(task.state).toBe('thamDinh');

      const retired = await t.http.post('/api/v1/definitions/test-approval/versions/1/retire').expect(200);
      expect(retired.body.status).toBe('retired');
      await t.http.post('/api/v1/instances').send({ definitionKey: 'test-approval', version: 1, input: { noiDung: 'x' } }).expect(404);
    });

    it('a migration says per case what happens to claims and deadlines, and keeps both unless told not to', async () => {
      const officer = await t.officer();
      const chairman = await t.as('chu-tich-giu-viec', [{ role: 'chu-tich', unit: 'ubnd' }]);
      const running = await officer.post('/api/v1/instances').send({ definitionKey: 'test-approval', input: { noiDung: 'Kiến nghị về đèn chiếu sáng tổ dân phố 4' } }).expect(201);
      expect(running.body.definition.version).toBe(2);
      await officer.post(`/api/v1/instances/${running.body.id}/events`).send({ type: 'CHUYEN' }).expect(200);
      const before = (await t.http.get(`/api/v1/instances/${running.body.id}`).expect(200)).body;
      const task = (await chairman.get('/api/v1/tasks?bucket=claimable&limit=100').expect(200)).body.items.find((x: { instanceId: string }) => x.instanceId === running.body.id);
      await chairman.post(`/api/v1/tasks/${task.id}/claim`).expect(200);

      // v3 renames the final state's label only: the chairman's step and its limit are the same.
      const latest = (await t.http.get('/api/v1/definitions/test-approval/versions/2').expect(200)).body.source;
      latest.machine.states.daDuyet.meta.label = { vi: 'Đã phê duyệt', en: 'Approved' };
      await t.http.post('/api/v1/definitions').send({ source: latest }).expect(201);
      await t.http.post('/api/v1/definitions/test-approval/versions/3/publish').expect(200);

      const plan = { fromVersion: 2, toVersion: 3, instanceIds: [running.body.id] };
      const dry = (await t.http.post('/api/v1/definitions/test-approval/migrations').send({ ...plan, dryRun: true }).expect(200)).body;
      expect(dry.instances[0]).toMatchObject({
        movable: true,
        tasks: [{ state: 'thamDinh', change: 'kept', assignee: 'chu-tich-giu-viec' }],
        deadlines: [{ key: 'thamDinh', state: 'thamDinh', change: 'kept', dueAt: before.deadlines[0].dueAt, previousDueAt: before.deadlines[0].dueAt }],
      });
      const dropping = (await t.http.post('/api/v1/definitions/test-approval/migrations').send({ ...plan, keepClaims: false, keepDeadlineStarts: false, dryRun: true }).expect(200)).body;
      expect(dropping.instances[0].tasks).toEqual([
        { state: 'thamDinh', change: 'closed', assignee: 'chu-tich-giu-viec', note: expect.stringContaining('keepClaims: false') },
        { state: 'thamDinh', change: 'opened' },
      ]);
      expect(dropping.instances[0].deadlines).toEqual([expect.objectContaining({ key: 'thamDinh', change: 'restarted', previousDueAt: before.deadlines[0].dueAt })]);
      await t.http.post('/api/v1/definitions/test-approval/migrations').send({ ...plan, keepClaims: 'yes', dryRun: true }).expect(400);

      const applied = await t.http.post('/api/v1/definitions/test-approval/migrations').send(plan).expect(200);
      expect(applied.body.moved).toEqual([running.body.id]);
      const after = (await t.http.get(`/api/v1/instances/${running.body.id}`).expect(200)).body;
      expect(after).toMatchObject({ definition: { version: 3 }, state: 'thamDinh' });
      expect(after.deadlines[0].dueAt).toBe(before.deadlines[0].dueAt);
      const open = await t.app.get(DataSource).query(`SELECT id, state, assignee FROM tasks WHERE instance_id = $1 AND status = 'open'`, [running.body.id]);
      expect(open).toEqual([{ id: task.id, state: 'thamDinh', assignee: 'chu-tich-giu-viec' }]);
      const history = (await t.http.get(`/api/v1/instances/${running.body.id}/history`).expect(200)).body.items;
      expect(history[history.length - 1].event.payload).toMatchObject({ tasks: [{ state: 'thamDinh', change: 'kept' }], deadlines: [{ key: 'thamDinh', change: 'kept' }] });
      await chairman.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'DUYET', payload: { soQuyetDinh: '12/QĐ-UBND' } }).expect(200);
    });

    it('diagrams, paths and dry runs help before publishing, and write nothing', async () => {
      const diagram = await t.http.get('/api/v1/definitions/test-approval/versions/2/diagram?format=mermaid').expect(200);
      expect(diagram.headers['content-type']).toContain('text/plain');
      expect(diagram.text).toContain('stateDiagram-v2');
      expect(diagram.text).toContain('Thẩm định');
      const inst = await t.http.post('/api/v1/instances').send({ definitionKey: 'test-approval', input: { noiDung: 'Vẽ sơ đồ' } }).expect(201);
      const marked = await t.http.get(`/api/v1/definitions/test-approval/versions/2/diagram?instance=${inst.body.id}`).expect(200);
      expect(marked.text).toContain('class tiepNhan active');
      // Guards read as sentences, deadlines as notes; ?collapse and ?depth fold compound states (this workflow has none).
      expect(diagram.text).toContain('thamDinh --> daDuyet : Phê duyệt [có vai trò chu-tich và không phải người ở nguoiChuyen]');
      expect(diagram.text).toContain('note right of thamDinh : ⏱ 10 ngày làm việc');
      expect((await t.http.get('/api/v1/definitions/test-approval/versions/2/diagram?collapse=thamDinh,khongCo&depth=1').expect(200)).text).toBe(diagram.text);
      await t.http.get('/api/v1/definitions/test-approval/versions/2/diagram?depth=0').expect(400);
      await t.http.get('/api/v1/definitions/test-approval/versions/2/diagram?collapse=a%3Bb').expect(400);
      // An unsaved text (the editor's live preview) is drawn by the same code; an invalid one gets its problems.
      const source = (await t.http.get('/api/v1/definitions/test-approval/versions/2').expect(200)).body.source;
      const preview = await t.http.post('/api/v1/definitions/diagram').send({ source, lang: 'en' }).expect(200);
      expect(preview.headers['content-type']).toContain('text/plain');
      expect(preview.text).toBe((await t.http.get('/api/v1/definitions/test-approval/versions/2/diagram?lang=en').expect(200)).text);
      const broken = await t.http.post('/api/v1/definitions/diagram').send({ source: { ...source, machine: { ...source.machine, initial: 'khongCo' } } }).expect(400);
      expect(broken.body).toMatchObject({ code: 'DEFINITION_INVALID', details: { issues: [expect.objectContaining({ path: '/machine/initial' })] } });

      const paths = await t.http.get('/api/v1/definitions/test-approval/versions/2/paths').expect(200);
      expect(paths.body.stateCoverage.ratio).toBe(1);
      expect(paths.body.deadEnds).toEqual([]);

      const before = (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM workflow_history`))[0].n;
      const dry = await t.http
        .post('/api/v1/definitions/test-approval/versions/2/dry-run')
        .send({ input: { noiDung: 'Thử' }, steps: [{ type: 'DUYET', payload: { soQuyetDinh: '1' } }, { type: 'CHUYEN' }, { type: 'DUYET', payload: { soQuyetDinh: '2/QĐ' } }] })
        .expect(200);
      expect(dry.body.steps.map((s: { ok: boolean; activeStates: string[] }) => [s.ok, s.activeStates])).toEqual([
        [true, ['tiepNhan']],
        [false, ['tiepNhan']],
        [true, ['thamDinh']],
        [false, ['thamDinh']], // separation of duties: the same actor forwarded it
      ]);
      expect((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM workflow_history`))[0].n).toBe(before);
    });

    it('a dry run takes the start input and acts as a role or a test user: tasks with candidates, due dates on the working calendar, reminders, escalations', async () => {
      const L = (vi: string, en: string) => ({ vi, en });
      const source = {
        key: 'chay-thu-vai-tro',
        title: L('Đăng ký hội nghị (chạy thử)', 'Conference registration (dry run)'),
        roles: { 'van-phong': L('Văn phòng', 'Office'), 'chu-tich': L('Chủ tịch', 'Chairman'), 'pho-chu-tich': L('Phó Chủ tịch', 'Vice-chairman') },
        inputSchema: {
          type: 'object',
          required: ['noiDung', 'soNguoi'],
          properties: { noiDung: { type: 'string', minLength: 3 }, soNguoi: { type: 'integer', minimum: 1, maximum: 1000 } },
        },
        events: {
          TRINH: { label: L('Trình', 'Submit'), kind: 'human' },
          DUYET: { label: L('Duyệt', 'Approve'), kind: 'human' },
          QUA_HAN: { label: L('Quá hạn duyệt', 'Approval overdue'), kind: 'timer' },
        },
        machine: {
          initial: 'tiepNhan',
          states: {
            tiepNhan: {
              meta: { label: L('Tiếp nhận', 'Intake'), task: { title: L('Tiếp nhận đăng ký', 'Take the registration'), roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'], outcomes: ['TRINH'] } },
              on: { TRINH: [{ target: 'chuTichDuyet', guard: { type: 'compare', params: { left: { path: 'context.soNguoi' }, op: '>', right: { value: 200 } } } }, { target: 'xong' }] },
            },
            chuTichDuyet: {
              meta: {
                label: L('Chủ tịch duyệt', "Chairman's approval"),
                task: { title: L('Duyệt hội nghị lớn', 'Approve a large conference'), roles: ['chu-tich'], units: ['ubnd'], priority: 'high', outcomes: ['DUYET'] },
                deadlines: [
                  {
                    key: 'hanDuyet',
                    label: L('Hạn duyệt', 'Approval due'),
                    after: { workingDays: 3 },
                    event: 'QUA_HAN',
                    reminders: [{ before: { workingDays: 1 }, message: L('Sắp đến hạn duyệt', 'Approval due soon') }],
                    escalate: { priority: 'urgent', addRoles: ['pho-chu-tich'], notify: { roles: ['van-phong'], message: L('Quá hạn duyệt hội nghị', 'Conference approval overdue') } },
                  },
                ],
              },
              on: { DUYET: 'xong', QUA_HAN: 'quaHan' },
            },
            xong: { type: 'final', meta: { label: L('Xong', 'Done') } },
            quaHan: { type: 'final', meta: { label: L('Quá hạn', 'Overdue') } },
          },
        },
      };
      const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
      const base = `/api/v1/definitions/chay-thu-vai-tro/versions/${draft.body.version}`;
      // The branch on a large number in the start input is reached by the simulation.
      const paths = (await t.http.get(`${base}/paths`).expect(200)).body;
      expect(paths.stateCoverage).toMatchObject({ ratio: 1, reasons: [] });
      expect(paths.shortest.chuTichDuyet[0].by).toEqual({ roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'], task: 'tiepNhan' });
      await t.as('chu-tich-thu', [{ role: 'chu-tich', unit: 'ubnd' }]);

      // Thursday 12 Feb 2026, 09:00: three working days skip Tết (14–22 Feb): due Tuesday 24 Feb.
      const input = { noiDung: 'Hội nghị tổng kết', soNguoi: 300 };
      const run = (await t.http
        .post(`${base}/dry-run`)
        .send({
          input,
          startAt: '2026-02-12T02:00:00.000Z',
          steps: [
            { type: 'TRINH', as: { roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'] } },
            { type: 'DUYET', as: { roles: ['van-phong'] } },
            { type: 'DUYET', as: { user: 'chu-tich-thu' } },
          ],
        })
        .expect(200)).body;
      const [started, submitted, notHis, approved] = run.steps;
      expect(started).toMatchObject({ ok: true, context: input, tasks: { opened: [{ state: 'tiepNhan', roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'], dueAt: null }] } });
      expect(submitted).toMatchObject({
        ok: true,
        at: '2026-02-12T03:00:00.000Z',
        activeStates: ['chuTichDuyet'],
        actor: { roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'] },
        answers: { state: 'tiepNhan', candidate: true },
        tasks: {
          opened: [{ state: 'chuTichDuyet', roles: ['chu-tich'], units: ['ubnd'], priority: 'high', dueDate: '2026-02-24', dueAt: '2026-02-24T17:00:00.000Z' }],
          closed: ['tiepNhan'],
        },
        deadlines: {
          armed: [
            {
              key: 'hanDuyet',
              state: 'chuTichDuyet',
              dueDate: '2026-02-24',
              dueAt: '2026-02-24T17:00:00.000Z',
              event: 'QUA_HAN',
              // One working day before the last day, at 07:30 on an office morning: Monday 23 Feb.
              reminders: [{ at: '2026-02-23T00:30:00.000Z', roles: ['chu-tich'], message: { vi: 'Sắp đến hạn duyệt', en: 'Approval due soon' } }],
              escalation: { at: '2026-02-24T17:00:00.000Z', priority: 'urgent', addRoles: ['pho-chu-tich'], notify: { roles: ['van-phong'], users: [] } },
            },
          ],
        },
        warnings: [],
      });
      expect(submitted.notifications).toContainEqual(expect.objectContaining({ kind: 'task-assigned', roles: ['chu-tich'], units: ['ubnd'], state: 'chuTichDuyet' }));
      // Acting as a role that is not the task's candidate: refused as a real case would.
      expect(notHis).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' }, activeStates: ['chuTichDuyet'], answers: { state: 'chuTichDuyet', candidate: false } });
      expect(approved).toMatchObject({ ok: true, status: 'done', activeStates: ['xong'], actor: { id: 'chu-tich-thu', user: 'chu-tich-thu', roles: ['chu-tich'] }, deadlines: { cancelled: ['hanDuyet'] } });

      // As the caller (an admin, no workflow role): taken, with a warning; the deadline's event falls due at the deadline, sent by the system, with its escalation.
      const late = (await t.http.post(`${base}/dry-run`).send({ input, startAt: '2026-02-12T02:00:00.000Z', steps: [{ type: 'TRINH' }, { type: 'QUA_HAN' }] }).expect(200)).body.steps;
      expect(late[1]).toMatchObject({ ok: true, warnings: [{ code: 'not_allowed', message: expect.stringContaining('a real case would refuse this step') }] });
      expect(late[2]).toMatchObject({ ok: true, at: '2026-02-24T17:00:00.000Z', firesDeadline: 'hanDuyet', actor: { id: 'system' }, activeStates: ['quaHan'] });
      expect(late[2].notifications).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'escalation', roles: ['pho-chu-tich'], units: ['ubnd'] }),
          expect.objectContaining({ kind: 'escalation', roles: ['van-phong'], title: { vi: 'Quá hạn duyệt hội nghị', en: 'Conference approval overdue' } }),
        ]),
      );
      // A small number takes the other branch; an unknown test user is named.
      const small = (await t.http.post(`${base}/dry-run`).send({ input: { ...input, soNguoi: 20 }, as: { roles: ['van-phong'] }, steps: [{ type: 'TRINH' }] }).expect(200)).body.steps;
      expect(small[1]).toMatchObject({ ok: true, activeStates: ['xong'], actor: { roles: ['van-phong'] } });
      const unknown = await t.http.post(`${base}/dry-run`).send({ input, steps: [{ type: 'TRINH', as: { user: 'khong-co-ai' } }] }).expect(400);
      expect(unknown.body.details.problems).toEqual([{ field: 'steps[0].as.user', reason: expect.stringContaining('khong-co-ai') }]);
      expect((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM workflow_instances WHERE definition_key = 'chay-thu-vai-tro'`))[0].n).toBe(0);
    });

    it('a definition names who may start it: others are refused with 403, the list says who may, an unknown role is named', async () => {
      const source = {
        key: 'dang-ky-hoi-truong',
        title: { vi: 'Đăng ký sử dụng hội trường', en: 'Booking the ward hall' },
        roles: { 'van-phong': { vi: 'Văn phòng HĐND-UBND', en: "People's Council and Committee office" } },
        startableBy: { roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'] },
        events: { XONG: { label: { vi: 'Xác nhận', en: 'Confirm' }, kind: 'human' } },
        machine: {
          initial: 'kiemTra',
          states: {
            kiemTra: { meta: { label: { vi: 'Kiểm tra', en: 'Check' }, task: { title: { vi: 'Kiểm tra đăng ký', en: 'Check the request' }, roles: ['van-phong'], outcomes: ['XONG'] } }, on: { XONG: 'xong' } },
            xong: { type: 'final', meta: { label: { vi: 'Xong', en: 'Done' } } },
          },
        },
      };
      const wrong = await validate({ ...source, startableBy: { roles: ['khong-co'] } });
      expect(wrong.issues).toContainEqual(expect.objectContaining({ path: '/startableBy/roles/0', code: 'unknown_role' }));
      const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
      await t.http.post(`/api/v1/definitions/dang-ky-hoi-truong/versions/${draft.body.version}/publish`).expect(200);
      const listed = (await t.http.get('/api/v1/definitions').expect(200)).body.items.find((d: { key: string }) => d.key === 'dang-ky-hoi-truong');
      expect(listed.startableBy).toEqual({ roles: ['van-phong'], units: ['van-phong-hdnd-ubnd'] });

      const elsewhere = await t.as('van-phong-don-vi-khac', [{ role: 'van-phong', unit: 'ubnd' }]);
      const refused = await elsewhere.post('/api/v1/instances').send({ definitionKey: 'dang-ky-hoi-truong' }).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Văn phòng HĐND-UBND') });
      await t.http.post('/api/v1/instances').send({ definitionKey: 'dang-ky-hoi-truong' }).expect(403); // an admin holds no workflow role
      expect((await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM workflow_instances WHERE definition_key = 'dang-ky-hoi-truong'`))[0].n).toBe(0);
      const office = await t.as('van-phong-1', [{ role: 'van-phong', unit: 'van-phong-hdnd-ubnd' }]);
      await office.post('/api/v1/instances').send({ definitionKey: 'dang-ky-hoi-truong' }).expect(201);
    });

    it('a published definition that refuses a step at run time answers 400 naming the deadline, changes nothing, and is in the admins\' audit log', async () => {
      const L = (vi: string, en: string) => ({ vi, en });
      // Valid, but the calendar cannot count 100 years from the date this case gives (it ends in 2199).
      const source = {
        key: 'han-qua-xa',
        title: L('Thời hạn vượt lịch (kiểm thử)', 'A limit beyond the calendar (test)'),
        roles: { 'can-bo': L('Cán bộ', 'Officer') },
        inputSchema: { type: 'object', required: ['ngayHen'], properties: { ngayHen: { type: 'string', format: 'date' } } },
        context: { ngayHen: null },
        events: { GUI: { label: L('Gửi', 'Send'), kind: 'human' }, XONG: { label: L('Xong', 'Done'), kind: 'human' }, HET_GIO: { label: L('Hết giờ', 'Time is up'), kind: 'timer' } },
        machine: {
          initial: 'nhap',
          states: {
            nhap: {
              meta: { label: L('Nháp', 'Draft'), task: { title: L('Gửi', 'Send'), roles: ['can-bo'], outcomes: ['GUI'] }, deadlines: [{ key: 'hanNhap', after: { duration: 'PT1H' }, event: 'HET_GIO' }] },
              on: { GUI: 'choXuLy', HET_GIO: 'choXuLy' },
            },
            choXuLy: {
              meta: { label: L('Chờ xử lý', 'Waiting'), task: { title: L('Xử lý', 'Handle'), roles: ['can-bo'], outcomes: ['XONG'] }, deadlines: [{ key: 'hanXa', after: { days: 36500 }, from: { context: 'ngayHen' } }] },
              on: { XONG: 'xong' },
            },
            xong: { type: 'final', meta: { label: L('Xong', 'Done') } },
          },
        },
      };
      // What the validator can see is refused there: an ISO duration longer than 100 years.
      const tooLong = structuredClone(source) as any;  
      tooLong.machine.states.choXuLy.meta.deadlines = [{ key: 'hanXa', after: { duration: 'P300Y' } }];
      expect((await validate(tooLong)).issues).toEqual([expect.objectContaining({ path: '/machine/states/choXuLy/meta/deadlines/0/after/duration', code: 'duration_too_long' })]);

      const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
      const pub = await t.http.post(`/api/v1/definitions/han-qua-xa/versions/${draft.body.version}/publish`);
      expect(pub.body).toMatchObject({ status: 'published' });
      const officer = await t.officer();
      const started = await officer.post('/api/v1/instances').send({ definitionKey: 'han-qua-xa', input: { ngayHen: '2150-06-01' } }).expect(201);
      const refused = await officer.post(`/api/v1/instances/${started.body.id}/events`).send({ type: 'GUI' }).expect(400);
      expect(refused.body).toMatchObject({ code: 'DEFINITION_INVALID', details: { issues: [expect.objectContaining({ path: '/machine/states/choXuLy/meta/deadlines', code: 'deadline_not_computable' })] } });
      expect((await officer.get(`/api/v1/instances/${started.body.id}`).expect(200)).body).toMatchObject({ state: 'nhap', revision: 1 });
      const refusals = async () => (await t.http.get('/api/v1/audit/log').query({ action: 'definition.runtime_refusal', subject: 'han-qua-xa' }).expect(200)).body.items;
      expect(await refusals()).toEqual([expect.objectContaining({ subjectId: `han-qua-xa@${draft.body.version}`, data: expect.objectContaining({ instanceId: started.body.id, event: 'GUI', cause: 'event' }) })]);

      // The same refusal when the deadline moves the case: the job fails (and is retried), the case
      // stays, and the admins are told once, however often it is retried.
      const db = t.app.get(DataSource);
      const [timer] = await db.query(`SELECT id, job_id FROM timers WHERE instance_id = $1 AND status = 'pending'`, [started.body.id]);
      const firing = t.app.get(TimerFiring);
      for (let attempt = 0; attempt < 2; attempt++) {
        await expect(firing.fireTimer(timer.id, timer.job_id, new Date(Date.now() + 2 * 3600_000))).rejects.toMatchObject({ code: 'DEFINITION_INVALID' });
      }
      expect((await officer.get(`/api/v1/instances/${started.body.id}`).expect(200)).body).toMatchObject({ state: 'nhap', revision: 1 });
      const logged = await refusals();
      expect(logged).toHaveLength(2);
      expect(logged[1]).toMatchObject({ actorId: 'system', data: { instanceId: started.body.id, event: 'hanNhap', cause: 'deadline', timerId: timer.id } });
      expect((await t.http.get('/api/v1/audit/log').query({ action: 'definition.runtime_refusal', subject: 'khac' }).expect(200)).body.items).toEqual([]);

      // Repair by migration. A version whose new deadline counts from a date the case lacks cannot
      // take it (the reason names the field; nothing is replaced by the moment of the move) ...
      const publish = async (changed: typeof source) => {
        const next = await t.http.post('/api/v1/definitions').send({ source: changed }).expect(201);
        await t.http.post(`/api/v1/definitions/han-qua-xa/versions/${next.body.version}/publish`).expect(200);
        return next.body.version as number;
      };
      const lacking = structuredClone(source) as any;  
      lacking.context.ngayNop = null;
      lacking.machine.states.nhap.meta.deadlines = [{ key: 'hanNop', after: { workingDays: 2 }, from: { context: 'ngayNop' }, event: 'HET_GIO' }];
      const v2 = await publish(lacking);
      const plan = { fromVersion: draft.body.version, toVersion: v2, instanceIds: [started.body.id] };
      const dry = (await t.http.post('/api/v1/definitions/han-qua-xa/migrations').send({ ...plan, dryRun: true }).expect(200)).body;
      expect(dry).toMatchObject({ movable: 0, blocked: 1, instances: [{ movable: false, reason: expect.stringContaining('context.ngayNop') }] });
      expect((await t.http.post('/api/v1/definitions/han-qua-xa/migrations').send(plan).expect(200)).body).toMatchObject({ moved: [], blocked: [{ reason: expect.stringContaining('ngayNop') }] });
      // ... and a corrected one moves it, after which the step goes through.
      const fixed = structuredClone(source) as any;  
      fixed.machine.states.choXuLy.meta.deadlines = [{ key: 'hanXa', after: { days: 30 } }];
      const v3 = await publish(fixed);
      const moved = await t.http.post('/api/v1/definitions/han-qua-xa/migrations').send({ ...plan, toVersion: v3 }).expect(200);
      expect(moved.body.moved).toEqual([started.body.id]);
      await officer.post(`/api/v1/instances/${started.body.id}/events`).send({ type: 'GUI' }).expect(200);
    });

    it('an admin-defined workflow published through the API runs end to end with no restart', async () => {
      const source = {
        key: 'y-kien-mttq',
        title: { vi: 'Lấy ý kiến Mặt trận', en: "Fatherland Front's opinion" },
        roles: { mttq: { vi: 'Ủy ban MTTQ', en: 'Fatherland Front committee' } },
        events: {
          GOP_Y: { label: { vi: 'Góp ý', en: 'Give an opinion' }, kind: 'human', schema: { type: 'object', required: ['yKien'], properties: { yKien: { type: 'string', minLength: 2 } } } },
          HET_HAN: { label: { vi: 'Hết hạn góp ý', en: 'Time is up' }, kind: 'timer' },
        },
        machine: {
          initial: 'layYKien',
          states: {
            layYKien: {
              meta: {
                label: { vi: 'Lấy ý kiến', en: 'Collecting opinions' },
                task: { title: { vi: 'Góp ý dự thảo', en: 'Comment on the draft' }, roles: ['mttq'], units: ['mttq'], outcomes: ['GOP_Y'] },
                deadlines: [{ key: 'hanGopY', after: { duration: 'PT2S' }, event: 'HET_HAN' }],
              },
              on: { GOP_Y: { target: 'daGopY', actions: [{ type: 'assign', params: { set: { yKien: { path: 'payload.yKien' } } } }] }, HET_HAN: 'quaHan' },
            },
            daGopY: { type: 'final', meta: { label: { vi: 'Đã góp ý', en: 'Opinion given' } } },
            quaHan: { type: 'final', meta: { label: { vi: 'Quá hạn góp ý', en: 'No opinion in time' } } },
          },
        },
      };
      const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
      await t.http.post(`/api/v1/definitions/y-kien-mttq/versions/${draft.body.version}/publish`).expect(200);
      const front = await t.as('mttq-1', [{ role: 'mttq', unit: 'mttq' }]);
      const a = await t.http.post('/api/v1/instances').send({ definitionKey: 'y-kien-mttq' }).expect(201);
      const task = (await front.get('/api/v1/tasks?definitionKey=y-kien-mttq').expect(200)).body.items.find((x: { instanceId: string }) => x.instanceId === a.body.id);
      await front.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
      const done = await front.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'GOP_Y', payload: { yKien: 'Đồng ý với dự thảo' } }).expect(200);
      expect(done.body.instance).toMatchObject({ state: 'daGopY', status: 'done', context: { yKien: 'Đồng ý với dự thảo' } });
      const b = await t.http.post('/api/v1/instances').send({ definitionKey: 'y-kien-mttq' }).expect(201);
      await eventually(async () => (await t.http.get(`/api/v1/instances/${b.body.id}`)).body.state === 'quaHan', 15000, 'the deadline of the new workflow');
    });

    it('the CLI validates, simulates, draws, and publishes and migrates against a running server', async () => {
      const server = await t.app.listen(0, '127.0.0.1');
      const port = (server.address() as { port: number }).port;
      const token = (await t.http.post('/api/v1/me/tokens').send({ name: 'CLI' }).expect(201)).body.token;
      const cli = async (args: string[]) => {
        const p = startNode('dist/apps/cli/src/main.js', { PHOIHOP_TOKEN: token, PHOIHOP_SERVER: `http://127.0.0.1:${port}` }, args);
        const { code } = await p.exited;
        return { code, out: p.output() };
      };
      expect(await cli(['validate', 'test/fixtures/workflows/test-approval.json'])).toMatchObject({ code: 0 });
      const simulated = await cli(['simulate', 'test/fixtures/workflows/test-approval.json']);
      expect(simulated).toMatchObject({ code: 0, out: expect.stringContaining('states covered: 100 %') });
      expect((await cli(['diagram', 'test/fixtures/workflows/test-approval.json'])).out).toContain('stateDiagram-v2');

      const dir = await mkdtemp(join(tmpdir(), 'phoihop-cli-'));
      try {
        const source = clone(base);
        source.key = 'cli-published';
        await writeFile(join(dir, 'def.json'), JSON.stringify(source));
        const published = await cli(['publish', join(dir, 'def.json')]);
        expect(published).toMatchObject({ code: 0, out: expect.stringContaining('published cli-published v1') });
        source.title.vi = 'Xử lý kiến nghị (bản 2)';
        await writeFile(join(dir, 'def.json'), JSON.stringify(source));
        expect((await cli(['publish', join(dir, 'def.json')])).out).toContain('published cli-published v2');
        await t.http.post('/api/v1/instances').send({ definitionKey: 'cli-published', version: 1, input: { noiDung: 'Qua CLI' } }).expect(201);
        await writeFile(join(dir, 'plan.json'), JSON.stringify({ definitionKey: 'cli-published', fromVersion: 1, toVersion: 2 }));
        const dry = await cli(['migrate', '--plan', join(dir, 'plan.json'), '--dry-run']);
        expect(dry).toMatchObject({ code: 0, out: expect.stringContaining('1 can move, 0 cannot') });
        expect(dry.out).toContain('task tiepNhan: kept');
        expect((await cli(['migrate', '--plan', join(dir, 'plan.json')])).out).toContain('moved 1; blocked 0');
        source.machine.states.tiepNhan.on.CHUYEN.target = 'khongCo';
        await writeFile(join(dir, 'bad.json'), JSON.stringify(source));
        const bad = await cli(['validate', join(dir, 'bad.json')]);
        expect(bad).toMatchObject({ code: 1, out: expect.stringContaining('/machine/states/tiepNhan/on/CHUYEN/target') });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('publishing is refused while the draft is invalid; auditors cannot touch definitions', async () => {
      const broken = clone(base);
      broken.key = 'hong';
      deadEnd(broken);
      const draft = await t.http.post('/api/v1/definitions').send({ source: broken }).expect(201);
      expect(draft.body.check).toMatchObject({ valid: false });
      const refused = await t.http.post(`/api/v1/definitions/hong/versions/${draft.body.version}/publish`).expect(400);
      expect(refused.body.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'dead_end' })]));
      const auditor = await t.as('kiem-tra-dn', [{ role: 'auditor', unit: 'phuong-an-phong' }]);
      await auditor.post('/api/v1/definitions').send({ source: base }).expect(403);
      await auditor.post(`/api/v1/definitions/hong/versions/${draft.body.version}/publish`).expect(403);
      const approver = await t.as('tiep-dan-dn', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
      await approver.post('/api/v1/definitions').send({ source: base }).expect(403);
      await t.http.delete(`/api/v1/definitions/hong/versions/${draft.body.version}`).expect(204);
    });
  });
});
