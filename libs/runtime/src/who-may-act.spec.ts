import { describe, expect, it } from '@jest/globals';
import type { TaskRecord } from '#libs/persistence';
import { DomainError } from '#libs/core';
import type { Principal } from '#libs/core';
import { decideWhoMayAct, type ActQuery } from './who-may-act.js';

const person = (username: string, ...memberships: Array<[string, string]>): Principal => ({
  userId: `id-${username}`,
  username,
  displayName: username,
  memberships: memberships.map(([role, unit]) => ({ role, unit })),
});

const task = (over: Partial<TaskRecord> = {}): TaskRecord => ({
  id: 'task-1',
  instanceId: 'case-1',
  definitionKey: 'example-document-approval',
  state: 'choDuyet',
  title: { vi: 'Duyệt văn bản', en: 'Review the document' },
  candidateRoles: ['truong-phong'],
  candidateUnits: ['phong-van-hoa-xa-hoi'],
  outcomes: ['QUYET_DINH'],
  assignee: null,
  status: 'open',
  priority: 1,
  dueAt: null,
  createdSeq: 2,
  closedSeq: null,
  createdAt: new Date('2026-12-01T02:00:00Z'),
  claimedAt: null,
  closedAt: null,
  completedBy: null,
  outcome: null,
  ...over,
});

const head = person('truong-phong-a', ['truong-phong', 'phong-van-hoa-xa-hoi']);
const otherUnitHead = person('truong-phong-x', ['truong-phong', 'van-phong-hdnd-ubnd']);
const author = person('tac-gia', ['chuyen-vien', 'phong-van-hoa-xa-hoi']);
const admin = person('admin', ['admin', 'phuong-an-phong']);

const decide = (q: Partial<ActQuery>) =>
  decideWhoMayAct({ type: 'QUYET_DINH', event: { label: { vi: 'Quyết định', en: 'Decide' }, kind: 'human' }, openTasks: [task()], principal: author, history: [], ...q });
const refusal = (q: Partial<ActQuery>) => {
  try {
    decide(q);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('decideWhoMayAct', () => {
  it('an open task’s outcome belongs to its candidates while it is unclaimed; the sender takes it', () => {
    expect(decide({ principal: head })).toMatchObject({ kind: 'task', claim: true, task: { id: 'task-1' } });
    expect(refusal({ principal: author })).toMatchObject({ code: 'FORBIDDEN', details: { taskId: 'task-1' } });
    expect(refusal({ principal: otherUnitHead }).message).toContain('not one of its candidates');
  });

  it('a claimed task’s outcome belongs to its assignee alone', () => {
    const claimed = [task({ assignee: 'truong-phong-b' })];
    expect(refusal({ principal: head, openTasks: claimed }).message).toContain('assigned to someone else');
    expect(decide({ principal: person('truong-phong-b', ['truong-phong', 'phong-van-hoa-xa-hoi']), openTasks: claimed })).toMatchObject({ kind: 'task', claim: false });
  });

  it('an admin is no candidate by being an admin, and acts outside the rule only with an override', () => {
    expect(refusal({ principal: admin }).code).toBe('FORBIDDEN');
    expect(decide({ principal: admin, override: { reason: 'Trưởng phòng nghỉ ốm' } })).toMatchObject({ kind: 'override', task: { id: 'task-1' } });
    expect(refusal({ principal: head, override: { reason: 'tự duyệt' } }).details).toMatchObject({ field: 'override' });
  });

  it('events no task answers follow sentBy: roles in units, or the actors of named steps', () => {
    const event = { label: { vi: 'Rút đơn', en: 'Withdraw' }, kind: 'human' as const, sentBy: { roles: ['can-bo-tiep-dan'], units: ['bo-phan-tiep-cong-dan'], actorsOf: ['@start'] } };
    const q = { type: 'RUT_DON', event, openTasks: [task()] };
    expect(decide({ ...q, principal: person('tiep-dan', ['can-bo-tiep-dan', 'bo-phan-tiep-cong-dan']) })).toEqual({ kind: 'sender' });
    expect(refusal({ ...q, principal: person('tiep-dan-khac', ['can-bo-tiep-dan', 'ubnd']) }).message).toContain('can-bo-tiep-dan in bo-phan-tiep-cong-dan');
    const history = [{ event: 'xstate.init', actor: 'tac-gia' }];
    expect(decide({ ...q, principal: author, history })).toEqual({ kind: 'sender' });
    expect(refusal({ ...q, principal: head, history }).code).toBe('FORBIDDEN');
  });

  it('without a sentBy, whoever may see the case may send an event no task answers', () => {
    expect(decide({ type: 'GHI_CHU', event: { label: { vi: 'Ghi chú', en: 'Note' }, kind: 'human' }, principal: author })).toEqual({ kind: 'sender' });
  });

  it('the task route names its task: an answer to a task no longer open is refused', () => {
    expect(refusal({ principal: head, taskId: 'task-9' }).code).toBe('TASK_CLOSED');
    expect(decide({ principal: head, taskId: 'task-1' })).toMatchObject({ kind: 'task' });
  });

  it('the engine’s own events (no principal) are not people', () => {
    expect(decide({ principal: undefined })).toMatchObject({ kind: 'task', claim: false });
  });
});
