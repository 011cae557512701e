// Where a person goes after finishing a task: the next task of the same case that is theirs, or
// that they may take, if there is one (theirs first); otherwise their inbox.
import type { Me, Task } from '../../api/types.ts';

/** Whether `me` may take the task: one of their memberships has one of its roles, in one of its units (any unit when it names none). */
export function isCandidate(me: Pick<Me, 'memberships'> | null | undefined, task: Pick<Task, 'candidateRoles' | 'candidateUnits'>): boolean {
  return !!me?.memberships.some((m) => task.candidateRoles.includes(m.role) && (!task.candidateUnits.length || task.candidateUnits.includes(m.unit)));
}

/** The open task of the case to go on with: assigned to me, else one nobody holds that I may take; never the one just done. */
export function nextTask(tasks: Task[], me: Pick<Me, 'username' | 'memberships'> | null | undefined, done?: string): Task | undefined {
  const open = tasks.filter((t) => t.status === 'open' && t.id !== done);
  return open.find((t) => !!me && t.assignee === me.username) ?? open.find((t) => t.assignee === null && isCandidate(me, t));
}
