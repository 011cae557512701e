import type { INestApplicationContext } from '@nestjs/common';
import { AuditTrail } from '#libs/core';
import { Database } from '#libs/persistence';
import { ChildReports, DefinitionsService, InstanceCommands, InstanceQueries, TasksService, TimerFiring } from '#libs/runtime';
import type { DemoServices } from './services.js';

/** The demo's services taken from a running application: the very instances its routes and worker use. */
export function demoServices(app: INestApplicationContext): DemoServices {
  return {
    database: app.get(Database),
    definitions: app.get(DefinitionsService),
    commands: app.get(InstanceCommands),
    queries: app.get(InstanceQueries),
    timers: app.get(TimerFiring),
    children: app.get(ChildReports),
    tasks: app.get(TasksService),
    audit: app.get(AuditTrail),
  };
}
