// The decision on a task: its outcome, the form generated from that outcome's event schema, a
// comment; checked in the browser while typing, then by the server, whose issues land on the fields.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { DefinitionSource, TaskDetail } from '../../api/types.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { eventOf } from '../../definitions/model.ts';
import { initialValue, prune, SchemaForm } from '../../form/SchemaForm.tsx';
import { issuesToErrors, validateValue, type FieldErrors } from '../../form/validate.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function DecisionForm({ task, source, onDone }: { task: TaskDetail; source: DefinitionSource; onDone(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
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
        <OutcomeChoice outcomes={task.outcomes} source={source} value={outcome} onChange={setOutcome} error={outcomeError} />
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

/** The decision's outcome: one radio button per outcome, labelled with its event's label. */
export function OutcomeChoice({
  outcomes,
  source,
  value,
  onChange,
  error,
}: {
  outcomes: string[];
  source: DefinitionSource;
  value: string;
  onChange(outcome: string): void;
  error?: string;
}) {
  const { t, L } = useI18n();
  return (
    <fieldset className={`field group${error ? ' has-error' : ''}`}>
      <legend>
        {t('task.outcome')}
        <span className="req" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="choices">
        {outcomes.map((o) => (
          <label key={o} className="choice outcome">
            <input type="radio" name="outcome" value={o} checked={value === o} onChange={() => onChange(o)} />
            {L(eventOf(source, o)?.label, o)}
          </label>
        ))}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
