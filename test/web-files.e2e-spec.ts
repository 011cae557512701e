// Attachments in a real browser (Debian's Chromium through playwright-core) against the real API:
// the generated form's file field shows the limits before anything is sent, turns away what it
// can tell is wrong, uploads the rest with a progress bar and shows the server's refusals; the
// case page lists the attached documents and downloads them byte for byte.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/app.js';
import { launchBrowser, newPage, screenshot, type BrowserPage } from './support/browser.js';

const WORKFLOW = {
  key: 'web-tep',
  title: { vi: 'Tiếp nhận hồ sơ (tệp)', en: 'Dossier intake (files)' },
  roles: { 'van-thu': { vi: 'Văn thư', en: 'Clerk' } },
  events: {
    NOP: {
      label: { vi: 'Nộp hồ sơ', en: 'Submit the dossier' },
      kind: 'human',
      schema: {
        type: 'object',
        required: ['trichYeu', 'tepDinhKem'],
        additionalProperties: false,
        properties: {
          trichYeu: { type: 'string', minLength: 1, title: 'Trích yếu (Summary)' },
          tepDinhKem: { type: 'array', minItems: 1, maxItems: 5, title: 'Tệp đính kèm (Attachments)', items: { type: 'string', format: 'phoihop-file' } },
        },
      },
    },
  },
  machine: {
    initial: 'tiepNhan',
    states: {
      tiepNhan: {
        meta: { label: { vi: 'Tiếp nhận', en: 'Intake' }, task: { title: { vi: 'Tiếp nhận hồ sơ', en: 'Take in the dossier' }, roles: ['van-thu'], outcomes: ['NOP'] } },
        on: { NOP: 'daNop' },
      },
      daNop: { type: 'final', meta: { label: { vi: 'Đã nộp', en: 'Submitted' } } },
    },
  },
};

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments in the browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let session: BrowserPage;
  let caseId: string;
  let taskId: string;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    const draft = await t.http.post('/api/v1/definitions').send({ source: WORKFLOW }).expect(201);
    expect(draft.body.check.issues).toEqual([]);
    await t.http.post(`/api/v1/definitions/web-tep/versions/${draft.body.version}/publish`).expect(200);
    const clerk = await t.as('van-thu-1', [{ role: 'van-thu', unit: 'ubnd' }]);
    caseId = (await clerk.post('/api/v1/instances').send({ definitionKey: 'web-tep', businessKey: 'HS-2026-07' }).expect(201)).body.id;
    taskId = (await clerk.get(`/api/v1/instances/${caseId}/tasks`).expect(200)).body.items[0].id;
    await clerk.post(`/api/v1/tasks/${taskId}/claim`).expect(200);
    session = await newPage(browser, base);
  });

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await t?.close();
  });

  it('uploads from the task form, refuses what it should, and downloads from the case page', async () => {
    const page: Page = session.page;
    await page.goto('/');
    await page.getByLabel('Tên đăng nhập').fill('van-thu-1');
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('user-box').waitFor({ state: 'attached' });

    await page.goto(`/tasks/${taskId}`);
    await page.getByTestId('task-title').filter({ hasText: 'Tiếp nhận hồ sơ' }).waitFor();
    await page.getByLabel('Nộp hồ sơ').check();
    // The limits, before anything is sent.
    await page.getByTestId('file-limits').filter({ hasText: 'Nhận tệp PDF, DOCX, XLSX, ODT, JPEG, PNG, TIFF, tối đa 25 MB mỗi tệp.' }).waitFor();
    const input = page.locator('input[type="file"]');

    // A program by its name: refused in the browser.
    await input.setInputFiles({ name: 'cai-dat.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByText('Không nhận loại tệp này. Chỉ nhận: PDF, DOCX, XLSX, ODT, JPEG, PNG, TIFF.').waitFor();
    // A web page named .pdf: the name passes, the server reads the bytes and refuses it.
    await input.setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!DOCTYPE html><script>alert(1)</script>') });
    await page.getByText('Máy chủ không nhận tệp loại text/html. Chỉ nhận: PDF, DOCX, XLSX, ODT, JPEG, PNG, TIFF.').waitFor();

    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'), randomBytes(3 * 1024 * 1024), Buffer.from('\n%%EOF')]);
    await input.setInputFiles({ name: 'Tờ trình số 12.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.locator('.file-list li', { hasText: 'Tờ trình số 12.pdf' }).waitFor();
    await page.getByLabel('Trích yếu').fill('Hồ sơ đề nghị hỗ trợ sửa chữa nhà văn hóa');
    await screenshot(page, 'task-form-files');
    await page.getByTestId('complete').click();

    // Completing leads on to the next useful place (this case has no other task for them: the inbox); the case page keeps the file.
    await page.waitForURL('**/inbox');
    await page.goto(`/cases/${caseId}`);
    const row = page.locator('[data-testid="case-files"] tbody tr', { hasText: 'Tờ trình số 12.pdf' });
    // The step's words come with the definition, which may arrive after the files.
    await row.filter({ hasText: 'Tiếp nhận' }).waitFor();
    expect(await row.textContent()).toContain('van-thu-1');
    expect(await row.textContent()).toContain(sha(pdf).slice(0, 12));
    await screenshot(page, 'case-files');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /Tải xuống/ }).click()]);
    expect(download.suggestedFilename()).toBe('Tờ trình số 12.pdf');
    const saved = await readFile((await download.path())!);
    expect(sha(saved)).toBe(sha(pdf));
    // The one expected complaint: the browser logs the 415 of the refused upload.
    expect(session.errors.filter((e) => !e.includes('status of 415'))).toEqual([]);
  });
});
