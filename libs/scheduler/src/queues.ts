/** Every queue the system uses. A job name is the queue's single kind of work. */
export enum QueueName {
  /** Deadlines and reminders coming due (delayed jobs, one per timer generation). */
  Timers = 'timers',
  /** Recurring starts of instances (BullMQ job schedulers, one per definition schedule). */
  Schedules = 'schedules',
  /** Finished child instances reporting to their parents (one job per child). */
  Children = 'children',
  /** Outbox rows whose effects tell people something (new tasks, reminders, escalations, notify): one job per relay pass's rows. */
  Notifications = 'notifications',
  /** One e-mail delivery per job (`email-<delivery id>`), retried with backoff; and the daily digest's trigger. */
  Emails = 'emails',
  /** Outbox rows holding events webhooks may be told of (lifecycle, emit): one fan-out job per relay pass's rows. */
  Webhooks = 'webhooks',
  /** One webhook delivery's attempts, retried with backoff: one job per delivery and generation. */
  WebhookSends = 'webhook-sends',
}

export interface TimerJob {
  timerId: string;
  instanceId: string;
  fireAt: string;
}

export interface ChildReportJob {
  childId: string;
}

/** The outbox rows of one relay pass that tell people something (`{ outboxId }`: a job queued before batching). */
export type NotificationJob = { outboxIds: string[] } | { outboxId: string };

/** The outbox rows of one relay pass that hold events webhooks may be told of. */
export interface WebhookFanOutJob {
  outboxIds: string[];
}

export interface WebhookSendJob {
  deliveryId: string;
  generation: number;
}

/** Send one recorded mail, or (`digest`) run the day's digest if it is due on the scheduler's clock. */
export type EmailJob = { deliveryId: string } | { digest: 'daily' };

export interface ScheduleJob {
  definitionKey: string;
  scheduleKey: string;
}

/** The one union of job payloads, keyed by queue. */
export interface JobPayloads {
  [QueueName.Timers]: TimerJob;
  [QueueName.Schedules]: ScheduleJob;
  [QueueName.Children]: ChildReportJob;
  [QueueName.Notifications]: NotificationJob;
  [QueueName.Emails]: EmailJob;
  [QueueName.Webhooks]: WebhookFanOutJob;
  [QueueName.WebhookSends]: WebhookSendJob;
}

export type JobOf<N extends QueueName> = JobPayloads[N];


export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
