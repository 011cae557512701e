import { Injectable } from '@nestjs/common';
import { IdentityRepository, TasksRepository, type TaskRecord, type TaskWithCase, Database } from '#libs/persistence';
import { DomainError, ErrorCode } from '#libs/core';
import { AuditTrail } from '#libs/core';
import { InstanceCommands } from './instance-commands.service.js';
import { InstanceQueries, searchWords } from './instance-queries.service.js';
import type { RequestMeta } from './requests.js';
import type { InstanceView } from './instance-view.js';
import { actorOf, isAdmin, seesEverything, type Principal } from '#libs/core';
import { PRIORITY, PRIORITY_NAME } from './task-plan.js';
import { isCandidate } from './who-may-act.js';
import { NotificationDelivery } from './notification-delivery.service.js';

export interface TaskView {
  id: string;
  instanceId: string;
  /** The case at a glance: its business key and the definition's summary line (null when it has none). */
  businessKey: string | null;
  summary: string | null;
  definitionKey: string;
  state: string;
  title: { vi: string; en: string };
  candidateRoles: string[];
  candidateUnits: string[];
  outcomes: string[];
  assignee: string | null;
  status: TaskRecord['status'];
  priority: (typeof PRIORITY_NAME)[number];
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  claimedAt: string | null;
  closedAt: string | null;
  completedBy: string | null;
  outcome: string | null;
}

export interface InboxQuery {
  bucket?: 'mine' | 'claimable' | 'all';
  unit?: string;
  definitionKey?: string;
  priority?: (typeof PRIORITY_NAME)[number];
  overdue?: boolean;
  dueWithinDays?: number;
  /** Words to find in the tasks' cases (business key, summary, fields marked `search`), with or without diacritics. */
  q?: string;
  limit?: number;
  cursor?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A task as people see it; its case's business key and summary come with the record (`TaskWithCase`) or from `glance`. */
export function toTaskView(t: TaskRecord & Partial<Pick<TaskWithCase, 'businessKey' | 'summary'>>, now = new Date(), glance?: Pick<TaskWithCase, 'businessKey' | 'summary'>): TaskView {
  return {
    id: t.id,
    instanceId: t.instanceId,
    businessKey: glance?.businessKey ?? t.businessKey ?? null,
    summary: glance?.summary ?? t.summary ?? null,
    definitionKey: t.definitionKey,
    state: t.state,
    title: t.title,
    candidateRoles: t.candidateRoles,
    candidateUnits: t.candidateUnits,
    outcomes: t.outcomes,
    assignee: t.assignee,
    status: t.status,
    priority: PRIORITY_NAME[t.priority] ?? 'normal',
    dueAt: iso(t.dueAt),
    overdue: t.status === 'open' && t.dueAt !== null && t.dueAt < now,
    createdAt: t.createdAt.toISOString(),
    claimedAt: iso(t.claimedAt),
    closedAt: iso(t.closedAt),
    completedBy: t.completedBy,
    outcome: t.outcome,
  };
}

const notFound = (id: string) => new DomainError(ErrorCode.TaskNotFound, `No task has the id ${id}`, { id });


function encodeCursor(t: TaskRecord): string {
  return Buffer.from(JSON.stringify([t.dueAt?.toISOString() ?? null, t.id])).toString('base64url');
}

function decodeCursor(text: string): { dueAt: string | null; id: string } {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if ((dueAt === null || (typeof dueAt === 'string' && !Number.isNaN(Date.parse(dueAt)))) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { dueAt, id };
  } catch {
    // fall through
  }
  throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API issued', { problems: [{ field: 'cursor', reason: 'unrecognised cursor' }] });
}

/**
 * The approvers' inbox and what they do with a task: claim it (candidates only), give it back,
 * delegate it (to someone who may hold it), comment, and complete it with an outcome — which is
 * the state's event, sent through the instance's event path by the assignee.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: Database,
    private readonly tasks: TasksRepository,
    private readonly identity: IdentityRepository,
    private readonly commands: InstanceCommands,
    private readonly queries: InstanceQueries,
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationDelivery,
  ) {}

  async inbox(principal: Principal, q: InboxQuery, now = new Date()) {
    const manager = this.dataSource.manager;
    const limit = q.limit ?? 20;
    const soon = new Date(now.getTime() + (q.dueWithinDays ?? 3) * 86_400_000);
    const rows = await this.tasks.inbox(manager, {
      username: principal.username,
      memberships: principal.memberships,
      bucket: q.bucket ?? 'all',
      unit: q.unit,
      definitionKey: q.definitionKey,
      priority: q.priority === undefined ? undefined : PRIORITY[q.priority],
      overdueAt: q.overdue ? now : undefined,
      dueBefore: q.dueWithinDays !== undefined ? soon : undefined,
      words: searchWords(q.q),
      limit: limit + 1,
      cursor: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
    });
    const items = rows.slice(0, limit);
    const counts = await this.tasks.counts(manager, principal.username, principal.memberships, now, soon);
    return { items: items.map((t) => toTaskView(t, now)), nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null, counts };
  }

  /** Every task of an instance (open first, then by creation), for whoever may see the instance. */
  async ofInstance(instanceId: string, principal: Principal, now = new Date()) {
    const instance = await this.queries.get(instanceId, principal); // 404 unless the instance exists and is visible
    const rows = await this.tasks.listByInstance(this.dataSource.manager, instanceId);
    const order = (t: { status: string }) => (t.status === 'open' ? 0 : 1);
    return { items: [...rows].sort((a, b) => order(a) - order(b)).map((t) => toTaskView(t, now, instance)) };
  }

  /** A task with its comments and actions, if the principal may see it. */
  async get(id: string, principal: Principal) {
    const task = await this.visible(id, principal);
    const events = await this.tasks.events(this.dataSource.manager, id);
    return { ...toTaskView(task), events: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
  }

  async claim(id: string, principal: Principal, now = new Date()): Promise<TaskView> {
    const task = await this.open(id, principal);
    if (!isCandidate(principal, task)) throw new DomainError(ErrorCode.Forbidden, 'Only a candidate of this task (its roles, in its units) can claim it', { id });
    if (!(await this.tasks.claim(this.dataSource.manager, id, principal.username, now))) {
      throw new DomainError(ErrorCode.TaskNotClaimable, 'The task has already been claimed', { id });
    }
    await this.tasks.addEvent(this.dataSource.manager, id, 'claimed', principal.username, now);
    await this.audit.record({ actor: actorOf(principal), action: 'task.claimed', subjectType: 'task', subjectId: id, data: { instanceId: task.instanceId }, at: now });
    return toTaskView((await this.tasks.findWithCase(this.dataSource.manager, id))!, now);
  }

  async unclaim(id: string, principal: Principal, now = new Date()): Promise<TaskView> {
    const task = await this.open(id, principal);
    if (task.assignee !== principal.username && !isAdmin(principal)) throw new DomainError(ErrorCode.Forbidden, 'Only the assignee (or an admin) can give the task back', { id });
    if (!(await this.tasks.reassign(this.dataSource.manager, id, task.assignee, null, now))) throw new DomainError(ErrorCode.TaskNotClaimable, 'The task changed meanwhile', { id });
    await this.tasks.addEvent(this.dataSource.manager, id, 'unclaimed', principal.username, now);
    await this.audit.record({ actor: actorOf(principal), action: 'task.unclaimed', subjectType: 'task', subjectId: id, data: { instanceId: task.instanceId, from: task.assignee }, at: now });
    return toTaskView((await this.tasks.findWithCase(this.dataSource.manager, id))!, now);
  }

  async delegate(id: string, to: string, reason: string | undefined, principal: Principal, now = new Date()): Promise<TaskView> {
    const task = await this.open(id, principal);
    if (task.assignee !== principal.username && !isAdmin(principal)) throw new DomainError(ErrorCode.Forbidden, 'Only the assignee (or an admin) can delegate the task', { id });
    const target = await this.identity.findUserByUsername(this.dataSource.manager, to);
    // One answer whether the user is unknown, inactive or not a candidate: delegation is no way to learn who exists.
    if (!target || !target.active || !isCandidate(target, task)) {
      throw new DomainError(ErrorCode.ValidationFailed, `"${to}" cannot hold this task: delegate to an active user who is one of its candidates`, {
        problems: [{ field: 'to', reason: 'is not an active candidate of the task' }],
      });
    }
    if (!(await this.tasks.reassign(this.dataSource.manager, id, task.assignee, to, now))) throw new DomainError(ErrorCode.TaskNotClaimable, 'The task changed meanwhile', { id });
    const eventId = await this.tasks.addEvent(this.dataSource.manager, id, 'delegated', principal.username, now, { from: task.assignee, to, ...(reason ? { reason } : {}) });
    // The delegatee hears of it at once (no queue: nothing to resolve), keyed by this task event.
    if (to !== principal.username) await this.notifications.taskDelegated(task, { userId: target.id }, principal.username, eventId, now);
    await this.audit.record({
      actor: actorOf(principal),
      action: 'task.delegated',
      subjectType: 'task',
      subjectId: id,
      data: { instanceId: task.instanceId, from: task.assignee, to, ...(reason ? { reason } : {}) },
      at: now,
    });
    return toTaskView((await this.tasks.findWithCase(this.dataSource.manager, id))!, now);
  }

  async comment(id: string, text: string, principal: Principal, now = new Date()) {
    await this.visible(id, principal);
    await this.tasks.addEvent(this.dataSource.manager, id, 'commented', principal.username, now, { text });
    return this.get(id, principal);
  }

  /**
   * The assignee (or, while it is unclaimed, a candidate) answers the task: its outcome is the
   * state's event, its payload that event's form (validated by the definition's schema). The task
   * is closed as completed by the same statement when the event leaves the state.
   */
  async complete(
    id: string,
    input: { outcome: string; payload?: Record<string, unknown>; comment?: string },
    meta: RequestMeta & { principal: Principal },
  ): Promise<{ task: TaskView; instance: InstanceView }> {
    const task = await this.open(id, meta.principal);
    if (!task.outcomes.includes(input.outcome)) {
      throw new DomainError(ErrorCode.ValidationFailed, `outcome must be one of ${task.outcomes.join(', ')}`, {
        problems: [{ field: 'outcome', reason: `must be one of ${task.outcomes.join(', ')}` }],
      });
    }
    // Who may answer (the assignee, or a candidate of an unclaimed task, who claims it) is decided by the
    // event path, under the task's lock, as for an event sent directly.
    const outcome = await this.commands.send(task.instanceId, { type: input.outcome, payload: input.payload, comment: input.comment, task: { taskId: task.id } }, meta);
    const after = (await this.tasks.findById(this.dataSource.manager, id))!;
    if (after.status === 'open') await this.tasks.addEvent(this.dataSource.manager, id, 'acted', meta.principal.username, new Date(), { outcome: input.outcome });
    // The case as the outcome left it: its summary may have changed with the step.
    return { task: toTaskView(after, undefined, outcome.body), instance: outcome.body };
  }

  /** The task if the principal may see it: admins and auditors, its assignee, its candidates, whoever completed it. */
  private async visible(id: string, principal: Principal): Promise<TaskWithCase> {
    const task = await this.tasks.findWithCase(this.dataSource.manager, id);
    if (!task) throw notFound(id);
    if (seesEverything(principal) || task.assignee === principal.username || task.completedBy === principal.username || isCandidate(principal, task)) return task;
    throw notFound(id);
  }

  private async open(id: string, principal: Principal): Promise<TaskWithCase> {
    const task = await this.visible(id, principal);
    if (task.status !== 'open') throw new DomainError(ErrorCode.TaskClosed, `The task is ${task.status}`, { id, status: task.status });
    return task;
  }
}
