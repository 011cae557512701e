import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Mailer, MailSendError, renderNotificationMail, type RenderedMail } from '#libs/mail';
import { Database, EmailRepository, type EmailToSend } from '#libs/persistence';
import { TransitionObserver } from '#libs/runtime';
import { Clock } from './clock.js';
import { EmailDigestService } from './email-digest.service.js';
import { MailLinks } from './mail-links.js';
import type { QueueProcessor } from './processor.js';
import { QueueName, type EmailJob } from './queues.js';

/**
 * How long a sender holds a delivery: a worker that dies between the server's answer and the mark
 * "sent" leaves it "sending"; after this the delivery is taken again (and may be sent twice — the
 * at-least-once window). Longer than the mailer's timeouts.
 */
export const SENDING_HOLD_MS = 120_000;

/**
 * Sends one recorded mail. The delivery is taken ("sending") before the server is called and marked
 * "sent" right after it answers, so a redelivered job finds it sent and does nothing. A 5xx answer
 * is final ("refused", with the server's words, for admins); any other failure is retried by the
 * job's backoff and recorded as "failed" after the last attempt.
 */
@Injectable()
export class EmailProcessor implements QueueProcessor<QueueName.Emails> {
  readonly queue = QueueName.Emails;
  private readonly logger = new Logger(EmailProcessor.name);

  constructor(
    private readonly dataSource: Database,
    private readonly email: EmailRepository,
    private readonly mailer: Mailer,
    private readonly digest: EmailDigestService,
    private readonly observer: TransitionObserver,
    private readonly clock: Clock,
    private readonly links: MailLinks,
  ) {}

  async process(job: Job<EmailJob>): Promise<string> {
    if ('digest' in job.data) return (await this.digest.runDue(this.clock.now())).status;
    if (!this.mailer.enabled) return 'mail is off';
    const manager = this.dataSource.manager;
    const id = job.data.deliveryId;
    const taken = await this.email.beginSend(manager, id, this.clock.now(), SENDING_HOLD_MS);
    if (taken === undefined) return 'nothing to send';
    if (taken === 'busy') throw new Error(`e-mail ${id} is being sent by another worker`);
    const mail = this.render(taken);
    try {
      const receipt = await this.mailer.send({ to: taken.toAddress, ...mail, messageId: `<email-${taken.id}@phoihop>` });
      const sentAt = this.clock.now();
      await this.email.markSent(manager, id, sentAt, receipt.response.slice(0, 1000));
      this.observer.email({ outcome: 'sent', kind: taken.kind, lagMs: Math.max(0, sentAt.getTime() - taken.createdAt.getTime()) });
      return 'sent';
    } catch (error) {
      const e = error instanceof MailSendError ? error : new MailSendError((error as Error).message, false, (error as Error).message);
      if (e.permanent) {
        await this.email.markUnsent(manager, id, this.clock.now(), e.response.slice(0, 1000), 'refused');
        this.observer.email({ outcome: 'refused', kind: taken.kind });
        this.logger.warn(`e-mail ${id} to ${taken.toAddress} refused: ${e.response}`);
        return 'refused';
      }
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.email.markUnsent(manager, id, this.clock.now(), e.response.slice(0, 1000), last ? 'failed' : 'pending');
      this.observer.email({ outcome: last ? 'failed' : 'retrying', kind: taken.kind });
      throw e;
    }
  }

  private render(d: EmailToSend): RenderedMail {
    if (d.content) return d.content;
    const n = d.notification!;
    return renderNotificationMail({
      lang: d.language,
      publicUrl: this.links.publicUrl,
      displayName: d.displayName,
      title: n.title,
      body: n.body,
      instanceId: n.instanceId,
      taskId: n.taskId,
      businessKey: n.businessKey,
      definitionKey: n.definitionKey,
    });
  }
}
