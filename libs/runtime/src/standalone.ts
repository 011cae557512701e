import { AuditRepository, CalendarOverridesRepository, DefinitionsRepository, HistoryRepository, InstancesRepository, TasksRepository, TimersRepository } from '#libs/persistence';
import type { DataSource } from 'typeorm';
import { AuditTrail } from './audit-trail.js';
import { CalendarService } from './calendar.service.js';
import { DefinitionsService } from './definitions.service.js';
import { InstancesService } from './instances.service.js';
import { OutboxSignal } from './outbox-signal.js';
import { TransitionObserver } from './transition-observer.js';

/** The runtime's services wired by hand, for scripts and benchmarks that run without Nest. */
export function createRuntime(dataSource: DataSource) {
  const audit = new AuditTrail(dataSource, new AuditRepository());
  const definitions = new DefinitionsService(dataSource, new DefinitionsRepository(), audit);
  const calendar = new CalendarService(dataSource, new CalendarOverridesRepository(), audit);
  const outboxSignal = new OutboxSignal();
  const instances = new InstancesService(dataSource, definitions, new InstancesRepository(), new HistoryRepository(), new TimersRepository(), new TasksRepository(), calendar, outboxSignal, new TransitionObserver(), audit);
  return { definitions, calendar, outboxSignal, instances, audit };
}
