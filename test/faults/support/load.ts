import { randomUUID } from 'node:crypto';

/**
 * A load generator with a client-side ledger. Every logical request (start an instance, send an
 * event) gets its own Idempotency-Key and is retried with that same key — on the next api process —
 * after a network error, a timeout, a 5xx or a 409 CONCURRENT_UPDATE, until it gets a definitive
 * answer: 2xx (acknowledged) or another 4xx (rejected). The ledger is what the invariant checker
 * holds the database to.
 */

export type Outcome = 'pending' | 'acked' | 'rejected' | 'unresolved';

export interface LedgerEntry {
  key: string;
  op: 'start' | 'event';
  definitionKey: string;
  /** The target of an event; for a start, the id of the acknowledged instance. */
  instanceId?: string;
  eventType: string;
  outcome: Outcome;
  /** HTTP status of the definitive answer. */
  status?: number;
  /** Error code of a rejection. */
  code?: string;
  /** The revision the acknowledgement reported (the instance's history seq of this transition). */
  revision?: number;
  attempts: number;
  replayed?: boolean;
  /** Context of the acknowledged instance (counter checks). */
  context?: Record<string, unknown>;
}

export interface LoadStats {
  /** HTTP answers by status. */
  byStatus: Record<number, number>;
  /** Error codes of 5xx answers. */
  serverErrorCodes: Record<string, number>;
  /** The first 5xx answers other than 503, with the errorId the api logged them under. */
  internalErrors: Array<{ status: number; code: string; errorId?: string; path: string; at: number }>;
  networkErrors: number;
  timeouts: number;
  retries: number;
  maxInFlight: number;
}

export type Mix = Record<string, number>;

export interface LoadOptions {
  /** Base URLs (http://127.0.0.1:PORT) to spread requests over. */
  urls: string[];
  token: string;
  /** Logical requests started per second. */
  rate: number;
  maxInFlight?: number;
  /** Weights of the definitions new instances are started from. */
  starts: Mix;
  /** Share of requests that start an instance (the rest send events to started ones). */
  startShare?: number;
  /** Events to send, by definition: weights per event type. */
  events?: Record<string, Mix>;
  requestTimeoutMs?: number;
}

interface Live {
  id: string;
  definitionKey: string;
  closed: boolean;
}

/** What finishes an instance, by definition (it then leaves the pool). */
const FINAL_EVENTS: Record<string, string[]> = { 'test-counter': ['DONG'], 'test-deadlines': ['XONG'], 'test-root-deadline': ['XONG'] };

export const DEFAULT_EVENTS: Record<string, Mix> = {
  'test-counter': { TANG: 9, DONG: 1 },
  'test-deadlines': { XONG: 3, GIA_HAN: 5 },
  'test-root-deadline': { TIEP: 3, XONG: 1 },
};

const PAYLOADS: Record<string, () => Record<string, unknown>> = { GIA_HAN: () => ({ lyDo: 'Chờ bổ sung hồ sơ' }) };

function pick(mix: Mix): string {
  const entries = Object.entries(mix).filter(([, w]) => w > 0);
  let r = Math.random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r <= 0) return k;
  }
  return entries[entries.length - 1][0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Load {
  private readonly answeredMs: number[] = [];
  readonly ledger: LedgerEntry[] = [];
  readonly stats: LoadStats = { byStatus: {}, serverErrorCodes: {}, internalErrors: [], networkErrors: 0, timeouts: 0, retries: 0, maxInFlight: 0 };
  /** Instances this load started (acknowledged). */
  readonly instances: Live[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private ticker?: NodeJS.Timeout;
  private aborted = false;
  private next = 0;
  private startedAt = 0;
  private stoppedAt = 0;
  private readonly events: Record<string, Mix>;

  constructor(private readonly options: LoadOptions) {
    for (const url of options.urls) {
      if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) throw new Error(`load goes to 127.0.0.1 only, not ${url}`);
    }
    this.events = { ...DEFAULT_EVENTS, ...options.events };
  }

  /** Seconds since start(), for the scenario's printed timeline. */
  get elapsed(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  get pending(): number {
    return this.inFlight.size;
  }

  start(): void {
    this.startedAt = Date.now();
    const maxInFlight = this.options.maxInFlight ?? 24;
    this.ticker = setInterval(() => {
      // A saturated system is not made faster by more concurrent requests: skip the tick.
      if (this.inFlight.size >= maxInFlight) return;
      const running = this.one().finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
      this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight.size);
    }, 1000 / this.options.rate);
  }

  /**
   * Stops starting requests, then waits up to `drainMs` for those in flight to get a definitive
   * answer; any still retrying after that is marked unresolved.
   */
  async stop(drainMs = 30000): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.stoppedAt = Date.now();
    const deadline = Date.now() + drainMs;
    while (this.inFlight.size && Date.now() < deadline) await sleep(50);
    this.aborted = true;
    await Promise.all([...this.inFlight]);
  }

  /** Ledger figures. */
  summary() {
    const count = (f: (e: LedgerEntry) => boolean) => this.ledger.filter(f).length;
    return {
      ops: this.ledger.length,
      starts: count((e) => e.op === 'start'),
      events: count((e) => e.op === 'event'),
      acked: count((e) => e.outcome === 'acked'),
      replayedAcks: count((e) => e.outcome === 'acked' && !!e.replayed),
      retriedOps: count((e) => e.attempts > 1),
      rejected: count((e) => e.outcome === 'rejected'),
      unresolved: count((e) => e.outcome === 'unresolved' || e.outcome === 'pending'),
      /** Requests started per second while the load ran (fewer than the rate when 'maxInFlight' were waiting). */
      perSecond: this.ledger.length / (((this.stoppedAt || Date.now()) - this.startedAt) / 1000),
    };
  }

  /** p50 and p99 of the answered requests' round trips, in ms. */
  latencies(): [number, number] {
    const sorted = [...this.answeredMs].sort((a, b) => a - b);
    const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
    return [at(0.5), at(0.99)];
  }

  statusLine(): string {
    return Object.entries(this.stats.byStatus)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
  }

  private async one(): Promise<void> {
    // Instances of definitions without events here (test-timer-load) are left to their deadlines.
    const open = this.instances.filter((i) => !i.closed && Object.keys(this.events[i.definitionKey] ?? {}).length > 0);
    const startShare = this.options.startShare ?? 0.25;
    if (!open.length || Math.random() < startShare) {
      const definitionKey = pick(this.options.starts);
      const entry = this.record({ op: 'start', definitionKey, eventType: 'xstate.init' });
      const body = await this.send(entry, '/api/v1/instances', { definitionKey });
      if (entry.outcome === 'acked' && body?.id) {
        entry.instanceId = body.id as string;
        this.instances.push({ id: entry.instanceId, definitionKey, closed: false });
      }
      return;
    }
    const target = open[Math.floor(Math.random() * open.length)];
    const type = pick(this.events[target.definitionKey]);
    const payload = PAYLOADS[type]?.();
    const entry = this.record({ op: 'event', definitionKey: target.definitionKey, instanceId: target.id, eventType: type });
    await this.send(entry, `/api/v1/instances/${target.id}/events`, payload ? { type, payload } : { type });
    if (entry.outcome === 'acked' && FINAL_EVENTS[target.definitionKey]?.includes(type)) target.closed = true;
    // Refused because the instance finished (a deadline moved it on): stop sending to it.
    if (entry.outcome === 'rejected' && entry.code === 'INSTANCE_DONE') target.closed = true;
  }

  private record(e: Pick<LedgerEntry, 'op' | 'definitionKey' | 'instanceId' | 'eventType'>): LedgerEntry {
    const entry: LedgerEntry = { ...e, key: `fault-${randomUUID()}`, outcome: 'pending', attempts: 0 };
    this.ledger.push(entry);
    return entry;
  }

  /** Sends until a definitive answer (or the load is aborted); returns the acknowledged body. */
  private async send(entry: LedgerEntry, path: string, body: unknown): Promise<Record<string, any> | undefined> {
    const urls = this.options.urls;
    const first = this.next++ % urls.length;
    for (let attempt = 0; ; attempt++) {
      if (this.aborted) {
        entry.outcome = 'unresolved';
        return undefined;
      }
      if (attempt > 0) {
        this.stats.retries++;
        await sleep(Math.min(100 * 2 ** (attempt - 1), 1000) + Math.random() * 100);
      }
      entry.attempts++;
      const url = urls[(first + attempt) % urls.length];
      let status: number;
      let answer: Record<string, any> | undefined;
      const sent = performance.now();
      try {
        const res = await fetch(`${url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}`, 'idempotency-key': entry.key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10000),
        });
        status = res.status;
        answer = (await res.json().catch(() => undefined)) as Record<string, any> | undefined;
        if (res.headers.get('idempotent-replayed') === 'true') entry.replayed = true;
      } catch (error) {
        // No answer, or the connection died before the whole answer came: the request may or may not have committed.
        if ((error as Error).name === 'TimeoutError') this.stats.timeouts++;
        else this.stats.networkErrors++;
        continue;
      }
      this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
      this.answeredMs.push(performance.now() - sent);
      if (status >= 200 && status < 300) {
        entry.outcome = 'acked';
        entry.status = status;
        entry.revision = answer?.revision as number | undefined;
        entry.context = answer?.context as Record<string, unknown> | undefined;
        return answer;
      }
      if (status >= 500) {
        const code = String(answer?.code ?? 'none');
        this.stats.serverErrorCodes[`${status} ${code}`] = (this.stats.serverErrorCodes[`${status} ${code}`] ?? 0) + 1;
        if (status !== 503 && this.stats.internalErrors.length < 20) {
          this.stats.internalErrors.push({ status, code, errorId: answer?.errorId as string | undefined, path, at: Number(this.elapsed.toFixed(1)) });
        }
        continue;
      }
      if (status === 409 && answer?.code === 'CONCURRENT_UPDATE') continue;
      entry.outcome = 'rejected';
      entry.status = status;
      entry.code = answer?.code as string | undefined;
      return undefined;
    }
  }
}
