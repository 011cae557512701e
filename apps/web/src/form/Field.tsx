// One property of a generated form: picks the control for the schema's kind (schema.ts) and puts it
// in its frame; objects and lists recurse into fields of their own.
import type { JsonSchema } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { escapeToken } from '../json/pointer.ts';
import { BooleanRadios, ChoiceCheckboxes, ChoiceSelect, ConstInput, DateInput, DateTimeInput, JsonInput, NumberInput, TextArea, TextInput } from './controls.tsx';
import { FileInput } from './FileInput.tsx';
import { GroupField, LabelledField, useFieldFrame, type FieldFrame, type FormContext } from './frame.tsx';
import { orderedKeys } from './order.ts';
import { itemSchema, kindOf } from './schema.ts';
import { initialValue } from './values.ts';

type Obj = Record<string, unknown>;

export interface FieldProps {
  schema: JsonSchema;
  pointer: string;
  name: string;
  value: unknown;
  required: boolean;
  onChange(v: unknown): void;
  ctx: FormContext;
  /** Overrides the title (list items). */
  label?: string;
}

export function Field(props: FieldProps) {
  const { t } = useI18n();
  const { schema, pointer, name, value, required, onChange, ctx, label } = props;
  const frame = useFieldFrame(schema, pointer, name, required, ctx, label);
  const kind = kindOf(schema);
  const control = frame.control;
  switch (kind) {
    case 'choice':
      return (
        <LabelledField frame={frame}>
          <ChoiceSelect control={control} schema={schema} value={value} onChange={onChange} presentation={ctx.presentation} />
        </LabelledField>
      );
    case 'const':
      return (
        <LabelledField frame={frame}>
          <ConstInput control={control} schema={schema} presentation={ctx.presentation} />
        </LabelledField>
      );
    case 'date':
      return (
        <LabelledField frame={frame} extraHint={t('form.dateFormat')}>
          <DateInput control={control} value={value} onChange={onChange} />
        </LabelledField>
      );
    case 'text':
    case 'email':
    case 'url':
    case 'time':
      return (
        <LabelledField frame={frame}>
          <TextInput control={control} type={kind} maxLength={schema.maxLength} value={value} onChange={onChange} />
        </LabelledField>
      );
    case 'datetime':
      return (
        <LabelledField frame={frame} extraHint={t('form.timezone')}>
          <DateTimeInput control={control} value={value} onChange={onChange} />
        </LabelledField>
      );
    case 'textarea':
      return (
        <LabelledField frame={frame}>
          <TextArea control={control} maxLength={schema.maxLength} value={value} onChange={onChange} />
        </LabelledField>
      );
    case 'number':
    case 'integer':
      return (
        <LabelledField frame={frame}>
          <NumberInput
            control={control}
            value={value}
            integer={kind === 'integer'}
            min={schema.minimum ?? schema.exclusiveMinimum}
            max={schema.maximum ?? schema.exclusiveMaximum}
            onChange={onChange}
          />
        </LabelledField>
      );
    case 'boolean':
      return (
        <GroupField frame={frame}>
          <BooleanRadios control={control} value={value} onChange={onChange} />
        </GroupField>
      );
    case 'file':
    case 'fileList':
      return (
        <LabelledField frame={frame}>
          <FileInput control={control} value={value} multiple={kind === 'fileList'} maxItems={schema.maxItems} onChange={onChange} />
        </LabelledField>
      );
    case 'choiceList':
      return (
        <GroupField frame={frame}>
          <ChoiceCheckboxes control={control} schema={schema} value={value} onChange={onChange} presentation={ctx.presentation} />
        </GroupField>
      );
    case 'stringList':
    case 'objectList':
      return (
        <GroupField frame={frame}>
          <ListItems frame={frame} schema={schema} objects={kind === 'objectList'} value={value} onChange={onChange} ctx={ctx} />
        </GroupField>
      );
    case 'object':
      return (
        <GroupField frame={frame} className="nested">
          <Properties schema={schema} pointer={pointer} value={value && typeof value === 'object' ? (value as Obj) : {}} onChange={onChange} ctx={ctx} />
        </GroupField>
      );
    case 'json':
    default:
      return (
        <LabelledField frame={frame} extraHint={t('form.json')}>
          <JsonInput control={control} value={value} onChange={onChange} />
        </LabelledField>
      );
  }
}

/** An object's properties: the required ones first, in the order `required` names them. */
export function Properties({
  schema,
  pointer,
  value,
  onChange,
  ctx,
}: {
  schema: JsonSchema;
  pointer: string;
  value: Obj;
  onChange(v: Obj): void;
  ctx: FormContext;
}) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {/* A readOnly field is the system's to fill (a document number from the register): not asked of the person. */}
      {orderedKeys(schema, Object.keys(schema.properties ?? {}).filter((k) => !(schema.properties![k] as { readOnly?: boolean }).readOnly)).map((key) => (
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

/** A list of strings or objects: numbered items, each removable, and an "add" button up to maxItems. */
function ListItems({
  frame,
  schema,
  objects,
  value,
  onChange,
  ctx,
}: {
  frame: FieldFrame;
  schema: JsonSchema;
  objects: boolean;
  value: unknown;
  onChange(v: unknown): void;
  ctx: FormContext;
}) {
  const { t } = useI18n();
  const list = Array.isArray(value) ? value : [];
  const item = itemSchema(schema);
  const set = (next: unknown[]) => onChange(next.length ? next : undefined);
  const max = schema.maxItems ?? Infinity;
  return (
    <>
      <ol className="list-items">
        {list.map((v, i) => (
          <li key={i} className="list-item">
            <Field
              schema={objects ? item : { ...item, title: undefined }}
              pointer={`${frame.pointer}/${i}`}
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
        onClick={() => onChange([...list, objects ? initialValue(item) : undefined])}
      >
        {t('form.add')}
        <span className="sr-only"> — {frame.title}</span>
      </button>
    </>
  );
}
