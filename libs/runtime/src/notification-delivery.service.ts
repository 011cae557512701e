import { Injectable } from '@nestjs/common';
import type { Label } from '#libs/engine';
import { Database, NotificationsRepository, OutboxRepository, TasksRepository, type NewNotification, type TaskRecord } from '#libs/persistence';
import { notificationText, planNotifications, type NotificationIntent } from './notification-plan.js';
import { TransitionObserver } from './transition-observer.js';

/**
 * Turns recorded effects into notifications for people: the worker's step for one outbox row (its
 * new tasks, reminders, escalations and `notify` messages), and a delegation's notice to the
 * delegatee. Recipients are resolved when the notification is written, not when the effect was
 * recorded: whoever holds the role now hears of it; an inactive user never does.
 */
@Injectable()
export class NotificationDelivery {
  constructor(
    private readonly dataSource: Database,
    private readonly outbox: OutboxRepository,
    private readonly tasks: TasksRepository,
    private readonly notifications: NotificationsRepository,
    private readonly observer: TransitionObserver,
  ) {}

  /** Writes the notifications of one outbox row; returns how many were new (0 when the job ran before). */
  async deliverOutboxRow(outboxId: string, now = new Date()): Promise<number> {
    const manager = this.dataSource.manager;
    const row = await this.outbox.findById(manager, outboxId);
    if (!row) return 0;
    const { instanceId, definitionKey, seq } = row.payload;
    const intents = planNotifications(row.id, row.payload.effects);
    if (!intents.length) return 0;
    const tasksByState = new Map<string, TaskRecord | undefined>();
    const taskOf = async (intent: NotificationIntent) => {
      if (!intent.state) return undefined;
      const key = `${intent.opened ? 'opened' : 'any'}:${intent.state}`;
      if (!tasksByState.has(key)) {
        let task = intent.opened && seq !== null ? await this.tasks.findByState(manager, instanceId, intent.state, seq) : undefined;
        if (!task) task = await this.tasks.findByState(manager, instanceId, intent.state);
        tasksByState.set(key, task);
      }
      return tasksByState.get(key);
    };
    const rows: NewNotification[] = [];
    for (const intent of intents) {
      const task = await taskOf(intent);
      // A new task that was closed before its notice went out is no news.
      if (intent.opened && task && task.status !== 'open') continue;
      const units = task?.candidateUnits ?? [];
      const recipients = await this.notifications.recipients(manager, { roles: intent.roles, units: intent.state ? units : [], usernames: intent.users });
      const title: Label | null = intent.opened?.title ?? task?.title ?? null;
      const text = notificationText(intent.kind, title, intent.message);
      for (const r of recipients) {
        rows.push({ userId: r.userId, kind: intent.kind, ...text, instanceId, taskId: task?.id ?? null, definitionKey, sourceKey: intent.sourceKey, createdAt: now });
      }
    }
    return this.write(onePerEscalation(rows));
  }

  /** The delegatee hears that a task was handed to them; keyed by the delegation's task event, so it is written once. */
  async taskDelegated(task: Pick<TaskRecord, 'id' | 'instanceId' | 'definitionKey' | 'title'>, to: { userId: string }, by: string, taskEventId: string, now: Date): Promise<number> {
    const text = notificationText('task-delegated', task.title, null, { by });
    return this.write([{ userId: to.userId, kind: 'task-delegated', ...text, instanceId: task.instanceId, taskId: task.id, definitionKey: task.definitionKey, sourceKey: `task-event:${taskEventId}`, createdAt: now }]);
  }

  private async write(rows: NewNotification[]): Promise<number> {
    const inserted = await this.notifications.insertMany(this.dataSource.manager, rows);
    const byKind = new Map<string, number>();
    for (const n of inserted) byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
    for (const [kind, count] of byKind) this.observer.notificationsCreated({ kind, count });
    return inserted.length;
  }
}

/**
 * A passed deadline can reach a user twice in one row: through the roles its escalation adds and
 * through its own `notify`. They hear of it once, by the notify (it carries the definition's
 * message), which comes after in the row.
 */
function onePerEscalation(rows: NewNotification[]): NewNotification[] {
  const last = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.kind === 'escalation') last.set(`${r.userId}:${r.taskId ?? ''}`, i);
  });
  return rows.filter((r, i) => r.kind !== 'escalation' || last.get(`${r.userId}:${r.taskId ?? ''}`) === i);
}
