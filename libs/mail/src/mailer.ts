/** One mail, ready for the wire. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery: a mail sent twice (the at-least-once window) carries the same Message-ID, which clients can fold. */
  messageId: string;
}

/** What the server said when it took the mail. */
export interface MailReceipt {
  response: string;
}

/**
 * The server did not take the mail. `permanent` (a 5xx answer: unknown recipient, refused
 * content) will not change by retrying; anything else (no connection, 4xx, a timeout) may.
 */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly response: string,
  ) {
    super(message);
  }
}

/**
 * The outside effect of sending mail, behind a port: the nodemailer adapter in production, and
 * whatever a caller provides instead (nothing in the product sends mail any other way).
 */
export abstract class Mailer {
  /** False when no SMTP server is configured: nothing is recorded, nothing is sent. */
  abstract readonly enabled: boolean;
  abstract send(mail: OutgoingMail): Promise<MailReceipt>;
  abstract close(): Promise<void>;
}

/** Mail is not configured: callers check `enabled` first, so `send` is a programming error. */
export class DisabledMailer extends Mailer {
  readonly enabled = false;
  send(): Promise<MailReceipt> {
    return Promise.reject(new MailSendError('e-mail is not configured (SMTP_URL, MAIL_FROM)', false, 'not configured'));
  }
  async close(): Promise<void> {}
}
