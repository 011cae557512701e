/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The decision on a task: the outcome is required, the event's form is checked before anything is
// sent, the completion is posted with the pruned payload, and the server's issues land on fields.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DefinitionSource, TaskDetail } from '../../api/types.ts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { DecisionForm } from './DecisionForm.tsx';

const source: DefinitionSource = {
  key: 'hop',
  title: { vi: 'Họp', en: 'Meeting' },
  events: {
    DUYET: {
      label: { vi: 'Duyệt', en: 'Approve' },
      kind: 'human',
      schema: {
        type: 'object',
        required: ['soNguoi'],
        properties: { soNguoi: { title: 'Số người (Attendees)', type: 'integer', maximum: 50 }, ghiChu: { type: 'string' }, ngayHop: { type: 'string', format: 'date', title: 'Ngày họp' } },
      },
    },
    TU_CHOI: { label: { vi: 'Từ chối', en: 'Reject' }, kind: 'human' },
  },
  machine: { initial: 'a', states: { a: {} } },
};

const task: TaskDetail = {
  id: 't1',
  instanceId: 'i1',
  businessKey: 'HOP-2026-001',
  summary: 'Họp giao ban tháng 11',
  definitionKey: 'hop',
  state: 'a',
  title: { vi: 'Duyệt cuộc họp', en: 'Approve the meeting' },
  candidateRoles: ['chu-tich'],
  candidateUnits: [],
  outcomes: ['DUYET', 'TU_CHOI'],
  assignee: 'an',
  status: 'open',
  priority: 'normal',
  dueAt: null,
  overdue: false,
  createdAt: '2026-01-01T00:00:00Z',
  claimedAt: null,
  closedAt: null,
  completedBy: null,
  outcome: null,
  events: [],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
let fetchMock: jest.Mock<typeof fetch>;

beforeEach(() => {
  localStorage.setItem('phoihop.lang', 'vi');
  fetchMock = jest.fn<typeof fetch>();
  globalThis.fetch = fetchMock;
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** A rule of the workflow that refused the decision (422 GUARD_REJECTED), with its reasons in both languages. */
const refusal = (refusals: Array<{ field?: string; vi: string; en: string }>) =>
  json(422, {
    statusCode: 422,
    error: 'Unprocessable Entity',
    code: 'GUARD_REJECTED',
    message: 'event "DUYET" is not allowed now',
    details: {
      allowedEvents: ['DUYET', 'TU_CHOI'],
      failedGuards: ['compare'],
      refusals: refusals.map((r) => ({ message: { vi: r.vi, en: r.en }, ...(r.field ? { field: r.field } : {}) })),
      issues: refusals.map((r) => ({ path: r.field ? `/payload/${r.field}` : '/payload', code: 'refused', message: r.en, label: { vi: r.vi, en: r.en } })),
    },
  });

function renderForm() {
  const onDone = jest.fn();
  render(
    <I18nProvider>
      <DecisionForm task={task} source={source} onDone={onDone} />
    </I18nProvider>,
  );
  return onDone;
}

describe('the decision form', () => {
  it('refuses to send without an outcome or with a field the form rejects', () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn thành công việc' }));
    expect(screen.getByTestId('form-summary').textContent).toBe('Biểu mẫu còn 1 lỗi. Hãy sửa các ô được đánh dấu.');
    fireEvent.click(screen.getByRole('radio', { name: 'Duyệt' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn thành công việc' }));
    expect(screen.getByText('Không được để trống.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Số người/), { target: { value: '80' } });
    expect(screen.getByText('Giá trị lớn nhất là 50.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('posts the outcome, the form’s payload and the comment, then hands over', async () => {
    fetchMock.mockResolvedValue(json(200, {}));
    const onDone = renderForm();
    fireEvent.click(screen.getByRole('radio', { name: 'Duyệt' }));
    fireEvent.change(screen.getByLabelText(/^Số người/), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Ý kiến, ghi chú kèm theo'), { target: { value: '  Đồng ý  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn thành công việc' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/tasks/t1/complete');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ outcome: 'DUYET', payload: { soNguoi: 12 }, comment: 'Đồng ý' });
  });

  it('puts the server’s issues on their fields', async () => {
    fetchMock.mockResolvedValue(
      json(422, {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: 'INVALID_PAYLOAD',
        message: 'invalid',
        details: { issues: [{ path: '/payload/soNguoi', code: 'out_of_range', message: 'must be <= 40' }] },
      }),
    );
    const onDone = renderForm();
    fireEvent.click(screen.getByRole('radio', { name: 'Duyệt' }));
    fireEvent.change(screen.getByLabelText(/^Số người/), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn thành công việc' }));
    expect(await screen.findByText('Giá trị nằm ngoài khoảng cho phép. (must be <= 40)')).toBeTruthy();
    expect(screen.getByLabelText(/^Số người/).getAttribute('aria-invalid')).toBe('true');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('puts a refusal of the workflow under its field in the user’s language, with the focus there; a new answer clears it', async () => {
    fetchMock.mockResolvedValue(refusal([{ field: 'ngayHop', vi: 'Ngày họp phải sau ngày nhận đơn.', en: 'The meeting date must be after the date received.' }]));
    renderForm();
    fireEvent.click(screen.getByRole('radio', { name: 'Duyệt' }));
    fireEvent.change(screen.getByLabelText(/^Số người/), { target: { value: '12' } });
    const day = screen.getByLabelText(/^Ngày họp/);
    fireEvent.change(day, { target: { value: '01/10/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn thành công việc' }));
    const message = await screen.findByText('Ngày họp phải sau ngày nhận đơn.');
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(day.getAttribute('aria-describedby')).toContain(message.id);
    await waitFor(() => expect(document.activeElement).toBe(day));
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body)).payload).toEqual({ soNguoi: 12, ngayHop: '2026-10-01' });
    fireEvent.change(day, { target: { value: '01/12/2026' } });
    expect(screen.queryByText('Ngày họp phải sau ngày nhận đơn.')).toBeNull();
  });

  it('says a refusal that names no field for the whole form, in English when English is chosen', async () => {
    localStorage.setItem('phoihop.lang', 'en');
    fetchMock.mockResolvedValue(refusal([{ vi: 'Chưa đủ người dự họp.', en: 'Not enough attendees yet.' }]));
    renderForm();
    fireEvent.click(screen.getByRole('radio', { name: 'Approve' }));
    fireEvent.change(screen.getByLabelText(/^Attendees/), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Complete the task' }));
    expect((await screen.findByTestId('form-refusal')).textContent).toBe('Not enough attendees yet.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('form-summary')));
    expect(screen.queryByText(/not allowed now/)).toBeNull();
  });

  it('counts problems in English with the right plural', () => {
    localStorage.setItem('phoihop.lang', 'en');
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Complete the task' }));
    expect(screen.getByTestId('form-summary').textContent).toBe('The form has 1 problem. Fix the marked field.');
    fireEvent.click(screen.getByRole('radio', { name: 'Approve' }));
    fireEvent.change(screen.getByLabelText(/^Attendees/), { target: { value: '51' } });
    fireEvent.change(screen.getByLabelText(/^Ngày họp/), { target: { value: '31/02/2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Complete the task' }));
    expect(screen.getByTestId('form-summary').textContent).toBe('The form has 2 problems. Fix the marked fields.');
  });

  it('sends an outcome without a form with an empty payload', async () => {
    fetchMock.mockResolvedValue(json(200, {}));
    const onDone = renderForm();
    fireEvent.click(screen.getByRole('radio', { name: 'Từ chối' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoàn thành công việc' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ outcome: 'TU_CHOI', payload: {} });
  });
});
