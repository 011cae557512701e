import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityService } from '#libs/identity';
import { startTestApp, testDelivery, type TestAgent, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';
import { TestSmtpServer } from './support/smtp.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const PUBLIC_URL = 'https://phoihop.anphong.test';
type Json = Record<string, any>;

/**
 * The ward's own complaint workflow, run through the HTTP API until its first deadline passes,
 * with every channel real: the chairman — who holds `chu-tich` in `ubnd`, not in the office that
 * classifies letters — is told in the app, by e-mail through an SMTP server on loopback, and the
 * ward's other systems by a signed webhook to a receiver on loopback.
 */
describe('a complaint left unclassified reaches the chairman in the app, by e-mail and by webhook', () => {
  let smtp: TestSmtpServer;
  let receiver: WebhookReceiver;
  let t: TestApp;
  let tiepDan: TestAgent;
  let chuTich: TestAgent;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    receiver = await new WebhookReceiver().start();
    t = await startTestApp({
      workflowsDir: 'workflows',
      queues: 'postgres',
      scheduler: testDelivery(smtp.url, PUBLIC_URL),
    });
    tiepDan = await t.as('tiep-dan-1', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    await t.as('xu-ly-don-1', [{ role: 'can-bo-xu-ly-don', unit: 'van-phong-hdnd-ubnd' }]);
    chuTich = await t.as('chu-tich-1', [{ role: 'chu-tich', unit: 'ubnd' }]);
    const chairman = await t.app.get(IdentityService).findByUsername('chu-tich-1');
    await t.http.patch(`/api/v1/users/${chairman!.id}`).send({ email: 'chu-tich@anphong.test' }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
    await smtp?.stop();
  });

  it('runs to the escalation of the classification deadline and sees the notification, the e-mail and the webhook call', async () => {
    const subscription = (await t.http.post('/api/v1/webhooks').send({ url: receiver.url('/he-thong-mot-cua'), topics: ['escalation'], description: 'Hệ thống một cửa' }).expect(201)).body as Json;
    receiver.secret('/he-thong-mot-cua', subscription.secret);

    // A letter received on 1 Oct 2026 and registered only now: its 10 working days to be classified are long gone.
    const created = (await tiepDan.post('/api/v1/instances').send({ definitionKey: 'complaint', input: { kenhTiepNhan: 'truc-tiep' } }).expect(201)).body as Json;
    await tiepDan
      .post(`/api/v1/instances/${created.id}/events`)
      .send({
        type: 'TIEP_NHAN',
        payload: { nguoiKhieuNai: 'Nguyễn Văn An', diaChi: 'Tổ dân phố 3, phường An Phong', noiDung: 'Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND', ngayNhan: '2026-10-01', soNguoiKy: 1 },
      })
      .expect(200);

    // In the app: the chairman's bell.
    const notice = await eventually(
      async () => ((await chuTich.get('/api/v1/me/notifications').expect(200)).body.items as Json[]).find((n) => n.instanceId === created.id && n.kind === 'escalation'),
      30_000,
      "the chairman's notification",
    );
    expect(notice.title).toEqual({ vi: 'Quá hạn: Phân loại đơn: thẩm quyền, điều kiện thụ lý, người đại diện', en: 'Overdue: Classify the letter: competence, admissibility, representatives' });
    expect(notice.body.vi).toBe('Đơn khiếu nại quá hạn 10 ngày làm việc kể từ ngày nhận đơn mà chưa xử lý');

    // By e-mail: escalations are mailed at once by default, in Vietnamese, with links from PUBLIC_URL.
    const [mail] = await eventually(async () => {
      const mails = smtp.to('chu-tich@anphong.test').filter((m) => m.text.includes(`/cases/${created.id}`));
      return mails.length ? mails : undefined;
    }, 30_000, "the chairman's e-mail");
    expect(mail.subject).toBe('[Phối Hợp] Quá hạn: Phân loại đơn: thẩm quyền, điều kiện thụ lý, người đại diện');
    expect(mail.text).toContain('Đơn khiếu nại quá hạn 10 ngày làm việc kể từ ngày nhận đơn mà chưa xử lý');
    expect(mail.text).toContain(`${PUBLIC_URL}/cases/${created.id}`);
    expect(mail.parsed.from?.value[0]).toEqual({ address: 'no-reply@anphong.test', name: 'Phối Hợp — phường An Phong' });

    // By webhook: one signed call, verified by the receiver with the subscription's secret.
    const [call] = await eventually(async () => {
      const calls = receiver.on('/he-thong-mot-cua').filter((r) => r.verified?.data.instanceId === created.id);
      return calls.length ? calls : undefined;
    }, 30_000, 'the webhook call');
    expect(call.verified).toMatchObject({ type: 'escalation', data: { instanceId: created.id, definitionKey: 'complaint', state: 'xuLy.phanLoai', priority: 'urgent', addRoles: ['chu-tich'] } });
    expect(call.headers['webhook-id']).toEqual(expect.any(String));

    // Exactly once on every channel, however the jobs ran.
    await new Promise((r) => setTimeout(r, 1500));
    const escalations = ((await chuTich.get('/api/v1/me/notifications').query({ limit: 100 }).expect(200)).body.items as Json[]).filter((n) => n.instanceId === created.id && n.kind === 'escalation');
    expect(escalations).toHaveLength(1);
    expect(smtp.to('chu-tich@anphong.test').filter((m) => m.text.includes(`/cases/${created.id}`) && m.subject.startsWith('[Phối Hợp] Quá hạn'))).toHaveLength(1);
    expect(receiver.on('/he-thong-mot-cua').filter((r) => r.verified?.data.instanceId === created.id)).toHaveLength(1);
  });
});
