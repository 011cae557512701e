import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { PageQuery } from '../../common/page.query.js';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListInstancesQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'definitionKey must be a workflow key: lowercase letters, digits and dashes' })
  definitionKey?: string;

  @ApiPropertyOptional({ enum: ['active', 'done'] })
  @IsOptional()
  @IsIn(['active', 'done'])
  status?: 'active' | 'done';

  @ApiPropertyOptional({ description: 'A state path, e.g. review or handling.verify; matches its children too' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  businessKey?: string;

  @ApiPropertyOptional({ description: 'Only the child instances of this instance' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be an instance id (a UUID)' })
  parentId?: string;

  @ApiPropertyOptional({ description: 'Only active instances with a deadline already past' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';
}

export class HistoryQuery {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
