/**
 * Reads the `compare` guards of an event's transitions and bends a generated payload to meet them
 * (a forwarding date not before the receipt, totals that match the closed list): the generated
 * values are believable, and the definition's own rules make them consistent. Only one transition
 * (branch) is followed per try, so that the tries take different branches.
 */

type Json = Record<string, any>;

/** The transitions for `type` in the active states and their ancestors. */
export function transitionsFor(machine: Json | undefined, activePaths: string[], type: string): Json[] {
  const out: Json[] = [];
  for (const path of activePaths) {
    let node: Json | undefined = machine;
    const chain: Json[] = node ? [node] : [];
    for (const segment of path.split('.')) {
      node = node?.states?.[segment];
      if (node) chain.push(node);
    }
    for (const n of chain) {
      const t = n.on?.[type];
      if (t) out.push(...(Array.isArray(t) ? t : [t]));
    }
  }
  return out;
}

function compares(guard: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(guard)) guard.forEach((g) => compares(g, out));
  else if (guard && typeof guard === 'object') {
    const g = guard as Json;
    if (g.type === 'compare') out.push(g.params ?? {});
    else if (g.type === 'all' || g.type === 'any') compares(g.params?.guards, out);
  }
  return out;
}

function read(path: string, sources: { payload: Json; context: Json }): unknown {
  const [root, ...rest] = path.split('.');
  let v: any = root === 'payload' ? sources.payload : root === 'context' ? sources.context : undefined;
  for (const key of rest) v = v?.[key];
  return v;
}

function operand(o: Json | undefined, sources: { payload: Json; context: Json }): unknown {
  if (!o) return undefined;
  if ('value' in o) return o.value;
  if (typeof o.path === 'string') return read(o.path, sources);
  return undefined;
}

const DAY = 86_400_000;

/** A value of the same shape as `current` (a date, an instant, a number) that makes `op` hold against `target`. */
function meet(current: unknown, op: string, target: unknown): unknown {
  if (typeof target === 'number') {
    if (op === '==') return target;
    const n = typeof current === 'number' ? current : target;
    if (op === '>=') return Math.max(n, target);
    if (op === '>') return Math.max(n, target + 1);
    if (op === '<=') return Math.min(n, target);
    if (op === '<') return Math.min(n, target - 1);
  }
  if (typeof target === 'string' && typeof current === 'string' && /^\d{4}-\d{2}-\d{2}/.test(target) && /^\d{4}-\d{2}-\d{2}/.test(current)) {
    const isDate = current.length === 10;
    const t = new Date(target.length === 10 ? `${target}T00:00:00.000Z` : target).getTime();
    const shift = (ms: number) => (isDate ? new Date(ms).toISOString().slice(0, 10) : new Date(ms).toISOString());
    const holds = (v: string) => (op === '>=' ? v >= target : op === '>' ? v > target : op === '<=' ? v <= target : op === '<' ? v < target : v === target);
    if (holds(current)) return current;
    if (op === '>=' || op === '>') return shift(t + (isDate ? DAY : 1000));
    if (op === '<=' || op === '<') return shift(t - (isDate ? DAY : 1000));
  }
  if (op === '==' && target !== undefined && target !== null) return target;
  return current;
}

/** The payload with the `compare` guards of one of the transitions met, where its left side is a payload field. */
export function satisfy(payload: Json, transitions: Json[], context: Json, variant: number): Json {
  if (!transitions.length) return payload;
  const transition = transitions[variant % transitions.length];
  const out = { ...payload };
  for (const c of compares(transition.guard)) {
    const left = c.left?.path;
    if (typeof left !== 'string' || !left.startsWith('payload.') || left.split('.').length !== 2) continue;
    const field = left.slice('payload.'.length);
    const target = operand(c.right, { payload: out, context });
    if (target === undefined || target === null) continue;
    out[field] = meet(out[field], c.op, target);
  }
  return out;
}
