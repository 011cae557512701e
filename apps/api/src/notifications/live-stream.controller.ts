import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { takeOverResponse } from '../common/raw-response.js';
import { AuthService } from '#libs/identity';
import { type Principal } from '#libs/core';
import { CurrentPrincipal } from '../common/request-context.js';
import { ApiErrors, ApiJson, ApiMedia, SignedIn } from '../common/openapi.js';
import { AuditorsMay, Public } from '../auth/auth.decorators.js';
import { StreamQueryDto, StreamTicketDto } from './dto/notifications.dto.js';
import { LiveStreamService } from './live-stream.service.js';

@ApiTags('notifications')
@Controller('me/stream')
export class LiveStreamController {
  constructor(
    private readonly auth: AuthService,
    private readonly streams: LiveStreamService,
  ) {}

  @ApiOperation({ summary: 'A single-use ticket (30 s) that opens my live stream: EventSource cannot send an Authorization header' })
  @ApiJson(StreamTicketDto, { status: 201, description: 'The ticket; only its hash is stored' })
  @SignedIn()
  @ApiErrors(413, 429)
  @AuditorsMay()
  @Post('ticket')
  @HttpCode(201)
  async ticket(@CurrentPrincipal() p: Principal): Promise<StreamTicketDto> {
    const { ticket, expiresAt } = await this.auth.issueStreamTicket(p);
    return { ticket, expiresAt: expiresAt.toISOString() };
  }

  @ApiOperation({
    summary: 'My live stream (Server-Sent Events), opened with a ticket',
    // No bearer token: the `ticket` query parameter is the credential.
    security: [],
    description:
      'Events: `ready` once listening; `notification` ({ id, kind, title, instanceId, taskId, createdAt }) for each new notification of mine; ' +
      '`inbox` ({ changed: true }) when a task where I am a candidate or the assignee opened, was claimed, delegated or closed (refetch the counts). ' +
      'A comment line every 25 s. Whichever process or worker committed the change, every api process hears it (PostgreSQL LISTEN/NOTIFY). ' +
      'No Authorization header: the `ticket` query parameter, used once; 401 when it is missing, unknown, used or expired.',
  })
  @ApiMedia({ 'text/event-stream': { type: 'string' } }, { description: 'The stream, open until the client leaves' })
  @ApiErrors(400, 401, 503)
  @Public()
  @Get()
  async stream(@Query() q: StreamQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const principal = await this.auth.redeemStreamTicket(q.ticket);
    await this.streams.serve(principal, takeOverResponse(reply));
  }
}
