import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got: what a real receiver would check, and whether the signature verified. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed payload when `Webhook.verify` accepted it with the path's secret; null when it refused. */
  verified: { type: string; timestamp: string; data: Record<string, any> } | null;
  verifyError: string | null;
  at: number;
}

/** How to answer: a status (and headers), or hang without answering for `hangMs`. */
export type Answer = { status: number; headers?: Record<string, string> } | { hangMs: number };

/**
 * A real HTTP server on 127.0.0.1 playing a webhook receiver: it records every request, verifies
 * its Standard Webhooks signature with the secret registered for its path, and answers as scripted
 * per path (a queue of answers, then the default 200).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly scripts = new Map<string, Answer[]>();
  private readonly hanging = new Set<ServerResponse>();
  private server?: Server;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        let verified: ReceivedWebhook['verified'] = null;
        let verifyError: string | null = null;
        const secret = this.secrets.get(path);
        try {
          if (!secret) throw new Error(`no secret for ${path}`);
          verified = new Webhook(secret).verify(body, req.headers as Record<string, string>) as ReceivedWebhook['verified'];
        } catch (error) {
          verifyError = (error as Error).message;
        }
        this.received.push({ path, headers: req.headers, body, verified, verifyError, at: Date.now() });
        const answer = this.scripts.get(path)?.shift() ?? { status: 200 };
        if ('hangMs' in answer) {
          this.hanging.add(res);
          const timer = setTimeout(() => {
            this.hanging.delete(res);
            if (!res.writableEnded) res.writeHead(200).end('late');
          }, answer.hangMs);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        res.writeHead(answer.status, answer.headers).end(answer.status >= 300 && answer.status < 400 ? '' : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The URL of a path on this receiver. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The signing secret the path's requests are verified with. */
  secret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  /** The next answers for a path, in order (after them: 200). */
  script(path: string, ...answers: Answer[]): void {
    this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...answers]);
  }

  on(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
