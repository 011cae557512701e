/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The admins' e-mail page: refused mail first, with the server's answer, and "send again".
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setToken } from '../api/client.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { EmailDeliveriesPage } from './EmailDeliveriesPage.tsx';

const REFUSED = {
  id: '44444444-4444-4444-8444-444444444444',
  userId: '55555555-5555-4555-8555-555555555555',
  username: 'chu-tich-1',
  kind: 'notification',
  notificationId: '66666666-6666-4666-8666-666666666666',
  notificationKind: 'escalation',
  toAddress: 'chu-tich@anphong.gov.vn',
  language: 'vi',
  status: 'refused',
  attempts: 1,
  lastResponse: '550 5.1.1 Hộp thư không tồn tại',
  createdAt: '2026-12-03T08:00:00.000Z',
  sentAt: null,
};

let calls: Array<{ method: string; url: string }> = [];
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  localStorage.setItem('phoihop.lang', 'vi');
  setToken('test-token');
  calls = [];
  globalThis.fetch = jest.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url });
    if (method === 'GET' && url.includes('/admin/email-deliveries?')) return json({ items: new URL(url, 'http://x').searchParams.get('status') === 'sent' ? [] : [REFUSED], nextCursor: null });
    if (method === 'POST' && url.endsWith('/retry')) return json({ ...REFUSED, status: 'pending' });
    return json({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: url }, 404);
  });
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  setToken(null);
});

describe('the e-mail deliveries page', () => {
  it('opens on refused mail with the server’s answer, sends one again, and filters by status', async () => {
    render(
      <I18nProvider>
        <EmailDeliveriesPage />
      </I18nProvider>,
    );
    expect(await screen.findByText('chu-tich@anphong.gov.vn')).toBeTruthy();
    expect(calls[0].url).toContain('status=refused');
    const table = screen.getByTestId('mail-deliveries');
    expect(table.textContent).toContain('550 5.1.1 Hộp thư không tồn tại');
    expect(table.textContent).toContain('Bị từ chối');
    expect(table.textContent).toContain('Quá hạn');

    fireEvent.click(screen.getByRole('button', { name: 'Gửi lại' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith(`/admin/email-deliveries/${REFUSED.id}/retry`))).toBe(true));
    expect(await screen.findByText('Đã đưa thư vào hàng đợi gửi lại.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Trạng thái'), { target: { value: 'sent' } });
    expect(await screen.findByText('Không có thư nào ở trạng thái này.')).toBeTruthy();
  });
});
