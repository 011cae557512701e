import type { Job } from 'bullmq';
import type { JobOf, QueueName } from './queues.js';

/** The work of one queue. Exactly one processor per queue name must be registered (checked at start-up). */
export interface QueueProcessor<N extends QueueName = QueueName> {
  readonly queue: N;
  process(job: Job<JobOf<N>>): Promise<unknown>;
}

export const QUEUE_PROCESSORS = Symbol('QUEUE_PROCESSORS');

/** Fails unless every queue has exactly one processor. */
export function assertOneProcessorPerQueue(processors: QueueProcessor[], queues: readonly QueueName[]): void {
  const problems: string[] = [];
  for (const name of queues) {
    const count = processors.filter((p) => p.queue === name).length;
    if (count !== 1) problems.push(`queue "${name}" has ${count} processors`);
  }
  for (const p of processors) if (!queues.includes(p.queue)) problems.push(`processor ${p.constructor.name} serves unknown queue "${p.queue}"`);
  if (problems.length) throw new Error(`Queue processors are miswired: ${problems.join('; ')}`);
}
