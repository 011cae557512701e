/**
 * Checks of what people read of a definition: the summary line, the field presentations and the
 * refusal messages of guards (errors: they would show nothing or the wrong thing), and labels that
 * are missing where a page shows a value or a field (warnings: the page falls back to the code).
 */
import { isPlainObject, ptr } from '../json.js';
import { SUMMARY_PLACEHOLDER } from '../presentation.js';
import type { GuardRef, StateNodeDefinition, TransitionObject, ValidationIssue, WorkflowDefinition } from '../types.js';

function properties(schema: unknown): Record<string, unknown> {
  return isPlainObject(schema) && isPlainObject(schema.properties) ? schema.properties : {};
}

/** The case's top-level fields: its declared context and what the start input adds to it. */
function contextFields(def: WorkflowDefinition): Set<string> {
  return new Set([...Object.keys(def.context ?? {}), ...Object.keys(properties(def.inputSchema))]);
}

/** The fields of the forms people fill in: the top-level properties of human events' payloads. */
function formFields(def: WorkflowDefinition): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, ev] of Object.entries(def.events)) {
    if (ev.kind !== 'human') continue;
    for (const name of Object.keys(properties(ev.schema))) if (!out.has(name)) out.set(name, `/events/${ptr(type)}/schema/properties/${ptr(name)}`);
  }
  return out;
}

const head = (path: string) => path.split('.')[0];

export function presentationIssues(def: WorkflowDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fields = contextFields(def);
  const forms = formFields(def);
  for (const [path, field] of Object.entries(def.fields ?? {})) {
    const at = `/fields/${ptr(path)}`;
    if (!fields.has(head(path)) && !forms.has(head(path))) {
      issues.push({ path: at, code: 'unknown_field', message: `"${path}" is not a field of the case nor of a form: declare "${head(path)}" in "context", "inputSchema" or an event's payload schema` });
    }
    if (field.hidden && field.search) {
      issues.push({ path: `${at}/search`, code: 'hidden_field_searched', message: `"${path}" is hidden from people, so its words may not find the case: drop "search" or "hidden"` });
    }
  }
  if (def.summary !== undefined) {
    for (const [, path] of def.summary.matchAll(SUMMARY_PLACEHOLDER)) {
      if (!fields.has(head(path))) {
        issues.push({ path: '/summary', code: 'unknown_field', message: `the summary's placeholder {${path}} names no field of the case (declare "${head(path)}" in "context" or "inputSchema")` });
      } else if (def.fields?.[path]?.hidden || def.fields?.[head(path)]?.hidden) {
        issues.push({ path: '/summary', code: 'hidden_field_in_summary', message: `the summary shows {${path}}, which "fields" hides from people` });
      }
    }
  }
  eachGuardedTransition(def.machine, '/machine', (event, guard, at) => {
    const check = (ref: GuardRef, where: string) => {
      if (ref.field !== undefined) {
        const schema = def.events[event]?.schema;
        if (!Object.prototype.hasOwnProperty.call(properties(schema), head(ref.field))) {
          issues.push({ path: `${where}/field`, code: 'unknown_field', message: `the refusal names the field "${ref.field}", which is not a property of ${event}'s payload schema (name the field the person corrects)` });
        }
      }
      const params = ref.params ?? {};
      if (Array.isArray(params.guards)) (params.guards as GuardRef[]).forEach((g, i) => isPlainObject(g) && check(g, `${where}/params/guards/${i}`));
    };
    check(guard, at);
  });
  return issues;
}

/** Every guard on an event's transition (`on.<EVENT>`), with the event and its pointer. */
function eachGuardedTransition(node: StateNodeDefinition, at: string, visit: (event: string, guard: GuardRef, at: string) => void): void {
  for (const [event, config] of Object.entries(node.on ?? {})) {
    const base = `${at}/on/${ptr(event)}`;
    const list: Array<[unknown, string]> = Array.isArray(config) ? config.map((t, i) => [t, `${base}/${i}`]) : [[config, base]];
    for (const [t, where] of list) {
      const guard = isPlainObject(t) ? (t as TransitionObject).guard : undefined;
      if (isPlainObject(guard)) visit(event, guard as GuardRef, `${where}/guard`);
    }
  }
  for (const [key, child] of Object.entries(node.states ?? {})) eachGuardedTransition(child, `${at}/states/${ptr(key)}`, visit);
}

/** String enum values of a JSON Schema, anywhere inside it. */
function enumValues(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const s of schema) enumValues(s, out);
    return out;
  }
  if (!isPlainObject(schema)) return out;
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'enum' && Array.isArray(v)) {
      for (const value of v) if (typeof value === 'string') out.add(value);
    } else if (typeof v === 'object') enumValues(v, out);
  }
  return out;
}

/** Labels a page would miss: enum values people choose or read, and the case's fields they read. */
export function presentationWarnings(def: WorkflowDefinition): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const values = new Set<string>();
  enumValues(def.inputSchema, values);
  for (const ev of Object.values(def.events)) if (ev.kind === 'human') enumValues(ev.schema, values);
  for (const value of [...values].sort()) {
    if (!def.values?.[value]) {
      warnings.push({ path: '/values', code: 'unlabelled_value', message: `people choose or read the value "${value}", which has no label: add "values": { "${value}": { "vi": "…", "en": "…" } }` });
    }
  }
  for (const field of [...contextFields(def)].sort()) {
    const shown = def.fields?.[field];
    if (!shown?.hidden && !shown?.label) {
      warnings.push({ path: '/fields', code: 'unlabelled_field', message: `the case page shows the field "${field}" without a label: add "fields": { "${field}": { "label": { "vi": "…", "en": "…" } } }, or "hidden": true if it is for the machine only` });
    }
  }
  const context = contextFields(def);
  for (const [field, at] of formFields(def)) {
    if (!def.fields?.[field]?.label && !context.has(field)) {
      warnings.push({ path: at, code: 'unlabelled_field', message: `a form asks for "${field}" with no label in both languages: add "fields": { "${field}": { "label": { "vi": "…", "en": "…" } } }` });
    }
  }
  return warnings;
}
