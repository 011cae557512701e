import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { PageQuery } from '../../common/page.query.js';
import { SearchQuery } from '../../instances/dto/list-instances.query.js';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class InboxQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: ['mine', 'claimable', 'all'], default: 'all' })
  @IsOptional()
  @IsIn(['mine', 'claimable', 'all'])
  bucket?: 'mine' | 'claimable' | 'all';

  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'unit must be an org unit key' }) unit?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'definitionKey must be a workflow key' }) definitionKey?: string;

  @ApiPropertyOptional({ enum: ['low', 'normal', 'high', 'urgent'] })
  @IsOptional()
  @IsIn(['low', 'normal', 'high', 'urgent'])
  priority?: 'low' | 'normal' | 'high' | 'urgent';

  @ApiPropertyOptional() @IsOptional() @IsIn(['true', 'false'], { message: 'overdue must be true or false' }) overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Only tasks due within N days (also the "due soon" count window; default 3)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  dueWithinDays?: number;

  @SearchQuery("inbox tasks by their case's business key, summary or searchable fields (never a hidden one)")
  q?: string;
}

export class DelegateDto {
  @ApiProperty({ example: 'pho-chu-tich' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  to!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class CompleteTaskDto {
  @ApiProperty({ example: 'QUYET_DINH', description: "One of the task's outcomes (an event of its state)" })
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'outcome must be an event name' })
  outcome!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "The outcome event's form, validated against its JSON Schema" })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class CommentDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) text!: string;
}
