// My e-mail settings: the language of my mails and, per kind of notification, a mail at once, in
// the 7:30 digest, or none. The address itself is set by administrators and only shown here.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import type { Preferences } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { ErrorMessage, LiveStatus, Loading } from '../components/feedback.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Link } from '../router.tsx';
import { SessionsSection } from '../auth/SessionsSection.tsx';

type Kind = keyof Preferences['emailPreferences'];
type Mode = Preferences['emailPreferences'][Kind];
const KINDS: Kind[] = ['task-assigned', 'task-delegated', 'reminder', 'escalation', 'message'];
const MODES: Mode[] = ['immediate', 'digest', 'off'];

export function PreferencesPage() {
  const { t } = useI18n();
  const prefs = useLoad((signal) => api<Preferences>('/me/preferences', { signal }), []);
  const [draft, setDraft] = useState<Pick<Preferences, 'language' | 'emailPreferences'>>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (prefs.data) setDraft({ language: prefs.data.language, emailPreferences: prefs.data.emailPreferences });
  }, [prefs.data]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setError(undefined);
    setStatus('');
    setSaving(true);
    try {
      const saved = await api<Preferences>('/me/preferences', { method: 'PUT', body: draft });
      setDraft({ language: saved.language, emailPreferences: saved.emailPreferences });
      setStatus(t('prefs.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('prefs.title')}</h1>
      <p>
        <Link to="/notifications">{t('notif.title')}</Link>
      </p>
      <p className="muted">{t('prefs.intro')}</p>
      {prefs.error ? <ErrorMessage error={prefs.error} onRetry={prefs.reload} /> : null}
      {prefs.loading && !prefs.data ? <Loading /> : null}
      {prefs.data && draft ? (
        <form onSubmit={save} className="card" data-testid="preferences-form">
          <p>
            {t('prefs.email')}: {prefs.data.email ? <strong data-testid="preferences-email">{prefs.data.email}</strong> : <span className="muted">{t('prefs.noEmail')}</span>}
          </p>
          {prefs.data.emailEnabled ? null : <p className="muted">{t('prefs.mailOff')}</p>}
          <div className="field">
            <label htmlFor="prefs-language">{t('prefs.language')}</label>
            <select id="prefs-language" value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value as Preferences['language'] })}>
              <option value="vi">{t('prefs.lang.vi')}</option>
              <option value="en">{t('prefs.lang.en')}</option>
            </select>
          </div>
          {KINDS.map((kind) => (
            <div className="field" key={kind}>
              <label htmlFor={`prefs-${kind}`}>{t(`notif.kind.${kind}` as MessageKey)}</label>
              <select
                id={`prefs-${kind}`}
                value={draft.emailPreferences[kind]}
                onChange={(e) => setDraft({ ...draft, emailPreferences: { ...draft.emailPreferences, [kind]: e.target.value as Mode } })}
              >
                {MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`prefs.mode.${mode}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className="form-actions">
            <button type="submit" disabled={saving}>
              {t('app.save')}
            </button>
          </div>
          <LiveStatus text={status} testId="preferences-status" />
          {error ? <ErrorMessage error={error} /> : null}
        </form>
      ) : null}
      <SessionsSection />
    </>
  );
}
