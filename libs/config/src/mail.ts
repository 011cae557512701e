/**
 * E-mail as the processes were configured: `smtpUrl` and `from` both set, or mail is off (no
 * delivery is recorded and nothing is sent). Provided under MAIL_SETTINGS by the mail module;
 * the runtime reads it to decide whether a notification also records a mail.
 */
export interface MailSettings {
  smtpUrl?: string;
  from?: string;
  /** Base of the links in mails (the web app). */
  publicUrl: string;
  /** First retry delay of a mail the server could not take (doubling each attempt). */
  retryBaseMs?: number;
  /** Attempts of a mail before it is recorded as failed. */
  attempts?: number;
}

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

export const mailEnabled = (s: MailSettings | undefined): s is MailSettings & { smtpUrl: string; from: string } => !!s?.smtpUrl && !!s.from;

/** The mail settings of a process, from its validated environment. */
export function mailSettings(env: { SMTP_URL?: string; MAIL_FROM?: string; PUBLIC_URL: string }): MailSettings {
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, publicUrl: env.PUBLIC_URL };
}
