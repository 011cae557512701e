import { DynamicModule, Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { MAIL_SETTINGS, mailEnabled, type MailSettings } from '#libs/config';
import { DisabledMailer, Mailer } from './mailer.js';
import { NodemailerMailer } from './nodemailer-mailer.js';

@Injectable()
class MailerShutdown implements OnModuleDestroy {
  constructor(@Inject(Mailer) private readonly mailer: Mailer) {}
  onModuleDestroy(): Promise<void> {
    return this.mailer.close();
  }
}

/**
 * The mail settings (MAIL_SETTINGS, read by the runtime to decide whether notifications record
 * mails) and the Mailer port: nodemailer when SMTP_URL and MAIL_FROM are set, otherwise a mailer
 * that is off. `mailer` replaces the adapter (a different transport).
 */
@Global()
@Module({})
export class MailModule {
  static forRoot(settings: MailSettings, mailer?: Mailer): DynamicModule {
    return {
      module: MailModule,
      providers: [
        { provide: MAIL_SETTINGS, useValue: settings },
        { provide: Mailer, useFactory: () => mailer ?? (mailEnabled(settings) ? new NodemailerMailer(settings.smtpUrl, settings.from) : new DisabledMailer()) },
        MailerShutdown,
      ],
      exports: [MAIL_SETTINGS, Mailer],
    };
  }
}
