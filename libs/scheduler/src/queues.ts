/** Every queue the system uses. A job name is the queue's single kind of work. */
export enum QueueName {
  /** Deadlines and reminders coming due (delayed jobs, one per timer generation). */
  Timers = 'timers',
  /** Recurring starts of instances (BullMQ job schedulers, one per definition schedule). */
  Schedules = 'schedules',
  /** Finished child instances reporting to their parents (one job per child). */
  Children = 'children',
  /** Outbox rows whose effects tell people something (new tasks, reminders, escalations, notify): one job per row. */
  Notifications = 'notifications',
}

export interface TimerJob {
  timerId: string;
  instanceId: string;
  fireAt: string;
}

export interface ChildReportJob {
  childId: string;
}

export interface NotificationJob {
  outboxId: string;
}

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
}

export type JobOf<N extends QueueName> = JobPayloads[N];


export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
