import { DynamicModule, Module } from '@nestjs/common';
import { WebhooksModule, type WebhookOptions } from '#libs/webhooks';
import { WebhooksController } from './webhooks.controller.js';

@Module({})
export class WebhooksApiModule {
  static forRoot(options?: Partial<WebhookOptions>): DynamicModule {
    return { module: WebhooksApiModule, imports: [WebhooksModule.forRoot(options)], controllers: [WebhooksController] };
  }
}
