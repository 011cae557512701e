import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

export class SourceDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A workflow definition (docs/definition-format.md)' })
  @IsObject()
  source!: Record<string, unknown>;
}

/** State paths or keys, as `?collapse=xuLy,thamDinh` (or the parameter repeated). */
const STATE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,63}(\.[A-Za-z_][A-Za-z0-9_-]{0,63}){0,31}$/;
const COLLAPSE = 'compound states drawn as one node, their children hidden (state paths such as xuLy.thamDinh, or keys); names the definition lacks are ignored';
const DEPTH = 'states nested deeper than this are folded into their ancestor at this depth (1: top-level states only)';
const stateNames = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean) : value);

export class PreviewDiagramDto extends SourceDto {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsIn(['vi', 'en'], { message: 'lang must be vi or en' }) lang?: 'vi' | 'en';
  @ApiPropertyOptional({ type: [String], description: COLLAPSE, example: ['xuLy'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(STATE_NAME, { each: true, message: 'collapse must list state paths or keys' })
  collapse?: string[];
  @ApiPropertyOptional({ type: Number, minimum: 1, description: DEPTH }) @IsOptional() @IsInt({ message: 'depth must be a whole number from 1' }) @Min(1, { message: 'depth must be a whole number from 1' }) depth?: number;
}

export class DiffQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) from!: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) to!: number;
}

export class DiagramQuery {
  @ApiPropertyOptional({ enum: ['mermaid'], default: 'mermaid' }) @IsOptional() @IsIn(['mermaid']) format?: 'mermaid';
  @ApiPropertyOptional({ enum: ['all', 'described'], default: 'all', description: 'described: only guards that carry a description (the diagram people following a case read); all: every guard (admins)' })
  @IsOptional()
  @IsIn(['all', 'described'], { message: 'guards must be all or described' })
  guards?: 'all' | 'described';
  @ApiPropertyOptional({ description: 'mark the current state of this instance' }) @IsOptional() @IsUUID(undefined, { message: 'instance must be a UUID' }) instance?: string;
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' }) @IsOptional() @IsIn(['vi', 'en']) lang?: 'vi' | 'en';
  @ApiPropertyOptional({ type: String, description: `${COLLAPSE}; comma-separated`, example: 'xuLy,thamDinh' })
  @IsOptional()
  @Transform(stateNames)
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(STATE_NAME, { each: true, message: 'collapse must list state paths or keys, separated by commas' })
  collapse?: string[];
  @ApiPropertyOptional({ type: Number, minimum: 1, description: DEPTH })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'depth must be a whole number from 1' })
  @Min(1, { message: 'depth must be a whole number from 1' })
  depth?: number;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** Who a dry run step is taken as: a role (in units), or a named user. */
export class DryRunPersonaDto {
  @ApiPropertyOptional({ type: [String], example: ['chu-tich'], description: 'roles held (in each of `units`, or in every unit the definition names)' })
  @ValidateIf((o: DryRunPersonaDto) => o.user === undefined)
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name a role, or give a user' })
  @ArrayMaxSize(50)
  @Matches(NAME, { each: true, message: 'roles must be role keys' })
  roles?: string[];

  @ApiPropertyOptional({ type: [String], example: ['ubnd'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(NAME, { each: true, message: 'units must be unit keys' })
  units?: string[];

  @ApiPropertyOptional({ description: 'the simulated person (separation of duties tells people apart by it); default from the roles and units' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  id?: string;

  @ApiPropertyOptional({ example: 'chu-tich-1', description: 'a user: their roles and units' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  user?: string;
}

export class DryRunStepDto {
  @ApiProperty({ example: 'TRINH' }) @Matches(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, { message: 'type must be an event name' }) type!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() payload?: Record<string, unknown>;
  @ApiPropertyOptional({ description: "simulated time of the step; default: an hour after the previous one, or when its deadline falls due for a deadline's event" })
  @IsOptional()
  @IsDateString()
  at?: string;

  @ApiPropertyOptional({ type: DryRunPersonaDto, description: 'who takes the step (then a real case\'s rules apply); default: the `as` of the run, else the caller' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DryRunPersonaDto)
  as?: DryRunPersonaDto;
}

export class DryRunDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'the start input' }) @IsOptional() @IsObject() input?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'simulated start time' }) @IsOptional() @IsDateString() startAt?: string;

  @ApiPropertyOptional({ type: DryRunPersonaDto, description: 'who starts the case and takes the steps that name no one; default: the caller' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DryRunPersonaDto)
  as?: DryRunPersonaDto;

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


