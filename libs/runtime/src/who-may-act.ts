import { actorsOfSteps, type EventDefinition, type SentBy, type StepRecord } from '#libs/engine';
import type { TaskRecord } from '#libs/persistence';
import { DomainError, ErrorCode, holdsRoleIn, isAdmin, type Principal } from '#libs/core';

/** An admin's explicit decision to act outside the rules below: always recorded, with its reason. */
export interface Override {
  reason: string;
}

/**
 * Who sends an event, as decided before the engine runs:
 * - `task`: the event answers this open task; `claim` when its sender had not claimed it (a
 *   candidate): the write that closes the task assigns it to them. An answer that leaves the task
 *   open claims nothing, so that a task many people answer (each unit registering) stays theirs;
 * - `sender`: no open task answers it, and the definition's `sentBy` (or the lack of one) allows the sender;
 * - `override`: an admin acting outside the rules, recorded (on `task`, when one answers the event).
 */
export type ActDecision =
  | { kind: 'task'; task: TaskRecord; claim: boolean }
  | { kind: 'sender' }
  | { kind: 'override'; task?: TaskRecord; reason: string };

export interface ActQuery {
  type: string;
  event: EventDefinition | undefined;
  /** The instance's open tasks (held locked by the caller when any could answer the event). */
  openTasks: readonly TaskRecord[];
  /** Undefined for the engine's own events (timers, child reports, schedules). */
  principal: Principal | undefined;
  /** The case's steps so far, for `sentBy.actorsOf` (read only when the definition names actors). */
  history: readonly StepRecord[] | undefined;
  /** Set by the task route: the event must answer this task. */
  taskId?: string;
  override?: Override;
}

export function isCandidate(p: Pick<Principal, 'memberships'>, t: Pick<TaskRecord, 'candidateRoles' | 'candidateUnits'>): boolean {
  return holdsRoleIn(p.memberships, t.candidateRoles, t.candidateUnits);
}

function sentByAllows(rule: SentBy, p: Principal, history: readonly StepRecord[] | undefined): boolean {
  return holdsRoleIn(p.memberships, rule.roles ?? [], rule.units ?? []) || actorsOfSteps(rule.actorsOf ?? [], history).has(p.username);
}

function describeSentBy(rule: SentBy): string {
  const parts: string[] = [];
  if (rule.roles?.length) parts.push(`a holder of ${rule.roles.join(' or ')}${rule.units?.length ? ` in ${rule.units.join(' or ')}` : ''}`);
  if (rule.actorsOf?.length) parts.push(`whoever took ${rule.actorsOf.join(' or ')} in this case`);
  return parts.join(', or ');
}

/**
 * The one rule for who may send an event, whatever the path (event route, task route, API token,
 * web): an event that an open task lists as an outcome belongs to that task — its assignee, or
 * while it is unclaimed one of its candidates (who claims it by sending); other events follow the
 * definition's `sentBy`. Admins act outside these rules only with an explicit override.
 */
export function decideWhoMayAct(q: ActQuery): ActDecision {
  const p = q.principal;
  const answering = q.openTasks.filter((t) => t.outcomes.includes(q.type) && (q.taskId === undefined || t.id === q.taskId));
  if (q.taskId !== undefined && !answering.length) {
    throw new DomainError(ErrorCode.TaskClosed, 'The task is no longer open', { id: q.taskId });
  }
  if (!p) return answering.length ? { kind: 'task', task: answering[0], claim: false } : { kind: 'sender' };
  if (q.override) {
    if (!isAdmin(p)) throw new DomainError(ErrorCode.Forbidden, 'Only an admin may override who may act', { field: 'override' });
    return { kind: 'override', task: answering[0], reason: q.override.reason };
  }
  if (answering.length) {
    const mine = answering.find((t) => t.assignee === p.username);
    if (mine) return { kind: 'task', task: mine, claim: false };
    const claimable = answering.find((t) => t.assignee === null && isCandidate(p, t));
    if (claimable) return { kind: 'task', task: claimable, claim: true };
    const task = answering[0];
    const why = task.assignee === null ? 'you are not one of its candidates (its roles, in its units)' : 'it is assigned to someone else';
    throw new DomainError(ErrorCode.Forbidden, `"${q.type}" answers the task "${task.title.vi}", and ${why}`, { taskId: task.id, event: q.type });
  }
  const rule = q.event?.sentBy;
  if (!rule || sentByAllows(rule, p, q.history)) return { kind: 'sender' };
  throw new DomainError(ErrorCode.Forbidden, `"${q.type}" may be sent only by ${describeSentBy(rule)}`, { event: q.type });
}
