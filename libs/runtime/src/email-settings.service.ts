import { Inject, Injectable, Optional } from '@nestjs/common';
import { MAIL_SETTINGS, mailEnabled, type MailSettings } from '#libs/config';
import { DomainError, ErrorCode, type Principal } from '#libs/core';
import {
  Database,
  decodeCursor,
  EmailRepository,
  EMAIL_KINDS,
  type EmailDeliveryRecord,
  type EmailPreferences,
  type EmailStatus,
  type Language,
} from '#libs/persistence';
import { EmailSignal } from './email-signal.js';

export interface PreferencesView {
  email: string | null;
  language: Language;
  emailPreferences: EmailPreferences;
  /** False when the server sends no mail at all (SMTP_URL unset): the choices are kept for when it does. */
  emailEnabled: boolean;
}

export interface EmailDeliveryView {
  id: string;
  userId: string;
  username: string;
  kind: 'notification' | 'digest';
  notificationId: string | null;
  notificationKind: string | null;
  toAddress: string;
  language: Language;
  status: EmailStatus;
  attempts: number;
  lastResponse: string | null;
  createdAt: string;
  sentAt: string | null;
}

export const toEmailDeliveryView = (d: EmailDeliveryRecord): EmailDeliveryView => ({
  id: d.id,
  userId: d.userId,
  username: d.username,
  kind: d.kind,
  notificationId: d.notificationId,
  notificationKind: d.notificationKind,
  toAddress: d.toAddress,
  language: d.language,
  status: d.status,
  attempts: d.attempts,
  lastResponse: d.lastResponse,
  createdAt: d.createdAt.toISOString(),
  sentAt: d.sentAt ? d.sentAt.toISOString() : null,
});

/**
 * A user's own mail settings (language, a mode per notification kind; the address is the admins'),
 * and the admins' view of the mails: the deliveries by status, and a retry of a refused or failed one.
 */
@Injectable()
export class EmailSettingsService {
  constructor(
    private readonly dataSource: Database,
    private readonly email: EmailRepository,
    private readonly signal: EmailSignal,
    @Optional() @Inject(MAIL_SETTINGS) private readonly settings?: MailSettings,
  ) {}

  async preferences(principal: Principal): Promise<PreferencesView> {
    const s = await this.email.settings(this.dataSource.manager, principal.userId);
    if (!s) throw new DomainError(ErrorCode.UserNotFound, `No user has the id ${principal.userId}`, { id: principal.userId });
    return this.view(s);
  }

  async updatePreferences(principal: Principal, change: { language?: Language; emailPreferences?: Partial<EmailPreferences> }): Promise<PreferencesView> {
    const known = change.emailPreferences ? Object.fromEntries(Object.entries(change.emailPreferences).filter(([k]) => (EMAIL_KINDS as readonly string[]).includes(k))) : undefined;
    const s = await this.email.updateSettings(this.dataSource.manager, principal.userId, { language: change.language, emailPreferences: known });
    if (!s) throw new DomainError(ErrorCode.UserNotFound, `No user has the id ${principal.userId}`, { id: principal.userId });
    return this.view(s);
  }

  async deliveries(q: { status?: EmailStatus; limit?: number; cursor?: string }) {
    let cursor: { createdAt: string; id: string } | undefined;
    if (q.cursor !== undefined) {
      cursor = decodeCursor(q.cursor);
      if (!cursor) throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API issued', { problems: [{ field: 'cursor', reason: 'unrecognised cursor' }] });
    }
    const page = await this.email.page(this.dataSource.manager, { status: q.status, limit: q.limit ?? 50, cursor });
    return { items: page.items.map(toEmailDeliveryView), nextCursor: page.nextCursor };
  }

  /** A refused or failed mail goes out again (its address is the one recorded; a corrected address needs a new mail). */
  async retry(id: string, now = new Date()): Promise<EmailDeliveryView> {
    const result = await this.email.retry(this.dataSource.manager, id, now);
    if (!result) throw new DomainError(ErrorCode.EmailDeliveryNotFound, `No e-mail delivery has the id ${id}`, { id });
    if (result === 'not-retryable') throw new DomainError(ErrorCode.Conflict, 'Only a refused or failed e-mail can be retried', { id });
    this.signal.notify();
    return toEmailDeliveryView(result);
  }

  private view(s: { email: string | null; language: Language; emailPreferences: EmailPreferences }): PreferencesView {
    const prefs = Object.fromEntries(EMAIL_KINDS.map((k) => [k, s.emailPreferences[k] ?? 'off'])) as EmailPreferences;
    return { email: s.email, language: s.language, emailPreferences: prefs, emailEnabled: mailEnabled(this.settings) };
  }
}
