import { ApiProperty } from '@nestjs/swagger';
import { JSON_OBJECT, LocalizedText } from '../../common/dto/common.dto.js';
import { InstanceDto } from '../../instances/dto/instance-responses.dto.js';

export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) instanceId!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'KN-2026-0042', description: "The case's business key" }) businessKey!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    maxLength: 200,
    example: 'Nguyễn Văn A: Khiếu nại về việc cấp giấy chứng nhận quyền sử dụng đất',
    description: "The case's summary line (its definition's `summary`, as the case reads now); null when it has none",
  })
  summary!: string | null;
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ description: 'The state path the task belongs to' }) state!: string;
  @ApiProperty({ type: LocalizedText }) title!: LocalizedText;
  @ApiProperty({ type: [String] }) candidateRoles!: string[];
  @ApiProperty({ type: [String] }) candidateUnits!: string[];
  @ApiProperty({ type: [String], description: 'Events that answer it' }) outcomes!: string[];
  @ApiProperty({ type: 'string', nullable: true }) assignee!: string | null;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) status!: 'open' | 'completed' | 'cancelled';
  @ApiProperty({ enum: ['low', 'normal', 'high', 'urgent'] }) priority!: 'low' | 'normal' | 'high' | 'urgent';
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) claimedAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) completedBy!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) outcome!: string | null;
}

export class TaskEventDto {
  @ApiProperty({ example: 'claimed', description: 'claimed, unclaimed, delegated, commented, acted…' }) type!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty(JSON_OBJECT({ nullable: true })) data!: Record<string, unknown> | null;
}

export class TaskDetailDto extends TaskDto {
  @ApiProperty({ type: [TaskEventDto] }) events!: TaskEventDto[];
}

export class InboxCountsDto {
  @ApiProperty({ type: 'integer' }) mine!: number;
  @ApiProperty({ type: 'integer' }) claimable!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer' }) dueSoon!: number;
}

export class InboxPageDto {
  @ApiProperty({ type: [TaskDto] }) items!: TaskDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: InboxCountsDto }) counts!: InboxCountsDto;
}

export class TaskListDto {
  @ApiProperty({ type: [TaskDto] }) items!: TaskDto[];
}

export class CompletedTaskDto {
  @ApiProperty({ type: TaskDto }) task!: TaskDto;
  @ApiProperty({ type: InstanceDto }) instance!: InstanceDto;
}
