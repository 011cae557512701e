/**
 * @jest-environment ./apps/web/test/jsdom-environment.js
 */
// The client's side of sessions: when it renews, one refresh at a time, a 401 renewed and retried
// once, and the session's end told once when the refresh is refused.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { api, ApiError, hasToken, refreshSession, renewDelayMs, setToken, setUnauthorizedHandler } from './client.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
type Call = [string, RequestInit | undefined];

afterEach(() => {
  setToken(null);
  setUnauthorizedHandler(null);
});

describe('session renewal in the API client', () => {
  it('renews a minute before a 15-minute token ends, at three quarters of a short one', () => {
    expect(renewDelayMs(900)).toBe(840_000);
    expect(renewDelayMs(8)).toBe(6000);
  });

  it('sends one refresh for concurrent callers', async () => {
    let answer: (r: Response) => void = () => undefined;
    const fetchMock = jest.fn<typeof fetch>(() => new Promise<Response>((r) => (answer = r)));
    globalThis.fetch = fetchMock;
    const both = Promise.all([refreshSession(), refreshSession()]);
    await Promise.resolve();
    answer(json(200, { accessToken: 'neu', tokenType: 'Bearer', expiresIn: 900 }));
    expect(await both).toEqual(['neu', 'neu']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((fetchMock.mock.calls[0] as Call)[0]).toBe('/api/v1/auth/refresh');
  });

  it('a 401 is renewed and the request sent again with the new token', async () => {
    setToken('cu');
    const seen: Array<string | undefined> = [];
    globalThis.fetch = jest.fn<typeof fetch>(async (url, init) => {
      if (String(url).endsWith('/auth/refresh')) return json(200, { accessToken: 'moi', tokenType: 'Bearer', expiresIn: 900 });
      const auth = (init?.headers as Record<string, string>).Authorization;
      seen.push(auth);
      return auth === 'Bearer moi'
        ? json(200, { ok: true })
        : json(401, { statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: 'expired' });
    });
    expect(await api('/me')).toEqual({ ok: true });
    expect(seen).toEqual(['Bearer cu', 'Bearer moi']);
  });

  it('when the refresh is refused the session is over: the handler hears it once, the token is gone', async () => {
    setToken('cu');
    const ended = jest.fn();
    setUnauthorizedHandler(ended);
    globalThis.fetch = jest.fn<typeof fetch>(async () => json(401, { statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: 'ended' }));
    await expect(api('/me')).rejects.toBeInstanceOf(ApiError);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(hasToken()).toBe(false);
  });
});
