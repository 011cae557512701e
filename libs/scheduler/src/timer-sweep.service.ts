import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TimersRepository, Database } from '#libs/persistence';
import { ChildReports, jobIdOf } from '#libs/runtime';
import { Clock } from './clock.js';
import { TIMER_JOB_OPTIONS } from './outbox-relay.service.js';
import { QueueService } from './queue.service.js';
import { QueueName } from './queues.js';
import { SchedulesService } from './schedules.service.js';

export interface SweepOptions {
  intervalMs: number;
}
export const SWEEP_OPTIONS = Symbol('SWEEP_OPTIONS');

export interface SweepReport {
  checked: number;
  readded: number;
  promoted: number;
  rearmed: number;
}

const PAGE = 500;

/**
 * The timers table is the truth; the queue is a cache of it. At boot and every interval, every
 * pending timer due before the next sweep (and every overdue one) is checked against the queue:
 *  - its job is gone (queue flushed, tables truncated, job expired): it is added again;
 *  - its job is still delayed though the timer is due (the clock moved, or the queue's delay
 *    drifted): it is promoted to run now;
 *  - its job failed for good: the timer gets a new generation and job id, and a new job.
 * Timers further in the future are checked by a later sweep, before they come due.
 */
@Injectable()
export class TimerSweepService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TimerSweepService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: Database,
    private readonly timers: TimersRepository,
    private readonly queues: QueueService,
    private readonly schedules: SchedulesService,
    private readonly clock: Clock,
    private readonly children: ChildReports,
    @Inject(SWEEP_OPTIONS) private readonly options: SweepOptions,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.sweepAll()
        .catch((error) => this.logger.error(`sweep: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.options.intervalMs);
    this.timer.unref();
    tick();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async sweepAll(): Promise<SweepReport> {
    await this.schedules.reconcile();
    const report = await this.sweep();
    // A child's report job lost with the queue, or failed for good: tell the parent now.
    const reported = await this.children.reportPendingChildren(this.clock.now());
    if (reported) this.logger.warn(`sweep reported ${reported} finished children to their parents`);
    return report;
  }

  /** One pass over the timers due before the next sweep. */
  async sweep(): Promise<SweepReport> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + 2 * this.options.intervalMs);
    const queue = this.queues.queue(QueueName.Timers);
    const report: SweepReport = { checked: 0, readded: 0, promoted: 0, rearmed: 0 };
    let after: { fireAt: Date; id: string } | undefined;
    for (;;) {
      const page = await this.timers.listPendingDueBefore(this.dataSource.manager, horizon, PAGE, after);
      if (!page.length) break;
      after = { fireAt: page[page.length - 1].fireAt, id: page[page.length - 1].id };
      for (const t of page) {
        report.checked++;
        const job = await queue.getJob(t.jobId);
        const state = job ? await job.getState() : 'missing';
        const data = { timerId: t.id, instanceId: t.instanceId, fireAt: t.fireAt.toISOString() };
        const delay = Math.max(0, t.fireAt.getTime() - now.getTime());
        if (state === 'missing' || state === 'unknown') {
          await queue.add(QueueName.Timers, data, { jobId: t.jobId, delay, ...TIMER_JOB_OPTIONS });
          report.readded++;
          // The relay may have queued the job between the look and the add (the add then keeps the
          // relay's job, delayed by the real clock): a due timer's job is promoted either way.
          if (t.fireAt <= now && (await this.promoteIfDelayed(queue, t.jobId))) report.promoted++;
        } else if (state === 'delayed' && t.fireAt <= now) {
          if (await this.promoteIfDelayed(queue, t.jobId)) report.promoted++;
        } else if (state === 'failed' || state === 'completed') {
          // Completed with the timer still pending: the run saw it as stale in a race; failed: retries ran out.
          const generation = t.generation + 1;
          const jobId = jobIdOf(t.id, generation);
          if (await this.timers.rearm(this.dataSource.manager, t.id, generation, jobId)) {
            await queue.add(QueueName.Timers, data, { jobId, delay, ...TIMER_JOB_OPTIONS });
            report.rearmed++;
          }
        }
      }
      if (page.length < PAGE) break;
    }
    if (report.readded || report.promoted || report.rearmed) this.logger.warn(`sweep re-armed timers: ${JSON.stringify(report)}`);
    return report;
  }

  /** Runs a delayed job now. False when it is no longer delayed: a worker or another sweep got there first. */
  private async promoteIfDelayed(queue: ReturnType<QueueService['queue']>, jobId: string): Promise<boolean> {
    const job = await queue.getJob(jobId);
    if (!job || (await job.getState()) !== 'delayed') return false;
    try {
      await job.promote();
      return true;
    } catch (error) {
      if ((await job.getState()) !== 'delayed') return false;
      throw error;
    }
  }
}
