import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { Clock } from './clock.js';
import { OutboxRelayService, RELAY_OPTIONS, type RelayOptions } from './outbox-relay.service.js';
import { QUEUE_PROCESSORS } from './processor.js';
import type { QueueName } from './queues.js';
import { QueueBackend, type QueueBackendConfig } from './queue-backend.js';
import { QUEUE_BACKEND, QueueService } from './queue.service.js';
import { ChildReportProcessor } from './child-report.processor.js';
import { NotificationProcessor } from './notification.processor.js';
import { ScheduleProcessor } from './schedule.processor.js';
import { SchedulesService } from './schedules.service.js';
import { SWEEP_OPTIONS, TimerSweepService, type SweepOptions } from './timer-sweep.service.js';
import { TimerProcessor } from './timer.processor.js';
import { WORKER_HOST_OPTIONS, WorkerHostService } from './worker-host.service.js';

export interface SchedulerOptions {
  backend: QueueBackendConfig;
  /** Run the relay, the sweep and the processors in this process (the worker role). */
  runWorker: boolean;
  concurrency: number;
  /** Job lock; a killed worker's active jobs are taken back after it. */
  lockMs?: number;
  relayPollMs: number;
  sweepIntervalMs: number;
  /** Queues this worker serves (all when absent). */
  queues?: QueueName[];
}

/**
 * Queues (on PostgreSQL or Redis), and — in a process with the worker role — the outbox relay,
 * the timer sweep, schedule reconciliation and the queue processors.
 */
@Module({})
export class SchedulerModule {
  static forRoot(options: SchedulerOptions): DynamicModule {
    const base: Provider[] = [
      Clock,
      { provide: QUEUE_BACKEND, useFactory: () => new QueueBackend(options.backend) },
      QueueService,
      SchedulesService,
    ];
    const worker: Provider[] = options.runWorker
      ? [
          TimerProcessor,
          ScheduleProcessor,
          ChildReportProcessor,
          NotificationProcessor,
          {
            provide: QUEUE_PROCESSORS,
            useFactory: (t: TimerProcessor, s: ScheduleProcessor, c: ChildReportProcessor, n: NotificationProcessor) => [t, s, c, n],
            inject: [TimerProcessor, ScheduleProcessor, ChildReportProcessor, NotificationProcessor],
          },
          { provide: WORKER_HOST_OPTIONS, useValue: { concurrency: options.concurrency, lockMs: options.lockMs ?? 30_000, queues: options.queues } },
          WorkerHostService,
          { provide: RELAY_OPTIONS, useValue: { pollMs: options.relayPollMs } satisfies RelayOptions },
          OutboxRelayService,
          { provide: SWEEP_OPTIONS, useValue: { intervalMs: options.sweepIntervalMs } satisfies SweepOptions },
          TimerSweepService,
        ]
      : [];
    const providers = [...base, ...worker];
    return { module: SchedulerModule, imports: [RuntimeModule], providers, exports: [Clock, QueueService, SchedulesService, ...(options.runWorker ? [OutboxRelayService, TimerSweepService] : [])] };
  }
}

/** The scheduler settings of a process, from its validated environment. */
export function schedulerOptions(
  env: {
    REDIS_URL?: string;
    QUEUE_PREFIX: string;
    RUN_WORKER: boolean;
    WORKER_CONCURRENCY: number;
    JOB_LOCK_MS: number;
    OUTBOX_POLL_MS: number;
    SWEEP_INTERVAL_MS: number;
    WORKER_QUEUES?: string;
  },
  databaseUrl: string,
): SchedulerOptions {
  return {
    backend: env.REDIS_URL ? { kind: 'redis', redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX } : { kind: 'postgres', databaseUrl, prefix: env.QUEUE_PREFIX },
    runWorker: env.RUN_WORKER,
    concurrency: env.WORKER_CONCURRENCY,
    lockMs: env.JOB_LOCK_MS,
    relayPollMs: env.OUTBOX_POLL_MS,
    sweepIntervalMs: env.SWEEP_INTERVAL_MS,
    queues: env.WORKER_QUEUES ? (env.WORKER_QUEUES.split(',').map((q) => q.trim()) as QueueName[]) : undefined,
  };
}
