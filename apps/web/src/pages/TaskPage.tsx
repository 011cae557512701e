// One task: what it is, its case and due date, claim / give back / delegate, the decision form
// generated from the chosen outcome's JSON Schema, and the task's activity with comments.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { DefinitionSource, Instance, TaskDetail } from '../api/types.ts';
import { useLoad } from '../api/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorMessage, LiveStatus, Loading, errorText } from '../components/feedback.tsx';
import { useRoleName } from '../components/Header.tsx';
import { DueDate, useNow } from '../components/time.tsx';
import { useVersion } from '../definitions/catalogue.ts';
import { eventOf } from '../definitions/model.ts';
import { initialValue, prune, SchemaForm } from '../form/SchemaForm.tsx';
import { issuesToErrors, validateValue, type FieldErrors } from '../form/validate.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';
import { flash } from './flash.ts';

export function TaskPage({ id }: { id: string }) {
  const { t, L, dateTime } = useI18n();
  const { me } = useSession();
  const now = useNow();
  const roleName = useRoleName();
  const task = useLoad((signal) => api<TaskDetail>(`/tasks/${id}`, { signal }), [id]);
  const instance = useLoad(
    (signal) => (task.data ? api<Instance>(`/instances/${task.data.instanceId}`, { signal }) : Promise.resolve(undefined)),
    [task.data?.instanceId],
  );
  const definition = useVersion(instance.data?.definition.key, instance.data?.definition.version);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>();

  if (task.error) return <ErrorMessage error={task.error} onRetry={task.reload} />;
  if (!task.data) return <Loading />;
  const data = task.data;
  const mine = data.assignee === me?.username;
  const open = data.status === 'open';

  const act = async (action: 'claim' | 'unclaim') => {
    setError(undefined);
    try {
      await api(`/tasks/${id}/${action}`, { method: 'POST' });
      setStatus(t(action === 'claim' ? 'inbox.claimed' : 'inbox.unclaimed', { title: L(data.title) }));
    } catch (e) {
      setError(e);
    }
    task.reload();
  };

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/inbox">{t('nav.inbox')}</Link>
      </p>
      <h1 tabIndex={-1} data-testid="task-title">
        {L(data.title)}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('task.case')}</dt>
          <dd>
            <Link to={`/cases/${data.instanceId}`} data-testid="case-link">
              {definition ? L(definition.source.title) : data.definitionKey}
              {instance.data?.businessKey ? ` — ${instance.data.businessKey}` : ''}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('task.status')}</dt>
          <dd data-testid="task-status">{t(`task.status.${data.status}`)}</dd>
        </div>
        <div>
          <dt>{t('task.due')}</dt>
          <dd>
            <DueDate dueAt={open ? data.dueAt : null} now={now} />
          </dd>
        </div>
        <div>
          <dt>{t('inbox.col.priority')}</dt>
          <dd>
            <span className={`priority priority-${data.priority}`}>{t(`priority.${data.priority}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('task.candidates')}</dt>
          <dd>{data.candidateRoles.map(roleName).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('task.assignee')}</dt>
          <dd data-testid="task-assignee">{data.assignee ?? t('inbox.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('task.createdAt')}</dt>
          <dd>{dateTime(data.createdAt)}</dd>
        </div>
      </dl>

      <LiveStatus text={status} testId="task-status-message" />
      <ErrorMessage error={error} />

      {open ? (
        <div className="actions-row">
          {data.assignee === null ? (
            <button type="button" onClick={() => act('claim')} data-testid="claim">
              {t('task.claim')}
            </button>
          ) : null}
          {mine ? (
            <button type="button" className="secondary" onClick={() => act('unclaim')}>
              {t('task.unclaim')}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="notice info">{t('task.closed')}</p>
      )}

      {open && mine && definition ? (
        <DecisionForm
          task={data}
          source={definition.source}
          onDone={() => {
            flash(t('task.completed', { title: L(data.title) }));
            navigate(`/cases/${data.instanceId}`);
          }}
        />
      ) : null}
      {open && !mine ? <p className="notice info">{data.assignee ? t('task.assignedTo', { user: data.assignee }) : t('task.notMine')}</p> : null}

      {open && mine ? (
        <DelegateForm
          taskId={id}
          onDone={(user) => {
            setStatus(t('task.delegated', { user }));
            task.reload();
          }}
        />
      ) : null}

      <Activity task={data} onCommented={task.reload} />
    </>
  );
}

function DecisionForm({ task, source, onDone }: { task: TaskDetail; source: DefinitionSource; onDone(): void }) {
  const i18n = useI18n();
  const { t, L } = i18n;
  const [outcome, setOutcome] = useState(task.outcomes.length === 1 ? task.outcomes[0] : '');
  const schema = outcome ? eventOf(source, outcome)?.schema : undefined;
  const [value, setValue] = useState<Record<string, unknown>>(() => initialValue(schema));
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setValue(initialValue(schema));
    setServerErrors({});
    setSubmitted(false);
    setTouched(new Set());
  }, [outcome]);

  const clientErrors = schema ? validateValue(schema, value, i18n) : {};
  const shown: FieldErrors = { ...serverErrors };
  for (const [pointer, message] of Object.entries(clientErrors)) if (submitted || touched.has(pointer)) shown[pointer] ??= message;
  const outcomeError = submitted && !outcome ? t('v.required') : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setServerErrors({});
    setError(undefined);
    if (!outcome || Object.keys(clientErrors).length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await api(`/tasks/${task.id}/complete`, {
        method: 'POST',
        body: { outcome, payload: prune(value, schema), ...(comment.trim() ? { comment: comment.trim() } : {}) },
      });
      onDone();
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.issues.length) {
        setServerErrors(issuesToErrors(err.issues, i18n));
        requestAnimationFrame(() => summary.current?.focus());
      } else setError(err);
    }
  };

  const errorCount = Object.keys(shown).length + (outcomeError ? 1 : 0);
  return (
    <section className="card decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('task.decision')}</h2>
      <form onSubmit={submit} noValidate data-testid="decision-form">
        <div
          ref={summary}
          tabIndex={-1}
          className={errorCount && submitted ? 'notice error' : 'sr-only'}
          role={errorCount && submitted ? 'alert' : undefined}
          data-testid="form-summary"
        >
          {errorCount && submitted ? t('form.errors', { n: errorCount }) : ''}
        </div>
        <fieldset className={`field group${outcomeError ? ' has-error' : ''}`}>
          <legend>
            {t('task.outcome')}
            <span className="req" aria-hidden="true">
              *
            </span>
          </legend>
          <div className="choices">
            {task.outcomes.map((o) => (
              <label key={o} className="choice outcome">
                <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
                {L(eventOf(source, o)?.label, o)}
              </label>
            ))}
          </div>
          {outcomeError ? <p className="field-error">{outcomeError}</p> : null}
        </fieldset>
        {outcome ? (
          schema ? (
            <SchemaForm schema={schema} value={value} onChange={setValue} errors={shown} onBlur={(p) => setTouched((s) => new Set(s).add(p))} />
          ) : (
            <p className="muted">{t('task.noForm')}</p>
          )
        ) : null}
        <div className="field">
          <label htmlFor="decision-comment">{t('task.comment')}</label>
          <textarea id="decision-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy} data-testid="complete">
          {busy ? t('task.completing') : t('task.complete')}
        </button>
      </form>
    </section>
  );
}

function DelegateForm({ taskId, onDone }: { taskId: string; onDone(user: string): void }) {
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

function Activity({ task, onCommented }: { task: TaskDetail; onCommented(): void }) {
  const { t, dateTime } = useI18n();
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
    if (e.type === 'delegated') return `${String(data.from ?? '—')} → ${String(data.to ?? '')}${data.reason ? ` (${String(data.reason)})` : ''}`;
    return '';
  };
  return (
    <section aria-labelledby="activity-title" className="activity">
      <h2 id="activity-title">{t('task.activity')}</h2>
      {task.events.length ? (
        <ol className="events">
          {task.events.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{dateTime(e.at)}</time> — <strong>{e.actor}</strong>{' '}
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
