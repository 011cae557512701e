import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANY_JSON, JSON_OBJECT, LocalizedText, STATE_VALUE } from '../../common/dto/common.dto.js';

export class DefinitionRefDto {
  @ApiProperty({ example: 'example-document-approval' }) key!: string;
  @ApiProperty({ type: 'integer', example: 1 }) version!: number;
}

export class ActiveStateDto {
  @ApiProperty({ example: 'choDuyet', description: 'A leaf state path (handling.verify)' }) path!: string;
  @ApiPropertyOptional({ type: LocalizedText }) label?: LocalizedText;
}

export class DeadlineExtensionDto {
  @ApiProperty(ANY_JSON({ description: 'The extension: an ISO duration or a working-days spec' })) by!: unknown;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'date-time' }) previousDueAt!: string;
  @ApiPropertyOptional(ANY_JSON()) reason?: unknown;
}

export class DeadlineDto {
  @ApiProperty({ example: 'duyet' }) key!: string;
  @ApiProperty({ example: 'choDuyet' }) state!: string;
  @ApiPropertyOptional({ type: LocalizedText }) label?: LocalizedText;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: 'The last day (Vietnam local date) for calendar and working-day limits' }) dueDate!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: [DeadlineExtensionDto] }) extensions!: DeadlineExtensionDto[];
}

export class ParentLinkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "The parent's group that started this child" }) group!: string;
  @ApiProperty({ description: 'Its key in that group' }) key!: string;
}

export class ChildInstanceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: DefinitionRefDto }) definition!: DefinitionRefDto;
  @ApiProperty() group!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'string', nullable: true }) businessKey!: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: "The child's summary line (its definition's `summary`)" }) summary!: string | null;
  @ApiProperty({ enum: ['active', 'done'] }) status!: 'active' | 'done';
  @ApiProperty({ type: [ActiveStateDto] }) activeStates!: ActiveStateDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class InstanceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: DefinitionRefDto }) definition!: DefinitionRefDto;
  @ApiProperty({ type: 'string', nullable: true }) businessKey!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    maxLength: 200,
    example: 'Nguyễn Văn A: Khiếu nại về việc cấp giấy chứng nhận quyền sử dụng đất',
    description: "The case at a glance: the definition's `summary` filled from the case's context (null when the definition has none or it comes out empty)",
  })
  summary!: string | null;
  @ApiProperty({ enum: ['active', 'done'] }) status!: 'active' | 'done';
  @ApiProperty(STATE_VALUE()) state!: unknown;
  @ApiProperty({ type: [ActiveStateDto] }) activeStates!: ActiveStateDto[];
  @ApiProperty(JSON_OBJECT({ description: 'The case data; a confidential field the caller may not read holds "[giữ bí mật]" (docs/security.md#confidential-fields)' })) context!: Record<string, unknown>;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Also the ETag' }) revision!: number;
  @ApiProperty({ type: [String], description: 'Events a person may send now: the human events the current states accept' }) allowedEvents!: string[];
  @ApiProperty({ type: [String], description: 'What else the current states accept, sent only by deadlines or the system (timer and system events)' }) awaitedEvents!: string[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) nextDueAt!: string | null;
  @ApiProperty({ type: [DeadlineDto] }) deadlines!: DeadlineDto[];
  @ApiProperty() startedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: ParentLinkDto, nullable: true }) parent!: ParentLinkDto | null;
  @ApiPropertyOptional({ type: [ChildInstanceDto], description: 'On GET of one instance that has children' }) children?: ChildInstanceDto[];
}

export class InstancePageDto {
  @ApiProperty({ type: [InstanceDto] }) items!: InstanceDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next page' }) nextCursor!: string | null;
}

export class HistoryEventDto {
  @ApiProperty({ example: 'TRINH' }) type!: string;
  @ApiProperty(JSON_OBJECT({ nullable: true, description: 'The form as sent; a confidential field the caller may not read holds "[giữ bí mật]"' })) payload!: Record<string, unknown> | null;
}

export class ScheduledStartDto {
  @ApiProperty({ example: 'citizen-reception' }) definition!: string;
  @ApiProperty({ example: 'tiep-dan-chu-tich' }) key!: string;
  @ApiProperty({ format: 'date-time', description: 'The occurrence the schedule names (the business key follows it)' }) occurrence!: string;
  @ApiPropertyOptional({ format: 'date', description: 'The occurrence fell on a day off: the day it was due' }) movedFrom?: string;
  @ApiPropertyOptional({ format: 'date', description: 'The working day it was started on instead' }) movedTo?: string;
  @ApiPropertyOptional({ type: LocalizedText, description: 'Why that day was off' }) reason?: LocalizedText;
}

export class ActorDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) units!: string[];
  @ApiPropertyOptional({ type: ScheduledStartDto, description: 'A start made by a schedule: which occurrence, and whether a day off moved it' }) schedule?: ScheduledStartDto;
}

export class HistoryRowDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) seq!: number;
  @ApiProperty({ type: HistoryEventDto }) event!: HistoryEventDto;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty(STATE_VALUE({ nullable: true })) from!: unknown;
  @ApiProperty(STATE_VALUE()) to!: unknown;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'string', nullable: true }) requestId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) idempotencyKey!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) comment!: string | null;
  @ApiPropertyOptional(JSON_OBJECT({ description: 'Parent/child links: children started, parent of a first row, child reported' })) links?: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of the previous row (zeros for row 1)' }) prevHash!: string;
  @ApiProperty() hash!: string;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryRowDto] }) items!: HistoryRowDto[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'Pass as afterSeq for the next page' }) nextAfterSeq!: number | null;
}

export class TimerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() state!: string;
  @ApiProperty() deadlineKey!: string;
  @ApiProperty({ enum: ['deadline', 'reminder'] }) kind!: 'deadline' | 'reminder';
  @ApiProperty({ format: 'date-time' }) fireAt!: string;
  @ApiProperty({ enum: ['pending', 'fired', 'cancelled'] }) status!: 'pending' | 'fired' | 'cancelled';
  @ApiProperty({ type: 'integer' }) generation!: number;
  @ApiProperty({ type: 'integer' }) armedSeq!: number;
  @ApiProperty({ type: 'integer', nullable: true }) firedSeq!: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) firedAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) cancelledAt!: string | null;
}

export class TimerListDto {
  @ApiProperty({ type: [TimerDto] }) items!: TimerDto[];
}
