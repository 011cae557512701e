// The session ended while a page was open: a modal dialog over it signs the same person in again,
// so that what they typed is still there to send. Signing out instead leaves for the sign-in page.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { AuthMethods } from '../api/types.ts';
import { errorText } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from './session.tsx';
import { PasswordField, signInRefusal } from './sign-in-fields.tsx';

export function ReauthDialog({ username }: { username: string }) {
  const { t } = useI18n();
  const { signIn, resume, signOut } = useSession();
  const [methods, setMethods] = useState<AuthMethods>({ password: true, sso: null });
  const dialog = useRef<HTMLDialogElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    const d = dialog.current;
    // Modal: the page behind is inert but kept, with its fields as they were.
    if (d && !d.open) d.showModal?.();
    passwordInput.current?.focus();
    // Whoever signs in through the city's portal has no password here: the portal opens in a new
    // tab (this one keeps the page), and its session cookie is then picked up from here.
    api<AuthMethods>('/auth/methods').then(setMethods, () => undefined);
    return () => d?.close?.();
  }, []);

  const carryOn = async () => {
    setBusy(true);
    setError('');
    try {
      if (!(await resume())) setError(t('session.ssoNotYet'));
    } catch (err) {
      setError(errorText(err, t));
    }
    setBusy(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await signIn(username, password);
    } catch (err) {
      setError(signInRefusal(err, t));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="card reauth"
      aria-labelledby="reauth-title"
      data-testid="reauth-dialog"
      // Escape would leave the page usable without a session: the dialog stays until signed in or out.
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="reauth-title">{t('session.endedTitle')}</h2>
      {methods.password ? <p>{t('session.endedText')}</p> : null}
      {methods.sso ? (
        <div className="reauth-sso">
          <p>{t('session.ssoText')}</p>
          <p className="actions">
            <a className="button secondary" href={`${methods.sso.startUrl}?returnTo=%2F`} target="_blank" rel="noopener noreferrer">
              {t('session.ssoOpen')}
            </a>
            <button type="button" onClick={() => void carryOn()} disabled={busy} data-testid="reauth-resume">
              {t('session.ssoResume')}
            </button>
          </p>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate hidden={!methods.password}>
        <div className="field">
          <label htmlFor="reauth-username">{t('login.username')}</label>
          <input id="reauth-username" name="username" autoComplete="username" value={username} readOnly />
        </div>
        <PasswordField id="reauth-password" value={password} onChange={setPassword} t={t} inputRef={passwordInput} />
        {error ? (
          <p className="notice error" role="alert" data-testid="reauth-error">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
          <button type="button" className="secondary" onClick={signOut}>
            {t('user.signOut')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
