// How a JSON Schema (an event's form or a workflow's start input) becomes form fields.
import type { JsonSchema } from '../api/types.ts';
import type { Lang } from '../i18n/i18n.tsx';

export type FieldKind =
  | 'choice' // enum, or oneOf/anyOf of consts
  | 'const'
  | 'text' // short string
  | 'textarea' // long string
  | 'date'
  | 'datetime'
  | 'time'
  | 'email'
  | 'url'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'stringList' // array of strings
  | 'choiceList' // array of enum values (checkboxes)
  | 'objectList' // array of objects
  | 'object'
  | 'file' // a file reference (format phoihop-file): upload, then its id
  | 'fileList' // an array of file references
  | 'json'; // anything else, typed as JSON

/** The JSON Schema format of a file reference (docs/files.md). */
export const FILE_FORMAT = 'phoihop-file';

/** The schema's main type: the first non-null one of a list, or inferred from enum/const. */
export function typeOf(s: JsonSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null') ?? s.type[0];
  if (s.type) return s.type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

export interface Choice {
  value: unknown;
  title?: string;
}

/** enum values, or oneOf/anyOf branches that are consts (with their titles). */
export function choicesOf(s: JsonSchema): Choice[] | null {
  if (Array.isArray(s.enum)) return s.enum.map((value) => ({ value }));
  const branches = s.oneOf ?? s.anyOf;
  if (Array.isArray(branches) && branches.length && branches.every((b) => b && typeof b === 'object' && 'const' in b)) {
    return branches.map((b) => ({ value: b.const, title: b.title }));
  }
  return null;
}

export function itemSchema(s: JsonSchema): JsonSchema {
  const items = s.items;
  if (Array.isArray(items)) return items[0] ?? {};
  return items ?? {};
}

export function kindOf(s: JsonSchema): FieldKind {
  if (choicesOf(s)) return 'choice';
  if ('const' in s) return 'const';
  const type = typeOf(s);
  switch (type) {
    case 'string':
      if (s.format === FILE_FORMAT) return 'file';
      if (s.format === 'date') return 'date';
      if (s.format === 'date-time') return 'datetime';
      if (s.format === 'time') return 'time';
      if (s.format === 'email') return 'email';
      if (s.format === 'uri' || s.format === 'url') return 'url';
      return (s.maxLength ?? 0) > 300 ? 'textarea' : 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'object':
      return s.properties ? 'object' : 'json';
    case 'array': {
      const item = itemSchema(s);
      if (choicesOf(item)) return 'choiceList';
      if (typeOf(item) === 'string' && item.format === FILE_FORMAT) return 'fileList';
      const it = typeOf(item);
      if (it === 'string') return 'stringList';
      if (it === 'object' && item.properties) return 'objectList';
      return 'json';
    }
    default:
      return 'json';
  }
}

/**
 * Field titles are plain strings (JSON Schema `title`); the shipped workflows write them as
 * "Vietnamese (English)". In English the part in brackets is shown when it is plain ASCII text
 * after Vietnamese text; otherwise the title is shown as written.
 */
export function fieldTitle(title: string | undefined, lang: Lang, fallback: string): string {
  if (!title || typeof title !== 'string') return fallback;
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/s.exec(title);
  if (m && /^[\x20-\x7e]+$/.test(m[2]) && /[a-z]/.test(m[2]) && /[^\x00-\x7f]/.test(m[1])) return lang === 'en' ? m[2].trim() : m[1].trim();
  return title;
}

export const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** datetime-local input value ⇄ ISO instant in Vietnam time (+07:00), as date-time wants a zone. */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const direct = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(?:\.\d+)?\+07:00$/.exec(iso);
  if (direct) return direct[2] && direct[2] !== ':00' ? direct[1] + direct[2] : direct[1];
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + 7 * 3600_000).toISOString().slice(0, 16);
}

export function fromLocalInput(local: string): string | undefined {
  if (!local) return undefined;
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}
