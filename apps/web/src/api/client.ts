// The one way the app talks to the API: JSON over fetch with the bearer token, errors as ApiError
// (the server's error shape), file downloads and streamed exports. The short-lived access token is
// renewed from the session cookie (HttpOnly, sent only to /api/v1/auth) before it expires, and once
// more when a request answers 401; only when that fails is the session over.
import type { ErrorBody, Issue } from './types.ts';

const TOKEN_KEY = 'phoihop.token';
export const API = '/api/v1';

let token: string | null = readToken();
let onUnauthorized: (() => void) | null = null;
let renewTimer: ReturnType<typeof setTimeout> | undefined;
let renewing: Promise<string | null> | null = null;
scheduleRenewal();

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/**
 * The access token lives in sessionStorage: gone when the tab closes, never in a cookie or in
 * localStorage. With its lifetime, it is renewed a minute before it ends (sooner for short ones).
 */
export function setToken(value: string | null, expiresIn?: number): void {
  token = value;
  scheduleRenewal(expiresIn);
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // private mode without storage: the token stays in memory
  }
}

export const hasToken = () => token !== null;

function scheduleRenewal(expiresIn = token ? secondsLeft(token) : undefined): void {
  clearTimeout(renewTimer);
  if (token && expiresIn !== undefined) renewTimer = setTimeout(() => void refreshSession(), Math.max(0, renewDelayMs(expiresIn)));
}

/** Seconds until a JWT's `exp` (a token kept from before a reload: its lifetime was not told again). */
function secondsLeft(jwt: string): number | undefined {
  try {
    const claims = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof claims.exp === 'number' ? claims.exp - Date.now() / 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** When to renew an access token that lives `expiresIn` seconds: a minute early, or at three quarters of a short one. */
export function renewDelayMs(expiresIn: number): number {
  return (expiresIn > 240 ? expiresIn - 60 : expiresIn * 0.75) * 1000;
}

/**
 * A new access token from the session cookie, or null when the session is over. One request at a
 * time in this tab, and across tabs through a Web Lock where the browser has them: the refresh
 * token rotates on every use, and the one a tab sent after another had rotated it would count as
 * a replay and end the session.
 */
export function refreshSession(): Promise<string | null> {
  renewing ??= withLock(async () => {
    let res: Response;
    try {
      res = await fetch(`${API}/auth/refresh`, { method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    } catch {
      return token; // offline: the current token, if any, until the next attempt
    }
    if (!res.ok) {
      // The session is over (signed out elsewhere, ended, disabled, past its deadline): whoever
      // was signed in in this tab hears of it, whether a request or the renewal timer found out.
      if (res.status === 401 && token) {
        setToken(null);
        onUnauthorized?.();
      }
      return null;
    }
    const body = (await res.json()) as { accessToken: string; expiresIn: number };
    setToken(body.accessToken, body.expiresIn);
    return body.accessToken;
  }).finally(() => {
    renewing = null;
  });
  return renewing;
}

function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request('phoihop-session-refresh', run) : run();
}

/** Sign-out: the server ends the session and clears its cookie; the tab forgets its token. */
export async function endSession(): Promise<void> {
  setToken(null);
  try {
    await fetch(`${API}/auth/logout`, { method: 'POST', credentials: 'same-origin' });
  } catch {
    // offline: the session ends by itself at its deadline
  }
}

/** Called when an authenticated request answers 401 (expired or revoked token). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.status = status;
    this.body = body;
  }

  get code(): string {
    return this.body.code;
  }

  /** JSON Schema issues (INVALID_PAYLOAD, INVALID_INPUT, DEFINITION_INVALID). */
  get issues(): Issue[] {
    const issues = this.body.details?.issues;
    return Array.isArray(issues) ? (issues as Issue[]) : [];
  }

  /** DTO problems (VALIDATION_FAILED). */
  get problems(): Array<{ field: string; reason: string }> {
    const problems = this.body.details?.problems;
    return Array.isArray(problems) ? (problems as Array<{ field: string; reason: string }>) : [];
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${API}${path}${qs ? `?${qs}` : ''}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * A request that answered 2xx, or an ApiError (status 0 when the server could not be reached). A
 * 401 with a token renews it and tries once more; the unauthorized handler hears of it only when
 * the session is really over.
 */
export async function request(path: string, options: RequestOptions = {}, retried = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, { statusCode: 0, error: 'Network', code: 'NETWORK', message: (error as Error).message });
  }
  if (res.ok) return res;
  let body: ErrorBody;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    body = { statusCode: res.status, error: res.statusText, code: `HTTP_${res.status}`, message: res.statusText };
  }
  if (res.status === 401 && token && !path.startsWith('/auth/')) {
    if (!retried && (await refreshSession())) return request(path, options, true);
    if (retried) onUnauthorized?.();
  }
  throw new ApiError(res.status, body);
}

/** JSON answer (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export async function apiText(path: string, options: RequestOptions = {}): Promise<string> {
  return (await request(path, { ...options, headers: { Accept: 'text/plain', ...options.headers } })).text();
}

/** The file name the server suggests in Content-Disposition, or the fallback. */
export function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('Content-Disposition') ?? '';
  // The exact name (Vietnamese included) is in RFC 5987's filename*; filename="…" is its ASCII stand-in.
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (exact) {
    try {
      return decodeURIComponent(exact[1]);
    } catch {
      // fall back to the plain name
    }
  }
  const match = /filename="?([^";]+)"?/i.exec(header);
  return match ? match[1] : fallback;
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads an authenticated file (a link cannot carry the bearer token) and saves it. */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<{ fileName: string; bytes: number }> {
  const res = await request(path, { query, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const fileName = fileNameOf(res, fallbackName);
  saveBlob(blob, fileName);
  return { fileName, bytes: blob.size };
}

/**
 * Uploads a file as multipart/form-data (field `file`) with XMLHttpRequest, which, unlike fetch,
 * reports upload progress. Resolves with the stored file; refusals (413, 415, …) as ApiError.
 */
export function uploadFile<T>(file: Blob & { name?: string }, onProgress: (sent: number, total: number) => void, signal?: AbortSignal, retried = false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/files'));
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, { statusCode: 0, error: 'Network', code: 'NETWORK', message: 'network error' }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401 && token) {
        const renewed = retried ? Promise.resolve(null) : refreshSession();
        void renewed.then((fresh) => {
          if (fresh) uploadFile<T>(file, onProgress, signal, true).then(resolve, reject);
          else {
            onUnauthorized?.();
            reject(new ApiError(401, (body as ErrorBody) ?? { statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: xhr.statusText }));
          }
        });
        return;
      }
      reject(new ApiError(xhr.status, (body as ErrorBody) ?? { statusCode: xhr.status, error: xhr.statusText, code: `HTTP_${xhr.status}`, message: xhr.statusText }));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name ?? 'tep-dinh-kem');
    xhr.send(form);
  });
}

export interface StreamProgress {
  bytes: number;
  rows: number;
  done: boolean;
}

/**
 * Streams an export with fetch + ReadableStream, reporting bytes and rows (line ends outside CSV
 * quotes) as they arrive, then saves it as a file. Aborting the signal stops it.
 */
export async function streamExport(
  path: string,
  query: Query,
  format: 'csv' | 'ndjson',
  onProgress: (p: StreamProgress) => void,
  signal?: AbortSignal,
): Promise<{ fileName: string; bytes: number; rows: number }> {
  const res = await request(path, { query, signal, headers: { Accept: '*/*' } });
  const fileName = fileNameOf(res, `phoihop-audit.${format}`);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let lines = 0;
  let inQuotes = false;
  const decoder = new TextDecoder();
  const count = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34 && format === 'csv') inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) lines++;
    }
  };
  // CSV starts with a header row; NDJSON is one row per line.
  const rows = () => (format === 'csv' ? Math.max(0, lines - 1) : lines);
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
      count(decoder.decode(value, { stream: true }));
      onProgress({ bytes, rows: rows(), done: false });
    }
  }
  count(decoder.decode());
  onProgress({ bytes, rows: rows(), done: true });
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/x-ndjson;charset=utf-8';
  saveBlob(new Blob(chunks as BlobPart[], { type }), fileName);
  return { fileName, bytes, rows: rows() };
}
