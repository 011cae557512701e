// The form generated from a JSON Schema: one labelled control per property, nested fieldsets
// for objects and lists, inline messages under each field (client checks and the server's issues
// mapped by JSON pointer). Values are kept as the JSON the API expects.
import { useId, useState, type ReactNode } from 'react';
import type { JsonSchema } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { escapeToken } from '../json/pointer.ts';
import { orderedKeys } from './order.ts';
import { choicesOf, fieldTitle, fromLocalInput, isEmpty, itemSchema, kindOf, toLocalInput, typeOf, type Choice } from './schema.ts';
import type { FieldErrors } from './validate.ts';

type Obj = Record<string, unknown>;

/** Defaults and constants filled in, nested objects present so their fields can be edited. */
export function initialValue(schema: JsonSchema | undefined): Obj {
  const build = (s: JsonSchema): unknown => {
    if (s.default !== undefined) return structuredClone(s.default);
    if ('const' in s) return s.const;
    if (kindOf(s) === 'object') {
      const out: Obj = {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        const v = build(sub);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    return undefined;
  };
  const v = schema ? build(schema) : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

/** Drops empty strings, undefined and empty optional objects before sending. */
export function prune(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => prune(v, schema ? itemSchema(schema) : undefined));
  if (value && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value as Obj)) {
      const sub = schema?.properties?.[k];
      const p = prune(v, sub);
      if (isEmpty(p)) continue;
      const required = schema?.required?.includes(k);
      if (!required && p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}

interface Ctx {
  errors: FieldErrors;
  idOf(pointer: string): string;
  onBlur?(pointer: string): void;
}

export interface SchemaFormProps {
  schema: JsonSchema | undefined;
  value: Obj;
  onChange(value: Obj): void;
  errors: FieldErrors;
  onBlur?(pointer: string): void;
}

export function SchemaForm({ schema, value, onChange, errors, onBlur }: SchemaFormProps) {
  const base = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const ctx: Ctx = { errors, onBlur, idOf: (pointer) => `f${base}${pointer.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}` };
  if (!schema || kindOf(schema) !== 'object') {
    if (!schema || !typeOf(schema)) return null;
    return <Field schema={schema} pointer="" name="" value={value} required onChange={(v) => onChange((v ?? {}) as Obj)} ctx={ctx} />;
  }
  return <Properties schema={schema} pointer="" value={value} onChange={onChange} ctx={ctx} />;
}

function Properties({ schema, pointer, value, onChange, ctx }: { schema: JsonSchema; pointer: string; value: Obj; onChange(v: Obj): void; ctx: Ctx }) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {orderedKeys(schema, Object.keys(schema.properties ?? {})).map((key) => (
        <Field
          key={key}
          schema={schema.properties![key]}
          pointer={`${pointer}/${escapeToken(key)}`}
          name={key}
          value={value[key]}
          required={required.has(key)}
          onChange={(v) => {
            const next = { ...value };
            if (v === undefined) delete next[key];
            else next[key] = v;
            onChange(next);
          }}
          ctx={ctx}
        />
      ))}
    </>
  );
}

interface FieldProps {
  schema: JsonSchema;
  pointer: string;
  name: string;
  value: unknown;
  required: boolean;
  onChange(v: unknown): void;
  ctx: Ctx;
  /** Overrides the title (list items). */
  label?: string;
}

function Required({ on }: { on: boolean }) {
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

function ErrorText({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p className="field-error" id={id}>
      {text}
    </p>
  );
}

function Field({ schema, pointer, name, value, required, onChange, ctx, label }: FieldProps) {
  const { t, lang } = useI18n();
  const kind = kindOf(schema);
  const id = ctx.idOf(pointer);
  const title = label ?? fieldTitle(schema.title, lang, name);
  const description = schema.description ? fieldTitle(schema.description, lang, '') : '';
  const error = ctx.errors[pointer];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [description ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const blur = () => ctx.onBlur?.(pointer);
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined, onBlur: blur };
  const hint = description ? (
    <p className="hint" id={hintId}>
      {description}
    </p>
  ) : null;

  const simple = (control: ReactNode, extraHint?: string) => (
    <div className={`field${error ? ' has-error' : ''}`} data-pointer={pointer}>
      <label htmlFor={id}>
        {title}
        <Required on={required} />
        {extraHint ? <span className="hint-inline"> ({extraHint})</span> : null}
      </label>
      {hint}
      {control}
      <ErrorText id={errorId} text={error} />
    </div>
  );

  const group = (children: ReactNode, className = '') => (
    <fieldset className={`field group ${className}${error ? ' has-error' : ''}`} data-pointer={pointer} aria-describedby={describedBy}>
      <legend>
        {title}
        <Required on={required} />
      </legend>
      {hint}
      <ErrorText id={errorId} text={error} />
      {children}
    </fieldset>
  );

  switch (kind) {
    case 'choice': {
      const choices = choicesOf(schema) as Choice[];
      const index = choices.findIndex((c) => JSON.stringify(c.value) === JSON.stringify(value));
      return simple(
        <select
          {...common}
          value={index === -1 ? '' : String(index)}
          onChange={(e) => onChange(e.target.value === '' ? undefined : choices[Number(e.target.value)].value)}
        >
          <option value="">{t('app.choose')}</option>
          {choices.map((c, i) => (
            <option key={i} value={String(i)}>
              {c.title ? fieldTitle(c.title, lang, String(c.value)) : typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}
            </option>
          ))}
        </select>,
      );
    }
    case 'const':
      return simple(<input {...common} type="text" readOnly value={typeof schema.const === 'string' ? schema.const : JSON.stringify(schema.const)} />);
    case 'text':
    case 'email':
    case 'url':
    case 'date':
    case 'time': {
      const type = kind === 'text' ? 'text' : kind;
      return simple(
        <input
          {...common}
          type={type}
          value={typeof value === 'string' ? value : ''}
          maxLength={schema.maxLength}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />,
      );
    }
    case 'datetime':
      return simple(
        <input {...common} type="datetime-local" value={toLocalInput(value)} onChange={(e) => onChange(fromLocalInput(e.target.value))} />,
        t('form.timezone'),
      );
    case 'textarea':
      return simple(
        <textarea
          {...common}
          rows={4}
          value={typeof value === 'string' ? value : ''}
          maxLength={schema.maxLength}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />,
      );
    case 'number':
    case 'integer':
      return simple(
        <NumberInput
          common={common}
          value={value}
          integer={kind === 'integer'}
          min={schema.minimum ?? schema.exclusiveMinimum}
          max={schema.maximum ?? schema.exclusiveMaximum}
          onChange={onChange}
        />,
      );
    case 'boolean':
      return group(
        <div className="choices-inline">
          {[true, false].map((b) => (
            <label key={String(b)} className="choice">
              <input type="radio" name={id} checked={value === b} onChange={() => onChange(b)} onBlur={blur} />
              {b ? t('app.yes') : t('app.no')}
            </label>
          ))}
        </div>,
      );
    case 'choiceList': {
      const choices = choicesOf(itemSchema(schema)) as Choice[];
      const list = Array.isArray(value) ? value : [];
      const has = (c: Choice) => list.some((v) => JSON.stringify(v) === JSON.stringify(c.value));
      return group(
        <div className="choices">
          {choices.map((c, i) => (
            <label key={i} className="choice">
              <input
                type="checkbox"
                checked={has(c)}
                onBlur={blur}
                onChange={(e) => {
                  const next = e.target.checked ? [...list, c.value] : list.filter((v) => JSON.stringify(v) !== JSON.stringify(c.value));
                  onChange(next.length ? next : undefined);
                }}
              />
              {c.title ? fieldTitle(c.title, lang, String(c.value)) : String(c.value)}
            </label>
          ))}
        </div>,
      );
    }
    case 'stringList':
    case 'objectList': {
      const list = Array.isArray(value) ? value : [];
      const item = itemSchema(schema);
      const set = (next: unknown[]) => onChange(next.length ? next : undefined);
      const max = schema.maxItems ?? Infinity;
      return group(
        <>
          <ol className="list-items">
            {list.map((v, i) => (
              <li key={i} className="list-item">
                <Field
                  schema={kind === 'stringList' ? { ...item, title: undefined } : item}
                  pointer={`${pointer}/${i}`}
                  name={String(i)}
                  label={t('form.item', { n: i + 1 })}
                  value={v}
                  required
                  ctx={ctx}
                  onChange={(nv) => set(list.map((x, j) => (j === i ? nv : x)))}
                />
                <button type="button" className="secondary small" onClick={() => set(list.filter((_, j) => j !== i))}>
                  {t('form.remove')}
                  <span className="sr-only"> {t('form.item', { n: i + 1 })}</span>
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="secondary small"
            disabled={list.length >= max}
            onClick={() => onChange([...list, kind === 'objectList' ? initialValue(item) : undefined])}
          >
            {t('form.add')}
            <span className="sr-only"> — {title}</span>
          </button>
        </>,
      );
    }
    case 'object':
      return group(
        <Properties
          schema={schema}
          pointer={pointer}
          value={value && typeof value === 'object' ? (value as Obj) : {}}
          onChange={(v) => onChange(v)}
          ctx={ctx}
        />,
        'nested',
      );
    case 'json':
    default:
      return simple(<JsonInput common={common} value={value} onChange={onChange} />, t('form.json'));
  }
}

type Common = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string; 'aria-required'?: boolean; onBlur(): void };

/** Keeps what is typed (e.g. "1,5" half-way) while the value is a number or undefined. */
function NumberInput({
  common,
  value,
  integer,
  min,
  max,
  onChange,
}: {
  common: Common;
  value: unknown;
  integer: boolean;
  min?: number;
  max?: number;
  onChange(v: unknown): void;
}) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  const shown = typeof value === 'number' && Number(text) !== value ? String(value) : text;
  return (
    <input
      {...common}
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

function JsonInput({ common, value, onChange }: { common: Common; value: unknown; onChange(v: unknown): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value, null, 2));
  const [bad, setBad] = useState(false);
  return (
    <>
      <textarea
        {...common}
        className="mono"
        rows={4}
        value={text}
        aria-invalid={bad || common['aria-invalid'] || undefined}
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
