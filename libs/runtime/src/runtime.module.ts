import { Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.js';
import { CalendarService } from './calendar.service.js';
import { DefinitionAdminService } from './definition-admin.service.js';
import { DefinitionsService } from './definitions.service.js';
import { MigrationService } from './migration.service.js';
import { OutboxSignal } from './outbox-signal.js';
import { TransitionObserver } from './transition-observer.js';
import { TasksService } from './tasks.service.js';
import { InstancesService } from './instances.service.js';
import { WorkflowLoaderService } from './workflow-loader.service.js';

/** The workflow runtime: definitions and the instance event path, shared by the api and the worker. */
@Module({
  providers: [DefinitionsService, InstancesService, WorkflowLoaderService, CalendarService, OutboxSignal, TransitionObserver, TasksService, AuditTrail, DefinitionAdminService, MigrationService],
  exports: [
    DefinitionsService,
    InstancesService,
    WorkflowLoaderService,
    CalendarService,
    OutboxSignal,
    TransitionObserver,
    TasksService,
    AuditTrail,
    DefinitionAdminService,
    MigrationService,
  ],
})
export class RuntimeModule {}
