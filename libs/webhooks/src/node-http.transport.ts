import { Inject, Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { WEBHOOK_OPTIONS, type WebhookOptions } from './options.js';
import { WebhookTransport, type WebhookRequest, type WebhookResponse } from './transport.js';
import { addressProblem, ipLiteral, urlSyntaxProblem } from './url-guard.js';

class RefusedAddress extends Error {}

/**
 * Node's http/https client. The address check runs inside the connection's own DNS lookup, so the
 * address connected to is the address checked: a name that resolves to a public address when the
 * subscription is saved and to 127.0.0.1 when it is called (DNS rebinding) is refused at the call.
 * Redirects are never followed (Node's client does not), and a 3xx counts as a failure.
 */
@Injectable()
export class NodeHttpTransport extends WebhookTransport {
  constructor(@Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions) {
    super();
  }

  async urlProblem(text: string): Promise<string | null> {
    const syntax = urlSyntaxProblem(text);
    if (syntax) return syntax;
    if (this.options.allowPrivateUrls) return null;
    const host = new URL(text).hostname;
    const literal = ipLiteral(host);
    if (literal) return addressProblem(literal);
    try {
      const addresses = await new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(host, { all: true }, (error, list) => (error ? reject(error) : resolve(list))));
      for (const a of addresses) {
        const problem = addressProblem(a.address);
        if (problem) return `host ${host} resolves to ${problem}`;
      }
      return null;
    } catch (error) {
      return `host ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }

  post(request: WebhookRequest): Promise<WebhookResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise<WebhookResponse>((resolve) => {
      let settled = false;
      const finish = (status: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ status, error, latencyMs: elapsed() });
      };
      const syntax = urlSyntaxProblem(request.url);
      const url = syntax ? null : new URL(request.url);
      const literal = url ? ipLiteral(url.hostname) : null;
      // Node connects to an IP literal without a lookup: check it here.
      const refused = syntax ?? (literal && !this.options.allowPrivateUrls ? addressProblem(literal) : null);
      const deadline = setTimeout(() => {
        req?.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`));
        finish(null, `no answer within ${this.options.timeoutMs} ms`);
      }, this.options.timeoutMs);
      if (refused || !url) return finish(null, `refused: ${refused}`);
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(
        url,
        {
          method: 'POST',
          headers: { ...request.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body), 'user-agent': 'PhoiHop-Webhooks/1' },
          lookup: this.options.allowPrivateUrls ? undefined : guardedLookup,
          agent: false,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          // The body is not kept; it is read so the connection ends cleanly.
          res.resume();
          res.on('error', () => undefined);
          if (status >= 200 && status < 300) return finish(status, null);
          if (status >= 300 && status < 400) return finish(status, `redirect not followed (HTTP ${status}${res.headers.location ? ` to ${res.headers.location}` : ''})`);
          finish(status, `HTTP ${status}`);
        },
      );
      req.on('error', (error) => finish(null, error instanceof RefusedAddress ? `refused: ${error.message}` : error.message || String(error)));
      req.end(request.body);
    });
  }
}

/** The connection's DNS lookup, refusing any answer that holds an address webhooks may not call. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return (callback as (e: Error) => void)(error);
    for (const a of addresses) {
      const problem = addressProblem(a.address);
      if (problem) return (callback as (e: Error) => void)(new RefusedAddress(`${hostname} resolves to ${problem}`));
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, list: LookupAddress[]) => void)(null, addresses);
    (callback as (e: null, address: string, family: number) => void)(null, addresses[0].address, addresses[0].family);
  });
};
