// Loading, error and status messages. Status messages are announced (aria-live); errors name
// the server's reason and request id so that support can find them in the logs.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {label ?? t('app.loading')}
    </p>
  );
}

export function errorText(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('app.networkError');
    const problems = error.problems.map((p) => `${p.field}: ${p.reason}`);
    return [error.message, ...problems.filter((p) => !error.message.includes(p))].join(' — ');
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.body.requestId : undefined;
  return (
    <div className="notice error" role="alert">
      <p>
        <strong>{t('app.error')}:</strong> {errorText(error, t)}
      </p>
      {requestId ? <p className="muted small">request id: {requestId}</p> : null}
      {onRetry ? (
        <button type="button" className="secondary small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role="status">
      {children}
    </div>
  );
}

/** A polite live region that always exists, so that changes to its text are announced. */
export function LiveStatus({ text, testId }: { text: string; testId?: string }) {
  return (
    <p className={text ? 'notice success' : 'sr-only'} role="status" aria-live="polite" data-testid={testId}>
      {text}
    </p>
  );
}
