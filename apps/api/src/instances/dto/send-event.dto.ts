import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';

/** An admin acting outside who-may-act: allowed only with a reason, which the history and the audit trail keep. */
export class OverrideDto {
  @ApiProperty({ example: 'Trưởng phòng nghỉ ốm; Chủ tịch giao xử lý thay' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

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

  @ApiPropertyOptional({
    type: OverrideDto,
    description: 'Admins only: send an event that belongs to a task or a role the admin does not hold; the reason is recorded in the history row and the audit trail',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto;
}
