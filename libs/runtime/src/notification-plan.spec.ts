import { describe, expect, it } from '@jest/globals';
import { notificationText, planNotifications } from './notification-plan.js';

const at = '2026-03-02T00:30:00.000Z';

describe('planNotifications', () => {
  it('turns a new task, an escalation with its notify, a reminder and a bare notify into intents keyed by outbox row and effect', () => {
    const intents = planNotifications('41', [
      { type: 'notify', roles: ['can-bo'], users: ['chu-tich'], message: { vi: 'Đã tiếp nhận', en: 'Received' }, at },
      { type: 'task.close', state: 'xuLy', at },
      { type: 'task.open', state: 'quaHan', task: { title: { vi: 'Chỉ đạo', en: 'Direct' }, roles: ['lanh-dao'], units: ['ubnd'], priority: 'normal', outcomes: [] }, at },
      { type: 'task.escalate', state: 'xuLy', deadlineKey: 'han', priority: 'urgent', addRoles: ['lanh-dao'], at },
      { type: 'notify', roles: ['lanh-dao'], users: [], message: { vi: 'Hồ sơ quá hạn', en: 'Case overdue' }, at },
    ]);
    expect(intents.map((i) => [i.kind, i.sourceKey, i.state, i.roles, i.users, i.inTaskUnits])).toEqual([
      ['message', 'outbox:41:0', null, ['can-bo'], ['chu-tich'], false],
      ['task-assigned', 'outbox:41:2', 'quaHan', ['lanh-dao'], [], true],
      // The roles it adds become the task's candidates (its units); its notify tells the role's holders anywhere.
      ['escalation', 'outbox:41:3', 'xuLy', ['lanh-dao'], [], true],
      ['escalation', 'outbox:41:4', 'xuLy', ['lanh-dao'], [], false],
    ]);
  });

  it('a fired reminder is a reminder for its state; an escalation adding no role notifies only through its notify', () => {
    const reminder = planNotifications('7', [{ type: 'notify', roles: ['can-bo'], users: [], message: { vi: 'Nhắc', en: 'Reminder' }, reminder: { deadlineKey: 'han', state: 'xuLy' }, at }]);
    expect(reminder).toEqual([expect.objectContaining({ kind: 'reminder', state: 'xuLy', sourceKey: 'outbox:7:0' })]);
    const escalation = planNotifications('8', [{ type: 'task.escalate', state: 'quaHan', deadlineKey: 'chiDao', addRoles: [], at }, { type: 'notify', roles: ['lanh-dao'], users: [], message: { vi: 'Chưa có chỉ đạo', en: 'No direction yet' }, at }]);
    expect(escalation).toEqual([expect.objectContaining({ kind: 'escalation', state: 'quaHan', sourceKey: 'outbox:8:1' })]);
    expect(planNotifications('9', [{ type: 'emit', topic: 'x', data: {}, at }, { type: 'timer.arm', state: 's', at }])).toEqual([]);
  });
});

describe('notificationText', () => {
  const task = { vi: 'Xử lý đơn khiếu nại', en: 'Handle the complaint' };
  const message = { vi: 'Hồ sơ quá hạn xử lý', en: 'Case overdue' };
  it('says what happened, in Vietnamese with its diacritics and in English', () => {
    expect(notificationText('task-assigned', task, null).title).toEqual({ vi: 'Việc mới: Xử lý đơn khiếu nại', en: 'New task: Handle the complaint' });
    expect(notificationText('reminder', task, { vi: 'Còn 1 ngày', en: '1 day left' })).toEqual({
      title: { vi: 'Sắp đến hạn: Xử lý đơn khiếu nại', en: 'Due soon: Handle the complaint' },
      body: { vi: 'Còn 1 ngày', en: '1 day left' },
    });
    expect(notificationText('escalation', task, message)).toEqual({ title: { vi: 'Quá hạn: Xử lý đơn khiếu nại', en: 'Overdue: Handle the complaint' }, body: message });
    expect(notificationText('task-delegated', task, null, { by: 'chu-tich' })).toEqual({
      title: { vi: 'Được giao việc: Xử lý đơn khiếu nại', en: 'Task delegated to you: Handle the complaint' },
      body: { vi: 'Người giao: chu-tich', en: 'Delegated by chu-tich' },
    });
    expect(notificationText('message', null, message)).toEqual({ title: message, body: null });
  });
});
