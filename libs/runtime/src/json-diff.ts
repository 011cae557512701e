/** One difference between two JSON documents, at a JSON pointer. */
export interface JsonChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  from?: unknown;
  to?: unknown;
}

const pointer = (base: string, key: string | number) => `${base}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** The differences between two JSON values, deepest first where both sides are objects or arrays. */
export function jsonDiff(a: unknown, b: unknown, path = ''): JsonChange[] {
  if (a === b) return [];
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: path || '/', kind: 'changed', from: a, to: b }];
  const changes: JsonChange[] = [];
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Array.isArray(a) ? Array.from({ length: Math.max((a as unknown[]).length, (b as unknown[]).length) }, (_, i) => String(i)) : [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
  for (const k of keys) {
    const here = pointer(path, k);
    if (!(k in ao)) changes.push({ path: here, kind: 'added', to: bo[k] });
    else if (!(k in bo)) changes.push({ path: here, kind: 'removed', from: ao[k] });
    else changes.push(...jsonDiff(ao[k], bo[k], here));
  }
  return changes;
}
