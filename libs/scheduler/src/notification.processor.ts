import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { NotificationDelivery } from '#libs/runtime';
import { Clock } from './clock.js';
import type { QueueProcessor } from './processor.js';
import { QueueName, type NotificationJob } from './queues.js';

/**
 * Outbox rows' effects reach people: recipients resolved now, one notification per user and
 * effect. Each row is keyed by (user, outbox row, effect), so a retried or redelivered job writes nothing twice.
 */
@Injectable()
export class NotificationProcessor implements QueueProcessor<QueueName.Notifications> {
  readonly queue = QueueName.Notifications;

  constructor(
    private readonly delivery: NotificationDelivery,
    private readonly clock: Clock,
  ) {}

  process(job: Job<NotificationJob>): Promise<number> {
    // Jobs queued before batching name one row.
    const ids = 'outboxIds' in job.data ? job.data.outboxIds : [job.data.outboxId];
    return this.delivery.deliverOutboxRows(ids, this.clock.now());
  }
}
