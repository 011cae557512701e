import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { QUEUE_BACKEND } from './queue.service.js';
import { QueueBackend } from './queue-backend.js';
import { assertOneProcessorPerQueue, QUEUE_PROCESSORS, type QueueProcessor } from './processor.js';
import { ALL_QUEUES, type QueueName } from './queues.js';

export interface WorkerHostOptions {
  concurrency: number;
  lockMs: number;
  /** The queues this process serves (all when absent): workers can be split by kind of work. */
  queues?: readonly QueueName[];
}
export const WORKER_HOST_OPTIONS = Symbol('WORKER_HOST_OPTIONS');

/** Runs a BullMQ Worker per queue with its one processor; on shutdown lets running jobs finish. */
@Injectable()
export class WorkerHostService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerHostService.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    @Inject(QUEUE_PROCESSORS) private readonly processors: QueueProcessor[],
    @Inject(WORKER_HOST_OPTIONS) private readonly options: WorkerHostOptions,
  ) {
    assertOneProcessorPerQueue(processors, ALL_QUEUES);
  }

  onApplicationBootstrap(): void {
    const served = this.processors.filter((p) => !this.options.queues || this.options.queues.includes(p.queue));
    for (const processor of served) {
      const worker = this.backend.worker(processor.queue, (job) => processor.process(job as never), { concurrency: this.options.concurrency, lockMs: this.options.lockMs });
      worker.on('failed', (job, error) => this.logger.warn(`${processor.queue} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`));
      worker.on('error', (error) => this.logger.error(`${processor.queue} worker: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`processing ${served.map((p) => p.queue).join(', ')} on ${this.backend.label} (concurrency ${this.options.concurrency})`);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
