import { Injectable } from '@nestjs/common';

/** One committed transition, as metrics see it. */
export interface TransitionRecord {
  definitionKey: string;
  eventType: string;
  /** From reading the instance to the commit. */
  durationMs: number;
}

/** A timer's job ran: how late after its due instant. */
export interface TimerFireRecord {
  latenessMs: number;
  outcome: 'fired' | 'stale';
}

/** Notifications written (new rows only: a redelivered job adds none). */
export interface NotificationsRecord {
  kind: string;
  count: number;
}

type Listener = { transition?: (t: TransitionRecord) => void; timer?: (f: TimerFireRecord) => void; notifications?: (n: NotificationsRecord) => void };

/**
 * What the runtime tells observers (metrics) about its work, without depending on them: the
 * runtime reports, whoever subscribed counts. No subscriber, no cost but a loop over nothing.
 */
@Injectable()
export class TransitionObserver {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transition(t: TransitionRecord): void {
    for (const l of this.listeners) l.transition?.(t);
  }

  timer(f: TimerFireRecord): void {
    for (const l of this.listeners) l.timer?.(f);
  }

  notificationsCreated(n: NotificationsRecord): void {
    for (const l of this.listeners) l.notifications?.(n);
  }
}
