/** Small, dependency-free JSON helpers. Everything here is pure. */

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function own(obj: Record<string, unknown>, key: string): unknown {
  return hasOwn.call(obj, key) ? obj[key] : undefined;
}

/** Escapes one JSON-pointer reference token (RFC 6901). */
export function ptr(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...tokens: Array<string | number>): string {
  let out = '';
  for (const t of tokens) out += '/' + ptr(t);
  return out;
}

/** Deep clone of JSON data; `undefined` becomes `null` so the result survives JSON round trips. */
export function jsonClone<T>(v: T): T {
  if (v === undefined) return null as T;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => jsonClone(x)) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined) continue;
    if (k === '__proto__') {
      Object.defineProperty(out, k, { value: jsonClone(x), enumerable: true, writable: true, configurable: true });
    } else {
      out[k] = jsonClone(x);
    }
  }
  return out as T;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) {
    if (!hasOwn.call(bo, k) || !deepEqual(ao[k], bo[k])) return false;
  }
  return true;
}

export interface JsonScanIssue {
  path: string;
  code: 'not_json' | 'too_deep' | 'too_large' | 'forbidden_key';
  message: string;
}

/**
 * Checks that `root` is plain JSON data (null, booleans, finite numbers, strings, arrays,
 * plain objects), with no cycles, no `__proto__` keys, at most `maxDepth` levels and `maxNodes` values.
 * Iterative, so it never overflows the stack.
 */
export function scanJson(root: unknown, maxDepth = 64, maxNodes = 200_000): JsonScanIssue | undefined {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: root, path: '', depth: 0 }];
  const seen = new Set<object>();
  let count = 0;
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (++count > maxNodes) return { path: '', code: 'too_large', message: `more than ${maxNodes} values` };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, code: 'not_json', message: 'numbers must be finite' };
      continue;
    }
    if (typeof v !== 'object') {
      return { path, code: 'not_json', message: `a ${typeof v} is not JSON data` };
    }
    if (depth >= maxDepth) return { path, code: 'too_deep', message: `nested deeper than ${maxDepth} levels` };
    if (seen.has(v)) return { path, code: 'not_json', message: 'cyclic or shared reference' };
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], path: path + '/' + i, depth: depth + 1 });
    } else if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        if (k === '__proto__') return { path: path + '/' + ptr(k), code: 'forbidden_key', message: '"__proto__" is not allowed as a key' };
        stack.push({ v: v[k], path: path + '/' + ptr(k), depth: depth + 1 });
      }
    } else {
      return { path, code: 'not_json', message: 'only plain objects and arrays are JSON data' };
    }
  }
  return undefined;
}

export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

const splitCache = new Map<string, string[]>();

/** Splits a dotted path, memoised (paths come from definitions, so the set is small). */
export function splitPath(path: string): string[] {
  let parts = splitCache.get(path);
  if (!parts) {
    parts = path.split('.');
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(path, parts);
  }
  return parts;
}

/** Reads `segments` below `root` using own properties only. */
export function getIn(root: unknown, segments: readonly string[], from = 0): unknown {
  let cur = root;
  for (let i = from; i < segments.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const seg = segments[i];
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) {
        if (seg === 'length') {
          cur = cur.length;
          continue;
        }
        return undefined;
      }
      cur = cur[Number(seg)];
    } else {
      cur = own(cur as Record<string, unknown>, seg);
    }
  }
  return cur;
}

/**
 * Returns a copy of `root` with `value` stored at `segments` (copy-on-write along the path;
 * missing or non-container intermediates become objects).
 */
export function setIn(root: unknown, segments: readonly string[], value: unknown, i = 0): unknown {
  if (i === segments.length) return value;
  const seg = segments[i];
  if (Array.isArray(root) && /^\d+$/.test(seg)) {
    const idx = Number(seg);
    const copy = root.slice();
    while (copy.length < idx) copy.push(null);
    copy[idx] = setIn(root[idx], segments, value, i + 1);
    return copy;
  }
  const base = isPlainObject(root) ? root : {};
  return { ...base, [seg]: setIn(own(base, seg), segments, value, i + 1) };
}
