import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

export class SendEventDto {
  @ApiProperty({ example: 'SUBMIT' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/, { message: 'type must be an event name: a letter, then letters, digits, _ . : -' })
  type!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: "Validated against the event's form schema" })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Refuse (409) unless the instance is still at this revision; If-Match does the same' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number;

  @ApiPropertyOptional({ description: 'Why: recorded in the history row' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
