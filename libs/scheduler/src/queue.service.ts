import type { ModuleRef } from '@nestjs/core';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { QueueBackend } from './queue-backend.js';
import { ALL_QUEUES, type JobOf, QueueName } from './queues.js';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

/** One BullMQ Queue per queue name, on the configured backend. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(QUEUE_BACKEND) readonly backend: QueueBackend) {}

  queue<N extends QueueName>(name: N): Queue<JobOf<N>> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.queue<JobOf<N>>(name) as Queue;
      queue.on('error', (error) => this.logger.error(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue as Queue<JobOf<N>>;
  }

  addBulk<N extends QueueName>(name: N, jobs: Array<{ data: JobOf<N>; opts: JobsOptions }>): Promise<Job<JobOf<N>>[]> {
    return (this.queue(name) as Queue).addBulk(jobs.map((j) => ({ name, data: j.data, opts: j.opts }))) as Promise<Job<JobOf<N>>[]>;
  }

  /** Answers when the queue backend does (readiness). */
  async ping(): Promise<void> {
    await this.queue(QueueName.Timers).getJobCounts('waiting');
  }

  /** Job counts per queue, for health and metrics. */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const name of ALL_QUEUES) out[name] = await this.queue(name).getJobCounts();
    return out;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
  }
}

/** The queues, in a process that has them (an api started without a scheduler has none). */
export function optionalQueues(moduleRef: ModuleRef): QueueService | undefined {
  try {
    return moduleRef.get(QueueService, { strict: false });
  } catch {
    return undefined;
  }
}
