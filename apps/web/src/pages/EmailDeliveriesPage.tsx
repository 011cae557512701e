// Admins' view of the mail the system sends: every delivery with its status and the SMTP server's
// last answer, filtered by status (a refused address is what an admin comes here to find), and
// "send again" for a refused or failed one.
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { EmailDelivery, EmailDeliveryPage } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

const STATUSES: EmailDelivery['status'][] = ['refused', 'failed', 'pending', 'sending', 'sent'];

export function EmailDeliveriesPage() {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<string>('refused');
  const page = useLoad((signal) => api<EmailDeliveryPage>('/admin/email-deliveries', { query: { status: status || undefined, limit: 50 }, signal }), [status]);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const when = (iso: string | null) => dateTime(iso) || '—';

  const retry = async (d: EmailDelivery) => {
    setError(undefined);
    setDone('');
    try {
      await api(`/admin/email-deliveries/${d.id}/retry`, { method: 'POST' });
      setDone(t('mail.retried'));
      page.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="mail-title">
      <h1 id="mail-title">{t('nav.emails')}</h1>
      <p className="muted">{t('mail.intro')}</p>
      <div className="toolbar">
        <label>
          {t('mail.status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('app.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`mail.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={page.reload}>
          {t('app.retry')}
        </button>
      </div>
      <LiveStatus text={done} />
      {error ? <ErrorMessage error={error} /> : null}
      {page.error ? <ErrorMessage error={page.error} onRetry={page.reload} /> : null}
      {page.loading && !page.data ? <Loading /> : null}
      {page.data && page.data.items.length === 0 ? <p className="empty">{t('mail.empty')}</p> : null}
      {page.data?.items.length ? (
        <table data-testid="mail-deliveries">
          <thead>
            <tr>
              <th>{t('mail.to')}</th>
              <th>{t('mail.what')}</th>
              <th>{t('mail.status')}</th>
              <th>{t('mail.answer')}</th>
              <th>{t('mail.created')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <code>{d.toAddress}</code>
                  <div className="muted">{d.username}</div>
                </td>
                <td>{d.kind === 'digest' ? t('mail.digest') : d.notificationKind ? t(`notif.kind.${d.notificationKind}` as MessageKey) : '—'}</td>
                <td>
                  {t(`mail.status.${d.status}`)}
                  <div className="muted">
                    {t('mail.attempts')}: {d.attempts}
                    {d.sentAt ? ` — ${when(d.sentAt)}` : ''}
                  </div>
                </td>
                <td>{d.lastResponse ? <code>{d.lastResponse}</code> : '—'}</td>
                <td>{when(d.createdAt)}</td>
                <td>
                  {d.status === 'refused' || d.status === 'failed' ? (
                    <button type="button" className="secondary" onClick={() => retry(d)}>
                      {t('mail.retry')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
