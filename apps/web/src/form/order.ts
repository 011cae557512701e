// Field order. Definitions are stored as PostgreSQL jsonb, which keeps object keys sorted by length
// and then bytes, not as the author wrote them; arrays keep their order. So a form lists first the
// `required` fields in the order `required` names them, then the others.
import type { JsonSchema } from '../api/types.ts';

export function orderedKeys(schema: JsonSchema | undefined, keys: string[]): string[] {
  const present = new Set(keys);
  const first = (schema?.required ?? []).filter((k, i, all) => present.has(k) && all.indexOf(k) === i);
  const declared = Object.keys(schema?.properties ?? {}).filter((k) => present.has(k) && !first.includes(k));
  const rest = keys.filter((k) => !first.includes(k) && !declared.includes(k));
  return [...first, ...declared, ...rest];
}
