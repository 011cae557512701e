import type { InstanceRecord } from '#libs/persistence';

/**
 * The instances this process wrote last, as they were committed: the next event on a busy instance
 * starts from here instead of reading it again, so that a transition is one round trip. Never
 * trusted blindly: the write is conditional on the revision, so a record another process has moved
 * on makes the write fail and the event is redone from the row that failed write answered (any
 * refusal computed from a cached record, from a fresh read). Least recently used entries go first.
 */
export class RecentInstances {
  private readonly entries = new Map<string, InstanceRecord>();

  constructor(private readonly capacity: number) {}

  get(id: string): InstanceRecord | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(record: InstanceRecord): void {
    this.entries.delete(record.id);
    this.entries.set(record.id, record);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
