import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LocalizedText } from '../../common/dto/common.dto.js';
import { PageQuery } from '../../common/page.query.js';

export const NOTIFICATION_KIND_NAMES = ['task-assigned', 'task-delegated', 'reminder', 'escalation', 'message', 'webhook-disabled'] as const;

export class NotificationsQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Only the unread ones' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KIND_NAMES, description: 'task-assigned: a new task I may take; task-delegated: a task handed to me; reminder: a deadline approaching; escalation: a deadline passed; message: a workflow\'s notify; webhook-disabled (admins): a webhook subscription was turned off after a run of failed deliveries' })
  kind!: (typeof NOTIFICATION_KIND_NAMES)[number];
  @ApiProperty({ type: LocalizedText }) title!: LocalizedText;
  @ApiProperty({ type: LocalizedText, nullable: true }) body!: LocalizedText | null;
  @ApiProperty({ format: 'uuid', description: 'The case it is about (GET /api/v1/instances/{id})' }) instanceId!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true, description: 'The task it is about (GET /api/v1/tasks/{id})' }) taskId!: string | null;
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ type: 'string', nullable: true, description: "The case's business key" }) businessKey!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: "The case's summary line, as the case reads now" }) summary!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) readAt!: string | null;
}

export class NotificationCountsDto {
  @ApiProperty({ type: 'integer' }) unread!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: NotificationCountsDto }) counts!: NotificationCountsDto;
}

export class StreamTicketDto {
  @ApiProperty({ description: 'Opens GET /api/v1/me/stream?ticket=… once, on any api process' }) ticket!: string;
  @ApiProperty({ format: 'date-time', description: 'Unused after this instant (30 s after issue), it is refused' }) expiresAt!: string;
}

export class StreamQueryDto {
  @ApiPropertyOptional({ description: 'A ticket from POST /api/v1/me/stream/ticket (single use)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ticket?: string;
}
