import nodemailer, { type Transporter } from 'nodemailer';
import { Mailer, MailSendError, type MailReceipt, type OutgoingMail } from './mailer.js';

/** Seconds before a silent server counts as down: the job retries later instead of holding a worker. */
const TIMEOUT_MS = 20_000;

/**
 * SMTP through nodemailer. One connection per mail (no pool): mails are few, and a pool would hold
 * a connection to a server that went away. Errors are sorted into permanent (the server answered
 * 5xx) and temporary (everything else) for the sender's retry rule.
 */
export class NodemailerMailer extends Mailer {
  readonly enabled = true;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS } as never);
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        textEncoding: 'base64',
      });
      // nodemailer resolves even when some recipients were refused; ours is one recipient.
      if (info.rejected?.length) throw Object.assign(new Error(`recipient refused: ${info.response}`), { responseCode: 550, response: info.response });
      return { response: String(info.response ?? '') };
    } catch (error) {
      const e = error as Error & { responseCode?: number; response?: string; code?: string };
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
      throw new MailSendError(e.message, permanent, e.response ?? e.code ?? e.message);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
