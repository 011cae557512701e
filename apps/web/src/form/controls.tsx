// The controls of the generated form, one per kind of value; each keeps the JSON the API expects
// (undefined for empty) and takes its id and aria attributes from its field (frame.tsx).
import { useState } from 'react';
import type { JsonSchema } from '../api/types.ts';
import { valueLabel, type Presentation } from '../definitions/presentation.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import { formatDay, parseDay } from './dates.ts';
import type { ControlProps } from './frame.tsx';
import { choicesOf, fieldTitle, fromLocalInput, itemSchema, toLocalInput, type Choice } from './schema.ts';

/** What the date field takes (checked again by parseDay): d/m/yyyy with / . or -, or the ISO day. Valid in the `v` mode browsers compile `pattern` in. */
const DAY_PATTERN = String.raw`\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}|\d{4}-\d{2}-\d{2}`;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const orUndefined = (s: string) => (s === '' ? undefined : s);

interface ValueProps {
  control: ControlProps;
  value: unknown;
  onChange(v: unknown): void;
}

/** A choice as people read it: the definition's label of the value, else the branch's title, else the value. */
export function choiceText(c: Choice, lang: Lang, presentation?: Presentation): string {
  const label = valueLabel(presentation, c.value, lang);
  if (label) return label;
  if (c.title) return fieldTitle(c.title, lang, String(c.value));
  return typeof c.value === 'string' ? c.value : JSON.stringify(c.value);
}

/** enum, or oneOf/anyOf of titled consts: a select with "choose…" first. */
export function ChoiceSelect({ control, schema, value, onChange, presentation }: ValueProps & { schema: JsonSchema; presentation?: Presentation }) {
  const { t, lang } = useI18n();
  const choices = choicesOf(schema) as Choice[];
  const index = choices.findIndex((c) => sameJson(c.value, value));
  return (
    <select
      {...control}
      value={index === -1 ? '' : String(index)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : choices[Number(e.target.value)].value)}
    >
      <option value="">{t('app.choose')}</option>
      {choices.map((c, i) => (
        <option key={i} value={String(i)}>
          {choiceText(c, lang, presentation)}
        </option>
      ))}
    </select>
  );
}

export function ConstInput({ control, schema, presentation }: { control: ControlProps; schema: JsonSchema; presentation?: Presentation }) {
  const { lang } = useI18n();
  return <input {...control} type="text" readOnly value={choiceText({ value: schema.const }, lang, presentation)} />;
}

/** text, email, url, date, time: the browser's own input of that type. */
export function TextInput({ control, type, maxLength, value, onChange }: ValueProps & { type: string; maxLength?: number }) {
  return (
    <input
      {...control}
      type={type}
      value={typeof value === 'string' ? value : ''}
      maxLength={maxLength}
      onChange={(e) => onChange(orUndefined(e.target.value))}
    />
  );
}

export function TextArea({ control, maxLength, value, onChange }: ValueProps & { maxLength?: number }) {
  return (
    <textarea
      {...control}
      rows={4}
      value={typeof value === 'string' ? value : ''}
      maxLength={maxLength}
      onChange={(e) => onChange(orUndefined(e.target.value))}
    />
  );
}

/**
 * date: a text input that takes the day as people in Vietnam write it (dd/mm/yyyy), whatever the
 * browser's locale, and keeps the ISO day (yyyy-mm-dd) the API expects. What is not a real day yet
 * is kept as typed, so that the form's check says so under the field.
 */
export function DateInput({ control, value, onChange }: ValueProps) {
  const [text, setText] = useState(() => (typeof value === 'string' ? formatDay(value) : ''));
  // A value set from outside (a reset, a default): shown as dd/mm/yyyy unless the text already says it.
  const shown = typeof value === 'string' ? (parseDay(text) === value || text.trim() === value ? text : formatDay(value)) : parseDay(text) ? '' : text;
  return (
    <input
      {...control}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      pattern={DAY_PATTERN}
      maxLength={10}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        const typed = e.target.value.trim();
        onChange(typed === '' ? undefined : (parseDay(typed) ?? typed));
      }}
    />
  );
}

/** date-time: a datetime-local input in Vietnam time, sent as ISO with +07:00. */
export function DateTimeInput({ control, value, onChange }: ValueProps) {
  return <input {...control} type="datetime-local" value={toLocalInput(value)} onChange={(e) => onChange(fromLocalInput(e.target.value))} />;
}

/** Keeps what is typed (e.g. "1,5" half-way) while the value is a number or undefined. */
export function NumberInput({ control, value, integer, min, max, onChange }: ValueProps & { integer: boolean; min?: number; max?: number }) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  const shown = typeof value === 'number' && Number(text) !== value ? String(value) : text;
  return (
    <input
      {...control}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={min}
      max={max}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        const n = e.target.value === '' ? undefined : Number(e.target.value);
        onChange(n === undefined || Number.isNaN(n) ? undefined : n);
      }}
    />
  );
}

/** Có / Không radio buttons: no implicit false. */
export function BooleanRadios({ control, value, onChange }: ValueProps) {
  const { t } = useI18n();
  return (
    <div className="choices-inline">
      {[true, false].map((b) => (
        <label key={String(b)} className="choice">
          <input type="radio" name={control.id} checked={value === b} onChange={() => onChange(b)} onBlur={control.onBlur} />
          {b ? t('app.yes') : t('app.no')}
        </label>
      ))}
    </div>
  );
}

/** An array of enum values: one checkbox per value. */
export function ChoiceCheckboxes({ control, schema, value, onChange, presentation }: ValueProps & { schema: JsonSchema; presentation?: Presentation }) {
  const { lang } = useI18n();
  const choices = choicesOf(itemSchema(schema)) as Choice[];
  const list = Array.isArray(value) ? value : [];
  const has = (c: Choice) => list.some((v) => sameJson(v, c.value));
  return (
    <div className="choices">
      {choices.map((c, i) => (
        <label key={i} className="choice">
          <input
            type="checkbox"
            checked={has(c)}
            onBlur={control.onBlur}
            onChange={(e) => {
              const next = e.target.checked ? [...list, c.value] : list.filter((v) => !sameJson(v, c.value));
              onChange(next.length ? next : undefined);
            }}
          />
          {choiceText(c, lang, presentation)}
        </label>
      ))}
    </div>
  );
}

/** Anything the form has no control for, typed as JSON. */
export function JsonInput({ control, value, onChange }: ValueProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [bad, setBad] = useState(false);
  return (
    <>
      <textarea
        {...control}
        className="mono"
        rows={4}
        value={text}
        aria-invalid={bad || control['aria-invalid'] || undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setBad(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad ? <p className="field-error">{t('v.json')}</p> : null}
    </>
  );
}
