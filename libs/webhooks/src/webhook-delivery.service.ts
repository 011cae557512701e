import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database, OutboxRepository, TasksRepository, WebhooksRepository, type OutboxRow, type PendingDelivery, type TaskRecord, type WebhookSubscriptionRecord } from '#libs/persistence';
import { NotificationDelivery, TransitionObserver } from '#libs/runtime';
import { WEBHOOK_OPTIONS, type WebhookOptions } from './options.js';
import { signedHeaders } from './signing.js';
import { topicMatches, webhookEvents, type WebhookEvent } from './topics.js';
import { WebhookTransport } from './transport.js';

export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'stale';

/** A failed attempt that another one will follow: the queue retries the job with its backoff. */
export class WebhookAttemptFailed extends Error {}

/**
 * The worker's half of webhooks: an outbox row fanned out to the subscriptions that match it now,
 * and one delivery attempted. Deliveries are rows first (unique per subscription and event), sends
 * second, so a crash between the two is repaired by running the fan-out again or by the sweep.
 */
@Injectable()
export class WebhookDelivery {
  private readonly logger = new Logger(WebhookDelivery.name);

  constructor(
    private readonly database: Database,
    private readonly outbox: OutboxRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly notify: NotificationDelivery,
    private readonly tasks: TasksRepository,
    private readonly transport: WebhookTransport,
    private readonly observer: TransitionObserver,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  /**
   * Writes the deliveries of outbox rows (one job's batch; subscriptions enabled now, whose topics
   * match) and returns every delivery of the rows still pending, for the caller to queue their sends.
   */
  async fanOut(outboxIds: readonly string[]): Promise<PendingDelivery[]> {
    const rows = await this.outbox.findByIds(this.database.manager, outboxIds);
    const subscriptions = rows.length ? await this.webhooks.enabledSubscriptions(this.database.manager) : [];
    const pending: PendingDelivery[] = [];
    for (const row of rows) pending.push(...(await this.fanOutRow(row, subscriptions)));
    return pending;
  }

  private async fanOutRow(row: OutboxRow, subscriptions: readonly WebhookSubscriptionRecord[]): Promise<PendingDelivery[]> {
    const outboxId = row.id;
    const found = webhookEvents(outboxId, row.payload);
    const events = subscriptions.length ? await this.withTaskIds(found, row.payload.seq) : [];
    const rows = subscriptions.flatMap((s) =>
      events
        .filter((e) => topicMatches(s.topics, e.type))
        .map((e) => ({
          subscriptionId: s.id,
          outboxId,
          sourceKey: e.sourceKey,
          topic: e.type,
          payload: { type: e.type, timestamp: e.timestamp, data: e.data },
          instanceId: row.payload.instanceId,
          definitionKey: row.payload.definitionKey,
        })),
    );
    return this.webhooks.insertDeliveries(this.database.manager, outboxId, rows);
  }

  /**
   * The task each task-related event is about, as the tasks table has it now: the one the event's
   * transition opened (created at its seq), otherwise the state's task that was open at that seq.
   */
  private async withTaskIds(events: WebhookEvent[], seq: number | null): Promise<WebhookEvent[]> {
    const pairs = events.flatMap((e) => (typeof e.data.state === 'string' ? [{ instanceId: String(e.data.instanceId), state: e.data.state }] : []));
    if (!pairs.length) return events;
    const byState = new Map<string, TaskRecord[]>();
    for (const task of await this.tasks.findByStates(this.database.manager, pairs)) byState.set(task.state, [...(byState.get(task.state) ?? []), task]);
    return events.map((e) => {
      if (typeof e.data.state !== 'string') return e;
      const tasks = byState.get(e.data.state) ?? [];
      const task = e.type === 'task.created' && seq !== null ? tasks.find((t) => t.createdSeq === seq) : tasks.find((t) => seq === null || t.createdSeq <= seq);
      return { ...e, data: { ...e.data, taskId: task?.id ?? null } };
    });
  }

  /**
   * One attempt of one delivery's generation. `final`: the queue will not retry it, so a failure
   * marks the delivery failed and counts against its subscription. Throws WebhookAttemptFailed
   * after a failed attempt that is not the last, so the queue retries it with backoff.
   */
  async attempt(target: PendingDelivery, final: boolean, now: Date): Promise<AttemptOutcome> {
    const found = await this.webhooks.forSending(this.database.manager, target.id);
    if (!found || found.delivery.status !== 'pending' || found.delivery.generation !== target.generation) return 'stale';
    const { delivery, subscription } = found;
    if (!subscription.enabled) {
      await this.webhooks.abandon(this.database.manager, target, 'subscription disabled before the delivery was sent', now);
      return 'stale';
    }
    const body = JSON.stringify(delivery.payload);
    // The signature's timestamp is the wall clock's: receivers check it against theirs (5 minutes' tolerance).
    const sentAt = new Date();
    const answer = await this.transport.post({ url: subscription.url, body, headers: signedHeaders(subscription.secret, delivery.id, sentAt, body) });
    const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
    const recorded = await this.webhooks.recordAttempt(this.database.manager, target, { at: now, ok, responseCode: answer.status, latencyMs: answer.latencyMs, error: answer.error, final });
    if (!recorded) return 'stale';
    const outcome = ok ? 'delivered' : final ? 'failed' : 'retry';
    this.observer.webhookAttempt({ outcome: outcome === 'retry' ? 'retrying' : outcome, latencyMs: answer.latencyMs });
    if (ok) {
      await this.webhooks.resetFailures(this.database.manager, subscription.id);
      return 'delivered';
    }
    if (!final) throw new WebhookAttemptFailed(`webhook delivery ${delivery.id} attempt ${recorded.attempt}: ${answer.error}`);
    await this.exhausted(subscription.id, subscription.url, delivery, answer.error, now);
    return 'failed';
  }

  /** One more delivery in a row that used all its attempts; at the threshold the subscription is off and the admins are told. */
  private async exhausted(subscriptionId: string, url: string, delivery: { instanceId: string | null; definitionKey: string | null }, error: string | null, now: Date): Promise<void> {
    const reason = `${this.options.disableAfter} deliveries in a row failed (last: ${error ?? 'unknown'})`;
    const counted = await this.webhooks.countExhausted(this.database.manager, subscriptionId, this.options.disableAfter, reason, now);
    if (!counted?.disabledNow) return;
    this.logger.warn(`webhook ${subscriptionId} (${url}) disabled: ${reason}`);
    // A notification belongs to a case: the one whose event failed last, which the admins may open.
    if (!delivery.instanceId || !delivery.definitionKey) return;
    await this.notify.webhookDisabled({ subscriptionId, url, failures: counted.failures, instanceId: delivery.instanceId, definitionKey: delivery.definitionKey }, now);
  }
}
