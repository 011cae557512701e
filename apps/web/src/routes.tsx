// The pages by address: one table, matched in order by wouter's <Switch> (so /cases/new comes before
// /cases/:id). Each page is keyed by its path, so a new address starts the page afresh.
// The inbox (the start page) is in the main bundle; every other page is its own chunk, fetched the
// first time its address is opened (React.lazy; "Đang tải…" meanwhile), so that the main bundle
// carries neither the editor, the simulation and migration tools, the charts nor the forms.
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { Route, Switch } from 'wouter';
import { Loading } from './components/feedback.tsx';
import { useI18n } from './i18n/i18n.tsx';
import type { MessageKey } from './i18n/messages.ts';
import { InboxPage } from './pages/InboxPage.tsx';
import { decodeParams, Link, useLocation } from './router.tsx';

/** `name` of the module `load` imports, as a lazily loaded component. */
function page<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const AuditPage = page(() => import('./pages/AuditPage.tsx'), 'AuditPage');
const CasePage = page(() => import('./pages/CasePage.tsx'), 'CasePage');
const CasesPage = page(() => import('./pages/CasesPage.tsx'), 'CasesPage');
const NewCasePage = page(() => import('./pages/CasesPage.tsx'), 'NewCasePage');
const DashboardPage = page(() => import('./pages/DashboardPage.tsx'), 'DashboardPage');
const NotificationsPage = page(() => import('./pages/NotificationsPage.tsx'), 'NotificationsPage');
const PreferencesPage = page(() => import('./pages/PreferencesPage.tsx'), 'PreferencesPage');
const TaskPage = page(() => import('./pages/TaskPage.tsx'), 'TaskPage');
const WebhooksPage = page(() => import('./pages/WebhooksPage.tsx'), 'WebhooksPage');
const EmailDeliveriesPage = page(() => import('./pages/EmailDeliveriesPage.tsx'), 'EmailDeliveriesPage');
const WorkflowPage = page(() => import('./pages/WorkflowPage.tsx'), 'WorkflowPage');
const NewWorkflowPage = page(() => import('./pages/WorkflowPage.tsx'), 'NewWorkflowPage');
const WorkflowsPage = page(() => import('./pages/WorkflowsPage.tsx'), 'WorkflowsPage');

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
  return (
    <div key={path}>
      <Suspense fallback={<Loading />}>
        <FocusHeading />
        {route.render(decoded)}
      </Suspense>
    </div>
  );
}

/**
 * When a page's chunk arrives after the shell moved focus (to <main>: the heading was not there
 * yet), focus goes on to the page's heading, as it does for a page whose chunk was already loaded.
 */
function FocusHeading() {
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && document.activeElement === main) main.querySelector<HTMLElement>('h1')?.focus();
  }, []);
  return null;
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
