import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProbeDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ description: 'Milliseconds the probe took' }) latencyMs!: number;
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: 'integer' }) uptimeSeconds!: number;
  @ApiProperty({ type: ProbeDto }) database!: ProbeDto;
}

export class ReadinessChecksDto {
  @ApiProperty({ type: ProbeDto }) database!: ProbeDto;
  @ApiPropertyOptional({ type: ProbeDto, description: 'When the process has queues' }) queues?: ProbeDto;
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready'] }) status!: 'ready';
  @ApiProperty({ type: ReadinessChecksDto }) checks!: ReadinessChecksDto;
}
