export { type WebhookOptions, DEFAULT_WEBHOOK_OPTIONS, WEBHOOK_OPTIONS } from './options.js';
export { LIFECYCLE_TOPICS, type LifecycleTopic, WEBHOOK_EFFECT_TYPES, hasWebhookEffects, topicProblem, topicMatches, type WebhookEvent, webhookEvents } from './topics.js';
export { addressProblem, ipLiteral, urlSyntaxProblem } from './url-guard.js';
export { WebhookTransport, type WebhookRequest, type WebhookResponse } from './transport.js';
export { NodeHttpTransport } from './node-http.transport.js';
export { newSecret, signedHeaders } from './signing.js';
export { type SubscriptionView, type SubscriptionWithSecret, type DeliveryView, type SubscriptionInput, toSubscriptionView, WebhooksService } from './webhooks.service.js';
export { type AttemptOutcome, WebhookAttemptFailed, WebhookDelivery } from './webhook-delivery.service.js';
export { WebhooksModule } from './webhooks.module.js';
