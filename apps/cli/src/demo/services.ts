import type { AuditTrail, Principal } from '#libs/core';
import type { Database } from '#libs/persistence';
import type { ChildReports, DefinitionsService, InstanceCommands, InstanceQueries, TasksService, TimerFiring } from '#libs/runtime';

/**
 * The runtime services the demo year goes through: the ones the API's routes and the worker call,
 * so that its history, tasks, timers, hash chain and audit are the product's own.
 */
export interface DemoServices {
  database: Database;
  definitions: DefinitionsService;
  commands: InstanceCommands;
  queries: InstanceQueries;
  timers: TimerFiring;
  children: ChildReports;
  tasks: TasksService;
  audit: AuditTrail;
}

/** The demo accounts by username (one per role: the username is the role's key). */
export type People = Map<string, Principal>;
