import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, type AuditActor, DomainError, ErrorCode, type FieldProblem } from '#libs/core';
import { Database, decodeCursor, WebhooksRepository, type Page, type PendingDelivery, type WebhookAttemptRecord, type WebhookDeliveryRecord, type WebhookDeliveryStatus, type WebhookSubscriptionRecord } from '#libs/persistence';
import { WEBHOOK_OPTIONS, type WebhookOptions } from './options.js';
import { newSecret } from './signing.js';
import { topicProblem } from './topics.js';
import { WebhookTransport } from './transport.js';

export interface SubscriptionView {
  id: string;
  url: string;
  topics: string[];
  description: string | null;
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  disabledAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The create and rotate answers: the only ones that carry the secret. */
export interface SubscriptionWithSecret extends SubscriptionView {
  secret: string;
}

export interface DeliveryView {
  id: string;
  topic: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  instanceId: string | null;
  payload: WebhookDeliveryRecord['payload'];
  log: Array<Omit<WebhookAttemptRecord, 'at'> & { at: string }>;
}

export interface SubscriptionInput {
  url: string;
  topics: string[];
  description?: string | null;
  enabled?: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSubscriptionView(s: WebhookSubscriptionRecord): SubscriptionView {
  return {
    id: s.id,
    url: s.url,
    topics: s.topics,
    description: s.description,
    enabled: s.enabled,
    consecutiveFailures: s.consecutiveFailures,
    disabledReason: s.disabledReason,
    disabledAt: iso(s.disabledAt),
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

function toDeliveryView(d: WebhookDeliveryRecord & { log: WebhookAttemptRecord[] }): DeliveryView {
  return {
    id: d.id,
    topic: d.topic,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: iso(d.lastAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
    instanceId: d.instanceId,
    payload: d.payload,
    log: d.log.map((l) => ({ ...l, at: l.at.toISOString() })),
  };
}

/**
 * Admins' webhook subscriptions. Who may call is decided at the edge (admins only); what is
 * checked here is what makes a subscription usable: a URL webhooks may call (its host resolved
 * now, unless private addresses are allowed) and topics that exist. Every change is audited.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly database: Database,
    private readonly webhooks: WebhooksRepository,
    private readonly transport: WebhookTransport,
    private readonly audit: AuditTrail,
    @Inject(WEBHOOK_OPTIONS) readonly options: WebhookOptions,
  ) {}

  async list(): Promise<SubscriptionView[]> {
    return (await this.webhooks.list(this.database.manager)).map(toSubscriptionView);
  }

  async get(id: string): Promise<SubscriptionView> {
    return toSubscriptionView(await this.found(id));
  }

  async create(input: SubscriptionInput, by: AuditActor): Promise<SubscriptionWithSecret> {
    await this.check(input);
    const secret = newSecret();
    return this.database.transaction(async (m) => {
      const created = await this.webhooks.create(m, { url: input.url, topics: unique(input.topics), description: input.description ?? null, enabled: input.enabled ?? true, secret, createdBy: by.id, at: new Date() });
      await this.audit.record({ actor: by, action: 'webhook.created', subjectType: 'webhook', subjectId: created.id, data: { url: created.url, topics: created.topics } }, m);
      return { ...toSubscriptionView(created), secret };
    });
  }

  async update(id: string, change: Partial<SubscriptionInput>, by: AuditActor): Promise<SubscriptionView> {
    await this.check(change);
    return this.database.transaction(async (m) => {
      const updated = await this.webhooks.update(m, id, { ...change, topics: change.topics ? unique(change.topics) : undefined }, new Date());
      if (!updated) throw notFound(id);
      await this.audit.record({ actor: by, action: 'webhook.updated', subjectType: 'webhook', subjectId: id, data: change }, m);
      return toSubscriptionView(updated);
    });
  }

  async rotateSecret(id: string, by: AuditActor): Promise<SubscriptionWithSecret> {
    const secret = newSecret();
    return this.database.transaction(async (m) => {
      const rotated = await this.webhooks.rotateSecret(m, id, secret, new Date());
      if (!rotated) throw notFound(id);
      await this.audit.record({ actor: by, action: 'webhook.secret_rotated', subjectType: 'webhook', subjectId: id }, m);
      return { ...toSubscriptionView(rotated), secret };
    });
  }

  async delete(id: string, by: AuditActor): Promise<void> {
    await this.database.transaction(async (m) => {
      if (!(await this.webhooks.delete(m, id))) throw notFound(id);
      await this.audit.record({ actor: by, action: 'webhook.deleted', subjectType: 'webhook', subjectId: id }, m);
    });
  }

  async deliveries(id: string, q: { status?: WebhookDeliveryStatus; limit?: number; cursor?: string }): Promise<Page<DeliveryView>> {
    await this.found(id);
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (q.cursor !== undefined && !cursor) throw new DomainError(ErrorCode.ValidationFailed, 'cursor: not a cursor this API issued', { problems: [{ field: 'cursor', reason: 'not a cursor this API issued' }] });
    const page = await this.webhooks.deliveries(this.database.manager, id, { status: q.status, limit: q.limit ?? 20, cursor });
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  /** Starts a delivery over (a new generation: the old one's pending job, if any, then does nothing). */
  async restartDelivery(id: string, deliveryId: string, by: AuditActor): Promise<PendingDelivery> {
    await this.found(id);
    return this.database.transaction(async (m) => {
      const restarted = await this.webhooks.restart(m, id, deliveryId);
      if (!restarted) throw new DomainError(ErrorCode.WebhookDeliveryNotFound, `webhook ${id} has no delivery ${deliveryId}`);
      await this.audit.record({ actor: by, action: 'webhook.redelivered', subjectType: 'webhook', subjectId: id, data: { deliveryId } }, m);
      return restarted;
    });
  }

  private async found(id: string): Promise<WebhookSubscriptionRecord> {
    const found = await this.webhooks.findById(this.database.manager, id);
    if (!found) throw notFound(id);
    return found;
  }

  /** The URL and topics, each problem naming its field. */
  private async check(input: Partial<SubscriptionInput>): Promise<void> {
    const problems: FieldProblem[] = [];
    if (input.url !== undefined) {
      const problem = await this.transport.urlProblem(input.url);
      if (problem) problems.push({ field: 'url', reason: / is an? [A-Za-z]+ address$/.test(problem) ? `refused: ${problem} (WEBHOOK_ALLOW_PRIVATE_URLS allows it)` : problem });
    }
    input.topics?.forEach((topic, i) => {
      const problem = topicProblem(topic);
      if (problem) problems.push({ field: `topics.${i}`, reason: problem });
    });
    if (problems.length) throw new DomainError(ErrorCode.ValidationFailed, problems.map((p) => `${p.field}: ${p.reason}`).join('; '), { problems });
  }
}

const unique = (topics: string[]) => [...new Set(topics)];
const notFound = (id: string) => new DomainError(ErrorCode.WebhookNotFound, `no webhook subscription ${id}`);
