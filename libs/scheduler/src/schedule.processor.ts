import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { toLocalDate } from '#libs/calendar';
import type { ScheduleDefinition } from '#libs/engine';
import { DefinitionsService, InstanceCommands, SYSTEM_ACTOR } from '#libs/runtime';
import { DomainError, ErrorCode } from '#libs/core';
import type { QueueProcessor } from './processor.js';
import { QueueName, type ScheduleJob } from './queues.js';

/** `{yyyy}`, `{mm}`, `{dd}` (the occurrence's date in Vietnam) and `{key}` in a schedule's business key. */
export function scheduledBusinessKey(template: string, occurrence: Date, scheduleKey: string): string {
  const [yyyy, mm, dd] = toLocalDate(occurrence).split('-');
  return template.replaceAll('{yyyy}', yyyy).replaceAll('{mm}', mm).replaceAll('{dd}', dd).replaceAll('{key}', scheduleKey);
}

/** Starts the instance a schedule calls for. At most one per occurrence: its business key is derived from the date. */
@Injectable()
export class ScheduleProcessor implements QueueProcessor<QueueName.Schedules> {
  readonly queue = QueueName.Schedules;
  private readonly logger = new Logger(ScheduleProcessor.name);

  constructor(
    private readonly definitions: DefinitionsService,
    private readonly commands: InstanceCommands,
  ) {}

  async process(job: Job<ScheduleJob>): Promise<string> {
    const { definitionKey, scheduleKey } = job.data;
    const { workflow } = await this.definitions.forStart(definitionKey);
    const schedule = (workflow.definition.schedules ?? []).find((s: ScheduleDefinition) => s.key === scheduleKey);
    if (!schedule) return 'schedule no longer in the definition';
    const occurrence = new Date(job.timestamp + (job.opts.delay ?? 0));
    const businessKey = scheduledBusinessKey(schedule.businessKey ?? `${definitionKey}-{key}-{yyyy}-{mm}-{dd}`, occurrence, scheduleKey);
    try {
      const started = await this.commands.start({ definitionKey, businessKey, input: schedule.input }, { actor: SYSTEM_ACTOR });
      this.logger.log(`schedule ${definitionKey}/${scheduleKey} started ${businessKey} (${started.body.id})`);
      return started.body.id;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.DuplicateBusinessKey) return `already started: ${businessKey}`;
      throw error;
    }
  }
}
