/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The pages by address: every URL the app has opens its page (the tab's title names it), unknown or
// malformed addresses are "not found", and links navigate without reloading.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SessionProvider } from './auth/session.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { Link, navigate } from './router.tsx';
import { Pages } from './routes.tsx';

beforeEach(() => {
  localStorage.setItem('phoihop.lang', 'vi');
  // The pages load their data: leave every request pending, the routing is what is tested here.
  globalThis.fetch = jest.fn<typeof fetch>(() => new Promise<Response>(() => undefined));
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

function open(url: string) {
  window.history.replaceState(null, '', url);
  return render(
    <I18nProvider>
      <SessionProvider>
        <Pages />
        <Link to="/dashboard?period=2026-H1">Tổng hợp</Link>
      </SessionProvider>
    </I18nProvider>,
  );
}

const title = () => document.title.replace(/ — Phối Hợp$/, '');

describe('routes', () => {
  it.each([
    ['/inbox', 'Hộp việc'],
    ['/notifications', 'Thông báo'],
    ['/inbox?bucket=mine&workflow=hop', 'Hộp việc'],
    ['/tasks/0b0c7a52-1f4e-4a55-9a53-2f1d7b1c3e11', 'Hộp việc'],
    ['/cases', 'Hồ sơ'],
    ['/cases/new', 'Khởi tạo hồ sơ mới'],
    ['/cases/0b0c7a52-1f4e-4a55-9a53-2f1d7b1c3e11', 'Hồ sơ'],
    ['/audit', 'Kiểm tra, giám sát'],
    ['/workflows', 'Quy trình'],
    ['/workflows/new', 'Soạn quy trình mới'],
    ['/workflows/hop', 'Quy trình'],
    ['/workflows/hop/versions/2', 'Quy trình'],
    ['/dashboard?period=2026-H1', 'Tổng hợp'],
    ['/admin/webhooks', 'Webhook'],
    ['/admin/email-deliveries', 'Thư điện tử đã gửi'],
  ])('%s opens its page', (url, expected) => {
    open(url);
    expect(title()).toBe(expected);
    expect(screen.queryByText('Không tìm thấy trang')).toBeNull();
  });

  it.each(['/nowhere', '/cases/a/b', '/tasks/%E0%A4%A'])('%s is not found', (url) => {
    open(url);
    expect(title()).toBe('Không tìm thấy trang');
    expect(screen.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeTruthy();
  });

  it('follows links and navigate() without a reload', () => {
    open('/nowhere');
    fireEvent.click(screen.getByRole('link', { name: 'Tổng hợp' }));
    expect(window.location.pathname + window.location.search).toBe('/dashboard?period=2026-H1');
    expect(title()).toBe('Tổng hợp');
    act(() => navigate('/cases/new'));
    expect(title()).toBe('Khởi tạo hồ sơ mới');
  });
});
