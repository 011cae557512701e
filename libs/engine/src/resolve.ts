/**
 * Who and when, from the case: a compiled task or deadline whose definition uses expressions
 * (expressions.ts) is evaluated against the case's context at the step that opens or arms it, so
 * that every effect carries plain values (unit ids, a username, numbers of days) and the host never
 * evaluates anything. A value an expression gives that its place cannot use is the definition's
 * refusal (DEFINITION_REFUSED), naming where in the definition it sits.
 */
import { definitionRefusal, describeValue, evaluateCondition, evaluateExpression, expressionScope, isExpression, type ExpressionSite } from './expressions.js';
import { isPlainObject, ptr } from './json.js';
import { personId, readOperand } from './vocabulary.js';
import type { CompiledWorkflow, DeadlineRule, DeadlineSpec, DurationDefinition, DurationSpec, EscalationSpec, Operand, StepEnv, TaskSpec } from './types.js';

type Ctx = Record<string, unknown>;

/** JSON pointer of a state's node in its definition ('' is the machine's root). */
export function statePointer(state: string): string {
  return state ? `/machine/${state.split('.').map((s) => `states/${ptr(s)}`).join('/')}` : '/machine';
}

/** The task as its effect carries it: its units and assignee evaluated for this case. */
export function resolveTask(task: TaskSpec, state: string, context: Ctx, at: string, extra: Ctx = {}): TaskSpec {
  const { unitsFrom, assigneeFrom, ...plain } = task;
  if (!unitsFrom && !assigneeFrom) return plain;
  const scope = expressionScope(context, at, extra);
  const where = `${statePointer(state)}/meta/task`;
  if (unitsFrom) {
    const site = { path: `${where}/units`, what: `the units of the task of "${state}"` };
    const value = evaluateExpression(unitsFrom, scope, site);
    const units = (Array.isArray(value) ? value : [value]).filter((u) => u !== null);
    if (!units.length || !units.every((u): u is string => typeof u === 'string' && u.length > 0 && u.length <= 128)) {
      throw definitionRefusal(site, `${site.what} (${unitsFrom}) gave ${describeValue(value)}, not one or more unit ids: the case does not name the unit`);
    }
    plain.units = [...new Set(units)];
  }
  if (assigneeFrom) {
    const site = { path: `${where}/assignee`, what: `the assignee of the task of "${state}"` };
    const value = evaluateExpression(assigneeFrom, scope, site);
    if (value !== null) {
      const id = personId(value);
      if (!id) throw definitionRefusal(site, `${site.what} (${assigneeFrom}) gave ${describeValue(value)}, not a username or a person`);
      plain.assignee = id;
    }
  }
  return plain;
}

/**
 * The deadline as its `timer.arm` effect carries it, or null when its `when` is not true for this
 * case (FEEL's null, a field the case does not hold, counts as not true).
 */
export function resolveDeadline(rule: DeadlineRule, state: string, index: number, context: Ctx, at: string, extra: Ctx = {}): DeadlineSpec | null {
  const where = `${statePointer(state)}/meta/deadlines/${index}`;
  const scope = expressionScope(context, at, extra);
  if (rule.when && !evaluateCondition(rule.when, scope, { path: `${where}/when`, what: `whether the deadline "${rule.key}" applies` })) return null;
  const { when: _when, after, before, escalate, ...rest } = rule;
  const spec: DeadlineSpec = { ...rest };
  if (after) spec.after = resolveDuration(after, scope, { path: `${where}/after`, what: `the length of the deadline "${rule.key}"` });
  if (before) spec.before = resolveDuration(before, scope, { path: `${where}/before`, what: `the length of the deadline "${rule.key}"` });
  if (escalate) spec.escalate = resolveEscalation(escalate, context, at, `${where}/escalate`);
  return spec;
}

/** Whether a deadline rule or a task uses an expression (so that a reader knows it depends on the case). */
export function durationUsesExpression(d: DurationDefinition | undefined): boolean {
  return !!d && Object.values(d).some(isExpression);
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const MAX_DAYS = 36500;

export function resolveDuration(d: DurationDefinition, scope: Ctx, site: ExpressionSite): DurationSpec {
  if ('duration' in d) {
    if (!isExpression(d.duration)) return { duration: d.duration };
    const value = evaluateExpression(d.duration, scope, site);
    if (typeof value === 'string' && ISO_DURATION.test(value)) return { duration: value };
    throw definitionRefusal(site, `${site.what} (${d.duration}) gave ${describeValue(value)}, not an ISO-8601 duration such as P10D`);
  }
  const [unit, raw] = 'days' in d ? (['days', d.days] as const) : (['workingDays', d.workingDays] as const);
  if (!isExpression(raw)) return unit === 'days' ? { days: raw } : { workingDays: raw };
  const value = evaluateExpression(raw, scope, site);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DAYS) {
    throw definitionRefusal(site, `${site.what} (${raw}) gave ${describeValue(value)}, not a whole number of ${unit === 'days' ? 'days' : 'working days'} from 0 to ${MAX_DAYS}`);
  }
  return unit === 'days' ? { days: value } : { workingDays: value };
}

function resolveEscalation(e: EscalationSpec, context: Ctx, at: string, where: string): EscalationSpec {
  const n = e.notify;
  if (!n || ![...(n.users ?? []), ...(n.roles ?? [])].some(isExpression)) return e;
  const users = resolvePeople(n.users ?? [], context, { at }, { path: `${where}/notify/users`, what: 'who the escalation tells' });
  const roles = resolveRoles(n.roles ?? [], context, { at }, { path: `${where}/notify/roles`, what: 'the roles the escalation tells' });
  return { ...e, notify: { ...n, users, roles } };
}

/** Role names from `notify.roles` entries: role names, and expressions giving one or a list (null: none). */
export function resolveRoles(entries: readonly string[], context: Ctx, env: Pick<StepEnv, 'at'> & Partial<StepEnv>, site: ExpressionSite): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const values = isExpression(entry) ? evaluateExpression(entry, expressionScope(context, env.at, env.payload ? { payload: env.payload } : {}), site) : entry;
    for (const v of Array.isArray(values) ? values : [values]) {
      if (v === null) continue;
      if (typeof v !== 'string' || !v) throw definitionRefusal(site, `${site.what} (${entry}) gave ${describeValue(v)}, not a role name`);
      if (!out.includes(v)) out.push(v);
    }
  }
  return out;
}

/**
 * Usernames from `notify.users` entries: usernames, operands (`{ "path": … }`) and expressions, each
 * giving a username, a person (`{ id }`) or a list of them.
 */
export function resolvePeople(entries: readonly unknown[], context: Ctx, env: Pick<StepEnv, 'at'> & Partial<StepEnv>, site: ExpressionSite): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    const id = personId(v);
    if (id && !out.includes(id)) out.push(id);
  };
  for (const entry of entries) {
    if (isPlainObject(entry)) {
      const v = readOperand(entry as Operand, context, env as StepEnv);
      (Array.isArray(v) ? v : [v]).forEach(add);
      continue;
    }
    if (!isExpression(entry)) {
      add(entry);
      continue;
    }
    const value = evaluateExpression(entry, expressionScope(context, env.at, env.payload ? { payload: env.payload } : {}), site);
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === null) continue;
      if (!personId(v)) throw definitionRefusal(site, `${site.what} (${entry}) gave ${describeValue(v)}, not a username or a person`);
      add(v);
    }
  }
  return out;
}


/** A running deadline's spec as the definition gives it for this case (to re-arm reminders after an extension). */
export function deadlineSpecOf(wf: CompiledWorkflow, key: string, context: Ctx, at: string): DeadlineSpec | undefined {
  const owner = wf.deadlineOwners.get(key);
  const rules = owner === undefined ? [] : (wf.states.get(owner)?.deadlines ?? []);
  const index = rules.findIndex((d) => d.key === key);
  return index < 0 ? undefined : (resolveDeadline(rules[index], owner!, index, context, at) ?? undefined);
}
