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
  /** Per new notification, from its effect's commit to its writing (none for notices written at once). */
  lagsMs?: number[];
}

/** One webhook delivery attempt: its outcome (`delivered`, `retrying`, `failed` when it was the last) and how long the receiver took. */
export interface WebhookAttemptRecord {
  outcome: 'delivered' | 'retrying' | 'failed';
  latencyMs: number;
}

/** One e-mail's end: sent (with the lag from its delivery row to the server's answer), refused (5xx), or failed (attempts ran out); `retrying` for a temporary failure. */
export interface EmailRecord {
  outcome: 'sent' | 'refused' | 'failed' | 'retrying';
  kind: 'notification' | 'digest';
  lagMs?: number;
}

type Listener = {
  email?: (e: EmailRecord) => void;
  transition?: (t: TransitionRecord) => void;
  timer?: (f: TimerFireRecord) => void;
  notifications?: (n: NotificationsRecord) => void;
  webhookAttempt?: (w: WebhookAttemptRecord) => void;
};

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

  email(e: EmailRecord): void {
    for (const l of this.listeners) l.email?.(e);
  }

  webhookAttempt(w: WebhookAttemptRecord): void {
    for (const l of this.listeners) l.webhookAttempt?.(w);
  }
}
