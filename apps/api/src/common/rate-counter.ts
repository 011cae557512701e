import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Database, RateLimitsRepository, type WindowCount } from '#libs/persistence';

/** A key's window: it opens with the key's first request (by the database's clock). */
export const WINDOW_MS = 60_000;
/** How often a process adds its writes to the shared counts (the most one process may be behind). */
export const FLUSH_MS = 1_000;

/**
 * Counts requests per key in PostgreSQL, for the whole deployment (docs/security.md, "Rate
 * limits"). Two ways: `exact` adds the request and reads the shared count in one statement (sign-in:
 * rare, and a limit that must not grow with the number of processes); `soon` counts in memory and
 * adds this process's counts to the shared ones once per FLUSH_MS while a key's window lasts, in one
 * statement for every key, reading back everyone's (writes: the hot path pays nothing; a process
 * knows the others' counts FLUSH_MS late, so a deployment of N processes lets through at most what
 * they receive in that time beyond the limit).
 */
@Injectable()
export class RateCounter implements OnModuleDestroy {
  private readonly logger = new Logger('RateCounter');
  /** Shared counts (every process's flushed ones, this one's included) as of the last flush, with when their window ends here. */
  private known = new Map<string, { count: number; endsAt: number }>();
  /** This process's counts not yet added to the shared ones, and those being added. */
  private pending = new Map<string, number>();
  private adding = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly counts: RateLimitsRepository,
  ) {}

  async exact(key: string): Promise<WindowCount> {
    const after = await this.counts.add(this.db.manager, WINDOW_MS, [key], [1]);
    return after.get(key) ?? { count: 1, resetInMs: WINDOW_MS };
  }

  soon(key: string, now = Date.now()): WindowCount {
    const mine = (this.pending.get(key) ?? 0) + 1;
    this.pending.set(key, mine);
    this.later();
    const known = this.known.get(key);
    const open = known && known.endsAt > now ? known : undefined;
    return { count: (open?.count ?? 0) + (this.adding.get(key) ?? 0) + mine, resetInMs: open ? open.endsAt - now : WINDOW_MS };
  }

  /** Adds this process's counts to the shared ones and reads everyone's back (of the keys counting here). */
  flush(): Promise<void> {
    this.flushing ??= this.addPending().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private later(): void {
    if (!this.closed) this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  private async addPending(): Promise<void> {
    this.timer = undefined;
    const now = Date.now();
    this.known = new Map([...this.known].filter(([, k]) => k.endsAt > now));
    // The keys still counting here are read again even without new requests: the other processes' count too.
    const keys = [...new Set([...this.pending.keys(), ...this.known.keys()])];
    if (!keys.length) return;
    const pending = (this.adding = this.pending);
    this.pending = new Map();
    try {
      const after = await this.counts.add(
        this.db.manager,
        WINDOW_MS,
        keys,
        keys.map((k) => pending.get(k) ?? 0),
      );
      for (const [key, c] of after) this.known.set(key, { count: c.count, endsAt: now + c.resetInMs });
      if (this.known.size) this.later();
    } catch (err) {
      // The database refused or is away: counted again with the next flush (the requests themselves fail too).
      for (const [key, n] of pending) this.pending.set(key, (this.pending.get(key) ?? 0) + n);
      this.logger.warn(`rate-limit counts not shared this time: ${(err as Error).message}`);
      this.later();
    } finally {
      this.adding = new Map();
    }
  }
}
