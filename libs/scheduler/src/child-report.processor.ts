import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ChildReports } from '#libs/runtime';
import { Clock } from './clock.js';
import type { QueueProcessor } from './processor.js';
import { QueueName, type ChildReportJob } from './queues.js';

/** A finished child tells its parent; the parent's event is keyed by the child, so a retry changes nothing. */
@Injectable()
export class ChildReportProcessor implements QueueProcessor<QueueName.Children> {
  readonly queue = QueueName.Children;

  constructor(
    private readonly children: ChildReports,
    private readonly clock: Clock,
  ) {}

  process(job: Job<ChildReportJob>): Promise<string> {
    return this.children.reportChild(job.data.childId, this.clock.now());
  }
}
