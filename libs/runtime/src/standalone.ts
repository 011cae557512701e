import { AuditRepository, CalendarOverridesRepository, DefinitionsRepository, DocumentsRepository, FilesRepository, HistoryRepository, InstancesRepository, TasksRepository, TimersRepository, VisibleInstancesRepository, type Database } from '#libs/persistence';
import { AuditTrail } from '#libs/core';
import { CalendarService } from './calendar.service.js';
import { ChildReports } from './child-reports.service.js';
import { ConfidentialReads } from './confidential-reads.js';
import { DefinitionRefusals } from './definition-refusals.js';
import { DefinitionsService } from './definitions.service.js';
import { InstanceCommands } from './instance-commands.service.js';
import { InstanceQueries } from './instance-queries.service.js';
import { StartBuilder } from './instance-starts.js';
import { OutboxSignal } from './outbox-signal.js';
import { TimerFiring } from './timer-firing.service.js';
import { TimerPlanner } from './timer-planner.js';
import { TransitionObserver } from './transition-observer.js';
import { TransitionRunner } from './transition-runner.js';
import type { DocumentEngine } from './documents.js';

/** The runtime's services wired by hand, for scripts and benchmarks that run without Nest. */
export function createRuntime(dataSource: Database, documents?: DocumentEngine) {
  const auditEntries = new AuditRepository();
  const audit = new AuditTrail(dataSource, auditEntries);
  const refusals = new DefinitionRefusals(dataSource, audit, auditEntries);
  const definitions = new DefinitionsService(dataSource, new DefinitionsRepository(), audit, documents);
  const calendar = new CalendarService(dataSource, new CalendarOverridesRepository(), audit);
  const outboxSignal = new OutboxSignal();
  const repos = { instances: new InstancesRepository(), history: new HistoryRepository(), timers: new TimersRepository(), tasks: new TasksRepository() };
  const planner = new TimerPlanner(calendar);
  const starts = new StartBuilder(definitions, planner);
  const observer = new TransitionObserver();
  const files = new FilesRepository();
  const runner = new TransitionRunner(dataSource, definitions, repos.instances, repos.history, repos.timers, repos.tasks, starts, planner, outboxSignal, observer, files, new DocumentsRepository(), documents);
  const queries = new InstanceQueries(dataSource, definitions, repos.instances, repos.history, repos.timers, repos.tasks, new VisibleInstancesRepository());
  return {
    definitions,
    confidential: new ConfidentialReads(dataSource, definitions, repos.tasks, audit, queries, repos.instances, documents),
    calendar,
    outboxSignal,
    audit,
    queries,
    commands: new InstanceCommands(dataSource, definitions, repos.instances, queries, starts, runner, audit, outboxSignal, observer, files, refusals),
    timers: new TimerFiring(dataSource, definitions, repos.timers, runner, outboxSignal, refusals),
    children: new ChildReports(dataSource, definitions, repos.instances, runner),
  };
}
