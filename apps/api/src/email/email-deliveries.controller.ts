import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmailSettingsService } from '#libs/runtime';
import { AdminOnly } from '../auth/auth.decorators.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { EmailDeliveriesQueryDto, EmailDeliveryDto, EmailDeliveryPageDto } from './dto/email.dto.js';

@ApiTags('notifications')
@SignedIn()
@Controller('admin/email-deliveries')
export class EmailDeliveriesController {
  constructor(private readonly settings: EmailSettingsService) {}

  @ApiOperation({ summary: 'E-mails recorded for users, newest first, by status (admins and auditors): refused ones carry the server\'s answer' })
  @ApiJson(EmailDeliveryPageDto, { description: 'A page of deliveries' })
  @ApiErrors(400, 403)
  @Get()
  @AdminOnly()
  list(@Query() q: EmailDeliveriesQueryDto) {
    return this.settings.deliveries({ status: q.status, limit: q.limit, cursor: q.cursor });
  }

  @ApiOperation({ summary: 'Send a refused or failed e-mail again (to the address it was recorded with)' })
  @ApiJson(EmailDeliveryDto, { status: 202, description: 'Pending again; the worker sends it' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Post(':id/retry')
  @HttpCode(202)
  @AdminOnly()
  retry(@Param('id', new UuidPipe('id')) id: string) {
    return this.settings.retry(id);
  }
}
