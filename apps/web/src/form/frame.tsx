// What every generated field has around its control: the label or legend with the required mark,
// the description as a hint, the message under it, and the ids that tie them together for
// assistive technology (aria-describedby, aria-invalid).
import type { ReactNode } from 'react';
import type { JsonSchema } from '../api/types.ts';
import { fieldLabel, fieldPath, humanize, type Presentation } from '../definitions/presentation.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fieldTitle } from './schema.ts';
import type { FieldErrors } from './validate.ts';

/** What the whole form shares with each field. */
export interface FormContext {
  errors: FieldErrors;
  idOf(pointer: string): string;
  onBlur?(pointer: string): void;
  /** The definition's labels: a field's `fields.<path>.label` over its schema title, enum values by `values`. */
  presentation?: Presentation;
}

/** The attributes a control takes from its field. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
  onBlur(): void;
}

export interface FieldFrame {
  id: string;
  title: string;
  description: string;
  error?: string;
  errorId: string;
  hintId: string;
  describedBy?: string;
  required: boolean;
  pointer: string;
  control: ControlProps;
}

/** Ids, texts and control attributes of the field at `pointer`. */
export function useFieldFrame(schema: JsonSchema, pointer: string, name: string, required: boolean, ctx: FormContext, label?: string): FieldFrame {
  const { lang } = useI18n();
  const id = ctx.idOf(pointer);
  const title = label ?? fieldLabel(ctx.presentation, fieldPath(pointer), lang, schema.title) ?? (name ? humanize(name) : '');
  const description = schema.description ? fieldTitle(schema.description, lang, '') : '';
  const error = ctx.errors[pointer];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [description ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    onBlur: () => ctx.onBlur?.(pointer),
  };
  return { id, title, description, error, errorId, hintId, describedBy, required, pointer, control };
}

export function RequiredMark({ on }: { on: boolean }) {
  const { t } = useI18n();
  if (!on) return null;
  return (
    <>
      <span className="req" aria-hidden="true">
        *
      </span>
      <span className="sr-only"> {t('app.requiredMark')}</span>
    </>
  );
}

function Hint({ frame }: { frame: FieldFrame }) {
  if (!frame.description) return null;
  return (
    <p className="hint" id={frame.hintId}>
      {frame.description}
    </p>
  );
}

export function ErrorText({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p className="field-error" id={id}>
      {text}
    </p>
  );
}

/** One control with its <label>. */
export function LabelledField({ frame, extraHint, children }: { frame: FieldFrame; extraHint?: string; children: ReactNode }) {
  return (
    <div className={`field${frame.error ? ' has-error' : ''}`} data-pointer={frame.pointer}>
      <label htmlFor={frame.id}>
        {frame.title}
        <RequiredMark on={frame.required} />
        {extraHint ? <span className="hint-inline"> ({extraHint})</span> : null}
      </label>
      <Hint frame={frame} />
      {children}
      <ErrorText id={frame.errorId} text={frame.error} />
    </div>
  );
}

/** Several controls (radio buttons, checkboxes, nested fields) in a <fieldset> with a <legend>. */
export function GroupField({ frame, className = '', children }: { frame: FieldFrame; className?: string; children: ReactNode }) {
  return (
    <fieldset className={`field group ${className}${frame.error ? ' has-error' : ''}`} data-pointer={frame.pointer} aria-describedby={frame.describedBy}>
      <legend>
        {frame.title}
        <RequiredMark on={frame.required} />
      </legend>
      <Hint frame={frame} />
      <ErrorText id={frame.errorId} text={frame.error} />
      {children}
    </fieldset>
  );
}
