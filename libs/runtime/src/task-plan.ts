import { randomUUID } from 'node:crypto';
import type { Priority } from '#libs/engine';
import type { TaskWrites } from '#libs/persistence';
import type { DeadlineMap } from './deadline-plan.js';
import type { HostEffect } from './host-effects.js';

export const PRIORITY: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
export const PRIORITY_NAME = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * The task rows a transition writes: a task for each entered state that declares one (due at the
 * nearest deadline running on that state or an ancestor), closed for each state left — as completed
 * when it is the task this transition's event answers, and then assigned to its sender if no one
 * held it — and escalations from passed deadlines.
 */
export function planTasks(
  definitionKey: string,
  effects: HostEffect[],
  deadlines: DeadlineMap,
  completing?: { taskId: string; state: string },
  moved: Array<{ state: string; dueAt: string }> = [],
): TaskWrites {
  const writes: TaskWrites = { definitionKey, open: [], closeStates: [], complete: null, escalate: [], due: moved };
  for (const e of effects) {
    if (e.type === 'task.close') {
      if (!writes.closeStates.includes(e.state)) writes.closeStates.push(e.state);
      writes.open = writes.open.filter((t) => t.state !== e.state);
    } else if (e.type === 'task.open') {
      const dues = Object.values(deadlines)
        .filter((d) => d.state === e.state || e.state.startsWith(`${d.state}.`))
        .map((d) => d.dueAt)
        .sort();
      writes.open.push({
        id: randomUUID(),
        state: e.state,
        title: e.task.title,
        roles: e.task.roles,
        units: e.task.units,
        outcomes: e.task.outcomes,
        priority: PRIORITY[e.task.priority] ?? PRIORITY.normal,
        dueAt: dues[0] ?? null,
        ...(e.task.assignee ? { assignee: e.task.assignee } : {}),
      });
    } else if (e.type === 'task.escalate') {
      writes.escalate.push({ state: e.state, priority: e.priority ? (PRIORITY[e.priority as Priority] ?? null) : null, addRoles: e.addRoles });
    }
  }
  if (completing && writes.closeStates.includes(completing.state)) writes.complete = completing.taskId;
  return writes;
}
