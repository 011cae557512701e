import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule } from '#libs/core';
import { RuntimeModule } from '#libs/runtime';
import { NodeHttpTransport } from './node-http.transport.js';
import { DEFAULT_WEBHOOK_OPTIONS, WEBHOOK_OPTIONS, type WebhookOptions } from './options.js';
import { WebhookTransport } from './transport.js';
import { WebhookDelivery } from './webhook-delivery.service.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhook subscriptions and deliveries; the queues that drive them are the scheduler's. */
@Module({})
export class WebhooksModule {
  static forRoot(options: Partial<WebhookOptions> = {}): DynamicModule {
    // Settings left unset (undefined) keep their defaults.
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    const settled: WebhookOptions = { ...DEFAULT_WEBHOOK_OPTIONS, ...given };
    return {
      module: WebhooksModule,
      imports: [CoreModule, RuntimeModule],
      providers: [{ provide: WEBHOOK_OPTIONS, useValue: settled }, { provide: WebhookTransport, useClass: NodeHttpTransport }, WebhooksService, WebhookDelivery],
      exports: [WEBHOOK_OPTIONS, WebhooksService, WebhookDelivery],
    };
  }
}
