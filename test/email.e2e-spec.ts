import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { localDateToInstant, toLocalDate } from '#libs/calendar';
import { IdentityService } from '#libs/identity';
import { MetricsService } from '#libs/observability';
import { CalendarService, NotificationDelivery } from '#libs/runtime';
import { Clock, EmailDigestService, QueueName, QueueService } from '#libs/scheduler';
import { startTestApp, type QueueKind, type TestAgent, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';
import { TestSmtpServer, type ReceivedMail } from './support/smtp.js';

const FIXTURES = 'test/fixtures/email';
const TASK_UNIT = 'bo-phan-tiep-cong-dan';
const PUBLIC_URL = 'https://phoihop.anphong.test';
const FROM = '"Phối Hợp" <no-reply@anphong.test>';
type Json = Record<string, any>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * E-mail against a real SMTP server on loopback (smtp-server, mails parsed by mailparser) and the
 * real database: immediate mails for escalations and delegations in the user's language with
 * links from PUBLIC_URL, the `off` mode, the server going away and coming back (nothing lost,
 * nothing doubled), a 550 refusal recorded for admins, the preferences API, and the 07:30 digest
 * on a simulated clock (a working day, not Tết). A second app without SMTP_URL sends nothing and
 * fails nothing.
 */
describe.each<QueueKind>(['postgres', 'redis'])('e-mail on the %s queue backend', (kind) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let db: DataSource;
  let canBoA: TestAgent;
  let lanhDaoOff: TestAgent;
  const users: Record<string, string> = {};

  const withEmail = async (username: string, memberships: Array<{ role: string; unit: string }>, email: string) => {
    const agent = await t.as(username, memberships);
    const user = await t.app.get(IdentityService).findByUsername(username);
    await t.http.patch(`/api/v1/users/${user!.id}`).send({ email }).expect(200);
    users[username] = user!.id;
    return agent;
  };

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await startTestApp({
      workflowsDir: FIXTURES,
      queues: kind,
      scheduler: { mail: { smtpUrl: smtp.url, from: FROM, publicUrl: PUBLIC_URL, retryBaseMs: 250, attempts: 40 } },
    });
    db = t.app.get(DataSource);
    canBoA = await withEmail('can-bo-a', [{ role: 'can-bo', unit: TASK_UNIT }], 'can-bo-a@anphong.test');
    await withEmail('can-bo-b', [{ role: 'can-bo', unit: TASK_UNIT }], 'can-bo-b@anphong.test');
    await withEmail('lanh-dao-a', [{ role: 'lanh-dao', unit: TASK_UNIT }], 'lanh-dao-a@anphong.test');
    const en = await withEmail('lanh-dao-en', [{ role: 'lanh-dao', unit: TASK_UNIT }], 'lanh-dao-en@anphong.test');
    await en.put('/api/v1/me/preferences').send({ language: 'en' }).expect(200);
    lanhDaoOff = await withEmail('lanh-dao-off', [{ role: 'lanh-dao', unit: TASK_UNIT }], 'lanh-dao-off@anphong.test');
    await lanhDaoOff.put('/api/v1/me/preferences').send({ emailPreferences: { escalation: 'off' } }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const start = async (definitionKey = 'test-notify', businessKey?: string) => (await t.http.post('/api/v1/instances').send({ definitionKey, businessKey }).expect(201)).body as Json;
  const taskOf = async (instanceId: string) => (await t.http.get(`/api/v1/instances/${instanceId}/tasks`).expect(200)).body.items[0] as Json;
  const mailsAbout = (address: string, instanceId: string) => smtp.to(address).filter((m) => m.text.includes(`/cases/${instanceId}`));
  const deliveriesOf = async (username: string) =>
    db.query(`SELECT d.status, d.attempts, d.last_response, n.kind, n.instance_id FROM email_deliveries d JOIN users u ON u.id = d.user_id LEFT JOIN notifications n ON n.id = d.notification_id WHERE u.username = $1`, [username]);

  it('an escalation mails the leaders at once, in their language, with the case and task links from PUBLIC_URL; `off` and digest kinds send nothing now', async () => {
    const created = await start();
    const task = await taskOf(created.id);
    const [vi] = await eventually(async () => (mailsAbout('lanh-dao-a@anphong.test', created.id).length ? mailsAbout('lanh-dao-a@anphong.test', created.id) : undefined), 30_000, 'the escalation mail');
    expect(vi.subject).toBe('[Phối Hợp] Quá hạn: Xử lý đơn khiếu nại');
    expect(vi.to).toEqual(['lanh-dao-a@anphong.test']);
    expect(vi.parsed.from?.value[0]).toEqual({ address: 'no-reply@anphong.test', name: 'Phối Hợp' });
    expect(vi.text).toContain('Kính gửi lanh-dao-a,');
    expect(vi.text).toContain('Hồ sơ quá hạn xử lý');
    expect(vi.text).toContain(`Mở công việc: ${PUBLIC_URL}/tasks/${task.id}`);
    expect(vi.text).toContain(`Mở hồ sơ: ${PUBLIC_URL}/cases/${created.id}`);
    expect(vi.html).toContain(`href="${PUBLIC_URL}/tasks/${task.id}"`);
    expect(vi.html).toContain('Quá hạn: Xử lý đơn khiếu nại');
    expect(vi.messageId).toMatch(/^<email-[0-9a-f-]+@phoihop>$/);

    const [en] = await eventually(async () => (mailsAbout('lanh-dao-en@anphong.test', created.id).length ? mailsAbout('lanh-dao-en@anphong.test', created.id) : undefined), 15_000, 'the English mail');
    expect(en.subject).toBe('[Phối Hợp] Overdue: Handle the complaint');
    expect(en.text).toContain('Case overdue');
    expect(en.text).toContain(`Open the task: ${PUBLIC_URL}/tasks/${task.id}`);

    await sleep(1000);
    // `off` for escalations: a notification, no mail. The officers' new task and reminder wait for the digest.
    expect(mailsAbout('lanh-dao-off@anphong.test', created.id)).toEqual([]);
    expect((await lanhDaoOff.get('/api/v1/me/notifications').expect(200)).body.items.some((n: Json) => n.instanceId === created.id && n.kind === 'escalation')).toBe(true);
    expect((await deliveriesOf('lanh-dao-off')).length).toBe(0);
    expect(mailsAbout('can-bo-a@anphong.test', created.id)).toEqual([]);
    expect(mailsAbout('lanh-dao-a@anphong.test', created.id)).toHaveLength(1);
  });

  it('a delegation mails the delegatee at once', async () => {
    const created = await start();
    const task = await taskOf(created.id);
    await canBoA.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    await canBoA.post(`/api/v1/tasks/${task.id}/delegate`).send({ to: 'can-bo-b', reason: 'Đi công tác' }).expect(200);
    const mail = await eventually(async () => mailsAbout('can-bo-b@anphong.test', created.id).find((m) => m.subject.includes('Được giao việc')), 15_000, 'the delegation mail');
    expect(mail.subject).toBe('[Phối Hợp] Được giao việc: Xử lý đơn khiếu nại');
    expect(mail.text).toContain('Người giao: can-bo-a');
    expect(mail.text).toContain(`${PUBLIC_URL}/tasks/${task.id}`);
  });

  it('SMTP down mid-run: retried with backoff, every mail arrives exactly once when it is back', async () => {
    await smtp.stop();
    const cases = [await start(), await start(), await start()];
    // The escalations happen while the server is away; their mails are recorded and fail for now.
    await eventually(
      async () => {
        const rows = (await deliveriesOf('lanh-dao-a')).filter((r: Json) => cases.some((c) => c.id === r.instance_id));
        return rows.length === 3 && rows.every((r: Json) => r.attempts >= 1 && r.status !== 'sent' && r.last_response);
      },
      30_000,
      'failed attempts while the server is down',
    );
    await smtp.restart();
    for (const c of cases) {
      await eventually(async () => mailsAbout('lanh-dao-a@anphong.test', c.id).length === 1 && mailsAbout('lanh-dao-en@anphong.test', c.id).length === 1, 30_000, `the mails of ${c.id}`);
    }
    await sleep(2000);
    for (const c of cases) {
      expect(mailsAbout('lanh-dao-a@anphong.test', c.id)).toHaveLength(1);
      expect(mailsAbout('lanh-dao-en@anphong.test', c.id)).toHaveLength(1);
    }
    const rows = (await deliveriesOf('lanh-dao-a')).filter((r: Json) => cases.some((c) => c.id === r.instance_id));
    expect(rows.map((r: Json) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(Math.min(...rows.map((r: Json) => r.attempts))).toBeGreaterThanOrEqual(2);

    // A job delivered again, and the notification job run again, send nothing more.
    const [sent] = await db.query(
      `SELECT d.id::text FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = d.user_id WHERE u.username = 'lanh-dao-a' AND n.instance_id = $1`,
      [cases[0].id],
    );
    const again = await t.app.get(QueueService).queue(QueueName.Emails).add(QueueName.Emails, { deliveryId: sent.id }, { jobId: `again-${sent.id}` });
    await eventually(async () => (await again.getState()) === 'completed', 15_000, 'the repeated job');
    expect((await t.app.get(QueueService).queue(QueueName.Emails).getJob(`again-${sent.id}`))!.returnvalue).toBe('nothing to send');
    const [{ id: outboxId }] = await db.query(`SELECT id::text FROM outbox WHERE instance_id = $1 AND payload->'effects' @> '[{"type":"task.escalate"}]'`, [cases[0].id]);
    expect(await t.app.get(NotificationDelivery).deliverOutboxRows([outboxId])).toBe(0);
    await sleep(1000);
    expect(mailsAbout('lanh-dao-a@anphong.test', cases[0].id)).toHaveLength(1);
  });

  it('a 550 refusal is recorded on the delivery and shown to admins (not to others); a retry sends it', async () => {
    smtp.refuse('khong-ton-tai@anphong.test');
    await withEmail('lanh-dao-sai-dia-chi', [{ role: 'lanh-dao', unit: TASK_UNIT }], 'khong-ton-tai@anphong.test');
    const created = await start();
    const refused = await eventually(
      async () => (await t.http.get('/api/v1/admin/email-deliveries').query({ status: 'refused' }).expect(200)).body.items.find((d: Json) => d.username === 'lanh-dao-sai-dia-chi'),
      30_000,
      'the refused delivery',
    );
    expect(refused).toMatchObject({ status: 'refused', toAddress: 'khong-ton-tai@anphong.test', kind: 'notification', notificationKind: 'escalation', attempts: 1, sentAt: null });
    expect(refused.lastResponse).toMatch(/550/);
    expect(mailsAbout('khong-ton-tai@anphong.test', created.id)).toEqual([]);
    await canBoA.get('/api/v1/admin/email-deliveries').expect(403);
    await canBoA.post(`/api/v1/admin/email-deliveries/${refused.id}/retry`).expect(403);
    const bad = await t.http.get('/api/v1/admin/email-deliveries').query({ status: 'lost' }).expect(400);
    expect(bad.body.details.problems[0].field).toBe('status');
    // Sent ones cannot be retried; a refused one can, once the address is fixed on the server's side.
    const sent = (await t.http.get('/api/v1/admin/email-deliveries').query({ status: 'sent', limit: 1 }).expect(200)).body.items[0];
    await t.http.post(`/api/v1/admin/email-deliveries/${sent.id}/retry`).expect(409);
    smtp.accept('khong-ton-tai@anphong.test');
    const retried = await t.http.post(`/api/v1/admin/email-deliveries/${refused.id}/retry`).expect(202);
    expect(retried.body.status).toBe('pending');
    await eventually(async () => mailsAbout('khong-ton-tai@anphong.test', created.id).length === 1, 20_000, 'the retried mail');
    const after = await eventually(async () => {
      const d = (await t.http.get('/api/v1/admin/email-deliveries').query({ status: 'sent' }).expect(200)).body.items.find((x: Json) => x.id === refused.id);
      return d;
    }, 10_000, 'the retried delivery marked sent');
    expect(after.attempts).toBe(2);

    const metrics = await t.app.get(MetricsService).registry.getMetricsAsJSON();
    const emails = metrics.find((m) => m.name === 'phoihop_emails_total')!.values as Array<{ labels: Json; value: number }>;
    const count = (outcome: string) => emails.filter((v) => v.labels.outcome === outcome).reduce((a, v) => a + v.value, 0);
    expect(count('sent')).toBeGreaterThanOrEqual(8);
    expect(count('refused')).toBe(1);
    expect(count('retrying')).toBeGreaterThanOrEqual(3);
    const lag = metrics.find((m) => m.name === 'phoihop_email_lag_seconds')!.values as Array<{ metricName?: string; value: number }>;
    expect(lag.filter((v) => v.metricName === 'phoihop_email_lag_seconds_count').reduce((a, v) => a + v.value, 0)).toBeGreaterThanOrEqual(8);
  });

  it('preferences: my own, validated field by field; admins set the address', async () => {
    const mine = (await canBoA.get('/api/v1/me/preferences').expect(200)).body;
    expect(mine).toEqual({
      email: 'can-bo-a@anphong.test',
      language: 'vi',
      emailEnabled: true,
      emailPreferences: { 'task-assigned': 'digest', 'task-delegated': 'immediate', reminder: 'digest', escalation: 'immediate', message: 'immediate' },
    });
    const bad = await canBoA.put('/api/v1/me/preferences').send({ emailPreferences: { escalation: 'sometimes' } }).expect(400);
    expect(bad.body.details.problems.map((p: Json) => p.field)).toEqual(['emailPreferences.escalation']);
    const badLang = await canBoA.put('/api/v1/me/preferences').send({ language: 'fr' }).expect(400);
    expect(badLang.body.details.problems.map((p: Json) => p.field)).toEqual(['language']);
    // There is no way to name another user: a userId in the body is refused, and my change is mine alone.
    const other = await canBoA.put('/api/v1/me/preferences').send({ userId: users['can-bo-b'], language: 'en' });
    expect(other.status).toBe(400);
    await canBoA.put('/api/v1/me/preferences').send({ emailPreferences: { message: 'off' } }).expect(200);
    const b = (await (await t.as('can-bo-b')).get('/api/v1/me/preferences').expect(200)).body;
    expect(b.emailPreferences.message).toBe('immediate');
    expect(b.language).toBe('vi');
    expect((await canBoA.get('/api/v1/me/preferences').expect(200)).body.emailPreferences.message).toBe('off');
    // Only admins set addresses, and only addresses.
    const wrong = await t.http.patch(`/api/v1/users/${users['can-bo-a']}`).send({ email: 'khong-phai-dia-chi' }).expect(400);
    expect(wrong.body.details.problems[0].field).toBe('email');
    await canBoA.patch(`/api/v1/users/${users['can-bo-b']}`).send({ email: 'ke-gian@anphong.test' }).expect(403);
    expect((await t.http.get(`/api/v1/users/${users['can-bo-b']}`).expect(200)).body.email).toBe('can-bo-b@anphong.test');
  });

  it('the digest goes out at 07:30 on a working day (overdue, due soon, new tasks, notifications), never on Tết', async () => {
    const clock = t.app.get(Clock);
    const digest = t.app.get(EmailDigestService);
    const calendar = await t.app.get(CalendarService).current();
    await withEmail('thu-ky-a', [{ role: 'thu-ky', unit: TASK_UNIT }], 'thu-ky-a@anphong.test');
    const at = (day: string, time: string) => localDateToInstant(day, time);
    // A previous digest, before the tasks exist: "new since the previous digest" starts there.
    let back = 1;
    while (!calendar.isWorkingDay(toLocalDate(new Date(Date.now() - back * 86_400_000)))) back++;
    const previous = toLocalDate(new Date(Date.now() - back * 86_400_000));
    expect(await digest.runDue(at(previous, '07:30'))).toMatchObject({ status: 'done', day: previous });

    const short = await taskOf((await start('test-digest-short', 'BC-2026-48')).id);
    const mid = await taskOf((await start('test-digest-mid')).id);
    const long = await taskOf((await start('test-digest-long')).id);
    // The first working day on which the short task is overdue and the middle one due within 3 working days.
    let day = toLocalDate(new Date());
    for (let i = 0; i < 20; i++) {
      day = calendar.addCalendarDays(day, 1);
      const soon = localDateToInstant(calendar.addWorkingDays(day, 3));
      if (calendar.isWorkingDay(day) && Date.parse(short.dueAt) < at(day, '07:30').getTime() && Date.parse(mid.dueAt) >= at(day, '07:30').getTime() && Date.parse(mid.dueAt) < soon.getTime() && Date.parse(long.dueAt) >= soon.getTime()) break;
    }
    const digestsTo = (address: string) => smtp.to(address).filter((m: ReceivedMail) => m.subject.includes('Tổng hợp') || m.subject.includes('digest'));

    // Tết 2027: the first day of the lunar year (6 February) and the working days around it are holidays.
    const tet = '2027-02-08';
    expect(calendar.isWorkingDay(tet)).toBe(false);
    expect(await digest.runDue(at(tet, '07:30'))).toEqual({ status: 'not-a-working-day', day: tet });
    expect(await digest.runDue(at(day, '07:29'))).toEqual({ status: 'not-now', day });
    await sleep(500);
    expect(digestsTo('thu-ky-a@anphong.test')).toEqual([]);

    // 07:30 on the working day, through the queue's daily job, on the scheduler's (simulated) clock.
    const realNow = new Date();
    clock.set(at(day, '07:30'));
    try {
      await t.app.get(QueueService).queue(QueueName.Emails).add(QueueName.Emails, { digest: 'daily' }, { jobId: `digest-test-${day}` });
      const [mail] = await eventually(async () => (digestsTo('thu-ky-a@anphong.test').length ? digestsTo('thu-ky-a@anphong.test') : undefined), 30_000, 'the digest mail');
      const [y, m, d] = day.split('-');
      expect(mail.subject).toBe(`[Phối Hợp] Tổng hợp công việc ngày ${d}/${m}/${y}: 1 quá hạn, 1 sắp đến hạn, 1 việc mới`);
      const text = mail.text;
      const section = (heading: string) => text.slice(text.indexOf(heading));
      expect(text).toContain('Quá hạn (1)');
      expect(section('Quá hạn (1)')).toMatch(/^Quá hạn \(1\)\n- Nộp báo cáo tuần — BC-2026-48 — hạn hết ngày \d\d\/\d\d\/\d{4}\n/);
      expect(text).toContain(`${PUBLIC_URL}/tasks/${short.id}`);
      expect(section('Sắp đến hạn (trong 3 ngày làm việc) (1)')).toContain('Chuẩn bị hội nghị');
      expect(section('Việc mới (1)')).toContain('Tổng kết năm');
      expect(text).toContain(`${PUBLIC_URL}/tasks/${long.id}`);
      // task-assigned is a digest kind by default: the three notices are in the digest too.
      expect(section('Thông báo (3)')).toContain('Việc mới: Nộp báo cáo tuần');
      expect(mail.html).toContain('<h3 style="font-size:16px">Quá hạn (1)</h3>');
      // Once per user and day, whatever runs it again.
      expect(await digest.runDue(at(day, '08:00'))).toEqual({ status: 'already-done', day });
      await sleep(1000);
      expect(digestsTo('thu-ky-a@anphong.test')).toHaveLength(1);
    } finally {
      clock.set(realNow);
    }
  });
});

describe('e-mail without SMTP_URL', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    t = await startTestApp({ workflowsDir: FIXTURES, queues: 'postgres' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('records no mail and sends none; notifications and the rest work as before', async () => {
    const leader = await t.as('lanh-dao-a', [{ role: 'lanh-dao', unit: TASK_UNIT }]);
    const user = await t.app.get(IdentityService).findByUsername('lanh-dao-a');
    await t.http.patch(`/api/v1/users/${user!.id}`).send({ email: 'lanh-dao-a@anphong.test' }).expect(200);
    const prefs = (await leader.get('/api/v1/me/preferences').expect(200)).body;
    expect(prefs.emailEnabled).toBe(false);
    const created = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-notify' }).expect(201)).body;
    await eventually(async () => (await leader.get('/api/v1/me/notifications').expect(200)).body.items.some((n: Json) => n.instanceId === created.id && n.kind === 'escalation'), 30_000, 'the escalation notification');
    expect(await t.app.get(EmailDigestService).runDue(new Date())).toEqual({ status: 'mail-off' });
    const db = t.app.get(DataSource);
    expect((await db.query(`SELECT count(*)::int AS n FROM email_deliveries`))[0].n).toBe(0);
    expect(smtp.received).toEqual([]);
  });
});
