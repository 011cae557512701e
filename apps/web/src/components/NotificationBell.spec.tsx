/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The bell: the unread count from GET /me/notifications, raised when the live stream (opened with a
// ticket) announces a notification; the list page marks read, opens the task, marks all read; the
// inbox refetches on an `inbox` event.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setToken } from '../api/client.ts';
import { SessionProvider } from '../auth/session.tsx';
import { I18nProvider } from '../i18n/i18n.tsx';
import { LiveProvider } from '../live/live.tsx';
import { Pages } from '../routes.tsx';
import { Header } from './Header.tsx';

/** A stand-in for the browser's EventSource: records what was opened, lets the test send events. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, Array<(e: MessageEvent) => void>>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  send(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const ME = { id: '11111111-1111-4111-8111-111111111111', username: 'can-bo-a', displayName: 'Cán bộ A', memberships: [], units: [] };
const N1 = {
  id: '22222222-2222-4222-8222-222222222222',
  kind: 'task-assigned',
  title: { vi: 'Việc mới: Xử lý đơn khiếu nại', en: 'New task: Handle the complaint' },
  body: null,
  instanceId: '33333333-3333-4333-8333-333333333333',
  taskId: '44444444-4444-4444-8444-444444444444',
  definitionKey: 'khieu-nai',
  createdAt: '2026-12-03T08:00:00.000Z',
  readAt: null,
};
const N2 = { ...N1, id: '55555555-5555-4555-8555-555555555555', kind: 'escalation', title: { vi: 'Quá hạn: Xử lý đơn', en: 'Overdue: Handle' }, taskId: null, readAt: '2026-12-02T08:00:00.000Z', createdAt: '2026-12-02T07:00:00.000Z' };

let unread = 3;
let calls: Array<{ method: string; url: string }> = [];
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  localStorage.setItem('phoihop.lang', 'vi');
  setToken('test-token');
  unread = 3;
  calls = [];
  FakeEventSource.opened = [];
  (globalThis as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
  globalThis.fetch = jest.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url });
    if (url === '/api/v1/me') return json(ME);
    if (url === '/api/v1/me/stream/ticket' && method === 'POST') return json({ ticket: 'a'.repeat(43), expiresAt: '2026-12-03T08:00:30.000Z' }, 201);
    if (url.startsWith('/api/v1/me/notifications?')) return json({ items: [N1, N2], nextCursor: null, counts: { unread, total: 5 } });
    if (method === 'POST' && url.startsWith('/api/v1/me/notifications/')) {
      unread = url.endsWith('read-all') ? 0 : unread - 1;
      return new Response(null, { status: 204 });
    }
    if (url.startsWith('/api/v1/tasks?')) return json({ items: [], nextCursor: null, counts: { mine: 0, claimable: 0, overdue: 0, dueSoon: 0 } });
    return new Promise<Response>(() => undefined);
  });
});
afterEach(() => {
  cleanup();
  setToken(null);
  localStorage.clear();
  delete (globalThis as unknown as { EventSource?: unknown }).EventSource;
});

function app(url: string) {
  window.history.replaceState(null, '', url);
  return render(
    <I18nProvider>
      <SessionProvider>
        <LiveProvider>
          <Header />
          <Pages />
        </LiveProvider>
      </SessionProvider>
    </I18nProvider>,
  );
}

const bell = () => screen.getByTestId('notification-bell');

describe('the notification bell', () => {
  it('shows the unread count, and raises it when the live stream announces a notification', async () => {
    app('/cases');
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('3'));
    expect(bell().getAttribute('aria-label')).toBe('Thông báo: 3 chưa đọc');
    // The stream was opened with a ticket (EventSource cannot send the bearer token).
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    expect(FakeEventSource.opened[0].url).toBe(`/api/v1/me/stream?ticket=${'a'.repeat(43)}`);
    unread = 4;
    act(() => FakeEventSource.opened[0].send('notification', { id: N1.id, kind: 'task-assigned', title: N1.title, instanceId: N1.instanceId, taskId: N1.taskId }));
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('4'));
    expect(bell().getAttribute('aria-label')).toBe('Thông báo: 4 chưa đọc');
  });

  it('opens the list: unread marked, a click marks read and opens the task, "mark all read" clears the count', async () => {
    app('/cases');
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('3'));
    fireEvent.click(bell());
    expect(window.location.pathname).toBe('/notifications');
    const list = await screen.findByTestId('notification-list');
    const items = list.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[0].className).toBe('unread');
    expect(items[0].textContent).toContain('Chưa đọc');
    expect(items[0].textContent).toContain('Việc mới: Xử lý đơn khiếu nại');
    expect(items[1].className).toBe('read');

    fireEvent.click(screen.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect(bell().getAttribute('aria-label')).toBe('Thông báo');
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/me/notifications/read-all')).toBe(true);

    fireEvent.click(screen.getByText('Việc mới: Xử lý đơn khiếu nại'));
    await waitFor(() => expect(window.location.pathname).toBe(`/tasks/${N1.taskId}`));
    expect(calls.some((c) => c.method === 'POST' && c.url === `/api/v1/me/notifications/${N1.id}/read`)).toBe(true);
  });

  it('in English too', async () => {
    localStorage.setItem('phoihop.lang', 'en');
    app('/notifications');
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications: 3 unread'));
    expect(await screen.findByRole('button', { name: 'Mark all read' })).toBeTruthy();
  });

  it('the inbox refetches when the stream says it changed', async () => {
    app('/inbox');
    await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    await waitFor(() => expect(calls.filter((c) => c.url.startsWith('/api/v1/tasks?'))).toHaveLength(1));
    act(() => FakeEventSource.opened[0].send('inbox', { changed: true }));
    await waitFor(() => expect(calls.filter((c) => c.url.startsWith('/api/v1/tasks?'))).toHaveLength(2));
  });

  it('re-opens a dropped stream with a new ticket', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      app('/cases');
      await waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
      act(() => FakeEventSource.opened[0].onerror?.());
      expect(FakeEventSource.opened[0].closed).toBe(true);
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
      await waitFor(() => expect(FakeEventSource.opened).toHaveLength(2));
      expect(calls.filter((c) => c.url === '/api/v1/me/stream/ticket')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
