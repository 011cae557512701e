import { Injectable, Logger } from '@nestjs/common';
import type { ScheduleDefinition } from '#libs/engine';
import { DefinitionsService } from '#libs/runtime';
import { QueueService } from './queue.service.js';
import { QueueName } from './queues.js';

/**
 * Keeps BullMQ's job schedulers equal to the schedules of the newest published definitions: one
 * scheduler per (definition, schedule), id `<definitionKey>:<scheduleKey>`; others are removed.
 */
@Injectable()
export class SchedulesService {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    private readonly definitions: DefinitionsService,
    private readonly queues: QueueService,
  ) {}

  async reconcile(): Promise<{ upserted: string[]; removed: string[] }> {
    const wanted = new Map<string, { definitionKey: string; schedule: ScheduleDefinition }>();
    for (const d of await this.definitions.listLatestPublished()) {
      const { workflow } = await this.definitions.byId(d.id);
      for (const schedule of workflow.definition.schedules ?? []) wanted.set(`${d.key}:${schedule.key}`, { definitionKey: d.key, schedule });
    }
    const queue = this.queues.queue(QueueName.Schedules);
    const existing = await queue.getJobSchedulers(0, -1);
    const upserted: string[] = [];
    const removed: string[] = [];
    for (const [id, { definitionKey, schedule }] of wanted) {
      const current = existing.find((e) => e.key === id);
      const tz = schedule.timezone ?? 'Asia/Ho_Chi_Minh';
      if (current && current.pattern === schedule.cron && current.tz === tz) continue;
      await queue.upsertJobScheduler(id, { pattern: schedule.cron, tz }, { name: QueueName.Schedules, data: { definitionKey, scheduleKey: schedule.key } });
      upserted.push(id);
    }
    for (const e of existing) {
      if (!wanted.has(e.key)) {
        await queue.removeJobScheduler(e.key);
        removed.push(e.key);
      }
    }
    if (upserted.length || removed.length) this.logger.log(`schedules: upserted ${upserted.join(', ') || '-'}; removed ${removed.join(', ') || '-'}`);
    return { upserted, removed };
  }
}
