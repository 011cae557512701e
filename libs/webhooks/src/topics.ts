import type { OutboxEffect } from '#libs/persistence';

/**
 * What a webhook can be told, named as receivers see it in the payload's `type`. The lifecycle
 * names are fixed; a definition's `emit` action arrives as `emit.<its topic>`, so that no emit
 * topic can pass for a lifecycle event.
 */
export const LIFECYCLE_TOPICS = ['instance.started', 'instance.finished', 'task.created', 'task.completed', 'deadline.passed', 'escalation'] as const;
export type LifecycleTopic = (typeof LIFECYCLE_TOPICS)[number];

/** The engine's and host's effect types that are lifecycle events. */
const LIFECYCLE_OF: Record<string, LifecycleTopic> = {
  'instance.start': 'instance.started',
  'instance.done': 'instance.finished',
  'task.open': 'task.created',
  'task.close': 'task.completed',
  'deadline.pass': 'deadline.passed',
  'task.escalate': 'escalation',
};

/** The effect types a webhook may be told of: the relay queues a fan-out only for rows holding one. */
export const WEBHOOK_EFFECT_TYPES: ReadonlySet<string> = new Set([...Object.keys(LIFECYCLE_OF), 'emit']);
export const hasWebhookEffects = (effects: readonly OutboxEffect[]) => effects.some((e) => WEBHOOK_EFFECT_TYPES.has(e.type));

// The engine's own rule for an emit topic, after `emit.`; a pattern may end in `.*`.
const EMIT_TOPIC = /^emit\.[a-z][A-Za-z0-9._-]{0,127}$/;
const PREFIX_PATTERN = /^(instance|task|deadline|emit)\.\*$|^emit\.[a-z][A-Za-z0-9._-]{0,127}\.\*$/;

/**
 * Why a subscription's topic is refused, or null: `*` (everything), a lifecycle name, `emit.<topic>`,
 * or a prefix ending in `.*` (`task.*`, `emit.*`, `emit.khieu-nai.*`).
 */
export function topicProblem(topic: string): string | null {
  if (topic === '*' || (LIFECYCLE_TOPICS as readonly string[]).includes(topic) || EMIT_TOPIC.test(topic) || PREFIX_PATTERN.test(topic)) return null;
  return `"${topic}" is not a topic: use *, ${LIFECYCLE_TOPICS.join(', ')}, emit.<topic>, or a prefix such as task.* or emit.*`;
}

/** Whether an event of `type` matches one of a subscription's topics. */
export function topicMatches(topics: readonly string[], type: string): boolean {
  return topics.some((t) => t === '*' || t === type || (t.endsWith('.*') && type.startsWith(t.slice(0, -1))));
}

/** One event of an outbox row, as its webhook deliveries carry it (the Standard Webhooks payload). */
export interface WebhookEvent {
  /** `outbox:<outbox id>:<effect index>`: with the subscription, the delivery's unique key. */
  sourceKey: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The events of one outbox row, in effect order. Every event names its case (`instanceId`,
 * `definitionKey`, and `seq`, the history row that recorded it, when there is one).
 */
export function webhookEvents(outboxId: string, row: { instanceId: string; definitionKey: string; seq: number | null; effects: readonly OutboxEffect[] }): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  row.effects.forEach((effect, index) => {
    const e = effect as Record<string, any>;
    const base = { instanceId: row.instanceId, definitionKey: row.definitionKey, seq: row.seq };
    const at = typeof e.at === 'string' ? e.at : new Date(0).toISOString();
    const push = (type: string, data: Record<string, unknown>) => out.push({ sourceKey: `outbox:${outboxId}:${index}`, type, timestamp: at, data: { ...base, ...data } });
    switch (e.type) {
      case 'emit':
        push(`emit.${e.topic}`, { topic: e.topic, payload: e.data ?? {} });
        break;
      case 'instance.start':
        push('instance.started', { definitionVersion: e.definitionVersion, businessKey: e.businessKey, startedBy: e.startedBy, parentId: e.parentId });
        break;
      case 'instance.done':
        push('instance.finished', { output: e.output ?? null });
        break;
      case 'task.open':
        push('task.created', { state: e.state, title: e.task?.title ?? null, roles: e.task?.roles ?? [], units: e.task?.units ?? [], priority: e.task?.priority ?? 'normal', outcomes: e.task?.outcomes ?? [] });
        break;
      case 'task.close':
        push('task.completed', { state: e.state });
        break;
      case 'deadline.pass':
        push('deadline.passed', { state: e.state, deadlineKey: e.deadlineKey, dueAt: e.dueAt });
        break;
      case 'task.escalate':
        push('escalation', { state: e.state, deadlineKey: e.deadlineKey, priority: e.priority ?? null, addRoles: e.addRoles ?? [] });
        break;
    }
  });
  return out;
}
