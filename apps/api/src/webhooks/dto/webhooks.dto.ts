import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/page.query.js';

const TOPICS_HELP =
  'instance.started, instance.finished, task.created, task.completed, deadline.passed, escalation, emit.<topic> (a definition\'s emit action), a prefix such as task.* or emit.*, or * for everything';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://he-thong-mot-cua.anphong.gov.vn/phoihop/webhook', description: 'http or https; its host must resolve to public addresses unless WEBHOOK_ALLOW_PRIVATE_URLS is set' })
  @IsString({ message: 'url must be a string' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url!: string;

  @ApiProperty({ type: [String], example: ['task.created', 'emit.*'], description: TOPICS_HELP })
  @IsArray({ message: 'topics must be a list' })
  @ArrayNotEmpty({ message: 'topics must name at least one topic' })
  @ArrayMaxSize(50, { message: 'topics must have at most 50 entries' })
  @IsString({ each: true, message: 'each topic must be a string' })
  @MaxLength(150, { each: true, message: 'each topic must be at most 150 characters' })
  topics!: string[];

  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'Hệ thống một cửa của phường' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: 'description must be a string' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ description: 'http or https; checked as on creation' })
  @IsOptional()
  @IsString({ message: 'url must be a string' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string;

  @ApiPropertyOptional({ type: [String], description: TOPICS_HELP })
  @IsOptional()
  @IsArray({ message: 'topics must be a list' })
  @ArrayNotEmpty({ message: 'topics must name at least one topic' })
  @ArrayMaxSize(50, { message: 'topics must have at most 50 entries' })
  @IsString({ each: true, message: 'each topic must be a string' })
  @MaxLength(150, { each: true, message: 'each topic must be at most 150 characters' })
  topics?: string[];

  @ApiPropertyOptional({ type: 'string', nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: 'description must be a string' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;

  @ApiPropertyOptional({ description: 'false turns it off; true turns it on again and clears its run of failures' })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class WebhookDeliveriesQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'], { message: 'status must be pending, delivered or failed' })
  status?: 'pending' | 'delivered' | 'failed';
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) topics!: string[];
  @ApiProperty({ type: 'string', nullable: true }) description!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: 'integer', description: 'Deliveries in a row that used all their attempts; reaching WEBHOOK_DISABLE_AFTER disables the subscription' }) consecutiveFailures!: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'Why it is off (by an admin, or the run of failures)' }) disabledReason!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) disabledAt!: string | null;
  @ApiProperty({ description: 'The admin who created it' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The signing secret (Standard Webhooks: whsec_ and base64). Shown in this answer only: keep it now' })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items!: WebhookDto[];
}

export class WebhookPayloadDto {
  @ApiProperty({ example: 'task.created', description: 'The topic' }) type!: string;
  @ApiProperty({ format: 'date-time', description: 'When it happened' }) timestamp!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'instanceId, definitionKey, seq and what the topic tells (docs/notifications.md, "Webhooks")' })
  data!: Record<string, unknown>;
}

export class WebhookAttemptDto {
  @ApiProperty({ type: 'integer', description: '1 for the first; numbering goes on across manual redeliveries' }) attempt!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'true for a 2xx answer' }) ok!: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The receiver\'s status; null when it did not answer' }) responseCode!: number | null;
  @ApiProperty({ type: 'integer', description: 'Milliseconds from sending to the answer (or the failure)' }) latencyMs!: number;
  @ApiProperty({ type: 'string', nullable: true, example: 'HTTP 500' }) error!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the webhook-id header of every attempt: receivers drop a repeated one' }) id!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: 'pending' | 'delivered' | 'failed';
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ type: 'integer', nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: 'string', nullable: true }) lastError!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) instanceId!: string | null;
  @ApiProperty({ type: WebhookPayloadDto, description: 'The body sent' }) payload!: WebhookPayloadDto;
  @ApiProperty({ type: [WebhookAttemptDto], description: 'Every attempt, oldest first' }) log!: WebhookAttemptDto[];
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items!: WebhookDeliveryDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}
