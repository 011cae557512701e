import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { RuntimeModule } from '#libs/runtime';
import { MailModule } from '#libs/mail';
import { mailSettings, type MailSettings } from '#libs/config';
import { WebhooksModule, type WebhookOptions } from '#libs/webhooks';
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
import { EmailDigestService } from './email-digest.service.js';
import { EmailProcessor } from './email.processor.js';
import { EmailRelayService } from './email-relay.service.js';
import { MailLinks } from './mail-links.js';
import { WebhookFanOutProcessor, WebhookSendProcessor } from './webhook.processors.js';
import { WEBHOOK_SWEEP_OPTIONS, WebhookDispatch, WebhookSweepService } from './webhook-dispatch.service.js';

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
  /** E-mail (SMTP, sender, links, retries); absent or without SMTP: no mail is recorded or sent. */
  mail?: MailSettings;
  /** Webhook settings (DEFAULT_WEBHOOK_OPTIONS for what is absent); the api's subscription checks use the same. */
  webhooks?: Partial<WebhookOptions>;
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
      MailLinks,
      EmailDigestService,
      WebhookDispatch,
    ];
    const worker: Provider[] = options.runWorker
      ? [
          TimerProcessor,
          ScheduleProcessor,
          ChildReportProcessor,
          NotificationProcessor,
          EmailProcessor,
          WebhookFanOutProcessor,
          WebhookSendProcessor,
          {
            provide: QUEUE_PROCESSORS,
            useFactory: (t: TimerProcessor, s: ScheduleProcessor, c: ChildReportProcessor, n: NotificationProcessor, w: WebhookFanOutProcessor, ws: WebhookSendProcessor, e: EmailProcessor) => [t, s, c, n, w, ws, e],
            inject: [TimerProcessor, ScheduleProcessor, ChildReportProcessor, NotificationProcessor, WebhookFanOutProcessor, WebhookSendProcessor, EmailProcessor],
          },
          { provide: WORKER_HOST_OPTIONS, useValue: { concurrency: options.concurrency, lockMs: options.lockMs ?? 30_000, queues: options.queues } },
          WorkerHostService,
          { provide: RELAY_OPTIONS, useValue: { pollMs: options.relayPollMs } satisfies RelayOptions },
          OutboxRelayService,
          { provide: SWEEP_OPTIONS, useValue: { intervalMs: options.sweepIntervalMs } satisfies SweepOptions },
          TimerSweepService,
          EmailRelayService,
          { provide: WEBHOOK_SWEEP_OPTIONS, useValue: { intervalMs: options.sweepIntervalMs } },
          WebhookSweepService,
        ]
      : [];
    const providers = [...base, ...worker];
    return { module: SchedulerModule, imports: [RuntimeModule, WebhooksModule.forRoot(options.webhooks), MailModule.forRoot(options.mail ?? { publicUrl: 'http://localhost:3000' })], providers, exports: [Clock, QueueService, SchedulesService, WebhookDispatch, EmailDigestService, ...(options.runWorker ? [OutboxRelayService, TimerSweepService, WebhookSweepService, EmailRelayService] : [])] };
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
    SMTP_URL?: string;
    MAIL_FROM?: string;
    PUBLIC_URL?: string;
    WEBHOOK_ALLOW_PRIVATE_URLS?: boolean;
    WEBHOOK_TIMEOUT_MS?: number;
    WEBHOOK_MAX_ATTEMPTS?: number;
    WEBHOOK_RETRY_BASE_MS?: number;
    WEBHOOK_DISABLE_AFTER?: number;
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
    mail: mailSettings({ SMTP_URL: env.SMTP_URL, MAIL_FROM: env.MAIL_FROM, PUBLIC_URL: env.PUBLIC_URL ?? 'http://localhost:3000' }),
    webhooks: {
      allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      disableAfter: env.WEBHOOK_DISABLE_AFTER,
    },
  };
}
