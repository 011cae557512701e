/**
 * What a dry run says per step besides the engine's answer: who acted (the caller, a role, a
 * named test user), whether a real case would let them (the task's candidates, `sentBy`), the
 * tasks opened and open with their candidates and due dates, the deadlines armed with their
 * reminders and escalations, and the notifications — dates on the ward's working calendar, through
 * the same planning as a real transition (deadline-plan.ts). Pure: the calendar is an argument.
 */
import {
  CHILD_DONE_EVENT,
  openTasksOf,
  type Actor,
  type CompiledWorkflow,
  type DeadlineSpec,
  type DryRunResult,
  type Effect,
  type Label,
  type StepRecord,
} from '#libs/engine';
import { holdsRoleIn, type Principal } from '#libs/core';
import type { Membership, TaskRecord } from '#libs/persistence';
import type { DeadlineMap, TimerPlan } from './deadline-plan.js';
import { decideWhoMayAct } from './who-may-act.js';

/** Who acts in a dry run: a role (in units), or a named user; absent: the caller. */
export interface DryRunPersona {
  roles?: string[];
  units?: string[];
  /** The simulated person's id (separation of duties tells people apart by it). Default: from the roles and units. */
  id?: string;
  /** A user: their roles and units, their username as the id. */
  user?: string;
}

export interface DryRunRequest {
  input?: Record<string, unknown>;
  startAt?: string;
  /** Who starts the case, and acts in every step that names no one. */
  as?: DryRunPersona;
  steps: Array<{ type: string; payload?: Record<string, unknown>; at?: string; as?: DryRunPersona }>;
}

/** The person a step is taken as. `chosen`: named in the request (the rules of a real case then apply). */
export interface Persona {
  actor: Actor;
  memberships: Membership[];
  user?: string;
  chosen: boolean;
  /** The engine's own events (deadlines, children's reports) are sent by the system. */
  system?: boolean;
}

export interface DryRunTaskView {
  state: string;
  title: Label;
  roles: string[];
  units: string[];
  priority: string;
  outcomes: string[];
  /** The nearest deadline running on its state (or an enclosing one): instant and last day. */
  dueAt: string | null;
  dueDate: string | null;
}

export interface DryRunReminderView {
  at: string;
  roles: string[];
  message?: Label;
}

export interface DryRunEscalationView {
  at: string;
  priority?: string;
  addRoles: string[];
  notify?: { roles: string[]; users: string[]; message: Label };
}

export interface DryRunDeadlineView {
  key: string;
  state: string;
  label?: Label;
  startAt: string;
  dueAt: string;
  dueDate: string | null;
  /** The event sent when it falls due. */
  event?: string;
  reminders: DryRunReminderView[];
  escalation?: DryRunEscalationView;
}

export interface DryRunNotificationView {
  kind: 'task-assigned' | 'message' | 'escalation';
  roles: string[];
  /** The units the roles count in (a task's); [] for anywhere. */
  units: string[];
  users: string[];
  title: Label;
  state?: string;
}

export interface DryRunStepView extends DryRunResult {
  actor: { id: string; roles: string[]; units: string[]; user?: string };
  /** The open task the event answers, and whether the actor is one of its candidates. */
  answers?: { state: string; roles: string[]; units: string[]; candidate: boolean };
  /** Set when the step is a deadline's event: the deadline that fell due (its escalation happens with it). */
  firesDeadline?: string;
  tasks: { opened: DryRunTaskView[]; closed: string[]; open: DryRunTaskView[] };
  deadlines: { armed: DryRunDeadlineView[]; cancelled: string[]; extended: Array<{ key: string; dueAt: string; dueDate: string | null }> };
  notifications: DryRunNotificationView[];
  warnings: Array<{ code: string; message: string }>;
}

/** A persona from roles and units: holding each role in each unit (in every unit the definition names when none is given). */
export function rolePersona(p: { roles: string[]; units?: string[]; id?: string }, allUnits: string[]): Persona {
  const units = p.units?.length ? p.units : allUnits;
  const memberships = p.roles.flatMap((role) => (units.length ? units.map((unit) => ({ role, unit })) : [{ role, unit: '' }]));
  const id = p.id ?? `thu:${[...p.roles].sort().join('+')}${p.units?.length ? `@${[...p.units].sort().join('+')}` : ''}`;
  return { actor: { id, roles: [...new Set(p.roles)].sort(), units: [...new Set(units)].sort() }, memberships, chosen: true };
}

export function principalPersona(p: Principal, chosen: boolean, user?: string): Persona {
  return {
    actor: { id: p.username, roles: [...new Set(p.memberships.map((m) => m.role))].sort(), units: [...new Set(p.memberships.map((m) => m.unit))].sort() },
    memberships: p.memberships,
    chosen,
    ...(user ? { user } : {}),
  };
}

const asPrincipal = (p: Persona): Principal => ({ userId: p.actor.id, username: p.actor.id, displayName: p.actor.id, memberships: p.memberships });

/**
 * Whether a real case would let `persona` send `type` now (the open task's candidates, `sentBy`):
 * undefined when it would, else why not.
 */
export function whyNotAllowed(
  wf: CompiledWorkflow,
  value: DryRunResult['state'],
  type: string,
  persona: Persona,
  history: readonly StepRecord[],
  context?: Record<string, unknown>,
): string | undefined {
  if (persona.system || type === CHILD_DONE_EVENT) return undefined;
  const openTasks = openTasksOf(wf, value, context).map(
    (o) =>
      ({
        id: o.state,
        state: o.state,
        title: o.task.title,
        outcomes: o.task.outcomes,
        candidateRoles: o.task.roles,
        candidateUnits: o.task.units,
        assignee: o.task.assignee ?? null,
      }) as unknown as TaskRecord,
  );
  try {
    decideWhoMayAct({ type, event: wf.definition.events[type], openTasks, principal: asPrincipal(persona), history });
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Whether `persona` may start a case (the definition's `startableBy`): undefined when it may, else why not. */
export function whyNotStarter(wf: CompiledWorkflow, persona: Persona): string | undefined {
  const rule = wf.definition.startableBy;
  if (!rule || holdsRoleIn(persona.memberships, rule.roles, rule.units ?? [])) return undefined;
  return `only a holder of ${rule.roles.join(' or ')}${rule.units?.length ? ` in ${rule.units.join(' or ')}` : ''} may start a case`;
}

/** The open task an event answers before the step, and whether the actor is one of its candidates. */
export function answeredTask(wf: CompiledWorkflow, value: DryRunResult['state'], type: string, persona: Persona, context?: Record<string, unknown>): DryRunStepView['answers'] {
  const t = openTasksOf(wf, value, context).find((o) => o.task.outcomes.includes(type));
  if (!t) return undefined;
  return { state: t.state, roles: t.task.roles, units: t.task.units, candidate: holdsRoleIn(persona.memberships, t.task.roles, t.task.units) };
}

/** The running deadline whose event `type` is (the nearest due first). */
export function deadlineFor(type: string, deadlines: DeadlineMap, specOf: (key: string) => DeadlineSpec | undefined): string | undefined {
  return Object.entries(deadlines)
    .filter(([key, d]) => specOf(key)?.event === type && !d.firedAt)
    .sort((a, b) => a[1].dueAt.localeCompare(b[1].dueAt))[0]?.[0];
}

/** The step's view: the engine's result with the tasks, deadlines and notifications after it. */
export function stepView(
  wf: CompiledWorkflow,
  result: DryRunResult,
  persona: Persona,
  deadlines: DeadlineMap,
  plan: TimerPlan | undefined,
  extra: { answers?: DryRunStepView['answers']; firesDeadline?: string; warnings: DryRunStepView['warnings'] },
): DryRunStepView {
  const actor = { ...persona.actor, ...(persona.user ? { user: persona.user } : {}) };
  const dueOfState = (state: string) => {
    const running = Object.values(deadlines)
      .filter((d) => d.state === state || d.state === '' || state.startsWith(`${d.state}.`))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    return { dueAt: running?.dueAt ?? null, dueDate: running?.dueDate ?? null };
  };
  const open: DryRunTaskView[] =
    result.status === 'done'
      ? []
      : openTasksOf(wf, result.state, result.context, result.at).map((o) => ({
          state: o.state,
          title: o.task.title,
          roles: o.task.roles,
          units: o.task.units,
          priority: o.task.priority,
          outcomes: o.task.outcomes,
          ...dueOfState(o.state),
        }));
  const effects: Effect[] = result.ok ? result.effects : [];
  const openedStates = new Set(effects.filter((e) => e.type === 'task.open').map((e) => (e as { state: string }).state));
  const closed = [...new Set(effects.filter((e) => e.type === 'task.close').map((e) => (e as { state: string }).state))].filter(
    (s) => !openedStates.has(s) || !open.some((t) => t.state === s),
  );
  const notifications: DryRunNotificationView[] = [];
  for (const e of effects) {
    if (e.type === 'task.open')
      notifications.push({ kind: 'task-assigned', roles: e.task.roles, units: e.task.units, users: [], title: e.task.title, state: e.state });
    else if (e.type === 'notify') notifications.push({ kind: 'message', roles: e.roles, units: [], users: e.users, title: e.message });
  }
  const armed: DryRunDeadlineView[] = [];
  for (const row of plan?.arm ?? []) {
    if (row.kind !== 'deadline') continue;
    const spec = row.spec as unknown as DeadlineSpec;
    const d = deadlines[row.deadlineKey];
    const taskRoles = wf.states.get(row.state)?.task?.roles;
    const reminders = (plan?.arm ?? [])
      .filter((r) => r.kind === 'reminder' && r.deadlineKey === row.deadlineKey)
      .map((r) => {
        const message = spec.reminders?.[(r.spec as { reminder?: number }).reminder ?? 0]?.message;
        return { at: r.fireAt, roles: taskRoles ?? spec.escalate?.notify?.roles ?? [], ...(message ? { message } : {}) };
      });
    const esc = spec.escalate;
    armed.push({
      key: row.deadlineKey,
      state: row.state,
      ...(spec.label ? { label: spec.label } : {}),
      startAt: d?.startAt ?? row.fireAt,
      dueAt: d?.dueAt ?? row.fireAt,
      dueDate: d?.dueDate ?? null,
      ...(spec.event ? { event: spec.event } : {}),
      reminders,
      ...(esc
        ? {
            escalation: {
              at: d?.dueAt ?? row.fireAt,
              ...(esc.priority ? { priority: esc.priority } : {}),
              addRoles: esc.addRoles ?? [],
              ...(esc.notify ? { notify: { roles: esc.notify.roles ?? [], users: esc.notify.users ?? [], message: esc.notify.message } } : {}),
            },
          }
        : {}),
    });
  }
  // A deadline that fell due with this step escalates its state's task.
  if (extra.firesDeadline && result.ok) {
    const owner = wf.deadlineOwners.get(extra.firesDeadline);
    const spec = owner === undefined ? undefined : wf.states.get(owner)?.deadlines.find((d) => d.key === extra.firesDeadline);
    const task = owner === undefined ? undefined : wf.states.get(owner)?.task;
    if (spec?.escalate) {
      if (spec.escalate.addRoles?.length)
        notifications.push({
          kind: 'escalation',
          roles: spec.escalate.addRoles,
          units: task?.units ?? [],
          users: [],
          title: task?.title ?? spec.label ?? { vi: spec.key, en: spec.key },
          state: owner,
        });
      const n = spec.escalate.notify;
      if (n)
        notifications.push({
          kind: 'escalation',
          roles: n.roles ?? [],
          units: [],
          users: n.users ?? [],
          title: n.message,
          ...(owner !== undefined ? { state: owner } : {}),
        });
    }
  }
  const view: DryRunStepView = {
    ...result,
    actor,
    ...(extra.answers ? { answers: extra.answers } : {}),
    ...(extra.firesDeadline ? { firesDeadline: extra.firesDeadline } : {}),
    tasks: { opened: open.filter((t) => openedStates.has(t.state)), closed, open },
    deadlines: {
      armed,
      cancelled: [...new Set(effects.filter((e) => e.type === 'timer.cancel').map((e) => (e as { deadlineKey: string }).deadlineKey))],
      extended: (plan?.moved ?? []).map((m) => {
        const d = Object.entries(deadlines).find(([, x]) => x.state === m.state && x.dueAt === m.dueAt);
        return { key: d?.[0] ?? m.state, dueAt: m.dueAt, dueDate: d?.[1].dueDate ?? null };
      }),
    },
    notifications,
    warnings: extra.warnings,
  };
  return view;
}
