import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { WEBHOOK_OPTIONS, WebhookDelivery, type WebhookOptions } from '#libs/webhooks';
import { Clock } from './clock.js';
import type { QueueProcessor } from './processor.js';
import { QueueService } from './queue.service.js';
import { QueueName, type WebhookFanOutJob, type WebhookSendJob } from './queues.js';

/** A send job's id: one per delivery and generation, so queueing it again (a rerun, the sweep) adds nothing. */
export const webhookSendJobId = (d: { id: string; generation: number }) => `whsend-${d.id}-${d.generation}`;

/** How a delivery's sends are kept and retried: BullMQ's attempts with exponential backoff from the base delay. */
export function webhookSendOptions(options: WebhookOptions) {
  return {
    attempts: options.maxAttempts,
    backoff: { type: 'exponential', delay: options.retryBaseMs },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  } as const;
}

/** Queues the send of each delivery (a no-op for one already queued). */
export async function queueSends(queues: QueueService, options: WebhookOptions, deliveries: ReadonlyArray<{ id: string; generation: number }>): Promise<void> {
  if (!deliveries.length) return;
  await queues.addBulk(
    QueueName.WebhookSends,
    deliveries.map((d) => ({ data: { deliveryId: d.id, generation: d.generation }, opts: { jobId: webhookSendJobId(d), ...webhookSendOptions(options) } })),
  );
}

/**
 * Outbox rows fanned out to the webhook subscriptions that match them now: one delivery per
 * subscription and event (written once however often this runs), then one send job per pending
 * delivery of the rows — all of them, so a run that died after writing and before queueing is
 * completed by the retry.
 */
@Injectable()
export class WebhookFanOutProcessor implements QueueProcessor<QueueName.Webhooks> {
  readonly queue = QueueName.Webhooks;

  constructor(
    private readonly delivery: WebhookDelivery,
    private readonly queues: QueueService,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  async process(job: Job<WebhookFanOutJob>): Promise<number> {
    const pending = await this.delivery.fanOut(job.data.outboxIds);
    await queueSends(this.queues, this.options, pending);
    return pending.length;
  }
}

/** One attempt of a delivery; a failure that is not the last throws, and BullMQ retries with backoff. */
@Injectable()
export class WebhookSendProcessor implements QueueProcessor<QueueName.WebhookSends> {
  readonly queue = QueueName.WebhookSends;

  constructor(
    private readonly delivery: WebhookDelivery,
    private readonly clock: Clock,
  ) {}

  process(job: Job<WebhookSendJob>): Promise<string> {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.delivery.attempt({ id: job.data.deliveryId, generation: job.data.generation }, final, this.clock.now());
  }
}
