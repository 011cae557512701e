import { describe, expect, it } from '@jest/globals';
import type { Task } from '../../api/types.ts';
import { isCandidate, nextTask } from './next-task.ts';

const task = (id: string, over: Partial<Task>): Task =>
  ({ id, status: 'open', assignee: null, candidateRoles: ['can-bo-xu-ly-don'], candidateUnits: ['van-phong'], ...over }) as Task;
const me = { username: 'xu-ly-1', memberships: [{ role: 'can-bo-xu-ly-don', unit: 'van-phong' }] } as never;

describe('the next task after one is done', () => {
  it('is a candidate’s by role in one of the task’s units, or in any unit when it names none', () => {
    expect(isCandidate(me, task('a', {}))).toBe(true);
    expect(isCandidate(me, task('a', { candidateUnits: ['ubnd'] }))).toBe(false);
    expect(isCandidate(me, task('a', { candidateUnits: [] }))).toBe(true);
    expect(isCandidate(me, task('a', { candidateRoles: ['chu-tich'] }))).toBe(false);
    expect(isCandidate(null, task('a', {}))).toBe(false);
  });

  it('goes to my own open task first, then to one I may take, never to the one just done or a closed one', () => {
    const tasks = [
      task('done', {}),
      task('closed', { status: 'completed' }),
      task('other', { assignee: 'xu-ly-2' }),
      task('free', {}),
      task('mine', { assignee: 'xu-ly-1' }),
    ];
    expect(nextTask(tasks, me, 'done')?.id).toBe('mine');
    expect(nextTask(tasks.slice(0, 4), me, 'done')?.id).toBe('free');
    expect(nextTask(tasks.slice(0, 3), me, 'done')).toBeUndefined();
    expect(nextTask([task('free', { candidateRoles: ['chu-tich'] })], me)).toBeUndefined();
  });
});
