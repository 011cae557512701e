import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { foldForSearch } from '#libs/engine';
import { PageQuery } from '../../common/page.query.js';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;

/**
 * `q`: words that find a case (its business key, its summary, its fields marked `search`), typed
 * with or without diacritics; every word must occur. 2 to 200 characters, spaces aside.
 */
/** `what`: what the words find, and by what (the OpenAPI description). */
export function SearchQuery(what: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      minLength: SEARCH_MIN_LENGTH,
      maxLength: SEARCH_MAX_LENGTH,
      example: 'nguyen van a',
      description: `Words that find ${what}, with or without diacritics ("nguyen van a" finds "Nguyễn Văn A"); every word must occur. ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters, spaces aside; 400 naming q otherwise.`,
    }),
    IsOptional(),
    IsString({ message: 'q must be text' }),
    MaxLength(SEARCH_MAX_LENGTH, { message: `q must be at most ${SEARCH_MAX_LENGTH} characters` }),
    ValidateBy({
      name: 'searchLength',
      validator: {
        // Counted as it is matched: folded, spaces aside (a lone combining mark is nothing to find).
        validate: (value: unknown) => typeof value !== 'string' || foldForSearch(value).replace(/\s/g, '').length >= SEARCH_MIN_LENGTH,
        defaultMessage: () => `q must be at least ${SEARCH_MIN_LENGTH} characters besides spaces`,
      },
    }),
  );
}

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

  @SearchQuery('cases by their business key, summary or searchable fields (never a hidden one), among those the caller may see')
  q?: string;
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
