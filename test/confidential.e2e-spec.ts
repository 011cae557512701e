import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { CONFIDENTIAL_MASK } from '#libs/engine';
import { IdentityService } from '#libs/identity';
import { ConfidentialReads, DefinitionsService } from '#libs/runtime';
import { startTestApp, TEST_PASSWORD, testDelivery, type TestAgent, type TestApp } from './support/app.js';
import { launchBrowser, newPage } from './support/browser.js';
import { binary } from './support/download.js';
import { eventually } from './support/eventually.js';
import { TestSmtpServer } from './support/smtp.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

type Json = Record<string, any>;

const PUBLIC_URL = 'https://phoihop.anphong.test';
/** A denunciation whose denouncer the Law on Denunciations 2018 keeps secret (name, address, phone). */
const INPUT = {
  maDon: 'TC-2026-BM-01',
  nguoiToCao: 'Trần Văn Kín Danh',
  diaChiNguoiToCao: 'Số 9 ngõ Bí Mật, phường An Phong',
  soDienThoaiNguoiToCao: '0987000111',
  nguoiBiToCao: 'Lê Văn Bị Tố',
  noiDung: 'Tố cáo việc nhận tiền của người dân khi làm thủ tục đất đai',
  ngayNhanDon: '2026-11-02',
};
const SECRETS = [INPUT.nguoiToCao, INPUT.diaChiNguoiToCao, INPUT.soDienThoaiNguoiToCao];
const FIELDS = ['nguoiToCao', 'diaChiNguoiToCao', 'soDienThoaiNguoiToCao'];
const MASKED = { nguoiToCao: CONFIDENTIAL_MASK, diaChiNguoiToCao: CONFIDENTIAL_MASK, soDienThoaiNguoiToCao: CONFIDENTIAL_MASK };
const CLEAR = { nguoiToCao: INPUT.nguoiToCao, diaChiNguoiToCao: INPUT.diaChiNguoiToCao, soDienThoaiNguoiToCao: INPUT.soDienThoaiNguoiToCao };

/** Nothing of the denouncer anywhere in this text (a body, a mail, an export). */
const revealsNothing = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

/** A small definition whose emit reads a confidential field: what a webhook receiver is told. */
const EMITTING = {
  key: 'test-confidential-emit',
  title: { vi: 'Thử giữ bí mật', en: 'Confidentiality test' },
  roles: { 'can-bo-xu-ly-don': { vi: 'Cán bộ xử lý đơn', en: 'Letter-handling officer' } },
  inputSchema: { type: 'object', properties: { nguoiToCao: { type: 'string' }, noiDung: { type: 'string' } } },
  context: { nguoiToCao: null, noiDung: null },
  summary: '{noiDung}',
  fields: {
    nguoiToCao: { label: { vi: 'Người tố cáo', en: 'Denouncer' }, confidential: { roles: ['can-bo-xu-ly-don'], units: ['van-phong-hdnd-ubnd'] } },
    noiDung: { label: { vi: 'Nội dung', en: 'Content' } },
  },
  events: { XONG: { label: { vi: 'Xong', en: 'Done' }, kind: 'human', sentBy: { roles: ['can-bo-xu-ly-don'] } } },
  machine: {
    initial: 'xuLy',
    states: {
      xuLy: {
        on: {
          XONG: {
            target: 'xong',
            actions: [{ type: 'emit', params: { topic: 'thu.bi-mat', data: { nguoiToCao: { path: 'context.nguoiToCao' }, noiDung: { path: 'context.noiDung' } } } }],
          },
        },
      },
      xong: { type: 'final' },
    },
  },
};

/**
 * Confidential fields end to end (issue 18 item 4), on the shipped denunciation workflow: the
 * people who handle the case read the denouncer's identity and each read is in the audit log;
 * an officer of another unit who sees the case, an auditor, an admin, the audit search and its
 * exports, the report, an e-mail and a webhook payload see masks; the hash chain still verifies.
 */
describe('confidential fields: the denouncer kept secret', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let receiver: WebhookReceiver;
  let receptionist: TestAgent;
  let handler: TestAgent;
  let colleague: TestAgent;
  let chairman: TestAgent;
  let otherUnit: TestAgent;
  let auditor: TestAgent;
  let id: string;

  const view = async (agent: TestAgent) => (await agent.get(`/api/v1/instances/${id}`).expect(200)).body as Json;
  const history = async (agent: TestAgent) => (await agent.get(`/api/v1/instances/${id}/history`).expect(200)).body.items as Json[];
  const reads = async (actor?: string) =>
    ((await auditor.get('/api/v1/audit/log').query({ action: 'confidential.read', subject: id, limit: 500 }).expect(200)).body.items as Json[]).filter((e) => !actor || e.actorId === actor);
  const openTask = async (agent: TestAgent, state: string) => ((await agent.get(`/api/v1/instances/${id}/tasks`).expect(200)).body.items as Json[]).find((k) => k.state === state && k.status === 'open')!;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    receiver = await new WebhookReceiver().start();
    t = await startTestApp({
      workflowsDir: 'workflows',
      queues: 'postgres',
      scheduler: testDelivery(smtp.url, PUBLIC_URL),
      documents: { soffice: null },
    });
    await t.app.get(DefinitionsService).publish(EMITTING);
    const created = (await t.http.post('/api/v1/webhooks').send({ url: receiver.url('/bi-mat'), topics: ['*'] }).expect(201)).body as Json;
    receiver.secret('/bi-mat', created.secret);
    receptionist = await t.as('tiep-dan-bm', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    handler = await t.as('xu-ly-don-bm', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]);
    colleague = await t.as('xu-ly-don-bm-2', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]);
    const user = await t.app.get(IdentityService).findByUsername('xu-ly-don-bm-2');
    await t.http.patch(`/api/v1/users/${user!.id}`).send({ email: 'xu-ly-don-bm-2@anphong.test' }).expect(200);
    chairman = await t.as('chu-tich-bm', [{ role: 'chu-tich', unit: 'ubnd' }]);
    otherUnit = await t.as('xac-minh-kinh-te', [{ role: 'can-bo-xac-minh', unit: 'phong-kinh-te' }]);
    auditor = await t.as('kiem-toan-bm', [{ role: 'auditor', unit: 'phuong-an-phong' }]);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await receiver?.stop();
  });

  it('the receiving officer who registers the letter reads it back, and the read is logged', async () => {
    const started = (await receptionist.post('/api/v1/instances').send({ definitionKey: 'denunciation', businessKey: INPUT.maDon, input: INPUT }).expect(201)).body as Json;
    id = started.id;
    expect(started.context).toMatchObject(CLEAR);
    expect(started.summary).toBe(`${INPUT.nguoiBiToCao}: ${INPUT.noiDung}`);
    const [entry] = await reads('tiep-dan-bm');
    expect(entry).toMatchObject({ action: 'confidential.read', subjectType: 'instance', subjectId: id, data: { definition: 'denunciation@1', fields: FIELDS, via: 'event' } });
    expect(entry.at).toEqual(expect.any(String));
  });

  it('a candidate who has not taken the task sees masks; once they take it they read, and the read is logged', async () => {
    expect((await view(handler)).context).toMatchObject(MASKED);
    expect(await reads('xu-ly-don-bm')).toEqual([]);
    const task = await openTask(handler, 'xuLyBanDau');
    await handler.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    const read = await view(handler);
    expect(read.context).toMatchObject(CLEAR);
    expect((await history(handler))[0].event.payload).toMatchObject(CLEAR);
    const logged = await reads('xu-ly-don-bm');
    expect(logged.map((e) => e.data.via)).toEqual(['instance', 'history']);
    expect(logged.every((e) => JSON.stringify(e.data.fields) === JSON.stringify(FIELDS))).toBe(true);
    revealsNothing(JSON.stringify(logged)); // the log names the fields, never their values
  });

  it('a delegation e-mail (a real SMTP server) names the case by its key, never the denouncer', async () => {
    const task = await openTask(handler, 'xuLyBanDau');
    await handler.post(`/api/v1/tasks/${task.id}/delegate`).send({ to: 'xu-ly-don-bm-2', reason: 'Nghỉ phép' }).expect(200);
    const mail = await eventually(async () => smtp.to('xu-ly-don-bm-2@anphong.test').find((m) => m.text.includes(`/cases/${id}`)), 30_000, 'the delegation mail');
    expect(mail.text).toContain(INPUT.maDon);
    revealsNothing(`${mail.subject}\n${mail.text}\n${mail.html}`);
    // The delegatee now holds the task: they read; the handler no longer does.
    expect((await view(colleague)).context).toMatchObject(CLEAR);
    expect((await view(handler)).context).toMatchObject(MASKED);
    const done = (await colleague.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'PHAN_LOAI', payload: { ketQua: 'thu-ly' } }).expect(200)).body as Json;
    expect(done.instance.context).toMatchObject(CLEAR);
  });

  it('the chairman reads by his role; an officer of another unit, candidate of the verification, sees masks everywhere', async () => {
    const thuLy = await openTask(chairman, 'quyetDinhThuLy');
    const decided = (await chairman.post(`/api/v1/tasks/${thuLy.id}/complete`).send({ outcome: 'THU_LY', payload: { soQuyetDinh: '21/QĐ-UBND', ngayThuLy: '2026-11-06' } }).expect(200)).body as Json;
    expect(decided.instance.context).toMatchObject(CLEAR);
    expect((await reads('chu-tich-bm')).length).toBeGreaterThan(0);
    const notice = await openTask(colleague, 'giaiQuyet.thongBaoThuLy');
    await colleague.post(`/api/v1/tasks/${notice.id}/complete`).send({ outcome: 'THONG_BAO_THU_LY', payload: {} }).expect(200);

    // A verifier of Phòng Kinh tế may take the verification: he sees the case, not the denouncer.
    const other = await view(otherUnit);
    expect(other.context).toMatchObject(MASKED);
    expect(other.context.nguoiBiToCao).toBe(INPUT.nguoiBiToCao);
    const rows = await history(otherUnit);
    expect(rows[0].event.payload).toMatchObject(MASKED);
    revealsNothing(JSON.stringify(rows));
    revealsNothing(JSON.stringify((await otherUnit.get(`/api/v1/instances/${id}/state`).query({ seq: 1 }).expect(200)).body));
    revealsNothing(JSON.stringify((await otherUnit.get('/api/v1/instances').query({ definitionKey: 'denunciation' }).expect(200)).body));
    expect(await reads('xac-minh-kinh-te')).toEqual([]);

    // The notice of acceptance is addressed to the denouncer (its template prints his name): only his
    // readers open it, and opening it is a logged read. He sees the paper is there, not its bytes.
    const paper = ((await otherUnit.get(`/api/v1/instances/${id}/files`).expect(200)).body.items as Json[]).find((f) => f.field === 'documents/thong-bao-thu-ly-to-cao');
    expect(paper).toBeDefined();
    await otherUnit.get(`/api/v1/files/${paper!.id}/content`).expect(404);
    await auditor.get(`/api/v1/files/${paper!.id}/content`).expect(404);
    await colleague.get(`/api/v1/files/${paper!.id}/content`).buffer(true).parse(binary).expect(200);
    expect((await reads('xu-ly-don-bm-2')).find((e) => e.data.via === 'file')?.data).toMatchObject({ fileId: paper!.id, fields: ['nguoiToCao'] });
    expect(await reads('xac-minh-kinh-te')).toEqual([]);
  });

  it('the verifier who takes the verification reads (the actors of the named steps)', async () => {
    const verifier = await t.as('xac-minh-vhxh', [{ role: 'can-bo-xac-minh', unit: 'phong-van-hoa-xa-hoi' }]);
    expect((await view(verifier)).context).toMatchObject(MASKED);
    const task = await openTask(verifier, 'giaiQuyet.xacMinh');
    await verifier.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    expect((await view(verifier)).context).toMatchObject(CLEAR);
    expect((await reads('xac-minh-vhxh')).map((e) => e.data.via)).toEqual(['instance']);
  });

  it('an auditor sees masks in the case, its history, its replay, the audit search and the CSV, NDJSON and XLSX exports', async () => {
    revealsNothing(JSON.stringify(await view(auditor)));
    expect((await view(auditor)).context).toMatchObject(MASKED);
    const rows = await history(auditor);
    expect(rows[0].event.payload).toMatchObject(MASKED);
    const replayed = (await auditor.get(`/api/v1/instances/${id}/state`).query({ seq: 1 }).expect(200)).body as Json;
    expect(replayed.context).toMatchObject(MASKED);
    const search = (await auditor.get('/api/v1/audit').query({ definitionKey: 'denunciation', limit: 200 }).expect(200)).body as Json;
    const start = search.items.find((r: Json) => r.instanceId === id && r.seq === 1);
    expect(start.payload).toMatchObject(MASKED);
    // The hash is the stored row's: the audit search shows the very hash the chain verifies.
    expect(start.hash).toBe(rows[0].hash);
    revealsNothing(JSON.stringify(search));
    for (const format of ['csv', 'ndjson']) {
      const text = (await auditor.get('/api/v1/audit/export').query({ definitionKey: 'denunciation', format }).buffer(true).parse(binary).expect(200)).body.toString('utf8');
      expect(text).toContain(INPUT.maDon);
      expect(text).toContain(CONFIDENTIAL_MASK);
      revealsNothing(text);
    }
    const xlsx = (await auditor.get('/api/v1/reports/program').query({ period: '2026', format: 'xlsx' }).buffer(true).parse(binary).expect(200)).body as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as never);
    const cells: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    expect(cells.length).toBeGreaterThan(0);
    revealsNothing(cells.join('\n'));
    revealsNothing(JSON.stringify((await auditor.get('/api/v1/audit/log').query({ subject: id, limit: 500 }).expect(200)).body));
    expect(await reads('kiem-toan-bm')).toEqual([]);
  });

  it('admins are not exempt; with CONFIDENTIAL_ADMIN_EXEMPT they read and the log says it was the exemption', async () => {
    expect((await view(t.http)).context).toMatchObject(MASKED);
    expect(await reads('admin')).toEqual([]);
    const setting = t.app.get(ConfidentialReads);
    setting.setAdminExempt(true);
    try {
      expect((await view(t.http)).context).toMatchObject(CLEAR);
    } finally {
      setting.setAdminExempt(false);
    }
    const [entry] = await reads('admin');
    expect(entry.data).toMatchObject({ fields: FIELDS, via: 'instance', exempt: 'admin', setting: 'CONFIDENTIAL_ADMIN_EXEMPT' });
    expect((await view(t.http)).context).toMatchObject(MASKED);
  });

  it('the search text never holds the denouncer: searching for his name finds nothing', async () => {
    const found = (await t.http.get('/api/v1/instances').query({ q: 'Kín Danh' }).expect(200)).body.items as Json[];
    expect(found.map((i) => i.id)).not.toContain(id);
    const byAccused = (await t.http.get('/api/v1/instances').query({ q: 'le van bi to' }).expect(200)).body.items as Json[];
    expect(byAccused.map((i) => i.id)).toContain(id);
  });

  it('webhook payloads carry masks: the lifecycle events say nothing of him, an emit of his name carries the mask', async () => {
    const forCase = async () => receiver.on('/bi-mat').filter((r) => r.verified?.data.instanceId === id);
    await eventually(async () => ((await forCase()).some((r) => r.verified?.type === 'task.created') ? true : undefined), 30_000, 'the webhooks of the case');
    revealsNothing(JSON.stringify(await forCase()));

    const writer = await t.as('xu-ly-don-bm');
    const emitting = (await writer.post('/api/v1/instances').send({ definitionKey: EMITTING.key, input: { nguoiToCao: INPUT.nguoiToCao, noiDung: 'Thử' } }).expect(201)).body as Json;
    await writer.post(`/api/v1/instances/${emitting.id}/events`).send({ type: 'XONG' }).expect(200);
    const emitted = await eventually(async () => receiver.on('/bi-mat').find((r) => r.verified?.data.instanceId === emitting.id && r.verified?.type === 'emit.thu.bi-mat'), 30_000, 'the emit');
    expect(emitted.verified!.data.payload).toEqual({ nguoiToCao: CONFIDENTIAL_MASK, noiDung: 'Thử' });
    revealsNothing(emitted.body);
  });

  it('the web app shows "Được giữ bí mật" where the value is masked, and the value to the people who handle the case', async () => {
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const caseText = async (username: string) => {
        const { page, context } = await newPage(browser!, base);
        await page.goto('/');
        await page.getByLabel('Tên đăng nhập').fill(username);
        await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await page.getByTestId('user-box').waitFor({ state: 'attached' });
        await page.goto(`/cases/${id}`);
        await page.getByTestId('case-context').locator('summary').click();
        await page.getByTestId('case-data').getByText(INPUT.nguoiBiToCao).first().waitFor();
        const text = await page.getByTestId('case-data').innerText();
        await context.close();
        return text;
      };
      const other = await caseText('xac-minh-kinh-te');
      expect(other).toContain('Được giữ bí mật');
      expect(other).not.toContain(CONFIDENTIAL_MASK);
      revealsNothing(other);
      const handling = await caseText('xac-minh-vhxh');
      expect(handling).toContain(INPUT.nguoiToCao);
      expect(handling).toContain(INPUT.diaChiNguoiToCao);
    } finally {
      await browser?.close();
    }
  });

  it('verification still passes: the case chain replays and the global ledger verifies, revealing nothing', async () => {
    const checked = (await auditor.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body as Json;
    expect(checked).toMatchObject({ ok: true, instanceId: id });
    revealsNothing(JSON.stringify(checked));
    await t.http.post('/api/v1/audit/seal').expect(200);
    const ledger = (await auditor.get('/api/v1/audit/verify').expect(200)).body as Json;
    expect(ledger.ok).toBe(true);
    revealsNothing(JSON.stringify(ledger));
  });
});
