import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationsService } from '#libs/runtime';
import { type Principal } from '#libs/core';
import { CurrentPrincipal } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ApiEmpty, ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { NotificationPageDto, NotificationsQueryDto } from './dto/notifications.dto.js';

@ApiTags('notifications')
@SignedIn()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({ summary: 'My notifications, newest first, with the unread and total counts' })
  @ApiJson(NotificationPageDto, { description: 'A page of notifications with the counts' })
  @ApiErrors(400)
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() q: NotificationsQueryDto) {
    return this.notifications.list(p, { unread: q.unread === 'true', limit: q.limit, cursor: q.cursor });
  }

  @ApiOperation({ summary: 'Mark every one of my notifications read' })
  @ApiEmpty('Marked')
  @ApiErrors(403, 413, 429)
  @Post('read-all')
  @HttpCode(204)
  async readAll(@CurrentPrincipal() p: Principal) {
    await this.notifications.markAllRead(p);
  }

  @ApiOperation({ summary: 'Mark one of my notifications read (404 for any id that is not mine)' })
  @ApiEmpty('Marked (reading it again keeps the first instant)')
  @ApiErrors(400, 403, 404, 413, 429)
  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentPrincipal() p: Principal, @Param('id', new UuidPipe('id')) id: string) {
    await this.notifications.markRead(p, id);
  }
}
