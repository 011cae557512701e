// What happened to a task (claimed, delegated, commented…) and a form to add a comment.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { TaskDetail } from '../../api/types.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { PersonName, usePeople } from '../../components/people.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function TaskActivity({ task, onCommented }: { task: TaskDetail; onCommented(): void }) {
  const { t, dateTime } = useI18n();
  const name = usePeople();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    try {
      await api(`/tasks/${task.id}/comments`, { method: 'POST', body: { text: text.trim() } });
      setText('');
      onCommented();
    } catch (err) {
      setError(err);
    }
  };
  const describe = (e: TaskDetail['events'][number]) => {
    const data = e.data ?? {};
    if (e.type === 'commented') return String(data.text ?? '');
    if (e.type === 'delegated') return `${data.from ? name(String(data.from)) : '—'} → ${name(String(data.to ?? ''))}${data.reason ? ` (${String(data.reason)})` : ''}`;
    return '';
  };
  return (
    <section aria-labelledby="activity-title" className="activity">
      <h2 id="activity-title">{t('task.activity')}</h2>
      {task.events.length ? (
        <ol className="events">
          {task.events.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{dateTime(e.at)}</time> — <strong>
                <PersonName user={e.actor} />
              </strong>{' '}
              {['claimed', 'unclaimed', 'delegated', 'commented', 'acted'].includes(e.type) ? t(`task.activity.${e.type as 'claimed'}`) : e.type}
              {describe(e) ? <span className="event-text">: {describe(e)}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('task.noActivity')}</p>
      )}
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor="comment-text">{t('task.commentText')}</label>
          <textarea id="comment-text" rows={2} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t('task.addComment')}
        </button>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
