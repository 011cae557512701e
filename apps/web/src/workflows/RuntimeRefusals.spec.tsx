/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The workflow page's list of steps the published versions refused: newest first, with the case and why.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, render, screen } from '@testing-library/react';
import { setToken } from '../api/client.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { RuntimeRefusals } from './RuntimeRefusals.tsx';

const CASE = '77777777-7777-4777-8777-777777777777';
const entry = (id: string, at: string, cause: 'event' | 'deadline', event: string) => ({
  id,
  at,
  action: 'definition.runtime_refusal',
  subjectId: 'dang-ky-hoi-truong@2',
  data: { instanceId: CASE, event, cause, message: 'deadline "hanXa" cannot be computed: the resulting date is outside the years 1900–2199' },
});

let urls: string[] = [];
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  localStorage.setItem('phoihop.lang', 'vi');
  setToken('test-token');
  urls = [];
  globalThis.fetch = jest.fn<typeof fetch>(async (input) => {
    urls.push(String(input));
    return json({ items: [entry('1', '2026-12-01T02:00:00.000Z', 'event', 'GUI'), entry('2', '2026-12-02T02:00:00.000Z', 'deadline', 'hanKiemTra')], nextCursor: null });
  });
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  setToken(null);
});

describe('steps refused by the workflow', () => {
  it('lists the refusals of this workflow only, newest first, naming the case, the step and why', async () => {
    render(
      <I18nProvider>
        <RuntimeRefusals defKey="dang-ky-hoi-truong" />
      </I18nProvider>,
    );
    const rows = await screen.findAllByRole('row');
    expect(urls[0]).toContain('action=definition.runtime_refusal');
    expect(urls[0]).toContain('subject=dang-ky-hoi-truong');
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain('thời hạn hanKiemTra');
    expect(rows[2].textContent).toContain('GUI');
    expect(rows[1].textContent).toContain('outside the years');
    expect(screen.getAllByRole('link')[0].getAttribute('href')).toBe(`/cases/${CASE}`);
  });
});
