// Hands a claimed task to someone else (username and reason).
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { errorText } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function DelegateForm({ taskId, onDone }: { taskId: string; onDone(user: string): void }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to.trim()) return setError(t('v.required'));
    setError('');
    try {
      await api(`/tasks/${taskId}/delegate`, { method: 'POST', body: { to: to.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) } });
      onDone(to.trim());
      setTo('');
      setReason('');
    } catch (err) {
      setError(err instanceof ApiError && err.problems.length ? err.problems.map((p) => `${p.field}: ${p.reason}`).join('; ') : errorText(err, t));
    }
  };
  return (
    <details className="card">
      <summary>{t('task.delegate')}</summary>
      <form onSubmit={submit} noValidate className="inline-form">
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="delegate-to">{t('task.delegateTo')}</label>
          <input
            id="delegate-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            autoCapitalize="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'delegate-error' : undefined}
          />
          {error ? (
            <p className="field-error" id="delegate-error">
              {error}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="delegate-reason">{t('task.delegateReason')}</label>
          <input id="delegate-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t('task.delegate')}
        </button>
      </form>
    </details>
  );
}
