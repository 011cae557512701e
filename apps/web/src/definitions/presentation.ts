// What people read of a case's data, from its definition: a field's label (`fields.<path>.label`,
// else its form title, else its name in words), whether it is shown at all (`hidden`), how its
// value reads (`format`), and an enum value's label (`values`). Pure: the forms, the case data,
// history payloads and the task page read labels through these.
import type { DefinitionSource, EventSource, FieldPresentation, JsonSchema, Label, StateNodeSource } from '../api/types.ts';
import { orderedKeys } from '../form/order.ts';
import { fieldTitle } from '../form/schema.ts';
import type { Lang } from '../i18n/i18n.tsx';
import { parsePointer } from '../json/pointer.ts';

/** The parts of a definition the labels come from (a draft in the editor may lack some). */
export type Presentation = Partial<Pick<DefinitionSource, 'fields' | 'values' | 'inputSchema' | 'events' | 'context' | 'machine' | 'summary'>>;

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && typeof record === 'object' && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** A label in the language chosen, the other one when it is missing. */
export function pick(label: Label | undefined | null, lang: Lang): string | undefined {
  if (!label || typeof label !== 'object') return undefined;
  const text = label[lang] ?? label[lang === 'vi' ? 'en' : 'vi'];
  return typeof text === 'string' && text.trim() ? text : undefined;
}

/** A form field's pointer as the dotted path `fields` names: `/diaDiem/phong` → `diaDiem.phong`; list items drop out (`/thanhVien/0/ten` → `thanhVien.ten`). */
export function fieldPath(pointer: string): string {
  return parsePointer(pointer)
    .filter((t) => !/^\d+$/.test(t))
    .join('.');
}

export function presentationOf(source: Presentation | undefined, path: string): FieldPresentation | undefined {
  const p = own(source?.fields, path);
  return p && typeof p === 'object' ? p : undefined;
}

/** A field the definition keeps for the machine only (a flag, a counter): no page shows it. */
export const isHidden = (source: Presentation | undefined, path: string) => presentationOf(source, path)?.hidden === true;

/** A name written for the machine, in words: `ngayThuLy` → "Ngay thu ly", `ket-qua` → "Ket qua". The last resort when nothing labels a field. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/**
 * The label of the field at `path`: the definition's `fields` label, else the form's title (its
 * language's part of "Tiếng Việt (English)"), else undefined.
 */
export function fieldLabel(source: Presentation | undefined, path: string, lang: Lang, schemaTitle?: string): string | undefined {
  const label = pick(presentationOf(source, path)?.label, lang);
  if (label) return label;
  if (schemaTitle && typeof schemaTitle === 'string' && schemaTitle.trim()) return fieldTitle(schemaTitle, lang, schemaTitle);
  return undefined;
}

/** An enum value's label (`values`), or undefined when the definition gives none. */
export function valueLabel(source: Presentation | undefined, value: unknown, lang: Lang): string | undefined {
  if (typeof value !== 'string') return undefined;
  return pick(own(source?.values, value), lang);
}

/** The events in the order a case meets them: the machine from its initial step down, each step's task outcomes first. */
function eventsInOrder(source: Presentation): string[] {
  const out: string[] = [];
  const add = (e: string) => {
    if (!out.includes(e)) out.push(e);
  };
  const visit = (node: StateNodeSource | undefined, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 50) return;
    for (const o of node.meta?.task?.outcomes ?? []) add(o);
    for (const e of Object.keys(node.on ?? {})) add(e);
    const children = node.states ?? {};
    const keys = Object.keys(children);
    const first = node.initial && keys.includes(node.initial) ? [node.initial] : [];
    for (const k of [...first, ...keys.filter((k) => !first.includes(k))]) visit(children[k], depth + 1);
  };
  visit(source.machine, 0);
  for (const e of Object.keys(source.events ?? {})) add(e);
  return out;
}

/**
 * The forms that feed the case data, as one map of field → schema: the start form's fields, then
 * each event's (the first form that names a field gives its schema; one with a title wins).
 */
export function dataSchemas(source: Presentation | undefined): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  if (!source) return out;
  const take = (schema: JsonSchema | undefined) => {
    for (const [k, s] of Object.entries(schema?.properties ?? {})) {
      if (!s || typeof s !== 'object') continue;
      if (!out[k] || (!out[k].title && s.title)) out[k] = s;
    }
  };
  take(source.inputSchema);
  for (const e of eventsInOrder(source)) take((own(source.events, e) as EventSource | undefined)?.schema);
  return out;
}

/**
 * The order people read the case data in: the fields of the start form, then those of each
 * event's form as the case meets them (required ones first, as the forms list them), then the rest.
 */
export function dataOrder(source: Presentation | undefined, keys: string[]): string[] {
  if (!source) return keys;
  const order: string[] = [];
  const add = (k: string) => {
    if (keys.includes(k) && !order.includes(k)) order.push(k);
  };
  const fromSchema = (schema: JsonSchema | undefined) => orderedKeys(schema, Object.keys(schema?.properties ?? {})).forEach(add);
  fromSchema(source.inputSchema);
  for (const e of eventsInOrder(source)) fromSchema((own(source.events, e) as EventSource | undefined)?.schema);
  keys.forEach(add);
  return order;
}

const blank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export interface DataEntry {
  key: string;
  /** Dotted path from the case data's root (what `fields` names). */
  path: string;
  label: string;
  value: unknown;
  schema?: JsonSchema;
  format?: FieldPresentation['format'];
}

/**
 * The entries of an object of case data (or a payload) people see: labelled, in reading order,
 * without hidden fields and without empty ones. `prefix`: the object's own dotted path.
 */
export function dataEntries(source: Presentation | undefined, data: Record<string, unknown>, lang: Lang, schema?: JsonSchema, prefix = ''): DataEntry[] {
  const schemas = prefix ? (schema?.properties ?? {}) : { ...dataSchemas(source), ...(schema?.properties ?? {}) };
  const keys = Object.keys(data).filter((k) => !blank(data[k]) && !isHidden(source, prefix ? `${prefix}.${k}` : k));
  const ordered = prefix || !source ? orderedKeys(schema, keys) : schema ? orderedKeys(schema, dataOrder(source, keys)) : dataOrder(source, keys);
  return ordered.map((key) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const sub = own(schemas, key);
    return {
      key,
      path,
      label: fieldLabel(source, path, lang, sub?.title) ?? humanize(key),
      value: data[key],
      schema: sub,
      format: presentationOf(source, path)?.format,
    };
  });
}
