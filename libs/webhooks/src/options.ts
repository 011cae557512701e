/** Webhook settings of a process (README, "Settings"; WEBHOOK_* in libs/config). */
export interface WebhookOptions {
  /** Call loopback, private and link-local addresses too (tests, a receiver inside the ward's network). */
  allowPrivateUrls: boolean;
  /** Each request's whole deadline: connecting, sending and the answer's status line. */
  timeoutMs: number;
  /** Attempts per delivery, the first included. */
  maxAttempts: number;
  /** Delay before the second attempt; each next one doubles it. */
  retryBaseMs: number;
  /** Deliveries in a row that used all their attempts after which a subscription is disabled. */
  disableAfter: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { allowPrivateUrls: false, timeoutMs: 5000, maxAttempts: 10, retryBaseMs: 15_000, disableAfter: 50 };

export const WEBHOOK_OPTIONS = Symbol('WEBHOOK_OPTIONS');
