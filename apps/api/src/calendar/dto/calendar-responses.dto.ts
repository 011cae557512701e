import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText } from '../../common/dto/common.dto.js';

export class HolidayDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: LocalizedText }) name!: LocalizedText;
  @ApiProperty({ enum: ['holiday', 'compensatory', 'override'] }) kind!: 'holiday' | 'compensatory' | 'override';
  @ApiPropertyOptional({ format: 'date', description: 'The holiday a compensatory day makes up for' }) compensatesFor?: string;
}

export class HolidaysDto {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: [HolidayDto] }) holidays!: HolidayDto[];
}

export class WorkingDateDto {
  @ApiProperty({ format: 'date' }) date!: string;
}

export class CalendarOverrideDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['day-off', 'working-day'] }) kind!: 'day-off' | 'working-day';
  @ApiProperty({ type: LocalizedText, nullable: true }) name!: LocalizedText | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
}

export class CalendarOverrideListDto {
  @ApiProperty({ type: [CalendarOverrideDto] }) items!: CalendarOverrideDto[];
}
