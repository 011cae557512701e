import { Inject, Injectable, Optional } from '@nestjs/common';
import { MAIL_SETTINGS, mailEnabled, type MailSettings } from '#libs/config';
import type { Label } from '#libs/engine';
import { Database, NotificationsRepository, OutboxRepository, TasksRepository, type NewNotification, type OutboxEffect, type Recipient, type TaskRecord } from '#libs/persistence';
import { notificationText, planNotifications } from './notification-plan.js';
import { TransitionObserver } from './transition-observer.js';
import { EmailSignal } from './email-signal.js';

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
    private readonly emailSignal: EmailSignal,
    @Optional() @Inject(MAIL_SETTINGS) private readonly mail?: MailSettings,
  ) {}

  /**
   * Writes the notifications of a batch of outbox rows (one job's); returns how many were new (0
   * when the job ran before). The rows' tasks come in one query and each distinct set of recipients
   * is resolved once, so a burst of escalations costs a few round trips, not a few per row.
   */
  async deliverOutboxRows(outboxIds: readonly string[], now = new Date()): Promise<number> {
    const manager = this.dataSource.manager;
    const planned = (await this.outbox.findByIds(manager, outboxIds))
      .map((row) => ({ payload: row.payload, intents: planNotifications(row.id, row.payload.effects) }))
      .filter((p) => p.intents.length);
    if (!planned.length) return 0;
    const pairs = planned.flatMap(({ payload, intents }) => intents.flatMap((i) => (i.state ? [{ instanceId: payload.instanceId, state: i.state }] : [])));
    const tasksByState = new Map<string, TaskRecord[]>();
    for (const task of await this.tasks.findByStates(manager, pairs)) {
      const key = `${task.instanceId}:${task.state}`;
      tasksByState.set(key, [...(tasksByState.get(key) ?? []), task]);
    }
    const recipientsBy = new Map<string, Promise<Recipient[]>>();
    const recipients = (q: { roles: readonly string[]; units: readonly string[]; usernames: readonly string[] }) => {
      const key = JSON.stringify([q.roles, q.units, q.usernames]);
      if (!recipientsBy.has(key)) recipientsBy.set(key, this.notifications.recipients(manager, q));
      return recipientsBy.get(key)!;
    };
    const rows: NewNotification[] = [];
    const recordedAt = new Map<string, number>();
    for (const { payload, intents } of planned) {
      const { instanceId, definitionKey, seq } = payload;
      const ofRow: NewNotification[] = [];
      for (const intent of intents) {
        recordedAt.set(intent.sourceKey, effectTime(payload.effects[intent.effectIndex]));
        const tasks = intent.state ? (tasksByState.get(`${instanceId}:${intent.state}`) ?? []) : [];
        // The task a transition opened is the one created at its seq; otherwise the state's latest.
        const task = (intent.opened && seq !== null ? tasks.find((t) => t.createdSeq === seq) : undefined) ?? tasks[0];
        // A new task that was closed before its notice went out is no news.
        if (intent.opened && task && task.status !== 'open') continue;
        const units = task?.candidateUnits ?? [];
        const people = await recipients({ roles: intent.roles, units: intent.inTaskUnits ? units : [], usernames: intent.users });
        const title: Label | null = intent.opened?.title ?? task?.title ?? null;
        const text = notificationText(intent.kind, title, intent.message);
        for (const r of people) {
          ofRow.push({ userId: r.userId, kind: intent.kind, ...text, instanceId, taskId: task?.id ?? null, definitionKey, sourceKey: intent.sourceKey, createdAt: now });
        }
      }
      rows.push(...onePerEscalation(ofRow));
    }
    return this.write(rows, now, recordedAt);
  }

  /** The delegatee hears that a task was handed to them; keyed by the delegation's task event, so it is written once. */
  async taskDelegated(task: Pick<TaskRecord, 'id' | 'instanceId' | 'definitionKey' | 'title'>, to: { userId: string }, by: string, taskEventId: string, now: Date): Promise<number> {
    const text = notificationText('task-delegated', task.title, null, { by });
    return this.write([{ userId: to.userId, kind: 'task-delegated', ...text, instanceId: task.instanceId, taskId: task.id, definitionKey: task.definitionKey, sourceKey: `task-event:${taskEventId}`, createdAt: now }]);
  }

  /**
   * The active admins hear that a webhook subscription was turned off, linked to the case whose
   * delivery failed last; keyed by the subscription and the moment, so a rerun writes it once.
   * Through write() like every notice, so it is mailed (an operator's alarm, docs/notifications.md).
   */
  async webhookDisabled(s: { subscriptionId: string; url: string; failures: number; instanceId: string; definitionKey: string }, now: Date): Promise<number> {
    const admins = await this.notifications.recipients(this.dataSource.manager, { roles: ['admin'], units: [], usernames: [] });
    const text = notificationText('webhook-disabled', null, null, { url: s.url, failures: s.failures });
    const sourceKey = `webhook-disabled:${s.subscriptionId}:${now.getTime()}`;
    return this.write(admins.map((a) => ({ userId: a.userId, kind: 'webhook-disabled', ...text, instanceId: s.instanceId, taskId: null, definitionKey: s.definitionKey, sourceKey, createdAt: now })));
  }

  /** `recordedAt`: when each source's effect was committed, for the delivery lag (a delegation's notice has none: it is written at once). */
  private async write(rows: NewNotification[], now?: Date, recordedAt?: ReadonlyMap<string, number>): Promise<number> {
    // Without SMTP no mail is recorded at all: nothing would send it, and a later SMTP_URL must not flood old news.
    const inserted = await this.notifications.insertMany(this.dataSource.manager, rows, { email: mailEnabled(this.mail) });
    if (inserted.some((n) => n.emailed)) this.emailSignal.notify();
    const byKind = new Map<string, { count: number; lagsMs: number[] }>();
    for (const n of inserted) {
      const entry = byKind.get(n.kind) ?? { count: 0, lagsMs: [] };
      entry.count++;
      const at = recordedAt?.get(n.sourceKey);
      if (now && at !== undefined && Number.isFinite(at)) entry.lagsMs.push(Math.max(0, now.getTime() - at));
      byKind.set(n.kind, entry);
    }
    for (const [kind, { count, lagsMs }] of byKind) this.observer.notificationsCreated({ kind, count, lagsMs });
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

/** When an effect was recorded: the `at` every effect carries (NaN if a hand-made row lacks it). */
function effectTime(effect: OutboxEffect | undefined): number {
  return typeof effect?.at === 'string' ? Date.parse(effect.at) : Number.NaN;
}
