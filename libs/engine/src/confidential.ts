/**
 * Confidential fields (`fields.<path>.confidential`): which values of a case are kept secret, and
 * the one way of masking them. Pure: who may read is the host's to decide (it knows the person's
 * memberships and who acted on the case); the engine says what is confidential and replaces it.
 */
import { getIn, isPlainObject, setIn, splitPath } from './json.js';
import type { ConfidentialMark, WorkflowDefinition } from './types.js';

/**
 * What stands in place of a value kept secret, in every view, history row, replay, export, webhook
 * payload and log. A string, so that every format carries it (CSV cells, NDJSON, XLSX, e-mail text);
 * the web app shows it as "Được giữ bí mật" / "Kept confidential".
 */
export const CONFIDENTIAL_MASK = '[giữ bí mật]';

export interface ConfidentialField {
  /** The field's path as `fields` names it ("nguoiToCao", "nguoiKhieuNai.diaChi"). */
  path: string;
  mark: ConfidentialMark;
}

/** The definition's confidential fields, in the order `fields` lists them. */
export function confidentialFields(definition: Pick<WorkflowDefinition, 'fields'>): ConfidentialField[] {
  const out: ConfidentialField[] = [];
  for (const [path, field] of Object.entries(definition.fields ?? {})) if (field.confidential) out.push({ path, mark: field.confidential });
  return out;
}

/**
 * Whether reading `path` (a field path: "nguoiToCao.diaChi"; a read path's `context.` or `payload.`
 * prefix is dropped) would read a confidential value: the field itself, something inside it, or an
 * object that holds it. The count of a confidential list (`toCao.length`) is not its content.
 */
export function readsConfidential(definition: Pick<WorkflowDefinition, 'fields'>, path: string): boolean {
  const bare = fieldSegments(splitPath(path));
  const fields = confidentialFields(definition);
  if (bare === 'none') return false;
  // The whole context, payload or event holds every confidential field there is.
  if (bare.length === 0) return fields.length > 0;
  const p = bare.join('.');
  // How many items a confidential list holds (`toCao.length`) is a count, not what they say.
  if (bare.length > 1 && bare[bare.length - 1] === 'length' && fields.some((f) => f.path === bare.slice(0, -1).join('.'))) return false;
  return confidentialAt(fields, p).length > 0;
}

/** Of `fields`, those a bare field path reads: the field itself, something inside it, or an object that holds it. */
export function confidentialAt(fields: ConfidentialField[], path: string): ConfidentialField[] {
  return fields.filter((f) => path === f.path || path.startsWith(`${f.path}.`) || f.path.startsWith(`${path}.`));
}

/**
 * The field path a read path reaches (`context.x`, `payload.x`, `event.payload.x` → `x`; a bare
 * `context`, `payload`, `event` or `event.payload` → the whole, `[]`), or 'none' when it reads no
 * field of the case (`actor…`, `event.type`, `event.at`). A path without a prefix is a field path.
 */
function fieldSegments(segs: string[]): string[] | 'none' {
  if (segs[0] === 'context' || segs[0] === 'payload') return segs.slice(1);
  if (segs[0] === 'actor') return 'none';
  if (segs[0] === 'event') return segs.length === 1 ? [] : segs[1] === 'payload' ? segs.slice(2) : 'none';
  return segs;
}

export interface MaskResult<T> {
  value: T;
  /** The confidential fields that held a value and were masked. */
  masked: string[];
  /** The confidential fields that held a value and were left in clear for this reader. */
  revealed: string[];
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * `value` (a case's context, an event's payload, a replayed state's context) with every confidential
 * field the reader may not read replaced by {@link CONFIDENTIAL_MASK}; the input is not changed.
 * Empty values (absent, null, '') stay as they are: they say nothing of a person. `mayRead` is asked
 * once per confidential field that holds a value; without it nothing is readable.
 */
export function maskConfidential<T>(definition: Pick<WorkflowDefinition, 'fields'>, value: T, mayRead: (field: ConfidentialField) => boolean = () => false): MaskResult<T> {
  const masked: string[] = [];
  const revealed: string[] = [];
  if (!isPlainObject(value)) return { value, masked, revealed };
  let out: unknown = value;
  for (const field of confidentialFields(definition)) {
    const segs = splitPath(field.path);
    if (!present(getIn(out, segs))) continue;
    if (mayRead(field)) {
      revealed.push(field.path);
      continue;
    }
    out = setIn(out, segs, CONFIDENTIAL_MASK);
    masked.push(field.path);
  }
  return { value: out as T, masked, revealed };
}

/** Whether a value is the mask (what the web app shows as "kept confidential"). */
export const isConfidentialMask = (value: unknown): boolean => value === CONFIDENTIAL_MASK;
