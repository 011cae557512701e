/**
 * What people read of a case besides its steps: the one-line summary a definition chooses
 * (`summary`, with `{field}` placeholders), and the folded text a search matches (business key,
 * summary and the fields marked `search`). Pure: the host stores both with the case.
 */
import { readsConfidential } from './confidential.js';
import { getIn, isPlainObject, splitPath } from './json.js';
import type { WorkflowDefinition } from './types.js';

export const SUMMARY_MAX_LENGTH = 200;
const SEARCH_TEXT_MAX_LENGTH = 4000;
/** `{ngayNhan}`, `{nguoiKhieuNai.hoTen}`: a context path between braces. */
export const SUMMARY_PLACEHOLDER = /\{([A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z0-9_$-]+)*)\}/g;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/** Việt Nam's offset (no daylight saving since 1975): an instant is shown by its date there. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** dd/mm/yyyy: a date as written; an instant (a date-time with a zone) by its date in Việt Nam. */
function vietnamDate(value: string, date: RegExpExecArray): string {
  const instant = /[zZ]|[+-]\d{2}:?\d{2}$/.test(value.slice(10)) ? Date.parse(value) : NaN;
  if (Number.isNaN(instant)) return `${date[3]}/${date[2]}/${date[1]}`;
  const local = new Date(instant + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

/** A value as a person reads it: enum values by their Vietnamese label, ISO dates as dd/mm/yyyy. */
export function displayValue(definition: Pick<WorkflowDefinition, 'values'>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const label = definition.values?.[value];
    if (label) return label.vi;
    const date = ISO_DATE.exec(value);
    if (date && value.length <= 30) return vietnamDate(value, date);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => displayValue(definition, v)).filter(Boolean).join(', ');
  if (isPlainObject(value)) {
    // A person or a place as an object: its name-like parts, in order.
    const named = ['hoTen', 'ten', 'name', 'tieuDe', 'title'].map((k) => value[k]).find((v) => typeof v === 'string' && v.trim());
    return typeof named === 'string' ? named : '';
  }
  return '';
}

/** The case's summary line from its context, or null when the definition has none or it is empty. */
export function caseSummary(definition: Pick<WorkflowDefinition, 'summary' | 'values' | 'fields'>, context: Record<string, unknown>): string | null {
  if (!definition.summary) return null;
  // The summary goes to lists, notifications and e-mails: a confidential field (refused by the
  // validator) would never be filled in.
  const filled = definition.summary.replace(SUMMARY_PLACEHOLDER, (_, path: string) =>
    readsConfidential(definition, path) ? '' : displayValue(definition, getIn(context, splitPath(path))),
  );
  // Placeholders left empty would leave dangling separators: "Nguyễn Văn A:  " reads "Nguyễn Văn A".
  const line = filled
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,–—-]+|[\s:;,–—-]+$/g, '')
    .trim();
  if (!line) return null;
  return line.length > SUMMARY_MAX_LENGTH ? `${line.slice(0, SUMMARY_MAX_LENGTH - 1)}…` : line;
}

/**
 * Text folded for matching without diacritics or case: "Nguyễn Văn Đức" -> "nguyen van duc". The
 * same folding is applied to what is typed, so "nguyen van a" finds "Nguyễn Văn A".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a search matches a case by: its business key, summary and `search` fields (never a confidential one), folded. */
export function searchText(definition: Pick<WorkflowDefinition, 'summary' | 'values' | 'fields'>, businessKey: string | null, context: Record<string, unknown>): string {
  const parts = [businessKey ?? '', caseSummary(definition, context) ?? ''];
  for (const [path, field] of Object.entries(definition.fields ?? {})) {
    // A confidential value never enters the search text: it could then be found, or guessed, by anyone.
    if (field.search && !field.hidden && !readsConfidential(definition, path)) parts.push(displayValue(definition, getIn(context, splitPath(path))));
  }
  const folded = foldForSearch(parts.filter(Boolean).join(' '));
  return folded.length > SEARCH_TEXT_MAX_LENGTH ? folded.slice(0, SEARCH_TEXT_MAX_LENGTH) : folded;
}
