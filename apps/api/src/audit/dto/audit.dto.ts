import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class HistorySearchQuery {
  @ApiPropertyOptional({ description: 'username' }) @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @ApiPropertyOptional({ description: 'a unit the actor acted in' }) @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'definitionKey must be a workflow key' }) definitionKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) eventType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) businessKey?: string;
  @ApiPropertyOptional({ description: 'ISO instant, inclusive' }) @IsOptional() @IsDateString({}, { message: 'from must be an ISO date or instant' }) from?: string;
  @ApiPropertyOptional({ description: 'ISO instant, exclusive' }) @IsOptional() @IsDateString({}, { message: 'to must be an ISO date or instant' }) to?: string;
}

export class HistorySearchPage extends HistorySearchQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'cursor is not one this API issued' })
  cursor?: string;
}

export class ExportQuery extends HistorySearchQuery {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], default: 'ndjson' })
  @IsOptional()
  @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';
}

export class AuditLogQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @ApiPropertyOptional({ example: 'task.delegated' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ example: 'hall-booking', description: 'a subject id, or a definition key (its entries for every version, `key@N`)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({}, { message: 'from must be an ISO date or instant' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({}, { message: 'to must be an ISO date or instant' }) to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,19}$/, { message: 'cursor is not one this API issued' }) cursor?: string;
}

export class StateAtQuery {
  @ApiPropertyOptional({ description: 'ISO instant' }) @IsOptional() @IsDateString({}, { message: 'at must be an ISO instant' }) at?: string;
  @ApiPropertyOptional({ description: 'history seq' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) seq?: number;
}
