import { Global, Module } from '@nestjs/common';
import { DefinitionsRepository } from './repositories/definitions.repository.js';
import { HistoryRepository } from './repositories/history.repository.js';
import { CalendarOverridesRepository } from './repositories/calendar-overrides.repository.js';
import { InstancesRepository } from './repositories/instances.repository.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { IdentityRepository } from './repositories/identity.repository.js';
import { TasksRepository } from './repositories/tasks.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { TimersRepository } from './repositories/timers.repository.js';

/**
 * The repositories, stateless: every method takes the EntityManager of the caller's transaction.
 * The DataSource itself is provided by the app (see DatabaseModule) so that tests and the embedded
 * default can decide where it points.
 */
@Global()
@Module({
  providers: [DefinitionsRepository, InstancesRepository, HistoryRepository, TimersRepository, CalendarOverridesRepository, OutboxRepository, IdentityRepository, TasksRepository, AuditRepository],
  exports: [
    DefinitionsRepository,
    InstancesRepository,
    HistoryRepository,
    TimersRepository,
    CalendarOverridesRepository,
    OutboxRepository,
    IdentityRepository,
    TasksRepository,
    AuditRepository,
  ],
})
export class PersistenceModule {}
