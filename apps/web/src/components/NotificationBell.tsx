// The bell in the header: my unread notifications, kept current by the live stream; it opens the
// notifications page.
import { useEffect } from 'react';
import { api } from '../api/client.ts';
import type { NotificationPage } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLive } from '../live/live.tsx';
import { Link, useLocation } from '../router.tsx';

export function NotificationBell({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const { notificationsVersion, connected } = useLive();
  const page = useLoad((signal) => api<NotificationPage>('/me/notifications', { query: { unread: 'true', limit: 1 }, signal }), []);
  const { reload } = page;
  useEffect(() => {
    if (notificationsVersion > 0) reload();
  }, [notificationsVersion, reload]);
  const unread = page.data?.counts.unread ?? 0;
  const label = unread ? t('notif.bellUnread', { n: unread }) : t('notif.bell');
  return (
    <Link
      to="/notifications"
      className={`bell${unread ? ' has-unread' : ''}`}
      aria-label={label}
      title={label}
      aria-current={path === '/notifications' ? 'page' : undefined}
      data-testid="notification-bell"
      data-live={connected ? 'open' : 'closed'}
      onClick={onNavigate}
    >
      <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread ? (
        <span className="bell-count" data-testid="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
