// The decision on a task: its outcome, the form generated from that outcome's event schema (labels
// from the definition), a comment; checked in the browser while typing, then by the server, whose
// issues land on the fields — a rule of the workflow that refuses the decision says why under the
// field it concerns, in the user's language, and the focus goes there.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { DefinitionSource, JsonSchema, TaskDetail } from '../../api/types.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { eventOf } from '../../definitions/model.ts';
import { itemSchema } from '../../form/schema.ts';
import { initialValue, prune, SchemaForm } from '../../form/SchemaForm.tsx';
import { issuesToErrors, validateValue, valueAt, type FieldErrors } from '../../form/validate.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { parsePointer } from '../../json/pointer.ts';

/** Whether the form shows a field at this pointer (a readOnly one is the system's, not shown). */
function inForm(schema: JsonSchema | undefined, pointer: string): boolean {
  let node = schema;
  for (const token of parsePointer(pointer)) {
    if (!node) return false;
    node = /^\d+$/.test(token) && node.items ? itemSchema(node) : node.properties?.[token];
    if ((node as { readOnly?: boolean } | undefined)?.readOnly) return false;
  }
  return !!node && pointer !== '';
}

/** The first control of a form (or of the field at `pointer`) that can take the focus. */
export function focusControl(root: HTMLElement | null, pointer?: string): boolean {
  const scope = pointer === undefined ? root : [...(root?.querySelectorAll<HTMLElement>('[data-pointer]') ?? [])].find((el) => el.dataset.pointer === pointer);
  const control = scope?.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
  if (!control) return false;
  control.focus();
  return true;
}

export function DecisionForm({ task, source, onDone, autoFocus = false }: { task: TaskDetail; source: DefinitionSource; onDone(): void; autoFocus?: boolean }) {
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
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    setValue(initialValue(schema));
    setServerErrors({});
    setSubmitted(false);
    setTouched(new Set());
  }, [outcome]);

  // A field left as it was says nothing when the focus leaves it (only a submitted form does).
  // Just claimed: the first field takes the focus, ready to type (the outcome's choice when there is one to make).
  const fields = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) requestAnimationFrame(() => focusControl(fields.current) || focusControl(form.current));
  }, [autoFocus]);

  /** A changed answer: what the server said about that field no longer holds. */
  const change = (next: Record<string, unknown>) => {
    setServerErrors((errors) => {
      const kept = Object.entries(errors).filter(([pointer]) => pointer === '' || JSON.stringify(valueAt(next, pointer)) === JSON.stringify(valueAt(value, pointer)));
      return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
    });
    setValue(next);
  };

  const clientErrors = schema ? validateValue(schema, value, i18n) : {};
  const shown: FieldErrors = { ...serverErrors };
  delete shown[''];
  for (const [pointer, message] of Object.entries(clientErrors)) if (submitted || touched.has(pointer)) shown[pointer] ??= message;
  const outcomeError = submitted && !outcome ? t('v.required') : undefined;
  const formError = serverErrors[''];

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
        // What concerns a field the form does not show is said for the whole form.
        const errors: FieldErrors = {};
        for (const [pointer, message] of Object.entries(issuesToErrors(err.issues, i18n))) {
          const at = inForm(schema, pointer) ? pointer : '';
          errors[at] = errors[at] ? `${errors[at]} ${message}` : message;
        }
        setServerErrors(errors);
        // The focus goes to the first field the server named (its message is tied to it), else to the summary.
        const first = Object.keys(errors).find((p) => p !== '');
        requestAnimationFrame(() => {
          if (first === undefined || !focusControl(form.current, first)) summary.current?.focus();
        });
      } else if (err instanceof ApiError && err.code === 'GUARD_REJECTED') {
        setServerErrors({ '': t('task.refused') });
        requestAnimationFrame(() => summary.current?.focus());
      } else setError(err);
    }
  };

  const errorCount = Object.keys(shown).length + (outcomeError ? 1 : 0);
  const showSummary = submitted && (errorCount > 0 || !!formError);
  return (
    <section className="card decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('task.decision')}</h2>
      <form ref={form} onSubmit={submit} noValidate data-testid="decision-form">
        <div ref={summary} tabIndex={-1} className={showSummary ? 'notice error' : 'sr-only'} role={showSummary ? 'alert' : undefined} data-testid="form-summary">
          {showSummary && formError ? <p data-testid="form-refusal">{formError}</p> : null}
          {showSummary && errorCount ? <p>{t('form.errors', { n: errorCount })}</p> : null}
        </div>
        <OutcomeChoice outcomes={task.outcomes} source={source} value={outcome} onChange={setOutcome} error={outcomeError} />
        <div ref={fields}>
          {outcome ? (
            schema ? (
              <SchemaForm
                schema={schema}
                value={value}
                onChange={change}
                errors={shown}
                onBlur={(p) => valueAt(value, p) !== undefined && setTouched((s) => new Set(s).add(p))}
                presentation={source}
              />
            ) : (
              <p className="muted">{t('task.noForm')}</p>
            )
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="decision-comment">{t('task.comment')}</label>
          <textarea id="decision-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        {/* Pressing the button leaves the focus where it is until the click: a message that a field's blur would show cannot move the button from under the pointer. */}
        <button type="submit" disabled={busy} data-testid="complete" onMouseDown={(e) => e.preventDefault()}>
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
