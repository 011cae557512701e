import { Injectable } from '@nestjs/common';

/**
 * Tells the e-mail relay, in this process, that mails were recorded (notifications with immediate
 * mail, an admin's retry), so that it queues them at once instead of at its next poll. Mails
 * recorded by other processes are found by polling.
 */
@Injectable()
export class EmailSignal {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
