import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, type Principal } from '#libs/core';
import { WebhookDispatch } from '#libs/scheduler';
import { WebhooksService } from '#libs/webhooks';
import { AdminOnly } from '../auth/auth.decorators.js';
import { CurrentPrincipal } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ApiEmpty, ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { CreateWebhookDto, UpdateWebhookDto, WebhookDeliveriesQueryDto, WebhookDeliveryPageDto, WebhookDto, WebhookListDto, WebhookWithSecretDto } from './dto/webhooks.dto.js';

@ApiTags('webhooks')
@SignedIn()
@AdminOnly()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @ApiOperation({ summary: 'Every webhook subscription (admins; auditors may read), never their secrets' })
  @ApiJson(WebhookListDto, { description: 'The subscriptions' })
  @ApiErrors(403)
  @Get()
  async list() {
    return { items: await this.webhooks.list() };
  }

  @ApiOperation({ summary: 'Subscribe a URL to topics; the answer holds the signing secret, shown this once' })
  @ApiJson(WebhookWithSecretDto, { status: 201, description: 'Created, with its secret' })
  @ApiErrors(400, 403, 413, 429)
  @Post()
  create(@Body() dto: CreateWebhookDto, @CurrentPrincipal() p: Principal) {
    return this.webhooks.create(dto, actorOf(p));
  }

  @ApiOperation({ summary: 'One subscription' })
  @ApiJson(WebhookDto, { description: 'The subscription' })
  @ApiErrors(400, 403, 404)
  @Get(':id')
  get(@Param('id', new UuidPipe('id')) id: string) {
    return this.webhooks.get(id);
  }

  @ApiOperation({ summary: 'Change the URL, topics, description, or turn it off and on' })
  @ApiJson(WebhookDto, { description: 'The subscription after the change' })
  @ApiErrors(400, 403, 404, 413, 429)
  @Patch(':id')
  update(@Param('id', new UuidPipe('id')) id: string, @Body() dto: UpdateWebhookDto, @CurrentPrincipal() p: Principal) {
    return this.webhooks.update(id, dto, actorOf(p));
  }

  @ApiOperation({ summary: 'Delete a subscription with its deliveries and their log' })
  @ApiEmpty('Deleted')
  @ApiErrors(400, 403, 404, 413, 429)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    await this.webhooks.delete(id, actorOf(p));
  }

  @ApiOperation({ summary: 'A new signing secret, shown this once; the old one stops signing at once' })
  @ApiJson(WebhookWithSecretDto, { status: 201, description: 'The subscription with its new secret' })
  @ApiErrors(400, 403, 404, 413, 429)
  @Post(':id/rotate-secret')
  rotate(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.webhooks.rotateSecret(id, actorOf(p));
  }

  @ApiOperation({ summary: 'The delivery log, newest first: each delivery with its attempts (status, response code, latency, error)' })
  @ApiJson(WebhookDeliveryPageDto, { description: 'A page of deliveries' })
  @ApiErrors(400, 403, 404)
  @Get(':id/deliveries')
  deliveries(@Param('id', new UuidPipe('id')) id: string, @Query() q: WebhookDeliveriesQueryDto) {
    return this.webhooks.deliveries(id, q);
  }

  @ApiOperation({ summary: 'Send a delivery again (same webhook-id and body), with a fresh round of attempts' })
  @ApiEmpty('Queued')
  @ApiErrors(400, 403, 404, 413, 429)
  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(204)
  async redeliver(@Param('id', new UuidPipe('id')) id: string, @Param('deliveryId', new UuidPipe('deliveryId')) deliveryId: string, @CurrentPrincipal() p: Principal) {
    const dispatch = this.dispatch();
    // Without queues in this process the delivery is pending again and a worker's sweep sends it.
    if (dispatch) await dispatch.redeliver(id, deliveryId, actorOf(p));
    else await this.webhooks.restartDelivery(id, deliveryId, actorOf(p));
  }

  private dispatch(): WebhookDispatch | undefined {
    try {
      return this.moduleRef.get(WebhookDispatch, { strict: false });
    } catch {
      return undefined;
    }
  }
}
