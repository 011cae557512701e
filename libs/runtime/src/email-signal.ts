import { Injectable } from '@nestjs/common';
import { LocalSignal } from './local-signal.js';

/** Mails were recorded in this process (notifications with immediate mail, an admin's retry): the e-mail relay queues them at once. */
@Injectable()
export class EmailSignal extends LocalSignal {}
