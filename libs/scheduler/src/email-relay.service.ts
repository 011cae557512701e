import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Mailer } from '#libs/mail';
import { Database, EmailRepository } from '#libs/persistence';
import { EmailSignal } from '#libs/runtime';
import { Clock } from './clock.js';
import { CoalescingRun } from './coalescing-run.js';
import { DIGEST_CRON, EmailDigestService } from './email-digest.service.js';
import { MailLinks } from './mail-links.js';
import { RELAY_OPTIONS, type RelayOptions } from './outbox-relay.service.js';
import { QueueService } from './queue.service.js';
import { QueueName } from './queues.js';
import { SWEEP_OPTIONS, type SweepOptions } from './timer-sweep.service.js';

const BATCH = 200;
export const DIGEST_SCHEDULER_ID = 'email-digest';
export const emailJobId = (deliveryId: string) => `email-${deliveryId}`;

/**
 * The e-mail deliveries table is the truth; the `emails` queue sends. The relay adds a job for each
 * pending delivery no job was added for (right after a local write, through EmailSignal, and on
 * every poll for other processes' writes), then marks it queued in the same transaction: a crash
 * in between adds the job again, and its id (`email-<delivery id>`) makes that a no-op. The sweep
 * finds deliveries whose job was lost (queue flushed) or gave up while the row still waits, and adds
 * it again; it also runs the day's digest when the 07:30 job was missed (the worker was down).
 */
@Injectable()
export class EmailRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EmailRelayService.name);
  private timers: NodeJS.Timeout[] = [];
  private sweeping?: Promise<unknown>;
  private readonly loop = new CoalescingRun(() => this.drain(), (error) => this.logger.error(`e-mail relay: ${error.message}`));
  private unsubscribe?: () => void;

  constructor(
    private readonly dataSource: Database,
    private readonly email: EmailRepository,
    private readonly queues: QueueService,
    private readonly signal: EmailSignal,
    private readonly mailer: Mailer,
    private readonly digest: EmailDigestService,
    private readonly clock: Clock,
    private readonly links: MailLinks,
    @Inject(RELAY_OPTIONS) private readonly relay: RelayOptions,
    @Inject(SWEEP_OPTIONS) private readonly sweepOptions: SweepOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.mailer.enabled) return;
    // A queue backend that is away at boot must not stop the worker: the sweep's catch-up still runs the digest.
    await this.queues
      .queue(QueueName.Emails)
      .upsertJobScheduler(DIGEST_SCHEDULER_ID, { pattern: DIGEST_CRON, tz: 'Asia/Ho_Chi_Minh' }, { name: QueueName.Emails, data: { digest: 'daily' } })
      .catch((error: Error) => this.logger.error(`e-mail digest schedule: ${error.message}`));
    this.unsubscribe = this.signal.subscribe(() => this.kick());
    const poll = setInterval(() => this.kick(), this.relay.pollMs);
    const sweep = setInterval(() => this.tickSweep(), this.sweepOptions.intervalMs);
    poll.unref();
    sweep.unref();
    this.timers = [poll, sweep];
    this.kick();
    this.tickSweep();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    for (const t of this.timers) clearInterval(t);
    await Promise.all([this.loop.stop(), this.sweeping]);
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): void {
    this.loop.kick();
  }

  /** Queues every pending delivery without a job; resolves when none is left. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const queued = await this.dataSource.transaction(async (manager) => {
        const ids = await this.email.claimUnqueued(manager, BATCH);
        if (!ids.length) return 0;
        await this.addJobs(ids);
        await this.email.markQueued(manager, ids, this.clock.now());
        return ids.length;
      });
      total += queued;
      if (queued < BATCH || this.loop.isStopped) return total;
    }
  }

  private tickSweep(): void {
    this.sweeping ??= this.sweep()
      .then(() => this.digest.runDue(this.clock.now()))
      .catch((error) => this.logger.error(`e-mail sweep: ${(error as Error).message}`))
      .finally(() => (this.sweeping = undefined));
  }

  /** Re-adds the jobs of deliveries still waiting whose job is gone, finished or failed. Returns how many. */
  async sweep(): Promise<number> {
    const queue = this.queues.queue(QueueName.Emails);
    const before = new Date(this.clock.now().getTime() - 2 * this.relay.pollMs);
    const rows = await this.email.openQueuedBefore(this.dataSource.manager, before, 1000);
    const lost: string[] = [];
    for (const row of rows) {
      const job = await queue.getJob(emailJobId(row.id));
      const state = job ? await job.getState() : 'missing';
      if (state === 'missing' || state === 'unknown' || state === 'completed' || state === 'failed') lost.push(row.id);
    }
    if (lost.length) {
      await this.addJobs(lost);
      this.logger.warn(`e-mail sweep re-queued ${lost.length} deliveries`);
    }
    return lost.length;
  }

  /** A delivery retried by an admin (or re-queued by the sweep) may still have its finished job: it is removed first, since an id in use makes add a no-op. */
  private async addJobs(ids: readonly string[]): Promise<void> {
    const queue = this.queues.queue(QueueName.Emails);
    for (const id of ids) {
      const old = await queue.getJob(emailJobId(id));
      if (old && ['completed', 'failed'].includes(await old.getState())) await old.remove().catch(() => undefined);
    }
    await this.queues.addBulk(
      QueueName.Emails,
      ids.map((id) => ({
        data: { deliveryId: id },
        opts: {
          jobId: emailJobId(id),
          attempts: this.links.attempts,
          backoff: { type: 'exponential', delay: this.links.retryBaseMs },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      })),
    );
  }
}
