/**
 * An in-process nudge: writers call notify() after a commit, and the one loop that serves those rows
 * (a relay) runs at once instead of at its next poll. Other processes' writes are found by polling,
 * so a lost nudge only costs latency.
 */
export class LocalSignal {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
