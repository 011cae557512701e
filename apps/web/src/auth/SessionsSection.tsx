// My sign-in sessions (Preferences page): where and since when each browser is signed in, and a
// button that ends any but this one.
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { useLoad } from '../api/use-load.ts';
import { ConfirmButton } from '../components/Confirm.tsx';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** One running session of GET /api/v1/me/sessions. */
type SessionRow = components['schemas']['SessionDto'];

export function SessionsSection() {
  const { t, dateTime } = useI18n();
  const sessions = useLoad((signal) => api<{ items: SessionRow[] }>('/me/sessions', { signal }), []);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();

  const end = async (id: string) => {
    setError(undefined);
    setStatus('');
    try {
      await api(`/me/sessions/${id}`, { method: 'DELETE' });
      setStatus(t('sessions.ended'));
      sessions.reload();
    } catch (err) {
      setError(err);
    }
  };

  const items = sessions.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="sessions-title" data-testid="sessions">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <p className="muted">{t('sessions.intro')}</p>
      {sessions.error ? <ErrorMessage error={sessions.error} onRetry={sessions.reload} /> : null}
      {sessions.loading && !sessions.data ? <Loading /> : null}
      {sessions.data ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sessions.where')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.lastUsed')}</th>
              <th scope="col">{t('sessions.expires')}</th>
              <th scope="col">
                <span className="sr-only">{t('sessions.end')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} data-testid="session-row">
                <td>
                  {s.ip ?? '—'}
                  <br />
                  <span className="muted">{s.userAgent ?? '—'}</span>
                </td>
                <td>{dateTime(s.createdAt)}</td>
                <td>{dateTime(s.lastUsedAt)}</td>
                <td>{dateTime(s.expiresAt)}</td>
                <td>
                  {s.current ? (
                    <strong>{t('sessions.current')}</strong>
                  ) : (
                    <ConfirmButton
                      label={t('sessions.end')}
                      question={t('sessions.endQuestion')}
                      className="secondary small"
                      onConfirm={() => void end(s.id)}
                      testId="session-end"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {sessions.data && items.every((s) => s.current) ? <p className="muted">{t('sessions.none')}</p> : null}
      <LiveStatus text={status} testId="sessions-status" />
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
