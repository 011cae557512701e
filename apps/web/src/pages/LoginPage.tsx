import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { errorText } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { signIn, notice } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

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
      setError(
        err instanceof ApiError && err.status === 401
          ? t('login.wrong')
          : err instanceof ApiError && err.status === 429
            ? t('login.locked')
            : errorText(err, t),
      );
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      {notice === 'expired' ? <p className="notice warning">{t('app.sessionExpired')}</p> : null}
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
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error ? (
          <p className="notice error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
