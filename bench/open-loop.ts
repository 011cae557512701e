import { Agent, request } from 'node:http';
import { pct } from './support.js';

export interface OpenLoopRun {
  sent: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export interface OpenLoopRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  paths: string[];
}

/**
 * An open-loop load at a constant rate: request i is due at start + i / rate, whatever the answers
 * before it, and its latency is counted from that due time, so a slow answer that holds the
 * connections back delays (and counts against) the requests behind it instead of hiding them.
 * autocannon's rate is not this: each connection sends back to back from the start of every second
 * until its quota for that second is used, so "half the rate" is a saturated burst followed by
 * idleness, and its percentiles are those of the burst.
 */
export async function openLoop(urls: string[], req: OpenLoopRequest, rate: number, seconds: number, connections: number): Promise<OpenLoopRun> {
  const agents = urls.map(() => new Agent({ keepAlive: true, maxSockets: Math.max(1, Math.floor(connections / urls.length)) }));
  const total = Math.max(1, Math.floor(rate * seconds));
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let next = 0;
  let settled = 0;
  const start = performance.now() + 10;
  try {
    await new Promise<void>((resolve) => {
      const finish = (due: number, ok: boolean, status?: number) => {
        latencies.push(performance.now() - due);
        if (!ok) errors++;
        else if (status! < 200 || status! >= 300) non2xx++;
        if (++settled === total) resolve();
      };
      const send = (n: number, due: number) => {
        const u = n % urls.length;
        const target = new URL(req.paths[n % req.paths.length], urls[u]);
        const r = request(target, { method: req.method, headers: req.headers, agent: agents[u] }, (res) => {
          res.resume();
          res.on('end', () => finish(due, true, res.statusCode));
          res.on('error', () => finish(due, false));
        });
        r.on('error', () => finish(due, false));
        r.end(req.body);
      };
      const tick = () => {
        const now = performance.now();
        while (next < total && start + next * interval <= now) {
          send(next, start + next * interval);
          next++;
        }
        if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      };
      setTimeout(tick, 10);
    });
  } finally {
    for (const agent of agents) agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(pct(latencies, p) * 10) / 10;
  return { sent: total, p50: at(50), p99: at(99), errors, non2xx };
}
