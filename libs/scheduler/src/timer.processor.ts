import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { TimerFiring, TransitionObserver } from '#libs/runtime';
import { Clock } from './clock.js';
import type { QueueProcessor } from './processor.js';
import { QueueName, type TimerJob } from './queues.js';

/**
 * A due timer goes back through the instance's event path, in a batch with the other deadlines due
 * now (TimerFiring.fireDue); a stale one (a batch fired it already) does nothing after one read.
 */
@Injectable()
export class TimerProcessor implements QueueProcessor<QueueName.Timers> {
  readonly queue = QueueName.Timers;
  private readonly logger = new Logger(TimerProcessor.name);

  constructor(
    private readonly timers: TimerFiring,
    private readonly clock: Clock,
    private readonly observer: TransitionObserver,
  ) {}

  async process(job: Job<TimerJob>): Promise<string> {
    const now = this.clock.now();
    const outcome = await this.timers.fireDue(job.data.timerId, job.id!, () => this.clock.now());
    this.observer.timer({ latenessMs: Math.max(0, now.getTime() - Date.parse(job.data.fireAt)), outcome });
    if (outcome === 'stale') this.logger.debug(`timer ${job.data.timerId} (${job.id}) was stale`);
    return outcome;
  }
}
