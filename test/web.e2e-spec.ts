// The web app in a real browser (Debian's Chromium through playwright-core) against the real API on
// a fresh database: an approver answers a task through the generated form, an auditor reads the
// case, an admin repairs and publishes a workflow, labels and payloads cannot inject script, and
// the English switch shows the definitions' English labels. Screenshots: test-results/screenshots.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/app.js';
import { launchBrowser, newPage, screenshot, type BrowserPage } from './support/browser.js';

/** What the page's textarea exposes (this file is type-checked without the DOM library). */
type TextArea = { value: string; selectionStart: number; selectionEnd: number };

const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=1</script>';

/** A workflow whose decision form has every kind of field the form generator knows. */
const FORM_WORKFLOW = {
  key: 'web-form',
  title: { vi: 'Thẩm định đề xuất (web)', en: 'Proposal appraisal (web)' },
  roles: { 'can-bo-tham-dinh': { vi: 'Cán bộ thẩm định', en: 'Appraisal officer' } },
  inputSchema: { type: 'object', required: ['tenDeXuat'], properties: { tenDeXuat: { type: 'string', minLength: 3, title: 'Tên đề xuất (Proposal name)' } } },
  events: {
    THAM_DINH: {
      label: { vi: 'Gửi kết quả thẩm định', en: 'Send the appraisal' },
      kind: 'human',
      schema: {
        type: 'object',
        required: ['soVanBan', 'ketLuan', 'soTien', 'soNguoi', 'dongY', 'ngayKy', 'thoiDiemHop', 'thanhVien', 'diaDiem'],
        additionalProperties: false,
        properties: {
          soVanBan: { type: 'string', pattern: '^[0-9]+/BC-[A-Z]+$', title: 'Số văn bản (Document number)' },
          ketLuan: { type: 'string', enum: ['dat', 'khong-dat'], title: 'Kết luận (Conclusion)' },
          soTien: { type: 'number', minimum: 0, maximum: 1000000000, title: 'Kinh phí (Budget)' },
          soNguoi: { type: 'integer', minimum: 1, maximum: 50, title: 'Số người tham gia (Participants)' },
          dongY: { type: 'boolean', title: 'Đồng ý triển khai (Approve)' },
          ngayKy: { type: 'string', format: 'date', title: 'Ngày ký (Signing date)' },
          thoiDiemHop: { type: 'string', format: 'date-time', title: 'Thời điểm họp (Meeting time)' },
          thanhVien: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, title: 'Thành viên hội đồng (Council members)' },
          diaDiem: {
            type: 'object',
            required: ['phong'],
            title: 'Địa điểm (Venue)',
            properties: { phong: { type: 'string', minLength: 1, title: 'Phòng họp (Room)' }, tang: { type: 'integer', title: 'Tầng (Floor)' } },
          },
          lyDo: { type: 'string', title: 'Lý do chưa đồng ý (Reason)' },
        },
        // Only the server checks this one: its issue must land on the lyDo field.
        if: { required: ['dongY'], properties: { dongY: { const: false } } },
        then: { required: ['lyDo'] },
      },
    },
    TRA_LAI: { label: { vi: 'Trả lại', en: 'Return' }, kind: 'human' },
  },
  machine: {
    initial: 'thamDinh',
    states: {
      thamDinh: {
        meta: {
          label: { vi: 'Đang thẩm định', en: 'Under appraisal' },
          task: { title: { vi: 'Thẩm định đề xuất', en: 'Appraise the proposal' }, roles: ['can-bo-tham-dinh'], outcomes: ['THAM_DINH', 'TRA_LAI'] },
          deadlines: [{ key: 'thamDinh', after: { workingDays: 5 } }],
        },
        on: { THAM_DINH: 'daThamDinh', TRA_LAI: 'biTraLai' },
      },
      daThamDinh: { type: 'final', meta: { label: { vi: 'Đã thẩm định', en: 'Appraised' } } },
      biTraLai: { type: 'final', meta: { label: { vi: 'Bị trả lại', en: 'Returned' } } },
    },
  },
};

/** Every label, a form title, an enum value, a role — script and markup. */
const XSS_WORKFLOW = {
  key: 'web-xss',
  title: { vi: `${XSS_IMG} Quy trình thử`, en: `${XSS_SCRIPT} Test flow` },
  roles: { 'xu-ly-xss': { vi: `Cán bộ ${XSS_IMG}`, en: `Officer ${XSS_SCRIPT}` } },
  inputSchema: { type: 'object', properties: { ghiChu: { type: 'string', title: `Ghi chú ${XSS_IMG}` } } },
  events: {
    BUOC_1: {
      label: { vi: `Bước một ${XSS_IMG}`, en: `Step one ${XSS_SCRIPT}` },
      kind: 'human',
      schema: {
        type: 'object',
        properties: { noiDung: { type: 'string', title: `Nội dung ${XSS_SCRIPT}` }, loai: { enum: [XSS_IMG, 'thuong'], title: `Loại ${XSS_IMG}` } },
      },
    },
    BUOC_2: { label: { vi: `Bước hai ${XSS_SCRIPT}`, en: `Step two ${XSS_IMG}` }, kind: 'human' },
  },
  machine: {
    initial: 'mot',
    states: {
      mot: {
        meta: {
          label: { vi: `Một ${XSS_SCRIPT}`, en: `One ${XSS_IMG}` },
          task: { title: { vi: `Việc một ${XSS_IMG}`, en: `Task one ${XSS_SCRIPT}` }, roles: ['xu-ly-xss'], outcomes: ['BUOC_1'] },
        },
        on: { BUOC_1: 'hai' },
      },
      hai: {
        meta: {
          label: { vi: `Hai ${XSS_IMG}`, en: `Two ${XSS_SCRIPT}` },
          task: { title: { vi: `Việc hai ${XSS_SCRIPT}`, en: `Task two ${XSS_IMG}` }, roles: ['xu-ly-xss'], outcomes: ['BUOC_2'] },
        },
        on: { BUOC_2: 'xong' },
      },
      xong: { type: 'final', meta: { label: { vi: `Xong ${XSS_IMG}`, en: `Done ${XSS_SCRIPT}` } } },
    },
  },
};

/** The workflow the admin writes in the editor: broken three ways, each on a line of its own. */
const ADMIN_WORKFLOW = {
  key: 'web-quy-trinh',
  title: { vi: 'Tiếp nhận ý kiến (web)', en: 'Feedback intake (web)' },
  roles: { 'chuyen-vien': { vi: 'Chuyên viên', en: 'Officer' } },
  inputSchema: { type: 'object', required: ['noiDung'], properties: { noiDung: { type: 'string', minLength: 3, title: 'Nội dung (Content)' } } },
  events: { HOAN_THANH: { label: { vi: 'Hoàn thành', en: 'BROKEN_LABEL' }, kind: 'human' } },
  machine: {
    initial: 'xuLy',
    states: {
      xuLy: {
        meta: {
          label: { vi: 'Đang xử lý', en: 'In progress' },
          task: { title: { vi: 'Xử lý ý kiến', en: 'Handle the feedback' }, roles: ['chuyen-vien'], outcomes: ['HOAN_THANH'] },
        },
        on: { HOAN_THANH: { target: 'BROKEN_TARGET', guard: { type: 'BROKEN_GUARD', params: { role: 'chuyen-vien' } } } },
      },
      daXong: { type: 'final', meta: { label: { vi: 'Đã xong', en: 'Done' } } },
    },
  },
};

/** The broken definition's text, and each fault: its pointer, the text of its line and the line that fixes it. */
function brokenDefinition() {
  const text = JSON.stringify(ADMIN_WORKFLOW, null, 2)
    .replace('"en": "BROKEN_LABEL"', '"en": " "')
    .replace('"target": "BROKEN_TARGET"', '"target": "khongCo"')
    .replace('"type": "BROKEN_GUARD"', '"type": "chayMaTuyY"');
  const faults = [
    { path: '/events/HOAN_THANH/label/en', original: '"en": " "', fix: '"en": "Finish"' },
    { path: '/machine/states/xuLy/on/HOAN_THANH/target', original: '"target": "khongCo"', fix: '"target": "daXong"' },
    { path: '/machine/states/xuLy/on/HOAN_THANH/guard/type', original: '"type": "chayMaTuyY"', fix: '"type": "hasRole"' },
  ];
  return { text, faults };
}

/** The 1-based line of the text holding `needle` (the server may store the keys in another order). */
function lineIn(text: string, needle: string): { line: number; content: string } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`${needle} is not in the editor`);
  return { line: index + 1, content: lines[index] };
}

describe('web app (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const opened: BrowserPage[] = [];
  /** One signed-in page per user, reused across the scenarios (contexts are slow to make). */
  const sessions = new Map<string, Page>();
  let formCase: string;
  let xssCase: string;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows', queues: 'postgres' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    for (const source of [FORM_WORKFLOW, XSS_WORKFLOW]) {
      const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
      expect(draft.body.check.issues).toEqual([]);
      await t.http.post(`/api/v1/definitions/${source.key}/versions/${draft.body.version}/publish`).expect(200);
    }
    await t.as('tham-dinh-1', [{ role: 'can-bo-tham-dinh', unit: 'ubnd' }]);
    await t.as('kiem-tra-web', [{ role: 'auditor', unit: 'phuong-an-phong' }]);
    const xssUser = await t.as('xu-ly-xss-1', [{ role: 'xu-ly-xss', unit: 'ubnd' }]);
    formCase = (
      await t.http
        .post('/api/v1/instances')
        .send({ definitionKey: 'web-form', businessKey: 'DX-2026-001', input: { tenDeXuat: 'Sửa chữa nhà văn hóa tổ 5' } })
        .expect(201)
    ).body.id;
    // A case whose business key, input, payload and comment all carry markup; it waits on its second task.
    xssCase = (
      await xssUser
        .post('/api/v1/instances')
        .send({ definitionKey: 'web-xss', businessKey: `XSS ${XSS_IMG}`, input: { ghiChu: XSS_SCRIPT } })
        .expect(201)
    ).body.id;
    const [task] = (await xssUser.get('/api/v1/tasks?bucket=claimable&definitionKey=web-xss').expect(200)).body.items;
    await xssUser.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    await xssUser
      .post(`/api/v1/tasks/${task.id}/complete`)
      .send({ outcome: 'BUOC_1', payload: { noiDung: XSS_IMG, loai: XSS_IMG }, comment: `${XSS_SCRIPT} ${XSS_IMG}` })
      .expect(200);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async () => {
    const p = await newPage(browser, base);
    opened.push(p);
    return p.page;
  };

  const signIn = async (page: Page, username: string) => {
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('user-box').waitFor({ state: 'attached' });
  };

  const as = async (username: string) => {
    let page = sessions.get(username);
    if (!page) {
      page = await open();
      await page.goto('/');
      await signIn(page, username);
      sessions.set(username, page);
    }
    return page;
  };

  /** Form controls without a label (none allowed). */
  const unlabelled = (page: Page) =>
    page.evaluate(() =>
      [...(globalThis as any).document.querySelectorAll('input, select, textarea, button')]
        .filter(
          (el: any) =>
            el.type !== 'hidden' &&
            !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.localName === 'button' && el.textContent.trim())),
        )
        .map((el: any) => el.outerHTML.slice(0, 120)),
    );

  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  const field = (page: Page, pointer: string) => page.locator(`[data-pointer="${pointer}"]`);
  const fieldError = (page: Page, pointer: string) => field(page, pointer).locator(':scope > .field-error');

  it('asks to sign in, in Vietnamese, and refuses a wrong password', async () => {
    const page = await open();
    await page.goto('/inbox');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Tên đăng nhập').fill('tham-dinh-1');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('login-error').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu.' }).waitFor();
    await signIn(page, 'tham-dinh-1');
    sessions.set('tham-dinh-1', page);
  });

  it('1. an approver claims the task in the inbox, fills the generated form (the event’s own schema checked in the browser, messages on the fields) and completes it', async () => {
    const page = await as('tham-dinh-1');
    await page.getByRole('heading', { name: 'Hộp việc' }).waitFor();
    const box = page.getByTestId('user-box');
    await box.filter({ hasText: 'Ủy ban nhân dân phường' }).waitFor();
    await box.getByTestId('user-roles').filter({ hasText: 'Cán bộ thẩm định' }).waitFor();

    const row = page.locator('[data-testid="inbox-table"] tbody tr', { hasText: 'Thẩm định đề xuất' });
    await row.waitFor();
    expect(await row.locator('[data-urgency]').getAttribute('data-urgency')).toMatch(/^(later|soon|today)$/);
    expect(await page.locator('[data-bucket="claimable"] .count').textContent()).toBe('1');
    await screenshot(page, 'inbox');
    await row.getByRole('button', { name: /Nhận việc/ }).click();
    await page.getByTestId('inbox-status').filter({ hasText: 'Đã nhận việc' }).waitFor();
    await row.filter({ hasText: 'tham-dinh-1' }).waitFor();
    await page.locator('[data-bucket="mine"] .count', { hasText: '1' }).waitFor();

    await row.getByRole('link', { name: 'Thẩm định đề xuất' }).click();
    await page.getByTestId('task-title').filter({ hasText: 'Thẩm định đề xuất' }).waitFor();
    await page.getByLabel('Gửi kết quả thẩm định').check();
    await page.getByTestId('complete').click();
    // Client-side messages: required fields, shown under each one, and a summary.
    await page.getByTestId('form-summary').filter({ hasText: 'Biểu mẫu còn' }).waitFor();
    expect(await fieldError(page, '/soVanBan').textContent()).toBe('Không được để trống.');
    expect(await fieldError(page, '/diaDiem/phong').textContent()).toBe('Không được để trống.');
    await page.getByLabel('Số văn bản').fill('12-bao-cao');
    await fieldError(page, '/soVanBan').filter({ hasText: 'Không đúng định dạng yêu cầu.' }).waitFor();
    await page.getByLabel('Số văn bản').fill('12/BC-UBND');
    await page.getByLabel('Kết luận').selectOption({ label: 'dat' });
    await page.getByLabel('Kinh phí').fill('1500000');
    await page.getByLabel('Số người tham gia').fill('0');
    await fieldError(page, '/soNguoi').filter({ hasText: 'Giá trị nhỏ nhất là 1.' }).waitFor();
    await page.getByLabel('Số người tham gia').fill('7');
    await page
      .getByRole('group', { name: /Đồng ý triển khai/ })
      .getByLabel('Không', { exact: true })
      .check();
    await page.getByLabel('Ngày ký').fill('2026-11-20');
    await page.getByLabel('Thời điểm họp').fill('2026-11-20T09:30');
    await field(page, '/thanhVien').getByRole('button', { name: /Thêm/ }).click();
    await field(page, '/thanhVien').getByLabel('Mục 1').fill('Nguyễn Văn An');
    await page.getByLabel('Phòng họp').fill('Phòng họp tầng 2');
    await page.getByLabel('Tầng', { exact: true }).fill('2');
    await page.getByLabel('Ý kiến, ghi chú kèm theo').fill('Đề nghị bổ sung dự toán chi tiết.');
    // "Not approved" needs a reason (if/then): the browser runs the event's own schema, so it says so
    // before anything is sent. (The server's issues landing on their fields: DecisionForm.spec.tsx.)
    await fieldError(page, '/lyDo').filter({ hasText: 'Không được để trống.' }).waitFor();
    expect(await page.locator('.field-error').count()).toBe(1);
    expect(await unlabelled(page)).toEqual([]);
    expect(await page.getByLabel('Lý do chưa đồng ý').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'task-form');
    await page.getByLabel('Lý do chưa đồng ý').fill('Chưa đủ kinh phí trong năm 2026');
    await page.getByTestId('complete').click();

    // The case page: the new step, the message, the diagram with the current state highlighted.
    await page.waitForURL(`**/cases/${formCase}`);
    await page.getByTestId('case-flash').filter({ hasText: 'Đã hoàn thành công việc' }).waitFor();
    await page.locator('[data-testid="case-state"][data-state="daThamDinh"]').filter({ hasText: 'Đã thẩm định' }).waitFor();
    await page.getByTestId('case-status').filter({ hasText: 'Đã kết thúc' }).waitFor();
    await page.locator('.diagram-svg svg .active').first().waitFor();
    await page.locator('[data-testid="timeline"] [data-event="THAM_DINH"]', { hasText: 'Gửi kết quả thẩm định' }).waitFor();

    const inst = (await t.http.get(`/api/v1/instances/${formCase}`).expect(200)).body;
    expect(inst).toMatchObject({ state: 'daThamDinh', status: 'done' });
    const rows = (await t.http.get(`/api/v1/instances/${formCase}/history`).expect(200)).body.items;
    expect(rows[rows.length - 1]).toMatchObject({
      event: {
        type: 'THAM_DINH',
        payload: {
          soVanBan: '12/BC-UBND',
          ketLuan: 'dat',
          soTien: 1500000,
          soNguoi: 7,
          dongY: false,
          ngayKy: '2026-11-20',
          thoiDiemHop: '2026-11-20T09:30:00+07:00',
          thanhVien: ['Nguyễn Văn An'],
          diaDiem: { phong: 'Phòng họp tầng 2', tang: 2 },
          lyDo: 'Chưa đủ kinh phí trong năm 2026',
        },
      },
      actor: { id: 'tham-dinh-1' },
      comment: 'Đề nghị bổ sung dự toán chi tiết.',
    });
    await screenshot(page, 'case');

    // The same inbox on a phone: the navigation folds into a menu button.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav(page, 'Hộp việc');
    await page.getByText('Không có công việc nào khớp bộ lọc.').waitFor();
    await screenshot(page, 'inbox-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('2. an auditor reads the case: timeline, verified badge, search, state at a moment, export with progress', async () => {
    const page = await as('kiem-tra-web');
    await page.getByRole('heading', { name: 'Kiểm tra, giám sát' }).waitFor();
    const results = page.getByTestId('audit-results');
    await results.locator('tr', { hasText: 'DX-2026-001' }).first().waitFor();
    await page.getByLabel('Mã hồ sơ').fill('DX-2026-001');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await results.locator('tbody tr', { hasText: 'Gửi kết quả thẩm định' }).waitFor();
    await page.waitForFunction(`document.querySelectorAll('[data-testid="audit-results"] tbody tr').length === 2`);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-start').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('phoihop-audit.csv');
    await page.getByTestId('export-done').filter({ hasText: '2 dòng' }).waitFor();

    await page.getByLabel('Mã định danh hồ sơ (UUID)').fill(formCase);
    await page.getByLabel('Thời điểm (giờ Việt Nam)').fill('2030-01-01T08:00:00');
    await page.getByRole('button', { name: 'Dựng lại' }).click();
    await page.getByTestId('state-at-result').filter({ hasText: 'Đã thẩm định' }).waitFor();
    expect(await unlabelled(page)).toEqual([]);
    await screenshot(page, 'audit');

    await results.getByRole('link', { name: 'DX-2026-001' }).first().click();
    await page.locator('[data-testid="verify-badge"][data-verified="true"]').filter({ hasText: 'Đã xác minh' }).waitFor();
    const timeline = page.getByTestId('timeline');
    await timeline.locator('[data-event="xstate.init"]', { hasText: 'Khởi tạo hồ sơ' }).waitFor();
    const done = timeline.locator('[data-event="THAM_DINH"]');
    await done.filter({ hasText: 'tham-dinh-1' }).filter({ hasText: 'Đang thẩm định' }).filter({ hasText: 'Đã thẩm định' }).waitFor();
    await done.filter({ hasText: 'Đề nghị bổ sung dự toán chi tiết.' }).waitFor();
    expect(await timeline.locator('.timeline-item').count()).toBe(2);
    await page.locator('.diagram-svg svg').waitFor();
    await screenshot(page, 'case-auditor');
  });

  it('3. an admin writes a broken workflow, sees each problem on its line, fixes it line by line, publishes it and starts a case', async () => {
    const page = await as('admin');
    await nav(page, 'Quy trình');
    await page.getByTestId('workflows').locator('tr', { hasText: 'Thẩm định đề xuất (web)' }).waitFor();
    await screenshot(page, 'workflows');
    await page.getByTestId('new-workflow').click();
    const editor = page.getByRole('textbox', { name: 'Nội dung định nghĩa (JSON)' });
    await page.getByTestId('check-summary').filter({ hasText: 'Hợp lệ' }).waitFor(); // the template is valid
    await page.locator('.diagram-svg svg').waitFor(); // and previewed

    // A syntax error first: reported on its line.
    await editor.fill('{\n  "key": "web-quy-trinh"\n  "title": {}\n}\n');
    await page.locator('[data-testid="issue"][data-code="json_syntax"][data-line="3"]').waitFor();
    expect(await page.locator('.gutter-line[data-line="3"].has-issue').count()).toBe(1);

    const { text, faults } = brokenDefinition();
    await editor.fill(text);
    const issue = (f: (typeof faults)[number]) => page.locator(`[data-testid="issue"][data-path="${f.path}"]`);
    await issue(faults[0])
      .and(page.locator(`[data-line="${lineIn(text, faults[0].original).line}"]`))
      .waitFor();
    await page.getByTestId('save-draft').click(); // saved even while invalid
    await page.waitForURL('**/workflows/web-quy-trinh/versions/1');
    await page.getByTestId('workflow-flash').filter({ hasText: 'Đã lưu bản nháp phiên bản 1' }).waitFor();
    expect(await unlabelled(page)).toEqual([]);

    // Guided by the list: each problem names its line; "Dòng N" selects it, typing replaces it.
    // Structural problems show once the JSON Schema ones are fixed.
    const fixed: string[] = [];
    while (fixed.length < faults.length) {
      const first = page.locator('[data-testid="issue"].error').first();
      await first.waitFor();
      const path = await first.getAttribute('data-path');
      const fault = faults.find((f) => f.path === path);
      if (!fault || fixed.includes(fault.path)) throw new Error(`unexpected problem ${path}: ${await first.textContent()}`);
      const { line, content } = lineIn(await editor.inputValue(), fault.original);
      expect(await first.getAttribute('data-line')).toBe(String(line));
      expect(await page.locator(`.gutter-line[data-line="${line}"].has-issue`).count()).toBe(1);
      await first.getByRole('button', { name: `Đến dòng ${line}` }).click();
      const selected = await editor.evaluate((el) => {
        const area = el as unknown as TextArea;
        return area.value.slice(area.selectionStart, area.selectionEnd);
      });
      expect(selected).toBe(content);
      if (fixed.length === 0) await screenshot(page, 'workflow-errors');
      await page.keyboard.insertText(content.replace(fault.original, fault.fix));
      await issue(fault).waitFor({ state: 'detached' });
      fixed.push(fault.path);
    }
    await page.locator('[data-testid="check-summary"][data-valid="true"]').waitFor();
    expect(await page.locator('[data-testid="issue"].error').count()).toBe(0);
    await page.locator('.diagram-svg svg', { hasText: 'Đã xong' }).waitFor(); // the live preview
    await page.getByTestId('save-draft').click();
    await page.getByTestId('workbench-status').filter({ hasText: 'Đã lưu bản nháp phiên bản 1' }).waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-yes').click();
    await page.getByTestId('version-status').filter({ hasText: 'Đã ban hành' }).waitFor();
    await page.getByTestId('workflow-flash').filter({ hasText: 'Đã ban hành web-quy-trinh phiên bản 1' }).waitFor();
    await page.getByTestId('simulate').click();
    await page.getByTestId('simulation').filter({ hasText: 'Độ phủ bước: 100%' }).waitFor();
    // A dry run of a path: the start input from the generated form, each step as the role chosen.
    await page.getByTestId('dry-run-open').first().click();
    const dry = page.getByTestId('dry-run');
    await dry.getByTestId('dry-run-task').filter({ hasText: 'Việc mới: Xử lý ý kiến — giao cho Chuyên viên · không có hạn' }).waitFor();
    await dry.getByLabel('Nội dung').fill('Ý kiến chạy thử');
    await dry.getByLabel('Vai trò ở bước 1').selectOption({ label: 'Tôi (người gọi)' });
    await dry.getByTestId('dry-run-go').click();
    await dry.locator('[data-testid="dry-run-result"] > li[data-ok="false"]').filter({ hasText: 'Hoàn thành' }).waitFor(); // an admin holds no role
    await dry.getByLabel('Vai trò ở bước 1').selectOption({ label: 'Chuyên viên' });
    const sent = page.waitForRequest((r) => r.url().endsWith('/dry-run') && r.method() === 'POST');
    await dry.getByTestId('dry-run-go').click();
    expect((await sent).postDataJSON()).toEqual({ input: { noiDung: 'Ý kiến chạy thử' }, steps: [{ type: 'HOAN_THANH', as: { roles: ['chuyen-vien'] } }] });
    await dry.locator('[data-testid="dry-run-result"] > li[data-ok="true"]').filter({ hasText: 'Đã xong' }).waitFor();
    await screenshot(page, 'workflow-published');
    const published = (await t.http.get('/api/v1/definitions/web-quy-trinh/versions/1').expect(200)).body;
    expect(published).toMatchObject({ status: 'published', source: { events: { HOAN_THANH: { label: { en: 'Finish' } } } } });

    await page.getByTestId('start-case-link').click();
    await page.getByLabel('Mã hồ sơ').fill('YK-2026-001');
    await page.getByTestId('start-case').click();
    await fieldError(page, '/noiDung').filter({ hasText: 'Không được để trống.' }).waitFor();
    await page.getByLabel('Nội dung').fill('Ý kiến về chiếu sáng ngõ 12');
    await page.getByTestId('start-case').click();
    await page.locator('[data-testid="case-state"][data-state="xuLy"]').filter({ hasText: 'Đang xử lý' }).waitFor();
    await page.getByTestId('open-tasks').filter({ hasText: 'Xử lý ý kiến' }).waitFor();
    const started = (await t.http.get('/api/v1/instances?definitionKey=web-quy-trinh').expect(200)).body.items;
    expect(started).toEqual([
      expect.objectContaining({ businessKey: 'YK-2026-001', state: 'xuLy', context: expect.objectContaining({ noiDung: 'Ý kiến về chiếu sáng ngõ 12' }) }),
    ]);

    // Version 2 from version 1, published; the running case is moved onto it (dry run first).
    await nav(page, 'Quy trình');
    await page.getByTestId('workflows').getByRole('link', { name: 'Tiếp nhận ý kiến (web)' }).click();
    await page.getByRole('button', { name: 'Tạo bản nháp mới từ phiên bản này' }).click();
    await page.waitForURL('**/workflows/web-quy-trinh/versions/2');
    await page.locator('[data-testid="check-summary"][data-valid="true"]').waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-yes').click();
    await page.getByTestId('version-status').filter({ hasText: 'Đã ban hành' }).waitFor();
    await page.getByTestId('workflow-flash').filter({ hasText: 'Hồ sơ đang chạy trên phiên bản cũ (phiên bản 1: 1 hồ sơ)' }).waitFor();
    await page.getByTestId('migrate-dry').click();
    await page.getByTestId('migrate-summary').filter({ hasText: '1 hồ sơ chuyển được, 0 hồ sơ bị chặn.' }).waitFor();
    // Per case, what happens to its task and whoever holds it.
    await page.getByTestId('migrate-changes').filter({ hasText: 'Việc ở bước xuLy: giữ nguyên' }).waitFor();
    await page.getByTestId('migrate-apply').click();
    await page.getByTestId('migrate-apply-yes').click();
    await page.getByText('Đã chuyển 1 hồ sơ; 0 hồ sơ bị chặn.').waitFor();
    expect((await t.http.get(`/api/v1/instances/${started[0].id}`).expect(200)).body.definition).toEqual({ key: 'web-quy-trinh', version: 2 });

    // The dashboard counts it; the period picker and the CSV export.
    await nav(page, 'Tổng hợp');
    await page.getByLabel('Năm').selectOption('2026');
    await page.getByLabel('Khoảng thời gian').selectOption({ label: '6 tháng cuối năm' });
    await page.getByTestId('period-range').filter({ hasText: '2026-H2' }).waitFor();
    await page.locator('.bar-row[data-key="web-quy-trinh"]').waitFor();
    const csv = page.waitForEvent('download');
    await page.getByTestId('download-csv').click();
    expect((await csv).suggestedFilename()).toBe('phoihop-bao-cao-2026-H2.csv');
    await screenshot(page, 'dashboard');
  });

  it('4. no label, payload, comment or business key can inject script or markup', async () => {
    const page = await as('xu-ly-xss-1');
    const safe = async (p: Page, where: string) => {
      // (This file is type-checked without the DOM library: the page's globals are reached through globalThis.)
      const found = await p.evaluate(() => {
        const g = globalThis as any;
        return {
          flag: g.__xss,
          injected: g.document.querySelectorAll('img[src="x"], [onerror]').length,
          scripts: [...g.document.querySelectorAll('script')].filter((s: any) => (s.textContent ?? '').includes('__xss')).length,
        };
      });
      expect({ where, ...found }).toEqual({ where, flag: undefined, injected: 0, scripts: 0 });
    };

    await page.locator('[data-testid="inbox-table"] tr', { hasText: `Việc hai ${XSS_SCRIPT}` }).waitFor();
    await safe(page, 'inbox');
    await page.locator('[data-testid="inbox-table"] a', { hasText: 'Việc hai' }).click();
    await page.getByTestId('task-title').filter({ hasText: XSS_SCRIPT }).waitFor();
    await safe(page, 'task');

    await page.getByTestId('case-link').click();
    await page
      .getByTestId('case-title')
      .filter({ hasText: `${XSS_IMG} Quy trình thử` })
      .waitFor();
    expect(page.url()).toBe(`${base}/cases/${xssCase}`);
    const timeline = page.getByTestId('timeline');
    await timeline
      .locator('[data-event="BUOC_1"]')
      .filter({ hasText: `${XSS_SCRIPT} ${XSS_IMG}` })
      .waitFor();
    await timeline.locator('[data-event="BUOC_1"] summary').click();
    await timeline.locator('[data-event="BUOC_1"] .payload').filter({ hasText: XSS_IMG }).waitFor();
    await page.locator('.diagram-svg svg', { hasText: 'Hai' }).waitFor();
    // Shown as text (mermaid puts each word in its own tspan, hence no spaces in textContent).
    const drawn = await page.locator('.diagram-svg svg').evaluate((svg) => [...svg.querySelectorAll('text')].map((x) => x.textContent).join('|'));
    expect(drawn).toContain('<script>window.__xss=1</script>');
    expect(drawn).toContain('onerror="window.__xss=1">');
    await safe(page, 'case');
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByTestId('case-title')
      .filter({ hasText: `${XSS_SCRIPT} Test flow` })
      .waitFor();
    await page.locator('.diagram-svg svg', { hasText: 'Two' }).waitFor();
    await safe(page, 'case in English');
    await screenshot(page, 'xss-case');

    const admin = await as('admin');
    await nav(admin, 'Quy trình');
    await admin
      .getByTestId('workflows')
      .locator('a', { hasText: `${XSS_IMG} Quy trình thử` })
      .click();
    await admin.getByTestId('workflow-title').filter({ hasText: XSS_IMG }).waitFor();
    await admin.locator('.diagram-svg svg', { hasText: 'Một' }).waitFor();
    await safe(admin, 'workflow');
  });

  it("5. the English switch shows the definitions' English labels, and is remembered", async () => {
    const id = (
      await t.http
        .post('/api/v1/instances')
        .send({ definitionKey: 'web-form', businessKey: 'DX-2026-002', input: { tenDeXuat: 'Lắp đèn đường ngõ 7' } })
        .expect(201)
    ).body.id;
    const page = await as('tham-dinh-1');
    await page.goto('/inbox');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByTestId('user-roles').filter({ hasText: 'Appraisal officer' }).waitFor();
    const row = page.locator('[data-testid="inbox-table"] tbody tr', { hasText: 'Appraise the proposal' });
    await row.filter({ hasText: 'Proposal appraisal (web)' }).waitFor();
    await row.getByRole('button', { name: /Claim/ }).click();
    await row.filter({ hasText: 'tham-dinh-1' }).waitFor();
    await row.getByRole('link', { name: 'Appraise the proposal' }).click();
    await page.getByLabel('Send the appraisal').check();
    for (const label of ['Document number', 'Conclusion', 'Budget', 'Participants', 'Signing date', 'Meeting time', 'Room', 'Floor'])
      await page.getByLabel(label).waitFor();
    await page.getByRole('group', { name: /Council members/ }).waitFor();
    await screenshot(page, 'english-task');

    await page.reload();
    await page.getByTestId('task-title').filter({ hasText: 'Appraise the proposal' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByTestId('case-link').click();
    await page.getByTestId('case-title').filter({ hasText: 'Proposal appraisal (web) — DX-2026-002' }).waitFor();
    expect(page.url()).toBe(`${base}/cases/${id}`);
    await page.getByTestId('case-state').filter({ hasText: 'Under appraisal' }).waitFor();
    await page.locator('.diagram-svg svg', { hasText: 'Appraised' }).waitFor();
    await page.getByTestId('timeline').filter({ hasText: 'Case started' }).waitFor();
    await screenshot(page, 'english-case');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByTestId('case-state').filter({ hasText: 'Đang thẩm định' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('6. the bell counts a new notification live (the stream), the list opens its task, and the inbox refreshes itself', async () => {
    const page = await as('tham-dinh-1');
    await nav(page, 'Hộp việc');
    await page.getByRole('heading', { name: 'Hộp việc' }).waitFor();
    const bell = page.getByTestId('notification-bell');
    await page.locator('[data-testid="notification-bell"][data-live="open"]').waitFor();
    const agent = await t.as('tham-dinh-1');
    const before = (await agent.get('/api/v1/me/notifications').expect(200)).body.counts.unread as number;
    const claimable = Number(await page.locator('[data-bucket="claimable"] .count').textContent());
    // Another case: its task-assigned notification is written by the worker; no reload in the page.
    const created = (await t.http.post('/api/v1/instances').send({ definitionKey: 'web-form', businessKey: 'DX-2026-LIVE', input: { tenDeXuat: 'Lát lại vỉa hè tổ 7' } }).expect(201)).body;
    await page.locator(`[data-testid="notification-bell"][aria-label="Thông báo: ${before + 1} chưa đọc"]`).waitFor({ timeout: 15000 });
    await page.locator('[data-bucket="claimable"] .count', { hasText: String(claimable + 1) }).waitFor({ timeout: 15000 });
    await bell.click();
    await page.getByRole('heading', { name: 'Thông báo' }).waitFor();
    const newest = page.getByTestId('notification-list').locator('li').first();
    expect(await newest.getAttribute('class')).toBe('unread');
    expect(await newest.textContent()).toContain('Chưa đọc');
    await screenshot(page, 'notifications');
    expect(await unlabelled(page)).toEqual([]);
    await newest.getByRole('button').click();
    await page.waitForURL(/\/tasks\//);
    const [task] = (await t.http.get(`/api/v1/instances/${created.id}/tasks`).expect(200)).body.items;
    expect(new URL(page.url()).pathname).toBe(`/tasks/${task.id}`);
    await page.locator(`[data-testid="notification-bell"][aria-label="${before ? `Thông báo: ${before} chưa đọc` : 'Thông báo'}"]`).waitFor();
  });

  it('7. from the notifications, my e-mail settings: the address the admins set, the language and a mode per kind, saved', async () => {
    const user = (await t.http.get('/api/v1/users').expect(200)).body.items.find((u: { username: string }) => u.username === 'tham-dinh-1');
    await t.http.patch(`/api/v1/users/${user.id}`).send({ email: 'tham-dinh-1@anphong.test' }).expect(200);
    const page = await as('tham-dinh-1');
    await page.getByTestId('notification-bell').click();
    await page.getByRole('heading', { name: 'Thông báo' }).waitFor();
    await page.getByRole('link', { name: 'Cài đặt nhận thư' }).click();
    await page.getByRole('heading', { name: 'Cài đặt nhận thư' }).waitFor();
    expect(await page.getByTestId('preferences-email').textContent()).toBe('tham-dinh-1@anphong.test');
    expect(await page.getByLabel('Quá hạn').inputValue()).toBe('immediate');
    expect(await page.getByLabel('Việc mới').inputValue()).toBe('digest');
    await page.getByLabel('Quá hạn').selectOption({ label: 'Không gửi' });
    await page.getByLabel('Ngôn ngữ của thư').selectOption('en');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('preferences-status').getByText('Đã lưu cài đặt.').waitFor();
    expect(await unlabelled(page)).toEqual([]);
    await screenshot(page, 'preferences');
    const saved = (await (await t.as('tham-dinh-1')).get('/api/v1/me/preferences').expect(200)).body;
    expect(saved).toMatchObject({ language: 'en', emailPreferences: { escalation: 'off', 'task-assigned': 'digest' } });
  });

  it('8. an officer who starts a case they may also handle lands on its first task, already theirs', async () => {
    await t.as('tham-dinh-2', [{ role: 'can-bo-tham-dinh', unit: 'ubnd' }]);
    const page = await as('tham-dinh-2');
    await page.goto(`${base}/cases/new?key=web-form`);
    await page.getByLabel('Tên đề xuất').fill('Sơn lại nhà văn hóa tổ 2');
    await page.getByTestId('start-case').click();
    await page.waitForURL(/\/tasks\//);
    const taskId = new URL(page.url()).pathname.split('/').pop();
    const task = (await t.http.get(`/api/v1/tasks/${taskId}`).expect(200)).body;
    expect(task).toMatchObject({ assignee: 'tham-dinh-2', status: 'open', definitionKey: 'web-form' });
  });

  it('logged no script error and no Content-Security-Policy violation on any page', () => {
    const errors = opened.flatMap((p) => p.errors).filter((e) => !/Failed to load resource: the server responded with a status of (400|401)/.test(e));
    expect(errors).toEqual([]);
  });
});
