import { Inject, Injectable, Optional } from '@nestjs/common';
import { MAIL_SETTINGS, type MailSettings } from '#libs/config';

/** The mail settings the sender and the digest need: the web app's base address and the retry rule. */
@Injectable()
export class MailLinks {
  readonly publicUrl: string;
  readonly retryBaseMs: number;
  readonly attempts: number;

  constructor(@Optional() @Inject(MAIL_SETTINGS) settings?: MailSettings) {
    this.publicUrl = settings?.publicUrl ?? 'http://localhost:3000';
    this.retryBaseMs = settings?.retryBaseMs ?? 5000;
    // 16 attempts from 5 s, doubling: the last one about two days after the first.
    this.attempts = settings?.attempts ?? 16;
  }
}
