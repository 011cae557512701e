import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthService, IdentityService } from '#libs/identity';
import { LiveChannel } from '#libs/persistence';
import { LiveStreamService } from '../apps/api/src/notifications/live-stream.service.js';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';

const FIXTURES = 'test/fixtures/notifications';
const TASK_UNIT = 'bo-phan-tiep-cong-dan';
type Json = Record<string, any>;

interface SseClient {
  status: number;
  contentType: string;
  events: Array<{ event: string; data: Json }>;
  comments: string[];
  waitFor(match: (e: { event: string; data: Json }) => boolean, what: string, timeoutMs?: number): Promise<{ event: string; data: Json }>;
  close(): void;
}

/** A minimal EventSource: GET the stream and parse `event:`/`data:` blocks as they arrive. */
function openStream(base: string, ticket: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/v1/me/stream?ticket=${encodeURIComponent(ticket)}`, { headers: { Accept: 'text/event-stream' } }, (res) => {
      const client: SseClient = {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        events: [],
        comments: [],
        waitFor: (match, what, timeoutMs = 15000) => eventually(async () => client.events.find(match), timeoutMs, what),
        close: () => req.destroy(),
      };
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length) client.events.push({ event, data: JSON.parse(data.join('\n')) });
        }
      });
      res.on('error', () => undefined);
      resolve(client);
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
  });
}

async function listen(t: TestApp): Promise<string> {
  const server: http.Server = t.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const ticketOf = async (agent: TestAgent) => (await agent.post('/api/v1/me/stream/ticket').expect(201)).body as { ticket: string; expiresAt: string };

/**
 * The live stream across processes: two api applications on one database, as two api processes
 * behind a load balancer. A notification (or an inbox change) committed through one, or by the
 * worker, reaches a stream opened on the other, through PostgreSQL LISTEN/NOTIFY. The stream opens
 * with a single-use ticket bound to its user.
 */
describe('the live stream (two api processes, one database)', () => {
  let a: TestApp; // runs the queue worker (it writes the task-assigned notifications)
  let b: TestApp; // a second api process: no worker
  let baseA: string;
  let baseB: string;
  let canBoA: { onA: TestAgent; onB: TestAgent };
  let canBoB: { onA: TestAgent; onB: TestAgent };
  const clients: SseClient[] = [];

  beforeAll(async () => {
    a = await startTestApp({ workflowsDir: FIXTURES, queues: 'postgres' });
    b = await startTestApp({ workflowsDir: FIXTURES, shareDatabaseOf: a });
    canBoA = { onA: await a.as('can-bo-a', [{ role: 'can-bo', unit: TASK_UNIT }]), onB: await b.as('can-bo-a') };
    canBoB = { onA: await a.as('can-bo-b', [{ role: 'can-bo', unit: TASK_UNIT }]), onB: await b.as('can-bo-b') };
    baseA = await listen(a);
    baseB = await listen(b);
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await b?.close();
    await a?.close();
  });

  const open = async (base: string, agent: TestAgent) => {
    const c = await openStream(base, (await ticketOf(agent)).ticket);
    clients.push(c);
    return c;
  };

  it('a notification written by the worker of one process, and an inbox change made through it, reach a stream opened on the other', async () => {
    const stream = await open(baseB, canBoA.onB);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const me = (await canBoA.onB.get('/api/v1/me').expect(200)).body;
    await stream.waitFor((e) => e.event === 'ready' && e.data.userId === me.id, 'ready');

    const started = Date.now();
    const created = (await a.http.post('/api/v1/instances').send({ definitionKey: 'test-notify' }).expect(201)).body as Json;
    const task = (await a.http.get(`/api/v1/instances/${created.id}/tasks`).expect(200)).body.items[0] as Json;
    await stream.waitFor((e) => e.event === 'inbox' && e.data.changed === true, 'the inbox event of the new task');
    const n = await stream.waitFor((e) => e.event === 'notification' && e.data.instanceId === created.id && e.data.kind === 'task-assigned', 'the task-assigned notification');
    expect(n.data).toEqual({
      id: expect.any(String),
      kind: 'task-assigned',
      title: { vi: 'Việc mới: Xử lý đơn khiếu nại', en: 'New task: Handle the complaint' },
      instanceId: created.id,
      taskId: task.id,
      createdAt: expect.any(String),
    });
    expect(Date.now() - started).toBeLessThan(15000);
    // The same row the list gives.
    const listed = (await canBoA.onB.get('/api/v1/me/notifications').expect(200)).body.items as Json[];
    expect(listed.map((x) => x.id)).toContain(n.data.id);
  });

  it('a notification written in the request of one process (a delegation) reaches the delegatee on the other, and nobody else', async () => {
    const onA = await open(baseA, canBoB.onA);
    const otherOnA = await open(baseA, canBoA.onA);
    await onA.waitFor((e) => e.event === 'ready', 'ready');
    await otherOnA.waitFor((e) => e.event === 'ready', 'ready');
    const created = (await a.http.post('/api/v1/instances').send({ definitionKey: 'test-notify' }).expect(201)).body as Json;
    const task = (await a.http.get(`/api/v1/instances/${created.id}/tasks`).expect(200)).body.items[0] as Json;
    // Claimed and delegated through process B: B writes the delegatee's notification.
    const before = onA.events.length;
    await canBoA.onB.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    await canBoA.onB.post(`/api/v1/tasks/${task.id}/delegate`).send({ to: 'can-bo-b', reason: 'Đi công tác' }).expect(200);
    const delegated = await onA.waitFor((e) => e.event === 'notification' && e.data.kind === 'task-delegated' && e.data.taskId === task.id, 'the delegation');
    expect(delegated.data.title).toEqual({ vi: 'Được giao việc: Xử lý đơn khiếu nại', en: 'Task delegated to you: Handle the complaint' });
    expect(onA.events.slice(before).some((e) => e.event === 'inbox')).toBe(true);
    // A ticket is bound to its user: can-bo-a's stream hears its inbox, never can-bo-b's notification.
    await otherOnA.waitFor((e) => e.event === 'inbox', 'the claim in can-bo-a inbox');
    await new Promise((r) => setTimeout(r, 300));
    expect(otherOnA.events.some((e) => e.event === 'notification' && e.data.id === delegated.data.id)).toBe(false);
  });

  it('a ticket opens one stream once, within 30 s, on any process; otherwise 401', async () => {
    const { ticket, expiresAt } = await ticketOf(canBoA.onA);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ttl = Date.parse(expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(20_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
    const first = await openStream(baseB, ticket); // issued by A, used on B
    clients.push(first);
    expect(first.status).toBe(200);
    const again = await openStream(baseA, ticket);
    expect(again.status).toBe(401);
    again.close();
    // Expired: issued 31 s ago.
    const me = (await canBoA.onA.get('/api/v1/me').expect(200)).body;
    const principal = { userId: me.id, username: me.username, displayName: me.displayName, memberships: [] };
    const old = await a.app.get(AuthService).issueStreamTicket(principal, new Date(Date.now() - 31_000));
    expect((await a.anon.get('/api/v1/me/stream').query({ ticket: old.ticket })).status).toBe(401);
    // Missing, malformed, or a bearer token instead of a ticket.
    expect((await b.anon.get('/api/v1/me/stream')).status).toBe(401);
    expect((await b.anon.get('/api/v1/me/stream').query({ ticket: 'x'.repeat(43) })).status).toBe(401);
    expect((await b.http.get('/api/v1/me/stream')).status).toBe(401);
    // No ticket without signing in.
    expect((await a.anon.post('/api/v1/me/stream/ticket')).status).toBe(401);
    // A ticket of a user disabled before using it opens nothing.
    const identity = a.app.get(IdentityService);
    const leaving = await a.as('can-bo-roi-di', [{ role: 'can-bo', unit: TASK_UNIT }]);
    const hers = await ticketOf(leaving);
    await identity.updateUser((await identity.findByUsername('can-bo-roi-di'))!.id, { active: false });
    expect((await b.anon.get('/api/v1/me/stream').query({ ticket: hers.ticket })).status).toBe(401);
  });

  it('a closed stream releases its listener', async () => {
    for (const c of clients) c.close();
    await eventually(async () => b.app.get(LiveStreamService).size === 0 && b.app.get(LiveChannel).size === 0, 5000, 'B to release its streams');
    await eventually(async () => a.app.get(LiveStreamService).size === 0 && a.app.get(LiveChannel).size === 0, 5000, 'A to release its streams');
    const c = await open(baseB, canBoA.onB);
    await c.waitFor((e) => e.event === 'ready', 'ready');
    expect(b.app.get(LiveChannel).size).toBe(1);
    c.close();
    await eventually(async () => b.app.get(LiveChannel).size === 0, 5000, 'the release');
  });
});
