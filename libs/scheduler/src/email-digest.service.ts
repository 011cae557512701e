import { Injectable, Logger } from '@nestjs/common';
import { localDateToInstant, toLocalDate } from '#libs/calendar';
import { Mailer, renderDigestMail, type DigestTaskItem } from '#libs/mail';
import { Database, EMAIL_KINDS, EmailRepository, type DigestRecipient, type DigestTask } from '#libs/persistence';
import { CalendarService, EmailSignal } from '#libs/runtime';
import { MailLinks } from './mail-links.js';

/** 07:30 in Vietnam: the digest's hour. */
export const DIGEST_TIME = '07:30';
export const DIGEST_CRON = '30 7 * * *';
/** A digest not sent by noon (the worker was down all morning) waits for the next working day. */
const DIGEST_LATEST = '12:00';
/** Tasks "due soon": due before the end of the third working day after the digest's day. */
const DUE_SOON_WORKING_DAYS = 3;
const MAX_TASKS = 100;
const MAX_NOTICES = 50;

export type DigestOutcome =
  | { status: 'mail-off' }
  | { status: 'not-a-working-day'; day: string }
  | { status: 'not-now'; day: string }
  | { status: 'already-done'; day: string }
  | { status: 'done'; day: string; mails: number; users: number };

/**
 * The daily digest: at 07:30 on the ward's working days (the runtime's calendar, admins' overrides
 * included; never on a weekend or holiday), one mail per user with an address and at least one kind
 * on `digest` and something to say: their overdue tasks, tasks due within 3 working days, new tasks
 * since the previous digest, and the digest-kind notifications since then. One per user and day
 * (`digest:<user>:<day>` is unique), so a rerun — a second worker, a catch-up, a retried job — sends
 * no second digest.
 */
@Injectable()
export class EmailDigestService {
  private readonly logger = new Logger(EmailDigestService.name);

  constructor(
    private readonly dataSource: Database,
    private readonly email: EmailRepository,
    private readonly calendar: CalendarService,
    private readonly mailer: Mailer,
    private readonly signal: EmailSignal,
    private readonly links: MailLinks,
  ) {}

  /** Runs the digest of `now`'s day in Vietnam if that day is a working day and it is between 07:30 and noon there. */
  async runDue(now: Date): Promise<DigestOutcome> {
    if (!this.mailer.enabled) return { status: 'mail-off' };
    const day = toLocalDate(now);
    const calendar = await this.calendar.current();
    if (!calendar.isWorkingDay(day)) return { status: 'not-a-working-day', day };
    if (now < localDateToInstant(day, DIGEST_TIME) || now >= localDateToInstant(day, DIGEST_LATEST)) return { status: 'not-now', day };
    if (await this.email.digestRan(this.dataSource.manager, day)) return { status: 'already-done', day };
    return this.run(day, now);
  }

  private async run(day: string, now: Date): Promise<DigestOutcome> {
    const manager = this.dataSource.manager;
    const { run, previous } = await this.email.startDigestRun(manager, day, now);
    if (!run) return { status: 'already-done', day };
    // The first digest ever looks back one day.
    const since = previous ?? new Date(now.getTime() - 24 * 3600_000);
    const calendar = await this.calendar.current();
    const dueBefore = localDateToInstant(calendar.addWorkingDays(day, DUE_SOON_WORKING_DAYS));
    const recipients = await this.email.digestRecipients(manager);
    let mails = 0;
    for (const user of recipients) {
      if (await this.digestOf(user, day, now, since, dueBefore)) mails++;
    }
    await this.email.finishDigestRun(manager, day, now);
    if (mails) this.signal.notify();
    this.logger.log(`digest of ${day}: ${mails} mails for ${recipients.length} users`);
    return { status: 'done', day, mails, users: recipients.length };
  }

  private async digestOf(user: DigestRecipient, day: string, now: Date, since: Date, dueBefore: Date): Promise<boolean> {
    const manager = this.dataSource.manager;
    const tasks = await this.email.digestTasks(manager, user, { dueBefore, since, until: now, limit: MAX_TASKS });
    const item = (t: DigestTask): DigestTaskItem => ({ id: t.id, instanceId: t.instanceId, title: t.title, businessKey: t.businessKey, dueAt: t.dueAt });
    // Each task once, in its most urgent section.
    const overdue = tasks.filter((t) => t.dueAt && t.dueAt < now);
    const dueSoon = tasks.filter((t) => t.dueAt && t.dueAt >= now && t.dueAt < dueBefore);
    const newTasks = tasks.filter((t) => !overdue.includes(t) && !dueSoon.includes(t) && t.createdAt > since);
    const kinds = EMAIL_KINDS.filter((k) => user.emailPreferences[k] === 'digest');
    const notifications = await this.email.digestNotifications(manager, user.userId, kinds, since, now, MAX_NOTICES);
    if (!overdue.length && !dueSoon.length && !newTasks.length && !notifications.length) return false;
    const content = renderDigestMail({
      lang: user.language,
      publicUrl: this.links.publicUrl,
      displayName: user.displayName,
      day,
      overdue: overdue.map(item),
      dueSoon: dueSoon.map(item),
      newTasks: newTasks.map(item),
      notifications,
    });
    return !!(await this.email.insertDigest(manager, { userId: user.userId, day, toAddress: user.email, language: user.language, content, createdAt: now }));
  }
}
