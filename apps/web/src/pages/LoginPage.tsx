import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { AuthMethods } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { PasswordField, signInRefusal } from '../auth/sign-in-fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** Refusals the single sign-on callback sends back (`?sso_error=`), each with its words. */
const SSO_ERRORS: Record<string, MessageKey> = {
  state: 'login.sso.state',
  code: 'login.sso.code',
  token: 'login.sso.token',
  denied: 'login.sso.denied',
  unavailable: 'login.sso.unavailable',
  claim_missing: 'login.sso.claimMissing',
  email_unverified: 'login.sso.emailUnverified',
  unknown_user: 'login.sso.unknownUser',
  ambiguous: 'login.sso.ambiguous',
  disabled: 'login.sso.disabled',
  mapping: 'login.sso.mapping',
};

/** The refusal in the address, read once and taken out of it (a reload must not show it again). */
function takeSsoError(): MessageKey | null {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('sso_error');
  if (code === null) return null;
  params.delete('sso_error');
  const rest = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
  return SSO_ERRORS[code] ?? 'login.sso.other';
}

export function LoginPage() {
  const { t } = useI18n();
  const { signIn, notice } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [ssoError] = useState(takeSsoError);
  // Until the server says otherwise, the password form is offered (as before single sign-on existed).
  const [methods, setMethods] = useState<AuthMethods>({ password: true, sso: null });

  useEffect(() => {
    let live = true;
    api<AuthMethods>('/auth/methods').then(
      (m) => live && setMethods(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(signInRefusal(err, t));
      setBusy(false);
    }
  };

  // Back to the page the person opened, once signed in at the provider.
  const here = `${window.location.pathname}${window.location.search}`;
  const ssoHref = methods.sso ? `${methods.sso.startUrl}?returnTo=${encodeURIComponent(here.startsWith('/') && !here.startsWith('//') ? here : '/')}` : null;

  return (
    <div className="login">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      {notice === 'expired' ? <p className="notice warning">{t('app.sessionExpired')}</p> : null}
      {ssoError ? (
        <p className="notice error" role="alert" data-testid="sso-error">
          {t(ssoError)}
        </p>
      ) : null}
      {ssoHref ? (
        <div className="card">
          <a className="button" href={ssoHref} data-testid="sso-start">
            {methods.sso?.displayName ? t('login.sso.withName', { name: methods.sso.displayName }) : t('login.sso.button')}
          </a>
        </div>
      ) : null}
      {ssoHref && methods.password ? <p className="muted">{t('login.sso.or')}</p> : null}
      {methods.password ? (
        <form onSubmit={submit} noValidate className="card">
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              autoCapitalize="off"
              spellCheck={false}
            />
          </div>
          <PasswordField id="login-password" value={password} onChange={setPassword} t={t} />
          {error ? (
            <p className="notice error" role="alert" data-testid="login-error">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
