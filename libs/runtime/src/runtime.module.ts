import { Module } from '@nestjs/common';
import { CoreModule } from '#libs/core';
import { CalendarService } from './calendar.service.js';
import { ChildReports } from './child-reports.service.js';
import { ConfidentialReads } from './confidential-reads.js';
import { DefinitionAdminService } from './definition-admin.service.js';
import { DefinitionsService } from './definitions.service.js';
import { InstanceCommands } from './instance-commands.service.js';
import { InstanceQueries } from './instance-queries.service.js';
import { StartBuilder } from './instance-starts.js';
import { MigrationService } from './migration.service.js';
import { NotificationDelivery } from './notification-delivery.service.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxSignal } from './outbox-signal.js';
import { EmailSignal } from './email-signal.js';
import { DefinitionRefusals } from './definition-refusals.js';
import { EmailSettingsService } from './email-settings.service.js';
import { TasksService } from './tasks.service.js';
import { TimerFiring } from './timer-firing.service.js';
import { TimerPlanner } from './timer-planner.js';
import { TransitionObserver } from './transition-observer.js';
import { TransitionRunner } from './transition-runner.js';
import { WorkflowLoaderService } from './workflow-loader.service.js';

/** What callers ask of instances: commands, deadline firing, child reports, queries (all moving through one TransitionRunner). */
const INSTANCE_SERVICES = [InstanceCommands, InstanceQueries, TimerFiring, ChildReports];

/** The workflow runtime: definitions and the instance event path, shared by the api and the worker. */
@Module({
  imports: [CoreModule],
  providers: [
    DefinitionsService,
    DefinitionRefusals,
    ...INSTANCE_SERVICES,
    TransitionRunner,
    StartBuilder,
    TimerPlanner,
    WorkflowLoaderService,
    CalendarService,
    OutboxSignal,
    TransitionObserver,
    TasksService,
    DefinitionAdminService,
    MigrationService,
    NotificationDelivery,
    NotificationsService,
    EmailSignal,
    EmailSettingsService,
    ConfidentialReads,
  ],
  exports: [ConfidentialReads, DefinitionsService, ...INSTANCE_SERVICES, WorkflowLoaderService, CalendarService, OutboxSignal, TransitionObserver, TasksService, DefinitionAdminService, MigrationService, NotificationDelivery, NotificationsService, EmailSignal, EmailSettingsService],
})
export class RuntimeModule {}
