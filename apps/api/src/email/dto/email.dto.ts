import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/page.query.js';

export const EMAIL_MODE_NAMES = ['immediate', 'digest', 'off'] as const;
export const LANGUAGE_NAMES = ['vi', 'en'] as const;
export const EMAIL_STATUS_NAMES = ['pending', 'sending', 'sent', 'failed', 'refused'] as const;
type Mode = (typeof EMAIL_MODE_NAMES)[number];

const MODE = { enum: EMAIL_MODE_NAMES, description: 'immediate: a mail as soon as it happens; digest: in the 07:30 daily digest; off: no mail' };
const modeMessage = (kind: string) => ({ message: `emailPreferences.${kind} must be one of immediate, digest, off` });

/** A mail mode per notification kind (docs/notifications.md, "E-mail"). */
export class EmailPreferencesDto {
  @ApiProperty({ ...MODE, description: `A new task I may take (default digest). ${MODE.description}` }) 'task-assigned'!: Mode;
  @ApiProperty({ ...MODE, description: 'A task handed to me (default immediate)' }) 'task-delegated'!: Mode;
  @ApiProperty({ ...MODE, description: 'A deadline approaching (default digest)' }) reminder!: Mode;
  @ApiProperty({ ...MODE, description: 'A deadline passed (default immediate)' }) escalation!: Mode;
  @ApiProperty({ ...MODE, description: "A workflow's notify message (default immediate)" }) message!: Mode;
}

/** Some kinds' modes; the others are kept. */
export class EmailPreferencesChangeDto {
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(EMAIL_MODE_NAMES, modeMessage('task-assigned')) 'task-assigned'?: Mode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(EMAIL_MODE_NAMES, modeMessage('task-delegated')) 'task-delegated'?: Mode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(EMAIL_MODE_NAMES, modeMessage('reminder')) reminder?: Mode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(EMAIL_MODE_NAMES, modeMessage('escalation')) escalation?: Mode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(EMAIL_MODE_NAMES, modeMessage('message')) message?: Mode;
}

export class PreferencesDto {
  @ApiProperty({ type: 'string', format: 'email', nullable: true, description: 'Where my mail goes; set by admins (PATCH /api/v1/users/{id}); null: no mail' })
  email!: string | null;
  @ApiProperty({ enum: LANGUAGE_NAMES, description: 'The language of my mails' }) language!: (typeof LANGUAGE_NAMES)[number];
  @ApiProperty({ type: EmailPreferencesDto }) emailPreferences!: EmailPreferencesDto;
  @ApiProperty({ description: 'False when this server sends no mail (SMTP_URL unset); the choices are kept' }) emailEnabled!: boolean;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ enum: LANGUAGE_NAMES })
  @IsOptional()
  @IsIn(LANGUAGE_NAMES, { message: 'language must be vi or en' })
  language?: (typeof LANGUAGE_NAMES)[number];

  @ApiPropertyOptional({ type: EmailPreferencesChangeDto })
  @IsOptional()
  @IsObject({ message: 'emailPreferences must be an object of kind: mode' })
  @ValidateNested()
  @Type(() => EmailPreferencesChangeDto)
  emailPreferences?: EmailPreferencesChangeDto;
}

export class EmailDeliveriesQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: EMAIL_STATUS_NAMES, description: 'Only deliveries in this status (refused: the server answered 5xx; failed: attempts ran out)' })
  @IsOptional()
  @IsIn(EMAIL_STATUS_NAMES, { message: 'status must be one of pending, sending, sent, failed, refused' })
  status?: (typeof EMAIL_STATUS_NAMES)[number];
}

export class EmailDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['notification', 'digest'], description: 'A notification mailed at once, or a daily digest' }) kind!: 'notification' | 'digest';
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) notificationId!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The notification\'s kind (task-assigned, escalation…)' }) notificationKind!: string | null;
  @ApiProperty({ description: 'The address it was sent to (the user\'s when it was recorded)' }) toAddress!: string;
  @ApiProperty({ enum: LANGUAGE_NAMES }) language!: (typeof LANGUAGE_NAMES)[number];
  @ApiProperty({ enum: EMAIL_STATUS_NAMES }) status!: (typeof EMAIL_STATUS_NAMES)[number];
  @ApiProperty({ type: 'integer', description: 'Sends tried' }) attempts!: number;
  @ApiProperty({ type: 'string', nullable: true, description: "The SMTP server's last answer (its refusal, or the error)" }) lastResponse!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class EmailDeliveryPageDto {
  @ApiProperty({ type: [EmailDeliveryDto] }) items!: EmailDeliveryDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}
