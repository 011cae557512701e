/** One request to a receiver, fully formed (body and signed headers). */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What the receiver answered, or why there was no answer (status null). */
export interface WebhookResponse {
  status: number | null;
  error: string | null;
  latencyMs: number;
}

/**
 * The way out to receivers: the one outside effect of webhooks, behind a port so that the rules
 * (which addresses may be called, no redirects, the deadline) live in one adapter.
 */
export abstract class WebhookTransport {
  /** Why the URL may not be called (its host resolved now), or null. */
  abstract urlProblem(url: string): Promise<string | null>;
  /** POSTs once; never throws for the receiver's failures (they are in the answer). */
  abstract post(request: WebhookRequest): Promise<WebhookResponse>;
}
