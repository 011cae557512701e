import type { Effect } from '#libs/engine';
import type { ChildReportEffect } from '#libs/persistence';

/** Effects the host adds to the engine's: a passed deadline escalates the open task. */
export type EscalationEffect = { type: 'task.escalate'; state: string; deadlineKey: string; priority?: string; addRoles: string[]; at: string };

/**
 * A case was started. The engine has no effect for it (a start is not a step), but systems around
 * the ward subscribe to it (webhook topic `instance.started`), so the start's outbox row carries it.
 */
export type InstanceStartEffect = { type: 'instance.start'; definitionVersion: number; businessKey: string | null; startedBy: string; parentId: string | null; at: string };

/** A deadline passed (with or without an escalation or an event): webhook topic `deadline.passed`. */
export type DeadlinePassEffect = { type: 'deadline.pass'; state: string; deadlineKey: string; dueAt: string; at: string };

/** Every effect a transition leaves for after its commit: the engine's, a start, a passed deadline and its escalation, a finished child's report. */
export type HostEffect = Effect | InstanceStartEffect | DeadlinePassEffect | EscalationEffect | ChildReportEffect;
