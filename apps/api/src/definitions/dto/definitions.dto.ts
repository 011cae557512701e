import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsUUID, Matches, Min, ValidateNested } from 'class-validator';

export class SourceDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A workflow definition (docs/definition-format.md)' })
  @IsObject()
  source!: Record<string, unknown>;
}

export class PreviewDiagramDto extends SourceDto {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsIn(['vi', 'en'], { message: 'lang must be vi or en' }) lang?: 'vi' | 'en';
}

export class DiffQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) to!: number;
}

export class DiagramQuery {
  @ApiPropertyOptional({ enum: ['mermaid'], default: 'mermaid' }) @IsOptional() @IsIn(['mermaid']) format?: 'mermaid';
  @ApiPropertyOptional({ description: 'mark the current state of this instance' }) @IsOptional() @IsUUID(undefined, { message: 'instance must be a UUID' }) instance?: string;
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsIn(['vi', 'en']) lang?: 'vi' | 'en';
}

export class DryRunStepDto {
  @ApiProperty({ example: 'TRINH' }) @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'type must be an event name' }) type!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() payload?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'simulated time of the step' }) @IsOptional() @IsDateString() at?: string;
}

export class DryRunDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() input?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'simulated start time' }) @IsOptional() @IsDateString() startAt?: string;

  @ApiProperty({ type: [DryRunStepDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DryRunStepDto)
  steps!: DryRunStepDto[];
}

export class MigrationDto {
  @ApiProperty() @IsInt() @Min(1) fromVersion!: number;
  @ApiProperty() @IsInt() @Min(1) toVersion!: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { xemXet: 'thamDinh' } }) @IsOptional() @IsObject() stateMap?: Record<string, string>;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @IsUUID(undefined, { each: true, message: 'instanceIds must be UUIDs' })
  instanceIds?: string[];

  @ApiPropertyOptional({ default: true, description: 'Keep an open task with its claim where its state and the task are the same in the new version' })
  @IsOptional()
  @IsIn([true, false])
  keepClaims?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Count a deadline whose state stays from when it started (extensions kept), not from the migration' })
  @IsOptional()
  @IsIn([true, false])
  keepDeadlineStarts?: boolean;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsIn([true, false]) dryRun?: boolean;
}


