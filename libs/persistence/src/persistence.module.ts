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
import { ReportsRepository } from './repositories/reports.repository.js';
import { MetricsRepository } from './repositories/metrics.repository.js';
import { HealthRepository } from './repositories/health.repository.js';
import { NotificationsRepository } from './repositories/notifications.repository.js';
import { StreamTicketsRepository } from './repositories/stream-tickets.repository.js';
import { RateLimitsRepository } from './repositories/rate-limits.repository.js';
import { SessionsRepository } from './repositories/sessions.repository.js';
import { EmailRepository } from './repositories/email.repository.js';
import { HistorySearchRepository } from './repositories/history-search.repository.js';
import { WebhooksRepository } from './repositories/webhooks.repository.js';
import { FilesRepository } from './repositories/files.repository.js';
import { DocumentsRepository } from './repositories/documents.repository.js';
import { VisibleInstancesRepository } from './repositories/visible-instances.repository.js';
import { LiveChannel } from './live-channel.js';

const REPOSITORIES = [
  DefinitionsRepository,
  InstancesRepository,
  HistoryRepository,
  TimersRepository,
  CalendarOverridesRepository,
  OutboxRepository,
  IdentityRepository,
  TasksRepository,
  AuditRepository,
  HistorySearchRepository,
  ReportsRepository,
  MetricsRepository,
  HealthRepository,
  NotificationsRepository,
  StreamTicketsRepository,
  RateLimitsRepository,
  SessionsRepository,
  EmailRepository,
  FilesRepository,
  DocumentsRepository,
  WebhooksRepository,
  VisibleInstancesRepository,
];

/**
 * The repositories, stateless: every method takes the caller's transaction (Tx), or the pool's manager.
 * The DataSource itself is provided by the app (see DatabaseModule) so that tests and the embedded
 * default can decide where it points.
 */
@Global()
// LiveChannel too: one LISTEN connection per process, whoever watches (live streams, the principal cache).
@Module({ providers: [...REPOSITORIES, LiveChannel], exports: [...REPOSITORIES, LiveChannel] })
export class PersistenceModule {}
