import { Injectable } from '@nestjs/common';
import { LocalSignal } from './local-signal.js';

/** A transition with effects has committed in this process: the outbox relay publishes at once. */
@Injectable()
export class OutboxSignal extends LocalSignal {}
