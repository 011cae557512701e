// The pages by address: one table, matched in order by wouter's <Switch> (so /cases/new comes before
// /cases/:id). Each page is keyed by its path, so a new address starts the page afresh.
import { useEffect, type ReactNode } from 'react';
import { Route, Switch } from 'wouter';
import { useI18n } from './i18n/i18n.tsx';
import type { MessageKey } from './i18n/messages.ts';
import { AuditPage } from './pages/AuditPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { CasesPage, NewCasePage } from './pages/CasesPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';
import { PreferencesPage } from './pages/PreferencesPage.tsx';
import { TaskPage } from './pages/TaskPage.tsx';
import { WebhooksPage } from './pages/WebhooksPage.tsx';
import { EmailDeliveriesPage } from './pages/EmailDeliveriesPage.tsx';
import { NewWorkflowPage, WorkflowPage } from './pages/WorkflowPage.tsx';
import { WorkflowsPage } from './pages/WorkflowsPage.tsx';
import { decodeParams, Link, useLocation } from './router.tsx';

export interface PageRoute {
  path: string;
  title: MessageKey;
  render(params: Record<string, string>): ReactNode;
}

export const ROUTES: PageRoute[] = [
  { path: '/inbox', title: 'nav.inbox', render: () => <InboxPage /> },
  { path: '/notifications', title: 'notif.title', render: () => <NotificationsPage /> },
  { path: '/preferences', title: 'prefs.title', render: () => <PreferencesPage /> },
  { path: '/tasks/:id', title: 'nav.inbox', render: (p) => <TaskPage id={p.id} /> },
  { path: '/cases', title: 'nav.cases', render: () => <CasesPage /> },
  { path: '/cases/new', title: 'case.new', render: () => <NewCasePage /> },
  { path: '/cases/:id', title: 'case.title', render: (p) => <CasePage id={p.id} /> },
  { path: '/audit', title: 'nav.audit', render: () => <AuditPage /> },
  { path: '/workflows', title: 'nav.workflows', render: () => <WorkflowsPage /> },
  { path: '/workflows/new', title: 'wf.new', render: () => <NewWorkflowPage /> },
  { path: '/workflows/:key', title: 'nav.workflows', render: (p) => <WorkflowPage defKey={p.key} /> },
  {
    path: '/workflows/:key/versions/:version',
    title: 'nav.workflows',
    render: (p) => <WorkflowPage defKey={p.key} version={Number(p.version) || undefined} />,
  },
  { path: '/dashboard', title: 'nav.dashboard', render: () => <DashboardPage /> },
  { path: '/admin/webhooks', title: 'nav.webhooks', render: () => <WebhooksPage /> },
  { path: '/admin/email-deliveries', title: 'nav.emails', render: () => <EmailDeliveriesPage /> },
];

/** Sets the tab's title: "<page> — Phối Hợp". */
export function useDocumentTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
}

function Page({ route, params }: { route: PageRoute; params: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const decoded = decodeParams(params);
  useDocumentTitle(t(decoded ? route.title : 'app.notFound'));
  if (!decoded) return <NotFound />;
  return <div key={path}>{route.render(decoded)}</div>;
}

export function NotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('app.notFound'));
  return (
    <>
      <h1 tabIndex={-1}>{t('app.notFound')}</h1>
      <p>{t('app.notFoundText')}</p>
      <Link to="/">{t('app.backHome')}</Link>
    </>
  );
}

/** The signed-in pages; anything else is "not found". */
export function Pages() {
  return (
    <Switch>
      {ROUTES.map((route) => (
        <Route key={route.path} path={route.path}>
          {(params) => <Page route={route} params={params} />}
        </Route>
      ))}
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}
