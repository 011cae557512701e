import { Injectable, type OnApplicationShutdown, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { LiveChannel, type LiveMessage } from '#libs/persistence';
import { holdsRoleIn, type Principal } from '#libs/core';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;

/** Whether a task change concerns this principal's inbox: a candidate (role in one of the units, or any unit) or the assignee before or after. */
export function inboxConcerns(p: Principal, m: Extract<LiveMessage, { type: 'inbox' }>): boolean {
  if (m.all) return true;
  if (m.users?.includes(p.username)) return true;
  return holdsRoleIn(p.memberships, m.roles ?? [], m.units ?? []);
}

/**
 * The open Server-Sent Event streams of this process. Each one is a listener on the process's one
 * LISTEN connection (LiveChannel) and a heartbeat timer; both go when the browser disconnects.
 */
@Injectable()
export class LiveStreamService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly channel: LiveChannel) {}

  /** Streams open on this process. */
  get size(): number {
    return this.open.size;
  }

  async serve(p: Principal, res: ServerResponse): Promise<void> {
    const unsubscribe = await this.channel.subscribe((m) => {
      if (m.type === 'notification') {
        if (m.userId !== p.userId) return;
        send('notification', { id: m.id, kind: m.kind, title: m.title, instanceId: m.instanceId, taskId: m.taskId, createdAt: m.createdAt });
      } else if (inboxConcerns(p, m)) {
        send('inbox', { changed: true });
      }
    });
    const send = (event: string, data: unknown) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    // Listening before the first byte: whatever is committed from now on is heard.
    res.write(`retry: 5000\n: phoihop live stream\n\n`);
    send('ready', { userId: p.userId });
    const heartbeat = setInterval(() => {
      if (!res.writableEnded) res.write(`: heartbeat ${new Date().toISOString()}\n\n`);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    this.open.add(res);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(res);
    };
    res.on('close', release);
    res.on('error', release);
  }

  /** Ends the open streams so that the HTTP server can close (browsers reconnect elsewhere). */
  beforeApplicationShutdown(): void {
    for (const res of [...this.open]) res.end();
  }

  onApplicationShutdown(): void {
    this.open.clear();
  }
}
