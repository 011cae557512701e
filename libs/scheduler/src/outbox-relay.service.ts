import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { failpoint } from '#libs/config';
import { isChildReport, OutboxRepository, Database, WebhooksRepository, type EffectsPayload } from '#libs/persistence';
import { hasWebhookEffects } from '#libs/webhooks';
import { OutboxSignal } from '#libs/runtime';
import { Clock } from './clock.js';
import { CoalescingRun } from './coalescing-run.js';
import { QueueService } from './queue.service.js';
import { QueueName } from './queues.js';

const BATCH = 500;

/** How long finished jobs are kept: long enough that a late duplicate add of the same id is still recognised. */
export const TIMER_JOB_OPTIONS = {
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
} as const;

/** Rows per notifications or webhooks job: enough to amortise a job, few enough that a retry repeats little. */
const ROWS_PER_JOB = 100;

/** A pass's rows in jobs of ROWS_PER_JOB, each named by its first and last row. */
function batchJobs(rows: ReadonlyArray<{ id: string }>, prefix: string) {
  return Array.from({ length: Math.ceil(rows.length / ROWS_PER_JOB) }, (_, i) => rows.slice(i * ROWS_PER_JOB, (i + 1) * ROWS_PER_JOB)).map((part) => ({
    data: { outboxIds: part.map((row) => row.id) },
    opts: { jobId: `${prefix}-${part[0].id}-${part[part.length - 1].id}`, ...TIMER_JOB_OPTIONS },
  }));
}

/** Effects that tell people something: a new task (its candidates), an escalation, a reminder or a `notify`. */
const PEOPLE_EFFECTS = new Set(['notify', 'task.open', 'task.escalate']);
export const tellsPeople = (payload: EffectsPayload) => payload.effects.some((e) => PEOPLE_EFFECTS.has(e.type));

export interface RelayOptions {
  pollMs: number;
}
export const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

/**
 * Turns committed outbox rows into queue jobs. Runs after every local commit (OutboxSignal) and
 * polls for rows written by other processes or left by a crash. A row is marked published only
 * after its jobs were added; a crash in between publishes it again, and the deterministic job ids
 * make the second add a no-op.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer?: NodeJS.Timeout;
  private readonly loop = new CoalescingRun(() => this.drain(), (error) => this.logger.error(`outbox relay: ${error.message}`));
  private unsubscribe?: () => void;

  constructor(
    private readonly dataSource: Database,
    private readonly outbox: OutboxRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly queues: QueueService,
    private readonly signal: OutboxSignal,
    private readonly clock: Clock,
    @Inject(RELAY_OPTIONS) private readonly options: RelayOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.unsubscribe = this.signal.subscribe(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.loop.stop();
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): void {
    this.loop.kick();
  }

  /** Publishes every unpublished row; resolves when the outbox is empty. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < BATCH || this.loop.isStopped) return total;
    }
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.outbox.claimUnpublished(manager, BATCH);
      if (!rows.length) return 0;
      const now = this.clock.now().getTime();
      const jobs = rows.flatMap((row) => row.payload.jobs);
      const reports = rows.flatMap((row) => row.payload.effects.filter(isChildReport));
      if (reports.length) {
        await this.queues.addBulk(
          QueueName.Children,
          reports.map((r) => ({ data: { childId: r.childId }, opts: { jobId: `child-${r.childId}`, ...TIMER_JOB_OPTIONS } })),
        );
      }
      const notices = rows.filter((row) => tellsPeople(row.payload));
      if (notices.length) {
        // One job per pass (a burst of escalations is a few jobs, not thousands), named by its rows: a republished pass
        // of the same rows adds nothing, and the processor's unique key makes any rerun write nothing.
        await this.queues.addBulk(QueueName.Notifications, batchJobs(notices, 'notify'));
      }
      const events = rows.filter((row) => hasWebhookEffects(row.payload.effects));
      // With no subscription enabled there is nobody to tell: no fan-out job (events of that time are not delivered to later subscriptions).
      if (events.length && (await this.webhooks.anyEnabled(manager))) {
        await this.queues.addBulk(QueueName.Webhooks, batchJobs(events, 'webhooks'));
      }
      if (jobs.length) {
        await this.queues.addBulk(
          QueueName.Timers,
          jobs.map((j) => ({
            data: { timerId: j.timerId, instanceId: j.instanceId, fireAt: j.fireAt },
            opts: { jobId: j.jobId, delay: Math.max(0, Date.parse(j.fireAt) - now), ...TIMER_JOB_OPTIONS },
          })),
        );
      }
      // A crash here publishes these rows again after restart; their deterministic job ids make that a no-op.
      failpoint('relay-after-publish-before-mark');
      await this.outbox.markPublished(manager, rows.map((r) => r.id), new Date(now));
      return rows.length;
    });
  }
}
