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

  // A new page: move focus to its heading so that screen readers announce it. A page that loads
  // its data first shows its heading a moment later: the focus waits for it (a few seconds at most),
  // unless the person has moved it meanwhile.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = main.current;
    if (!root) return;
    window.scrollTo(0, 0);
    const untouched = () => {
      const active = document.activeElement;
      return !active || active === document.body || active === root || !root.contains(active);
    };
    let observer: MutationObserver | undefined;
    const focusHeading = () => {
      const heading = root.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (untouched()) heading.focus({ preventScroll: true });
      return true;
    };
    const frame = requestAnimationFrame(() => {
      if (focusHeading()) return;
      root.focus({ preventScroll: true });
      observer = new MutationObserver(() => {
        if (focusHeading()) observer?.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
    });
    const timer = setTimeout(() => observer?.disconnect(), 5000);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      observer?.disconnect();
    };
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
