import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText } from '../../common/dto/common.dto.js';

const OCCASIONS = ['new-year', 'tet', 'hung-kings', 'reunification-labour', 'national-day'] as const;
type Occasion = (typeof OCCASIONS)[number];

/** The document a schedule was announced by. */
export class AnnouncementSourceDto {
  @ApiProperty({ description: 'Number and symbol of the document as issued', example: 'Thông báo số 9441/TB-BNV' }) document!: string;
  @ApiProperty({ format: 'date', description: 'The date it was signed', example: '2025-10-16' }) date!: string;
  @ApiProperty({ example: 'Bộ Nội vụ thông báo lịch nghỉ Tết Âm lịch và Quốc khánh năm 2026 …' }) vi!: string;
  @ApiProperty({ example: 'Ministry of Home Affairs: Tết and National Day 2026 …' }) en!: string;
}

export class HolidayDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: LocalizedText }) name!: LocalizedText;
  @ApiProperty({
    enum: ['holiday', 'compensatory', 'swapped', 'override'],
    description: '`swapped`: a working day given off in exchange for a Saturday worked (hoán đổi ngày làm việc), see `swappedWith`',
  })
  kind!: 'holiday' | 'compensatory' | 'swapped' | 'override';
  @ApiProperty({
    enum: ['announced', 'estimated', 'override'],
    description:
      '`announced`: as the government announced it for that year (see `source`); `estimated`: worked out by the rule of the Labour Code, for a year or holiday no announcement covers (the government may still decide otherwise); `override`: an admin override',
  })
  basis!: 'announced' | 'estimated' | 'override';
  @ApiPropertyOptional({ enum: OCCASIONS, description: 'The holiday this day belongs to (absent for an override)' }) occasion?: Occasion;
  @ApiPropertyOptional({ format: 'date', description: 'The holiday a compensatory day makes up for' }) compensatesFor?: string;
  @ApiPropertyOptional({ format: 'date', description: 'For a swapped day off: the Saturday worked in its place' }) swappedWith?: string;
  @ApiPropertyOptional({ type: AnnouncementSourceDto, description: 'For an announced day: the document' }) source?: AnnouncementSourceDto;
}

/** A Saturday or Sunday (or a holiday) that is a working day. */
export class CalendarWorkingDayDto {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: LocalizedText }) name!: LocalizedText;
  @ApiProperty({
    enum: ['announced', 'override'],
    description: '`announced`: worked in exchange for a swapped day off (làm bù), see `replaces`; `override`: an admin override',
  })
  basis!: 'announced' | 'override';
  @ApiPropertyOptional({ enum: OCCASIONS }) occasion?: Occasion;
  @ApiPropertyOptional({ format: 'date', description: 'The swapped day off this day is worked for' }) replaces?: string;
  @ApiPropertyOptional({ type: AnnouncementSourceDto }) source?: AnnouncementSourceDto;
}

/** An announcement the year's calendar takes, and the holidays it covers (the rule gives the others). */
export class YearAnnouncementDto {
  @ApiProperty({ enum: OCCASIONS, isArray: true }) occasions!: Occasion[];
  @ApiProperty({ type: AnnouncementSourceDto }) source!: AnnouncementSourceDto;
}

export class HolidaysDto {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: [HolidayDto] }) holidays!: HolidayDto[];
  @ApiProperty({
    type: [CalendarWorkingDayDto],
    description: 'Weekend days (or holidays) that are working days: Saturdays worked in exchange (làm bù), working-day overrides',
  })
  workingDays!: CalendarWorkingDayDto[];
  @ApiProperty({
    type: [YearAnnouncementDto],
    description: "The government's announcements this year's days follow; empty: every day is estimated by the rule",
  })
  announcements!: YearAnnouncementDto[];
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
