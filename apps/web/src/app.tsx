// The application shell: language and session providers, the header, and the pages by path.
import { useEffect, useRef } from 'react';
import { isAuditor, SessionProvider, useSession } from './auth/session.tsx';
import { Loading } from './components/feedback.tsx';
import { Header } from './components/Header.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { LiveProvider } from './live/live.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { navigate, useLocation } from './router.tsx';
import { Pages, useDocumentTitle } from './routes.tsx';

function SignIn() {
  const { t } = useI18n();
  useDocumentTitle(t('login.title'));
  // After sign-in the same address shows its page; '/' and '/login' go to the user's start page.
  return <LoginPage />;
}

function Shell() {
  const { status, me } = useSession();
  const { path } = useLocation();
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

  return (
    <>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        {status === 'loading' ? <Loading /> : status === 'anonymous' ? <SignIn /> : <Pages />}
      </main>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LiveProvider>
          <Shell />
        </LiveProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
