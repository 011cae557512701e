import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import type { AuditActor } from '#libs/core';
import { Database, WebhooksRepository } from '#libs/persistence';
import { WEBHOOK_OPTIONS, WebhooksService, type WebhookOptions } from '#libs/webhooks';
import { Clock } from './clock.js';
import { QueueService } from './queue.service.js';
import { queueSends } from './webhook.processors.js';

/** Manual redelivery: a new generation of the delivery, and its send queued at once. */
@Injectable()
export class WebhookDispatch {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly queues: QueueService,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  async redeliver(subscriptionId: string, deliveryId: string, by: AuditActor): Promise<void> {
    const restarted = await this.webhooks.restartDelivery(subscriptionId, deliveryId, by);
    await queueSends(this.queues, this.options, [restarted]);
  }
}

export const WEBHOOK_SWEEP_OPTIONS = Symbol('WEBHOOK_SWEEP_OPTIONS');

/**
 * Queues again the sends of deliveries pending for longer than a sweep period: a job lost with a
 * queue (Redis flushed) or never added. Their job ids are deterministic, so a job that is still
 * there makes this a no-op.
 */
@Injectable()
export class WebhookSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookSweepService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly database: Database,
    private readonly webhooks: WebhooksRepository,
    private readonly queues: QueueService,
    private readonly clock: Clock,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
    @Optional() @Inject(WEBHOOK_SWEEP_OPTIONS) private readonly sweep: { intervalMs: number } = { intervalMs: 60_000 },
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.run().catch((error) => this.logger.error(`webhook sweep: ${(error as Error).message}`)), this.sweep.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Returns how many pending deliveries it queued again (most are no-ops). */
  async run(): Promise<number> {
    const stale = await this.webhooks.stalePending(this.database.manager, new Date(this.clock.now().getTime() - this.sweep.intervalMs), 1000);
    await queueSends(this.queues, this.options, stale);
    return stale.length;
  }
}
