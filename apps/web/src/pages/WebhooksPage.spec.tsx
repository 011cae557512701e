/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The admins' webhook page: the list, a new subscription with its secret shown once, turning one
// off, and a delivery log with its attempts and "send again".
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setToken } from '../api/client.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { WebhooksPage } from './WebhooksPage.tsx';

const W = {
  id: '11111111-1111-4111-8111-111111111111',
  url: 'https://mot-cua.anphong.gov.vn/hook',
  topics: ['task.*'],
  description: 'Hệ thống một cửa',
  enabled: true,
  consecutiveFailures: 0,
  disabledReason: null,
  disabledAt: null,
  createdBy: 'admin',
  createdAt: '2026-12-03T08:00:00.000Z',
  updatedAt: '2026-12-03T08:00:00.000Z',
};
const D = {
  id: '22222222-2222-4222-8222-222222222222',
  topic: 'task.created',
  status: 'failed',
  attempts: 1,
  lastStatusCode: 500,
  lastError: 'HTTP 500',
  lastAttemptAt: '2026-12-03T08:01:00.000Z',
  deliveredAt: null,
  createdAt: '2026-12-03T08:00:30.000Z',
  instanceId: null,
  payload: { type: 'task.created', timestamp: '2026-12-03T08:00:30.000Z', data: {} },
  log: [{ attempt: 1, at: '2026-12-03T08:01:00.000Z', ok: false, responseCode: 500, latencyMs: 42, error: 'HTTP 500' }],
};

let calls: Array<{ method: string; url: string; body?: string }> = [];
const json = (body: unknown, status = 200) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  localStorage.setItem('phoihop.lang', 'vi');
  setToken('test-token');
  calls = [];
  globalThis.fetch = jest.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body as string | undefined });
    if (method === 'GET' && url.endsWith('/webhooks')) return json({ items: [W] });
    if (method === 'POST' && url.endsWith('/webhooks')) return json({ ...W, id: '33333333-3333-4333-8333-333333333333', secret: 'whsec_bW90LWhhaS1iYS1ib24tbmFtLXNhdS1iYXktdGFt' }, 201);
    if (method === 'PATCH') return json({ ...W, enabled: false });
    if (url.includes('/deliveries?')) return json({ items: [D], nextCursor: null });
    if (url.endsWith('/redeliver')) return new Response(null, { status: 204 });
    return json({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: url }, 404);
  });
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  setToken(null);
});

const open = () =>
  render(
    <I18nProvider>
      <WebhooksPage />
    </I18nProvider>,
  );

describe('the webhooks page', () => {
  it('lists, creates (showing the secret once), turns off, and shows the log with "send again"', async () => {
    open();
    expect(await screen.findByText(W.url)).toBeTruthy();
    expect(screen.getByText('Đang bật')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Địa chỉ nhận (URL)'), { target: { value: 'https://bao-cao.anphong.gov.vn/hook' } });
    fireEvent.change(screen.getByLabelText('Chủ đề'), { target: { value: 'task.created, emit.*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo' }));
    expect((await screen.findByTestId('wh-secret')).textContent).toBe('whsec_bW90LWhhaS1iYS1ib24tbmFtLXNhdS1iYXktdGFt');
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body!)).toEqual({ url: 'https://bao-cao.anphong.gov.vn/hook', topics: ['task.created', 'emit.*'], description: null });

    fireEvent.click(screen.getByRole('button', { name: 'Tắt' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.body === JSON.stringify({ enabled: false }))).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: 'Nhật ký gửi' }));
    expect(await screen.findByText(/HTTP 500/)).toBeTruthy();
    expect(screen.getByTestId('wh-deliveries').textContent).toContain('Thất bại');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi lại' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith(`/webhooks/${W.id}/deliveries/${D.id}/redeliver`))).toBe(true));
  });
});
