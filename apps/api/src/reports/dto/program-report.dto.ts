import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalizedText } from '../../common/dto/common.dto.js';

export class ReportPeriodDto {
  @ApiProperty({ example: '2026-H1' }) key!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date-time' }) fromAt!: string;
  @ApiProperty({ format: 'date-time' }) toAt!: string;
}

export class LabelledCountDto {
  @ApiProperty() value!: string;
  @ApiPropertyOptional({ type: LocalizedText }) label?: LocalizedText;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class OutcomeCountDto extends LabelledCountDto {
  @ApiProperty({ description: 'The final state' }) state!: string;
}

export class BreakdownDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalizedText }) label!: LocalizedText;
  @ApiProperty({ type: [LabelledCountDto] }) items!: LabelledCountDto[];
}

export class CounterDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalizedText }) label!: LocalizedText;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class WorkflowFiguresDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: LocalizedText }) title!: LocalizedText;
  @ApiProperty({ type: 'integer' }) received!: number;
  @ApiProperty({ type: 'integer' }) carriedOver!: number;
  @ApiProperty({ type: 'integer' }) resolved!: number;
  @ApiProperty({ type: 'integer' }) resolvedOnTime!: number;
  @ApiProperty({ type: 'integer' }) resolvedLate!: number;
  @ApiProperty({ type: 'integer' }) openAtEnd!: number;
  @ApiProperty({ type: 'integer' }) overdueNow!: number;
  @ApiProperty({ type: [OutcomeCountDto] }) outcomes!: OutcomeCountDto[];
  @ApiProperty({ type: [BreakdownDto] }) breakdowns!: BreakdownDto[];
  @ApiProperty({ type: [CounterDto] }) counters!: CounterDto[];
}

export class CitizenCaseFiguresDto {
  @ApiProperty({ type: [String] }) workflows!: string[];
  @ApiProperty({ type: 'integer' }) received!: number;
  @ApiProperty({ type: 'integer' }) carriedOver!: number;
  @ApiProperty({ type: 'integer' }) toHandle!: number;
  @ApiProperty({ type: 'integer' }) resolved!: number;
  @ApiProperty({ type: 'integer' }) resolvedOnTime!: number;
  @ApiProperty({ type: 'integer' }) resolvedLate!: number;
  @ApiProperty({ type: 'integer' }) inProgress!: number;
  @ApiProperty({ type: 'integer' }) overdueNow!: number;
}

export class DanVanKheoFiguresDto {
  @ApiProperty({ type: 'integer' }) campaigns!: number;
  @ApiProperty({ type: 'integer' }) modelsRegistered!: number;
  @ApiProperty({ type: 'integer' }) recognised!: number;
  @ApiProperty({ type: 'integer' }) proposed!: number;
}

export class TrendMonthDto {
  @ApiProperty({ example: '2026-01' }) month!: string;
  @ApiProperty({ type: 'integer' }) received!: number;
  @ApiProperty({ type: 'integer' }) resolved!: number;
  @ApiProperty({ type: 'integer' }) resolvedLate!: number;
}

export class LedgerCheckpointDto {
  @ApiProperty({ type: 'string', description: 'The ledger entry the checkpoint signs (a number, as text)' }) gseq!: string;
  @ApiProperty() chainHash!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: '`<gseq>:<chainHash>`: archive it with the papers; `phoihop audit verify --digest` checks a database against it' }) digest!: string;
}

export class ProgramReportDto {
  @ApiProperty({ type: ReportPeriodDto }) period!: ReportPeriodDto;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [WorkflowFiguresDto] }) workflows!: WorkflowFiguresDto[];
  @ApiProperty({ type: CitizenCaseFiguresDto }) citizenCases!: CitizenCaseFiguresDto;
  @ApiProperty({ type: DanVanKheoFiguresDto }) danVanKheo!: DanVanKheoFiguresDto;
  @ApiProperty({ type: [TrendMonthDto] }) trend!: TrendMonthDto[];
  @ApiProperty({ type: LedgerCheckpointDto, nullable: true, description: 'The latest signed checkpoint of the audit ledger (null before the first seal)' })
  ledgerCheckpoint!: LedgerCheckpointDto | null;
}
