import { Injectable } from '@nestjs/common';

/**
 * Tells the outbox relay, in this process, that a transition with effects has committed, so it
 * publishes at once instead of at its next poll. Other processes' rows are found by polling.
 */
@Injectable()
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
