import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { JsonLogger } from '#libs/observability';
import { startTestApp, type TestApp } from './support/app.js';
import { createTestDatabase } from './support/database.js';
import { eventually } from './support/eventually.js';
import { freePort, startNode } from './support/process.js';

/** Prometheus text -> the value of one sample (first match), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('metrics, readiness and structured logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows', queues: 'redis' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts transitions by definition and event, times them and the HTTP routes', async () => {
    const created = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-counter' }).expect(201)).body;
    for (let i = 0; i < 3; i++) await t.http.post(`/api/v1/instances/${created.id}/events`).send({ type: 'TANG' }).expect(200);
    const res = await t.anon.get('/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(sample(text, 'phoihop_transitions_total', { definition: 'test-counter', event: 'TANG' })).toBe(3);
    expect(sample(text, 'phoihop_transitions_total', { definition: 'test-counter', event: 'xstate.init' })).toBe(1);
    expect(sample(text, 'phoihop_transition_duration_seconds_count', { definition: 'test-counter' })).toBe(4);
    expect(sample(text, 'phoihop_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/instances/:id/events', status: '200' })).toBe(3);
    expect(sample(text, 'phoihop_tasks', { state: 'open' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'phoihop_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(sample(text, 'phoihop_queue_jobs', { queue: 'timers', state: 'delayed' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'phoihop_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('times how late timers fire', async () => {
    const created = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-deadlines' }).expect(201)).body;
    await eventually(async () => (await t.http.get(`/api/v1/instances/${created.id}`)).body.state === 'quaHan', 15000, 'the deadline');
    const text = (await t.anon.get('/metrics').expect(200)).text;
    expect(sample(text, 'phoihop_timer_lateness_seconds_count', { outcome: 'fired' })).toBeGreaterThanOrEqual(1);
  });

  it('/health is liveness, /ready checks the database and the queues', async () => {
    expect((await t.anon.get('/health').expect(200)).body).toMatchObject({ status: 'ok', database: { status: 'up' } });
    expect((await t.anon.get('/ready').expect(200)).body).toMatchObject({ status: 'ready', checks: { database: { status: 'up' }, queues: { status: 'up' } } });
  });

  it('METRICS_TOKEN, when set, guards /metrics (from the validated settings, never read from the environment later)', async () => {
    // Set after boot, the environment changes nothing: the app reads only the settings it was built with.
    process.env.METRICS_TOKEN = 'bi-mat-cua-prometheus-2026';
    try {
      await t.anon.get('/metrics').expect(200);
    } finally {
      delete process.env.METRICS_TOKEN;
    }
    const guarded = await startTestApp({ security: { metrics: { token: 'bi-mat-cua-prometheus-2026', openOnLoopback: true } } });
    try {
      await guarded.anon.get('/metrics').expect(401);
      await guarded.anon.get('/metrics').set('Authorization', 'Bearer sai').expect(401);
      await guarded.anon.get('/metrics').set('Authorization', 'Bearer bi-mat-cua-prometheus-2026').expect(200);
    } finally {
      await guarded.close();
    }
  });

  it('JSON logs: one object per line, levels, context, redacted secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).trim().split('\n'));
        done();
      },
    });
    const logger = new JsonLogger('log', sink);
    logger.log('kết nối postgres://phoihop:Mat-Khau-Rat-Dai-9@db/x', 'Boot');
    logger.error('hỏng', 'Error: stack with Bearer abc.def', 'Errors');
    logger.log({ msg: 'request', reqId: 'r-1', status: 200, authorization: 'Bearer xyz' }, 'Http');
    logger.debug('not shown at level log');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toMatchObject({ level: 'info', context: 'Boot', msg: 'kết nối postgres://phoihop:***@db/x', service: 'phoihop' });
    expect(parsed[1]).toMatchObject({ level: 'error', context: 'Errors', msg: 'hỏng', stack: 'Error: stack with Bearer ***' });
    expect(parsed[2]).toMatchObject({ level: 'info', msg: 'request', reqId: 'r-1', status: 200, authorization: '***' });
    expect(typeof parsed[0].time).toBe('string');
  });

  it('the worker serves its own metrics on METRICS_PORT', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const worker = startNode('dist/apps/worker/src/main.js', { DATABASE_URL: db.url, METRICS_PORT: String(port), LOG_FORMAT: 'json', REDIS_URL: process.env.PHOIHOP_TEST_REDIS_URL!, QUEUE_PREFIX: `obs-${port}` });
    try {
      const text = await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`).catch(() => undefined);
        return res?.status === 200 ? res.text() : undefined;
      }, 30000, 'worker metrics').catch((error: Error) => {
        throw new Error(`${error.message}\n${worker.output().slice(-3000)}`);
      });
      expect(text).toContain('phoihop_timer_lateness_seconds');
      expect(text).toContain('phoihop_queue_jobs');
      // Its logs are JSON lines.
      const jsonLines = worker.output().split('\n').filter((l) => l.startsWith('{'));
      expect(jsonLines.length).toBeGreaterThan(0);
      for (const l of jsonLines) expect(() => JSON.parse(l)).not.toThrow();
    } finally {
      worker.child.kill('SIGTERM');
      await worker.exited;
      await db.drop();
    }
  }, 60_000);
});
