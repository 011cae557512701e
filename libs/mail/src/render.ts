/**
 * The words of a mail, in the user's language: a notification told at once, and the daily digest.
 * Pure: the caller gives the values and the web app's base address. Every value is escaped in the
 * HTML part; the text part is what a plain mail client shows.
 */

export type MailLanguage = 'vi' | 'en';
type Text = { vi: string; en: string };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const TZ = 'Asia/Ho_Chi_Minh';
const APP = 'Phối Hợp';

const WORDS = {
  greeting: { vi: 'Kính gửi', en: 'Dear' },
  openTask: { vi: 'Mở công việc', en: 'Open the task' },
  openCase: { vi: 'Mở hồ sơ', en: 'Open the case' },
  caseLabel: { vi: 'Hồ sơ', en: 'Case' },
  due: { vi: 'hạn', en: 'due' },
  footer: { vi: 'Thư tự động của Phối Hợp, vui lòng không trả lời.', en: 'An automatic message from Phối Hợp; please do not reply.' },
  settings: { vi: 'Chọn loại thư muốn nhận', en: 'Choose which mails you get' },
  digestTitle: { vi: 'Tổng hợp công việc ngày', en: 'Daily digest for' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  dueSoon: { vi: 'Sắp đến hạn (trong 3 ngày làm việc)', en: 'Due within 3 working days' },
  newTasks: { vi: 'Việc mới', en: 'New tasks' },
  notifications: { vi: 'Thông báo', en: 'Notifications' },
} satisfies Record<string, Text>;

export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** `dd/mm/yyyy hh:mm` in Vietnam (vi), `yyyy-mm-dd hh:mm` (en), both in the ward's time zone. */
export function formatInstant(at: Date, lang: MailLanguage): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return lang === 'vi' ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A due instant: one at midnight in Vietnam is the end of the day before (the Civil Code's deadlines), said so. */
export function formatDue(at: Date, lang: MailLanguage): string {
  const local = formatInstant(at, lang);
  if (!local.endsWith(' 00:00')) return `${WORDS.due[lang]} ${local}`;
  const dayBefore = formatInstant(new Date(at.getTime() - 60_000), lang).slice(0, -6);
  return lang === 'vi' ? `hạn hết ngày ${dayBefore}` : `due by the end of ${dayBefore}`;
}

function formatDay(day: string, lang: MailLanguage): string {
  const [y, m, d] = day.split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : day;
}

export const taskLink = (publicUrl: string, id: string) => `${publicUrl.replace(/\/+$/, '')}/tasks/${encodeURIComponent(id)}`;
export const caseLink = (publicUrl: string, id: string) => `${publicUrl.replace(/\/+$/, '')}/cases/${encodeURIComponent(id)}`;
export const preferencesLink = (publicUrl: string) => `${publicUrl.replace(/\/+$/, '')}/preferences`;

function page(lang: MailLanguage, bodyHtml: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${APP}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5">${bodyHtml}</body></html>`;
}

function footer(lang: MailLanguage, publicUrl: string): { text: string; html: string } {
  const url = preferencesLink(publicUrl);
  return {
    text: `--\n${WORDS.footer[lang]}\n${WORDS.settings[lang]}: ${url}\n`,
    html: `<hr><p style="color:#555;font-size:90%">${escapeHtml(WORDS.footer[lang])}<br><a href="${escapeHtml(url)}">${escapeHtml(WORDS.settings[lang])}</a></p>`,
  };
}

export interface NotificationMailInput {
  lang: MailLanguage;
  publicUrl: string;
  displayName: string;
  title: Text;
  body: Text | null;
  instanceId: string;
  taskId: string | null;
  businessKey: string | null;
  definitionKey: string;
}

/** A notification told at once: its title as the subject, its body, links to its task and case. */
export function renderNotificationMail(n: NotificationMailInput): RenderedMail {
  const { lang } = n;
  const title = n.title[lang];
  const body = n.body?.[lang] ?? null;
  const caseName = n.businessKey ? `${n.businessKey} (${n.definitionKey})` : n.definitionKey;
  const links: Array<[string, string]> = [];
  if (n.taskId) links.push([WORDS.openTask[lang], taskLink(n.publicUrl, n.taskId)]);
  links.push([WORDS.openCase[lang], caseLink(n.publicUrl, n.instanceId)]);
  const f = footer(lang, n.publicUrl);
  const text = [
    `${WORDS.greeting[lang]} ${n.displayName},`,
    '',
    title,
    ...(body ? [body] : []),
    '',
    `${WORDS.caseLabel[lang]}: ${caseName}`,
    ...links.map(([label, url]) => `${label}: ${url}`),
    '',
    f.text,
  ].join('\n');
  const html = page(
    lang,
    `<p>${escapeHtml(`${WORDS.greeting[lang]} ${n.displayName},`)}</p>` +
      `<h2 style="font-size:18px">${escapeHtml(title)}</h2>` +
      (body ? `<p>${escapeHtml(body)}</p>` : '') +
      `<p>${escapeHtml(WORDS.caseLabel[lang])}: ${escapeHtml(caseName)}</p>` +
      `<p>${links.map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join(' · ')}</p>` +
      f.html,
  );
  return { subject: `[${APP}] ${title}`, text, html };
}

export interface DigestTaskItem {
  id: string;
  instanceId: string;
  title: Text;
  businessKey: string | null;
  dueAt: Date | null;
}

export interface DigestNoticeItem {
  title: Text;
  instanceId: string;
  taskId: string | null;
  createdAt: Date;
}

export interface DigestMailInput {
  lang: MailLanguage;
  publicUrl: string;
  displayName: string;
  /** The digest's day, YYYY-MM-DD in Vietnam. */
  day: string;
  overdue: DigestTaskItem[];
  dueSoon: DigestTaskItem[];
  newTasks: DigestTaskItem[];
  notifications: DigestNoticeItem[];
}

export const digestIsEmpty = (d: Pick<DigestMailInput, 'overdue' | 'dueSoon' | 'newTasks' | 'notifications'>) =>
  !d.overdue.length && !d.dueSoon.length && !d.newTasks.length && !d.notifications.length;

/** The day's digest: overdue, due within 3 working days, new tasks, then the notifications kept for it. Empty sections are left out. */
export function renderDigestMail(d: DigestMailInput): RenderedMail {
  const { lang } = d;
  const counts =
    lang === 'vi'
      ? `${d.overdue.length} quá hạn, ${d.dueSoon.length} sắp đến hạn, ${d.newTasks.length} việc mới`
      : `${d.overdue.length} overdue, ${d.dueSoon.length} due soon, ${d.newTasks.length} new tasks`;
  const subject = `[${APP}] ${WORDS.digestTitle[lang]} ${formatDay(d.day, lang)}: ${counts}`;
  const taskLine = (t: DigestTaskItem) => {
    const parts = [t.title[lang], ...(t.businessKey ? [t.businessKey] : []), ...(t.dueAt ? [formatDue(t.dueAt, lang)] : [])];
    return { label: parts.join(' — '), url: taskLink(d.publicUrl, t.id) };
  };
  const noticeLine = (n: DigestNoticeItem) => ({
    label: `${n.title[lang]} (${formatInstant(n.createdAt, lang)})`,
    url: n.taskId ? taskLink(d.publicUrl, n.taskId) : caseLink(d.publicUrl, n.instanceId),
  });
  const sections: Array<{ heading: string; lines: Array<{ label: string; url: string }> }> = [
    { heading: WORDS.overdue[lang], lines: d.overdue.map(taskLine) },
    { heading: WORDS.dueSoon[lang], lines: d.dueSoon.map(taskLine) },
    { heading: WORDS.newTasks[lang], lines: d.newTasks.map(taskLine) },
    { heading: WORDS.notifications[lang], lines: d.notifications.map(noticeLine) },
  ].filter((s) => s.lines.length);
  const f = footer(lang, d.publicUrl);
  const text = [
    `${WORDS.greeting[lang]} ${d.displayName},`,
    '',
    `${WORDS.digestTitle[lang]} ${formatDay(d.day, lang)}`,
    ...sections.flatMap((s) => ['', `${s.heading} (${s.lines.length})`, ...s.lines.flatMap((l) => [`- ${l.label}`, `  ${l.url}`])]),
    '',
    f.text,
  ].join('\n');
  const html = page(
    lang,
    `<p>${escapeHtml(`${WORDS.greeting[lang]} ${d.displayName},`)}</p>` +
      `<h2 style="font-size:18px">${escapeHtml(`${WORDS.digestTitle[lang]} ${formatDay(d.day, lang)}`)}</h2>` +
      sections
        .map(
          (s) =>
            `<h3 style="font-size:16px">${escapeHtml(s.heading)} (${s.lines.length})</h3><ul>` +
            s.lines.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`).join('') +
            '</ul>',
        )
        .join('') +
      f.html,
  );
  return { subject, text, html };
}
