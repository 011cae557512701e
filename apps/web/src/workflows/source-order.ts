// Definitions come back from the API with their keys sorted (PostgreSQL jsonb). For the editor the
// keys are put back in the order people write them: key, title, roles, events, machine; in a state
// meta, then transitions, then child states; labels vi then en; form fields by `required`.
import { orderedKeys } from '../form/order.ts';
import type { JsonSchema } from '../api/types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

const TOP = ['$schema', 'key', 'title', 'description', 'roles', 'startableBy', 'inputSchema', 'summary', 'fields', 'values', 'context', 'events', 'machine', 'schedules', 'reporting'];
const NODE = ['id', 'description', 'type', 'initial', 'meta', 'entry', 'exit', 'on', 'always', 'onDone', 'output', 'tags', 'states'];
const META = ['label', 'task', 'deadlines'];
const TASK = ['title', 'roles', 'units', 'priority', 'outcomes'];
const DEADLINE = ['key', 'label', 'after', 'from', 'event', 'escalate', 'reminders'];
const EVENT = ['label', 'kind', 'description', 'schema'];
const TRANSITION = ['target', 'guard', 'actions', 'description'];
const REF = ['type', 'params'];
const SCHEMA = [
  '$id',
  'type',
  'title',
  'description',
  'required',
  'additionalProperties',
  'properties',
  'items',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
];

function order(obj: Obj, keys: string[], map: (key: string, value: unknown) => unknown = (_k, v) => v): Obj {
  const out: Obj = {};
  for (const k of [...keys.filter((k) => Object.prototype.hasOwnProperty.call(obj, k)), ...Object.keys(obj).filter((k) => !keys.includes(k))]) {
    // defineProperty: a "__proto__" key in a draft stays a plain key
    Object.defineProperty(out, k, { value: map(k, obj[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const label = (v: unknown) => (isObj(v) ? order(v, ['vi', 'en']) : v);
const labels = (v: unknown) => (isObj(v) ? order(v, [], (_k, l) => label(l)) : v);
const ref = (v: unknown): unknown => (Array.isArray(v) ? v.map(ref) : isObj(v) ? order(v, REF) : v);

function schema(v: unknown): unknown {
  if (!isObj(v)) return v;
  return order(v, SCHEMA, (k, x) => {
    if (k === 'properties' && isObj(x)) {
      const props: Obj = {};
      for (const name of orderedKeys(v as JsonSchema, Object.keys(x)))
        Object.defineProperty(props, name, { value: schema(x[name]), enumerable: true, writable: true, configurable: true });
      return props;
    }
    if (k === 'items' || k === 'if' || k === 'then' || k === 'else' || k === 'not') return Array.isArray(x) ? x.map(schema) : schema(x);
    if ((k === 'oneOf' || k === 'anyOf' || k === 'allOf') && Array.isArray(x)) return x.map(schema);
    return x;
  });
}

function transition(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(transition);
  if (!isObj(v)) return v;
  return order(v, TRANSITION, (k, x) => (k === 'guard' || k === 'actions' ? ref(x) : x));
}

function node(v: unknown): unknown {
  if (!isObj(v)) return v;
  return order(v, NODE, (k, x) => {
    if (k === 'meta' && isObj(x))
      return order(x, META, (mk, mx) => {
        if (mk === 'label') return label(mx);
        if (mk === 'task' && isObj(mx)) return order(mx, TASK, (tk, tx) => (tk === 'title' ? label(tx) : tx));
        if (mk === 'deadlines' && Array.isArray(mx)) return mx.map((d) => (isObj(d) ? order(d, DEADLINE, (dk, dx) => (dk === 'label' ? label(dx) : dx)) : d));
        return mx;
      });
    if (k === 'on' && isObj(x)) return order(x, [], (_e, t) => transition(t));
    if (k === 'always' || k === 'onDone') return transition(x);
    if (k === 'entry' || k === 'exit') return ref(x);
    if (k === 'states' && isObj(x)) return order(x, [], (_s, child) => node(child));
    return x;
  });
}

export function authorOrder(source: unknown): unknown {
  if (!isObj(source)) return source;
  return order(source, TOP, (k, v) => {
    if (k === 'title' || k === 'description') return label(v);
    if (k === 'roles' || k === 'values') return labels(v);
    if (k === 'fields' && isObj(v)) return order(v, [], (_f, f) => (isObj(f) ? order(f, ['label', 'format', 'hidden', 'search'], (fk, fx) => (fk === 'label' ? label(fx) : fx)) : f));
    if (k === 'inputSchema') return schema(v);
    if (k === 'events' && isObj(v))
      return order(v, [], (_e, ev) =>
        isObj(ev) ? order(ev, EVENT, (ek, ex) => (ek === 'label' || ek === 'description' ? label(ex) : ek === 'schema' ? schema(ex) : ex)) : ev,
      );
    if (k === 'machine') return node(v);
    return v;
  });
}
