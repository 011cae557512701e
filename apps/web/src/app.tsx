// The application shell: language and session providers, the header, and the pages by path.
import { useEffect, useRef, type ReactNode } from 'react';
import { isAuditor, SessionProvider, useSession } from './auth/session.tsx';
import { Loading } from './components/feedback.tsx';
import { Header } from './components/Header.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import type { MessageKey } from './i18n/messages.ts';
import { AuditPage } from './pages/AuditPage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { CasesPage, NewCasePage } from './pages/CasesPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { TaskPage } from './pages/TaskPage.tsx';
import { NewWorkflowPage, WorkflowPage } from './pages/WorkflowPage.tsx';
import { WorkflowsPage } from './pages/WorkflowsPage.tsx';
import { Link, matchPath, navigate, useLocation } from './router.tsx';

type Route = [pattern: string, title: MessageKey, render: (params: Record<string, string>) => ReactNode];

const ROUTES: Route[] = [
  ['/inbox', 'nav.inbox', () => <InboxPage />],
  ['/tasks/:id', 'nav.inbox', (p) => <TaskPage id={p.id} />],
  ['/cases', 'nav.cases', () => <CasesPage />],
  ['/cases/new', 'case.new', () => <NewCasePage />],
  ['/cases/:id', 'case.title', (p) => <CasePage id={p.id} />],
  ['/audit', 'nav.audit', () => <AuditPage />],
  ['/workflows', 'nav.workflows', () => <WorkflowsPage />],
  ['/workflows/new', 'wf.new', () => <NewWorkflowPage />],
  ['/workflows/:key', 'nav.workflows', (p) => <WorkflowPage defKey={p.key} />],
  ['/workflows/:key/versions/:version', 'nav.workflows', (p) => <WorkflowPage defKey={p.key} version={Number(p.version) || undefined} />],
  ['/dashboard', 'nav.dashboard', () => <DashboardPage />],
];

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1 tabIndex={-1}>{t('app.notFound')}</h1>
      <p>{t('app.notFoundText')}</p>
      <Link to="/">{t('app.backHome')}</Link>
    </>
  );
}

function Pages() {
  const { t } = useI18n();
  const { status, me } = useSession();
  const { path, href } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const home = isAuditor(me) ? '/audit' : '/inbox';

  useEffect(() => {
    if (status === 'signed-in' && (path === '/' || path === '/login')) navigate(home, { replace: true });
  }, [status, path, home]);

  // A new page: move focus to its heading so that screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => (main.current?.querySelector<HTMLElement>('h1') ?? main.current)?.focus({ preventScroll: false }));
    window.scrollTo(0, 0);
    return () => cancelAnimationFrame(frame);
  }, [path, status]);

  let content: ReactNode;
  let title: string = t('app.name');
  if (status === 'loading') content = <Loading />;
  else if (status === 'anonymous') {
    title = t('login.title');
    // After sign-in the same address shows its page; '/' and '/login' go to the user's start page (effect above).
    content = <LoginPage />;
  } else {
    const found = ROUTES.map(([pattern, key, render]) => ({ params: matchPath(pattern, path), key, render })).find((r) => r.params);
    title = found ? t(found.key) : t('app.notFound');
    content = found ? <div key={href.split('?')[0]}>{found.render(found.params!)}</div> : <NotFound />;
  }

  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);

  return (
    <>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Pages />
      </SessionProvider>
    </I18nProvider>
  );
}
