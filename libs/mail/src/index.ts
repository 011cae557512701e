export { type OutgoingMail, type MailReceipt, MailSendError, Mailer, DisabledMailer } from './mailer.js';
export { NodemailerMailer } from './nodemailer-mailer.js';
export { MailModule } from './mail.module.js';
export {
  type MailLanguage,
  type RenderedMail,
  escapeHtml,
  formatInstant,
  formatDue,
  taskLink,
  caseLink,
  preferencesLink,
  type NotificationMailInput,
  renderNotificationMail,
  type DigestTaskItem,
  type DigestNoticeItem,
  type DigestMailInput,
  digestIsEmpty,
  renderDigestMail,
} from './render.js';
