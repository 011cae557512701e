import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class HolidaysQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(1900)
  @Max(2199)
  year!: number;
}

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2026-02-12' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: 10 })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(0)
  @Max(10000)
  days!: number;
}

export class OverridesQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(1900)
  @Max(2199)
  year?: number;
}

export class LabelDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) vi!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) en!: string;
}

export class SetOverrideDto {
  @ApiProperty({ enum: ['day-off', 'working-day'] })
  @IsIn(['day-off', 'working-day'])
  kind!: 'day-off' | 'working-day';

  @ApiPropertyOptional({ type: LabelDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LabelDto)
  name?: LabelDto;
}
