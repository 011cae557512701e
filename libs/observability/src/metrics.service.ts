import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DatabaseFigures } from './database-figures.js';
import { TransitionObserver } from '#libs/runtime';
import { optionalQueues, type QueueService } from '#libs/scheduler';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const LATENESS_BUCKETS = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600];

/**
 * Prometheus metrics of one process (its own registry, so that several apps in one test process do
 * not collide): transitions by definition and event with their latency, timer lateness, HTTP
 * requests, queue depths, open and overdue tasks, and the database pool — the last three read when
 * scraped.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly unsubscribe: () => void;
  readonly transitions = new Counter({ name: 'phoihop_transitions_total', help: 'Committed transitions', labelNames: ['definition', 'event'], registers: [this.registry] });
  readonly transitionSeconds = new Histogram({
    name: 'phoihop_transition_duration_seconds',
    help: 'From reading the instance to the commit of its transition',
    labelNames: ['definition'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly timerLateness = new Histogram({
    name: 'phoihop_timer_lateness_seconds',
    help: 'How late a deadline or reminder job ran after its due instant',
    labelNames: ['outcome'],
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });
  readonly notificationsCreated = new Counter({
    name: 'phoihop_notifications_created_total',
    help: 'Notifications written for users (new rows only: a redelivered job adds none), by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly notificationLag = new Histogram({
    name: 'phoihop_notification_lag_seconds',
    help: 'From the commit of the effect that tells someone (a new task, a reminder, an escalation, a notify) to their notification being written',
    labelNames: ['kind'],
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });
  readonly webhookAttempts = new Counter({
    name: 'phoihop_webhook_attempts_total',
    help: 'Webhook delivery attempts by outcome: delivered, retrying (failed, another attempt follows), failed (the last attempt failed)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly webhookSeconds = new Histogram({
    name: 'phoihop_webhook_attempt_duration_seconds',
    help: 'From sending a webhook request to its answer (or its failure)',
    labelNames: ['outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly emails = new Counter({
    name: 'phoihop_emails_total',
    help: 'E-mail sends by outcome: sent, refused (a 5xx answer, final), failed (attempts ran out), retrying (a temporary failure, another attempt follows); kind: notification or digest',
    labelNames: ['outcome', 'kind'],
    registers: [this.registry],
  });
  readonly emailLag = new Histogram({
    name: 'phoihop_email_lag_seconds',
    help: 'From an e-mail delivery being recorded (with its notification, or by the digest) to the SMTP server taking it',
    labelNames: ['kind'],
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });
  readonly httpSeconds = new Histogram({
    name: 'phoihop_http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    observer: TransitionObserver,
    database: DatabaseFigures,
    private readonly moduleRef: ModuleRef,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'phoihop_' });
    this.unsubscribe = observer.subscribe({
      transition: (t) => {
        this.transitions.inc({ definition: t.definitionKey, event: t.eventType });
        this.transitionSeconds.observe({ definition: t.definitionKey }, t.durationMs / 1000);
      },
      timer: (f) => this.timerLateness.observe({ outcome: f.outcome }, f.latenessMs / 1000),
      notifications: (n) => {
        this.notificationsCreated.inc({ kind: n.kind }, n.count);
        for (const lag of n.lagsMs ?? []) this.notificationLag.observe({ kind: n.kind }, lag / 1000);
      },
      email: (e) => {
        this.emails.inc({ outcome: e.outcome, kind: e.kind });
        if (e.lagMs !== undefined) this.emailLag.observe({ kind: e.kind }, e.lagMs / 1000);
      },
      webhookAttempt: (w) => {
        this.webhookAttempts.inc({ outcome: w.outcome });
        this.webhookSeconds.observe({ outcome: w.outcome }, w.latencyMs / 1000);
      },
    });
    const queuesNow = () => this.queues();
    new Gauge({
      name: 'phoihop_tasks',
      help: 'Open tasks, and open tasks past their due date',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const row = await database.openTasks();
        this.set({ state: 'open' }, row.open);
        this.set({ state: 'overdue' }, row.overdue);
      },
    });
    new Gauge({
      name: 'phoihop_db_pool_connections',
      help: 'Database pool connections: total, idle, and requests waiting for one',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = database.pool();
        if (!pool) return;
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
    new Gauge({
      name: 'phoihop_queue_jobs',
      help: 'Queue jobs by queue and state (waiting, delayed, active, failed…)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const queues = queuesNow();
        if (!queues) return;
        for (const [queue, counts] of Object.entries(await queues.counts())) for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
      },
    });
  }

  private queues(): QueueService | undefined {
    return optionalQueues(this.moduleRef);
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
