// The header: the app, the main navigation (what the user's roles allow), the language switch,
// the bell (unread notifications), and who is signed in — their units and roles — with sign-out.
import { useState } from 'react';
import type { Me } from '../api/types.ts';
import { canAudit, isAdmin, useSession } from '../auth/session.tsx';
import { useRoleLabels } from '../definitions/catalogue.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Link, useLocation } from '../router.tsx';
import { NotificationBell } from './NotificationBell.tsx';

export function navItems(me: Me | null): Array<{ to: string; label: MessageKey }> {
  const items: Array<{ to: string; label: MessageKey }> = [
    { to: '/inbox', label: 'nav.inbox' },
    { to: '/cases', label: 'nav.cases' },
  ];
  if (canAudit(me)) items.push({ to: '/audit', label: 'nav.audit' }, { to: '/workflows', label: 'nav.workflows' });
  items.push({ to: '/dashboard', label: 'nav.dashboard' });
  if (isAdmin(me)) items.push({ to: '/admin/webhooks', label: 'nav.webhooks' });
  if (isAdmin(me)) items.push({ to: '/admin/email-deliveries', label: 'nav.emails' });
  return items;
}

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  const option = (l: Lang, text: string) => (
    <button type="button" className={`lang-option${lang === l ? ' active' : ''}`} aria-pressed={lang === l} lang={l} onClick={() => setLang(l)} data-lang={l}>
      {text}
    </button>
  );
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {option('vi', 'Tiếng Việt')}
      {option('en', 'English')}
    </div>
  );
}

/** A role's name: built-in ones from the messages, workflow roles from their definitions. */
export function useRoleName(): (role: string) => string {
  const { t, L } = useI18n();
  const { me } = useSession();
  const labels = useRoleLabels(me?.username);
  return (role) => (role === 'admin' ? t('role.admin') : role === 'auditor' ? t('role.auditor') : role === 'system' ? t('role.system') : L(labels[role], role));
}

export function Header() {
  const { t, L } = useI18n();
  const { me, signOut } = useSession();
  const { path } = useLocation();
  const [open, setOpen] = useState(false);
  const roleName = useRoleName();
  const roles = [...new Set(me?.memberships.map((m) => m.role) ?? [])];

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <div className="header-top">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-ward">{t('app.ward')}</span>
        </Link>
        <LangSwitch />
        {me ? <NotificationBell /> : null}
        {me ? (
          <button type="button" className="menu-toggle secondary" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen(!open)}>
            {t('app.menu')}
          </button>
        ) : null}
      </div>
      {me ? (
        <div className={`header-bottom${open ? ' open' : ''}`} id="main-nav">
          <nav aria-label={t('nav.main')}>
            <ul>
              {navItems(me).map((item) => {
                const current = path === item.to || path.startsWith(item.to + '/');
                return (
                  <li key={item.to}>
                    <Link to={item.to} aria-current={current ? 'page' : undefined} onClick={() => setOpen(false)}>
                      {t(item.label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="user-box" data-testid="user-box">
            <div>
              <span className="sr-only">{t('user.signedInAs')}: </span>
              <strong className="user-name">{me.displayName}</strong> <span className="muted">({me.username})</span>
            </div>
            <dl className="user-meta">
              <div>
                <dt>{t('user.units')}</dt>
                <dd>{me.units.length ? me.units.map((u) => L(u.name, u.key)).join(', ') : t('app.none')}</dd>
              </div>
              <div>
                <dt>{t('user.roles')}</dt>
                <dd data-testid="user-roles">{roles.length ? roles.map(roleName).join(', ') : t('app.none')}</dd>
              </div>
            </dl>
            <button type="button" className="secondary small" onClick={signOut}>
              {t('user.signOut')}
            </button>
          </div>
        </div>
      ) : null}
    </header>
  );
}
