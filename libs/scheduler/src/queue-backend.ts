import { createPostgresBackend, Queue, Worker, type Job, type QueueOptions, type WorkerOptions } from 'bullmq';
import type { QueueName } from './queues.js';

/**
 * Where the queues live: BullMQ's PostgreSQL backend on the application's own database (the
 * embedded default: nothing else to run), or Redis when REDIS_URL is set (scaled-out deployments).
 * Everything above this file is the same code path for both.
 */
export type QueueBackendConfig = ({ kind: 'postgres'; databaseUrl: string; poolSize?: number } | { kind: 'redis'; redisUrl: string }) & {
  /** Key/queue namespace; tests give each app its own on a shared Redis. */
  prefix?: string;
};

export const QUEUE_PREFIX = 'phoihop';


export class QueueBackend {
  constructor(readonly config: QueueBackendConfig) {}

  get prefix(): string {
    return this.config.prefix ?? QUEUE_PREFIX;
  }

  get label(): string {
    return this.config.kind === 'redis' ? 'Redis' : 'PostgreSQL';
  }

  queue<T>(name: QueueName): Queue<T> {
    if (this.config.kind === 'postgres') {
      return new Queue(name, { prefix: this.prefix, connection: this.pgConnection() } as QueueOptions<any>, createPostgresBackend) as unknown as Queue<T>;
    }
    return new Queue<T>(name, { prefix: this.prefix, connection: this.redisConnection() });
  }

  worker<T>(name: QueueName, process: (job: Job<T>) => Promise<unknown>, options: { concurrency: number; lockMs: number }): Worker<T> {
    const opts = { prefix: this.prefix, concurrency: options.concurrency, autorun: true, lockDuration: options.lockMs, stalledInterval: options.lockMs };
    if (this.config.kind === 'postgres') {
      return new Worker(name, process as never, { ...opts, connection: this.pgConnection() } as WorkerOptions<any>, createPostgresBackend) as unknown as Worker<T>;
    }
    return new Worker<T>(name, process, { ...opts, connection: this.redisConnection() });
  }

  /** Options, not a client: BullMQ then makes, owns and closes its connections (maxRetriesPerRequest null, as it requires). */
  private redisConnection() {
    return { url: (this.config as { redisUrl: string }).redisUrl, maxRetriesPerRequest: null };
  }

  private pgConnection() {
    const c = this.config as { databaseUrl: string; poolSize?: number };
    // migrate: BullMQ creates or upgrades its own schema (`bullmq`) under its advisory lock.
    return { connectionString: c.databaseUrl, migrate: true, max: c.poolSize ?? 4 };
  }
}
