// The form generated from a JSON Schema: one labelled control per property (Field.tsx), nested
// fieldsets for objects and lists, inline messages under each field (client checks and the server's
// issues mapped by JSON pointer). Values are kept as the JSON the API expects (values.ts).
import { useId } from 'react';
import type { JsonSchema } from '../api/types.ts';
import type { Presentation } from '../definitions/presentation.ts';
import { Field, Properties } from './Field.tsx';
import type { FormContext } from './frame.tsx';
import { kindOf, typeOf } from './schema.ts';
import type { FieldErrors } from './validate.ts';

export { initialValue, prune } from './values.ts';

type Obj = Record<string, unknown>;

export interface SchemaFormProps {
  schema: JsonSchema | undefined;
  value: Obj;
  onChange(value: Obj): void;
  errors: FieldErrors;
  onBlur?(pointer: string): void;
  /** The definition's labels for fields and enum values (its `fields` and `values`). */
  presentation?: Presentation;
}

export function SchemaForm({ schema, value, onChange, errors, onBlur, presentation }: SchemaFormProps) {
  const base = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const ctx: FormContext = { errors, onBlur, presentation, idOf: (pointer) => `f${base}${pointer.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}` };
  if (!schema || kindOf(schema) !== 'object') {
    if (!schema || !typeOf(schema)) return null;
    return <Field schema={schema} pointer="" name="" value={value} required onChange={(v) => onChange((v ?? {}) as Obj)} ctx={ctx} />;
  }
  return <Properties schema={schema} pointer="" value={value} onChange={onChange} ctx={ctx} />;
}
