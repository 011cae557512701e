// My notifications, newest first, each with its case at a glance (business key and summary): unread
// ones marked; opening one marks it read and goes to its task (or its case); "mark all read"; new
// ones appear as the live stream announces them.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { AppNotification, NotificationPage } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { CaseGlance } from '../components/case-glance.tsx';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useLive } from '../live/live.tsx';
import { Link, navigate } from '../router.tsx';

const KIND_LABEL: Record<AppNotification['kind'], MessageKey> = {
  'task-assigned': 'notif.kind.task-assigned',
  'task-delegated': 'notif.kind.task-delegated',
  reminder: 'notif.kind.reminder',
  escalation: 'notif.kind.escalation',
  message: 'notif.kind.message',
  'webhook-disabled': 'notif.kind.webhook-disabled',
};

/** Where a notification leads: its task, or its case. */
export const targetOf = (n: Pick<AppNotification, 'taskId' | 'instanceId'>) => (n.taskId ? `/tasks/${n.taskId}` : `/cases/${n.instanceId}`);

export function NotificationsPage() {
  const { t, L, lang } = useI18n();
  const { notificationsVersion, notificationsChanged } = useLive();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const page = useLoad((signal) => api<NotificationPage>('/me/notifications', { query: { unread: onlyUnread ? 'true' : undefined, limit: 30 }, signal }), [onlyUnread]);
  const [more, setMore] = useState<{ items: AppNotification[]; cursor: string | null }>({ items: [], cursor: null });
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();
  const { reload } = page;

  useEffect(() => {
    if (notificationsVersion > 0) reload();
  }, [notificationsVersion, reload]);
  useEffect(() => setMore({ items: [], cursor: null }), [page.data]);

  const items = [...(page.data?.items ?? []), ...more.items];
  const cursor = more.cursor ?? page.data?.nextCursor ?? null;
  const counts = page.data?.counts;
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });

  const open = async (n: AppNotification) => {
    setError(undefined);
    try {
      if (!n.readAt) {
        await api(`/me/notifications/${n.id}/read`, { method: 'POST' });
        notificationsChanged();
      }
      navigate(targetOf(n));
    } catch (e) {
      setError(e);
    }
  };

  const readAll = async () => {
    setError(undefined);
    try {
      await api('/me/notifications/read-all', { method: 'POST' });
      setStatus(t('notif.allRead'));
      notificationsChanged();
      reload();
    } catch (e) {
      setError(e);
    }
  };

  const loadMore = async () => {
    if (!cursor) return;
    try {
      const next = await api<NotificationPage>('/me/notifications', { query: { unread: onlyUnread ? 'true' : undefined, limit: 30, cursor } });
      setMore({ items: [...more.items, ...next.items], cursor: next.nextCursor });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('notif.title')}</h1>
      <div className="toolbar">
        {counts ? <p className="muted" data-testid="notif-counts">{t('notif.counts', { unread: counts.unread, total: counts.total })}</p> : null}
        <label className="checkbox">
          <input type="checkbox" checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)} /> {t('notif.onlyUnread')}
        </label>
        <button type="button" className="secondary" disabled={!counts?.unread} onClick={readAll}>
          {t('notif.markAll')}
        </button>
        <Link to="/preferences">{t('notif.settings')}</Link>
      </div>
      <LiveStatus text={status} testId="notif-status" />
      {error ? <ErrorMessage error={error} /> : null}
      {page.error ? <ErrorMessage error={page.error} onRetry={reload} /> : null}
      {page.loading && !page.data ? <Loading /> : null}
      {page.data && items.length === 0 ? <p className="empty">{t('notif.empty')}</p> : null}
      {items.length ? (
        <ul className="notification-list" data-testid="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
              <button type="button" className="notification" onClick={() => open(n)}>
                {n.readAt ? null : <span className="unread-dot">{t('notif.unread')}</span>}
                <span className="notification-kind">{t(KIND_LABEL[n.kind])}</span>
                <strong className="notification-title">{L(n.title)}</strong>
                <CaseGlance businessKey={n.businessKey} summary={n.summary} className="notification-case" testId="notification-case" />
                {n.body ? <span className="notification-body">{L(n.body)}</span> : null}
                <time className="muted" dateTime={n.createdAt}>
                  {when(n.createdAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {cursor ? (
        <button type="button" className="secondary" onClick={loadMore}>
          {t('notif.more')}
        </button>
      ) : null}
    </>
  );
}
