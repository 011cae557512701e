import type { JsonSchema } from './types.js';

/**
 * The JSON Schema format that marks a payload string as a reference to an uploaded file (its id):
 * `{ "type": "string", "format": "phoihop-file" }`, alone or as the `items` of an array. The engine
 * only checks the shape (a UUID); the host checks that the file exists, may be used by the sender,
 * and binds it to the case when the event commits (docs/files.md).
 */
export const FILE_FORMAT = 'phoihop-file';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ajv's check of the format: a file id is a UUID. */
export function isFileId(value: string): boolean {
  return UUID.test(value);
}

/** One file a payload names: the field (a JSON pointer into the payload) and the id. */
export interface FileReference {
  field: string;
  id: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pointerPart(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether a schema (or any subschema) declares a file reference: cheap to ask once per event. */
export function declaresFiles(schema: JsonSchema | undefined): boolean {
  if (!isObject(schema)) return false;
  if (schema.format === FILE_FORMAT) return true;
  for (const v of Object.values(schema)) {
    if (Array.isArray(v) ? v.some((x) => declaresFiles(x as JsonSchema)) : isObject(v) && declaresFiles(v as JsonSchema)) return true;
  }
  return false;
}

/**
 * Every file id a payload gives in a field its schema declares as a file reference, in payload
 * order, each with the pointer of its field. Follows `properties`, `items`, `additionalProperties`
 * and the branches of `allOf`/`anyOf`/`oneOf`; a value the schema does not describe as a file is no
 * reference, whatever it looks like.
 */
export function fileReferences(schema: JsonSchema | undefined, payload: unknown): FileReference[] {
  const out: FileReference[] = [];
  const seen = new Set<string>();
  const walk = (s: unknown, value: unknown, path: string) => {
    if (!isObject(s) || value === undefined || value === null) return;
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(s[k])) for (const sub of s[k] as unknown[]) walk(sub, value, path);
    if (s.format === FILE_FORMAT && typeof value === 'string') {
      const key = `${path}\u0000${value}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ field: path, id: value });
      }
      return;
    }
    if (Array.isArray(value)) {
      if (isObject(s.items)) value.forEach((item, i) => walk(s.items, item, `${path}/${i}`));
      return;
    }
    if (isObject(value)) {
      const props = isObject(s.properties) ? s.properties : {};
      for (const [key, v] of Object.entries(value)) {
        const sub = key in props ? props[key] : isObject(s.additionalProperties) ? s.additionalProperties : undefined;
        if (sub !== undefined) walk(sub, v, `${path}/${pointerPart(key)}`);
      }
    }
  };
  walk(schema, payload, '');
  return out;
}
