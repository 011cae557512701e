import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkInvariants, settle } from '../faults/support/invariants.js';
import { Load } from '../faults/support/load.js';
import { loadTopology, type Topology } from '../faults/support/topology.js';

/**
 * npm run bench:soak [SOAK_MINUTES=10 SOAK_RATE=40] — the scaled-out topology (PostgreSQL, Redis,
 * 2 api + 2 worker processes on loopback) under a steady load for the whole time: instances with
 * deadlines started, events sent, timers firing. Then, counted from the database: no error, no lost
 * or duplicated transition (every acknowledged request in the history exactly once), every due
 * timer fired exactly once, every chain verified. Prints throughput, latency and the counts.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 40);
/** The api requires METRICS_TOKEN outside the embedded default: the soak reads its memory figures through it. */
const SOAK_METRICS_TOKEN = 'soak-metrics-token-0123456789';

describe(`soak: ${MINUTES} minutes at ${RATE} requests/s on 2 api + 2 workers`, () => {
  let topology: Topology;
  let token: string;

  beforeAll(async () => {
    const { startTopology } = await loadTopology();
    topology = await startTopology({ api: 2, workers: 2, workflowsDir: 'test/fixtures/workflows', apiEnv: { ACCESS_TOKEN_TTL_SECONDS: '86400', RATE_LIMIT_WRITES_PER_MINUTE: '0', METRICS_TOKEN: SOAK_METRICS_TOKEN } });
    const admin = await topology.createAdmin();
    const res = await fetch(`${topology.apiUrls[0]}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
    token = ((await res.json()) as { accessToken: string }).accessToken;
  }, 180_000);

  afterAll(async () => {
    await topology?.stop();
  }, 60_000);

  it('holds every invariant after the soak', async () => {
    const load = new Load({
      urls: topology.apiUrls as string[],
      token,
      rate: RATE,
      maxInFlight: 64,
      starts: { 'test-counter': 2, 'test-deadlines': 2, 'test-root-deadline': 1 },
    });
    const t0 = Date.now();
    load.start();
    const rss: number[] = [];
    while (Date.now() - t0 < MINUTES * 60_000) {
      await new Promise((r) => setTimeout(r, 30_000));
      const m = await fetch(`${topology.apiUrls[0]}/metrics`, { headers: { Authorization: `Bearer ${SOAK_METRICS_TOKEN}` } }).then((r) => r.text());
      rss.push(Number(/^phoihop_process_resident_memory_bytes (\S+)$/m.exec(m)?.[1] ?? 0) / 2 ** 20);
      const s = load.summary();
      console.log(`soak t=${((Date.now() - t0) / 60_000).toFixed(1)} min: ${s.ops} requests, ${s.acked} acknowledged, ${s.unresolved} unresolved; api-1 RSS ${rss.at(-1)!.toFixed(0)} MB`);
    }
    await load.stop(60_000);
    const settleMs = await settle(topology.databaseUrl, 0, 120_000);
    const report = await checkInvariants({ databaseUrl: topology.databaseUrl, apiUrl: topology.apiUrls[1]!, token, ledger: load.ledger, graceMs: 5000 });
    const s = load.summary();
    const c = report.counts;
    const latency = load.latencies();
    console.log(
      [
        `soak: ${MINUTES} min, ${s.ops} requests (${s.starts} starts, ${s.events} events), ${s.perSecond.toFixed(1)}/s; ${s.acked} acknowledged, ${s.rejected} refused by the workflows (422), ${s.unresolved} unresolved`,
        `  http answers: ${load.statusLine()}; network errors ${load.stats.networkErrors}, timeouts ${load.stats.timeouts}`,
        ...(latency.length ? [`  latency p50 ${latency[0]} ms, p99 ${latency[1]} ms`] : []),
        `  ledger: ${c.ackedInHistoryOnce}/${c.ackedKeys} acknowledged in the history exactly once; ${c.rowsForRejectedKeys} rows for refused keys`,
        `  timers: deadlines fired ${c.deadlineTimers_fired ?? 0}, cancelled ${c.deadlineTimers_cancelled ?? 0}, pending ${c.deadlineTimers_pending ?? 0}; ${c.overduePendingTimers} overdue; settled in ${(settleMs / 1000).toFixed(1)} s`,
        `  chains: ${c.chainsVerified} verified, ledger ${c.ledgerEntriesVerified} entries; api-1 RSS ${rss.length ? `${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} MB` : 'n/a'}`,
        ...(report.violations.length ? ['  VIOLATIONS:', ...report.violations.map((v) => `    - ${v}`)] : ['  invariants: all hold']),
      ].join('\n'),
    );
    expect(Object.keys(load.stats.serverErrorCodes)).toEqual([]);
    expect(load.stats.networkErrors).toBe(0);
    expect(s.unresolved).toBe(0);
    expect(report.violations).toEqual([]);
  }, (MINUTES + 8) * 60_000);
});
