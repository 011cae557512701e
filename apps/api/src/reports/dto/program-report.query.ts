import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ProgramReportQuery {
  @ApiProperty({ example: '2026-H1', description: 'YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM; periods count from REPORT_PERIOD_START (15 Dec by default)' })
  @Matches(/^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$/, { message: 'period must be YYYY, YYYY-H1, YYYY-H2, YYYY-Q1..YYYY-Q4 or YYYY-MM (e.g. 2026-H1)' })
  period!: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'], { message: 'format must be json, csv or xlsx' })
  format?: 'json' | 'csv' | 'xlsx';

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi', description: 'Language of the CSV and XLSX headings and labels' })
  @IsOptional()
  @IsIn(['vi', 'en'], { message: 'lang must be vi or en' })
  lang?: 'vi' | 'en';
}
