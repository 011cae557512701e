import type { Effect } from '#libs/engine';
import type { ChildReportEffect } from '#libs/persistence';

/** Effects the host adds to the engine's: a passed deadline escalates the open task. */
export type EscalationEffect = { type: 'task.escalate'; state: string; deadlineKey: string; priority?: string; addRoles: string[]; at: string };

/** Every effect a transition leaves for after its commit: the engine's, an escalation, a finished child's report. */
export type HostEffect = Effect | EscalationEffect | ChildReportEffect;
