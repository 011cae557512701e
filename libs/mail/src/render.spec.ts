import { describe, expect, it } from '@jest/globals';
import { digestIsEmpty, escapeHtml, formatDue, renderDigestMail, renderNotificationMail } from './render.js';

describe('mail content', () => {
  const base = { publicUrl: 'https://phoihop.example/', displayName: 'Nguyễn <Văn> A', instanceId: 'c1', taskId: 't1', businessKey: 'KN-2026-007', definitionKey: 'complaint' };

  it('escapes every value in the HTML part and keeps the text part plain', () => {
    const mail = renderNotificationMail({ ...base, lang: 'vi', title: { vi: 'Quá hạn: <script>alert(1)</script>', en: 'Overdue' }, body: { vi: 'Hồ sơ "quá hạn" & chưa xử lý', en: '' } });
    expect(mail.subject).toBe('[Phối Hợp] Quá hạn: <script>alert(1)</script>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Quá hạn: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Hồ sơ &quot;quá hạn&quot; &amp; chưa xử lý');
    expect(mail.html).toContain('Kính gửi Nguyễn &lt;Văn&gt; A,');
    expect(mail.text).toContain('Mở công việc: https://phoihop.example/tasks/t1');
    expect(mail.text).toContain('Mở hồ sơ: https://phoihop.example/cases/c1');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('says a midnight due instant as the end of the day before, in the ward’s time zone', () => {
    expect(formatDue(new Date('2026-12-04T17:00:00Z'), 'vi')).toBe('hạn hết ngày 04/12/2026');
    expect(formatDue(new Date('2026-12-04T17:00:00Z'), 'en')).toBe('due by the end of 2026-12-04');
    expect(formatDue(new Date('2026-12-04T03:15:00Z'), 'vi')).toBe('hạn 04/12/2026 10:15');
  });

  it('a digest leaves out empty sections and names its day', () => {
    const empty = { overdue: [], dueSoon: [], newTasks: [], notifications: [] };
    expect(digestIsEmpty(empty)).toBe(true);
    const mail = renderDigestMail({
      ...empty,
      lang: 'en',
      publicUrl: 'https://phoihop.example',
      displayName: 'A',
      day: '2027-02-15',
      overdue: [{ id: 't1', instanceId: 'c1', title: { vi: 'Việc', en: 'Job' }, businessKey: null, dueAt: null }],
    });
    expect(mail.subject).toBe('[Phối Hợp] Daily digest for 2027-02-15: 1 overdue, 0 due soon, 0 new tasks');
    expect(mail.text).toContain('Overdue (1)\n- Job\n  https://phoihop.example/tasks/t1');
    expect(mail.text).not.toContain('New tasks');
  });
});
