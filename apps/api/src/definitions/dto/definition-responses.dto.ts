import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANY_JSON, IssueDto, JSON_OBJECT, LocalizedText, STATE_VALUE } from '../../common/dto/common.dto.js';

export class StartableByDto {
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiPropertyOptional({ type: [String] }) units?: string[];
}

export class DefinitionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'example-document-approval' }) key!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ enum: ['draft', 'published', 'retired'] }) status!: 'draft' | 'published' | 'retired';
  @ApiProperty({ type: LocalizedText }) title!: LocalizedText;
  @ApiProperty({ type: 'string', nullable: true, description: 'SHA-256 of the canonical source' }) checksum!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: StartableByDto, nullable: true, description: 'Who may start a case; null: anyone signed in' }) startableBy!: StartableByDto | null;
}

export class DefinitionLatestDto extends DefinitionSummaryDto {
  @ApiProperty({ type: 'integer', description: 'How many versions the key has' }) versions!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/LocalizedText' },
    description: "The roles this version names (its source's `roles`), with their labels: what a page needs to name roles without fetching every source",
  })
  roles!: Record<string, LocalizedText>;
}

export class DefinitionLatestListDto {
  @ApiProperty({ type: [DefinitionLatestDto] }) items!: DefinitionLatestDto[];
}

export class DefinitionVersionListDto {
  @ApiProperty({ type: [DefinitionSummaryDto] }) items!: DefinitionSummaryDto[];
}

export class DefinitionCheckDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [IssueDto] }) issues!: IssueDto[];
  @ApiProperty({ type: [IssueDto], description: 'Worth knowing, not blocking (e.g. a role no user holds)' }) warnings!: IssueDto[];
}

export class DefinitionVersionDto extends DefinitionSummaryDto {
  @ApiProperty(JSON_OBJECT({ description: 'The workflow definition (docs/definition-format.md)' })) source!: Record<string, unknown>;
}

export class DraftDto extends DefinitionVersionDto {
  @ApiProperty({ type: DefinitionCheckDto }) check!: DefinitionCheckDto;
}

export class RetiredDefinitionDto extends DefinitionSummaryDto {
  @ApiProperty({ type: 'integer', description: 'Instances still running on this version' }) runningInstances!: number;
}

export class JsonChangeDto {
  @ApiProperty({ description: 'JSON pointer' }) path!: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind!: 'added' | 'removed' | 'changed';
  @ApiPropertyOptional(ANY_JSON()) from?: unknown;
  @ApiPropertyOptional(ANY_JSON()) to?: unknown;
}

export class DefinitionDiffDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'integer' }) from!: number;
  @ApiProperty({ type: 'integer' }) to!: number;
  @ApiProperty({ type: [JsonChangeDto] }) changes!: JsonChangeDto[];
}

export class RolesInUnitsDto {
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) units!: string[];
}

export class PathStepSenderDto extends RolesInUnitsDto {
  @ApiPropertyOptional({ description: 'The state whose open task the event answers' }) task?: string;
}

export class PathStepDto {
  @ApiProperty() event!: string;
  @ApiPropertyOptional(JSON_OBJECT()) payload?: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Active leaf state paths after the step' }) to!: string[];
  @ApiPropertyOptional({ description: 'Set when the step needed another actor (separation of duties)' }) actorId?: string;
  @ApiPropertyOptional({ type: RolesInUnitsDto, description: 'Set when the step needed an actor without some role or unit (a branch for whoever lacks it): the roles and units it acted with' })
  as?: RolesInUnitsDto;
  @ApiPropertyOptional({ type: PathStepSenderDto, description: "Who may send it in a real case: the candidates of the task it answers, or the event's sentBy; absent when anyone may, or the engine sends it" })
  by?: PathStepSenderDto;
}

export class WorkflowPathDto {
  @ApiProperty({ type: [PathStepDto] }) steps!: PathStepDto[];
  @ApiProperty({ type: [String] }) end!: string[];
  @ApiProperty() done!: boolean;
  @ApiPropertyOptional(JSON_OBJECT({ description: "The start input of this path, when it is not the report's" })) input?: Record<string, unknown>;
}

export class UncoveredReasonDto {
  @ApiProperty({ description: 'The state path, or the transition ("source --EVENT--> target")' }) item!: string;
  @ApiProperty({
    enum: ['input_never_valid', 'no_path', 'parent_not_reached', 'source_not_reached', 'guard_never_true', 'guard_outside_form', 'earlier_transition', 'payload_never_valid', 'never_done', 'deadline_only', 'bound', 'not_taken'],
  })
  code!: string;
  @ApiProperty({ example: 'guard compare(payload.soNguoi > 200) was never true with the sampled payloads', description: 'Why, in English' }) reason!: string;
  @ApiPropertyOptional({ example: 'compare(payload.soNguoi > 200)', description: 'The guard (or its parts) that never held' }) guard?: string;
  @ApiPropertyOptional({ description: 'For a state, the transition into it the reason is about; for a transition, the earlier one taken instead, or its source state' }) via?: string;
  @ApiPropertyOptional({ description: 'The deadline event, or the event whose form refuses the sampled payloads' }) event?: string;
  @ApiPropertyOptional({ type: IssueDto, description: "The form's objection to the payloads (or start input) aimed at the guard" }) issue?: IssueDto;
}

export class CoverageDto {
  @ApiProperty({ type: [String] }) covered!: string[];
  @ApiProperty({ type: [String] }) uncovered!: string[];
  @ApiProperty({ minimum: 0, maximum: 1 }) ratio!: number;
  @ApiProperty({ type: [UncoveredReasonDto], description: 'One per uncovered item, in the same order: why it was never reached' }) reasons!: UncoveredReasonDto[];
}

export class DeadEndDto {
  @ApiProperty({ type: [String] }) state!: string[];
  @ApiProperty({ type: [PathStepDto] }) steps!: PathStepDto[];
}

export class PathReportDto {
  @ApiPropertyOptional(JSON_OBJECT({ description: 'The start input the paths and shortest paths start from (absent when no sampled input is accepted)' })) input?: Record<string, unknown>;
  @ApiProperty({ type: [WorkflowPathDto] }) paths!: WorkflowPathDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/PathStepDto' } }, description: 'State path -> shortest path reaching it' })
  shortest!: Record<string, PathStepDto[]>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', additionalProperties: true }, description: 'State path -> the start input of its shortest path, for states only another input than `input` reaches' })
  shortestInput!: Record<string, Record<string, unknown>>;
  @ApiProperty({ type: CoverageDto }) stateCoverage!: CoverageDto;
  @ApiProperty({ type: CoverageDto }) transitionCoverage!: CoverageDto;
  @ApiProperty({ type: [DeadEndDto] }) deadEnds!: DeadEndDto[];
}

export class DryRunErrorDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ type: [String] }) allowedEvents?: string[];
  @ApiPropertyOptional({ type: [IssueDto] }) issues?: IssueDto[];
}

export class EffectDto {
  @ApiProperty({ example: 'task.open', description: 'task.open, task.close, timer.arm, timer.cancel, notify, child.start…; other members depend on it' }) type!: string;
}

export class DryRunActorDto extends RolesInUnitsDto {
  @ApiProperty({ description: 'The id the engine saw (a username, or the simulated person)' }) id!: string;
  @ApiPropertyOptional({ description: 'Set when the step was taken as a named user' }) user?: string;
}

export class DryRunAnsweredTaskDto extends RolesInUnitsDto {
  @ApiProperty() state!: string;
  @ApiProperty({ description: 'Whether the actor is one of its candidates' }) candidate!: boolean;
}

export class DryRunTaskDto extends RolesInUnitsDto {
  @ApiProperty() state!: string;
  @ApiProperty({ type: LocalizedText }) title!: LocalizedText;
  @ApiProperty({ enum: ['low', 'normal', 'high', 'urgent'] }) priority!: string;
  @ApiProperty({ type: [String] }) outcomes!: string[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'The nearest deadline running on its state, on the working calendar' }) dueAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, description: "The limit's last day (Vietnam), for day-counted limits" }) dueDate!: string | null;
}

export class DryRunReminderDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: [String], description: "Who is reminded: the task's candidate roles" }) roles!: string[];
  @ApiPropertyOptional({ type: LocalizedText }) message?: LocalizedText;
}

export class DryRunNotifyDto {
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) users!: string[];
  @ApiProperty({ type: LocalizedText }) message!: LocalizedText;
}

export class DryRunEscalationDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ enum: ['low', 'normal', 'high', 'urgent'] }) priority?: string;
  @ApiProperty({ type: [String] }) addRoles!: string[];
  @ApiPropertyOptional({ type: DryRunNotifyDto }) notify?: DryRunNotifyDto;
}

export class DryRunDeadlineDto {
  @ApiProperty() key!: string;
  @ApiProperty() state!: string;
  @ApiPropertyOptional({ type: LocalizedText }) label?: LocalizedText;
  @ApiProperty({ description: 'What it counts from' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) dueDate!: string | null;
  @ApiPropertyOptional({ description: 'The event sent when it falls due' }) event?: string;
  @ApiProperty({ type: [DryRunReminderDto] }) reminders!: DryRunReminderDto[];
  @ApiPropertyOptional({ type: DryRunEscalationDto }) escalation?: DryRunEscalationDto;
}

export class DryRunExtendedDto {
  @ApiProperty() key!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) dueDate!: string | null;
}

export class DryRunTasksDto {
  @ApiProperty({ type: [DryRunTaskDto], description: 'Opened by the step' }) opened!: DryRunTaskDto[];
  @ApiProperty({ type: [String], description: 'States whose task the step closed' }) closed!: string[];
  @ApiProperty({ type: [DryRunTaskDto], description: 'Open after the step' }) open!: DryRunTaskDto[];
}

export class DryRunDeadlinesDto {
  @ApiProperty({ type: [DryRunDeadlineDto] }) armed!: DryRunDeadlineDto[];
  @ApiProperty({ type: [String] }) cancelled!: string[];
  @ApiProperty({ type: [DryRunExtendedDto] }) extended!: DryRunExtendedDto[];
}

export class DryRunNotificationDto extends RolesInUnitsDto {
  @ApiProperty({ enum: ['task-assigned', 'message', 'escalation'] }) kind!: string;
  @ApiProperty({ type: [String] }) users!: string[];
  @ApiProperty({ type: LocalizedText }) title!: LocalizedText;
  @ApiPropertyOptional() state?: string;
}

export class DryRunWarningDto {
  @ApiProperty({ example: 'not_allowed' }) code!: string;
  @ApiProperty() message!: string;
}

export class DryRunStepResultDto {
  @ApiProperty() event!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ type: DryRunErrorDto }) error?: DryRunErrorDto;
  @ApiProperty(STATE_VALUE()) state!: unknown;
  @ApiProperty({ type: [String] }) activeStates!: string[];
  @ApiProperty(JSON_OBJECT()) context!: Record<string, unknown>;
  @ApiProperty({ enum: ['active', 'done'] }) status!: 'active' | 'done';
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true, required: ['type'], properties: { type: { type: 'string' } } } }) effects!: EffectDto[];
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: DryRunActorDto, description: 'Who took the step' }) actor!: DryRunActorDto;
  @ApiPropertyOptional({ type: DryRunAnsweredTaskDto, description: 'The open task the event answers' }) answers?: DryRunAnsweredTaskDto;
  @ApiPropertyOptional({ description: 'The deadline that fell due with this step (its event)' }) firesDeadline?: string;
  @ApiProperty({ type: DryRunTasksDto }) tasks!: DryRunTasksDto;
  @ApiProperty({ type: DryRunDeadlinesDto }) deadlines!: DryRunDeadlinesDto;
  @ApiProperty({ type: [DryRunNotificationDto] }) notifications!: DryRunNotificationDto[];
  @ApiProperty({ type: [DryRunWarningDto], description: 'E.g. a real case would refuse the step (the caller is not a candidate)' }) warnings!: DryRunWarningDto[];
}

export class DryRunResultDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: [DryRunStepResultDto] }) steps!: DryRunStepResultDto[];
}

export class RunningVersionDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ enum: ['published', 'retired'] }) status!: string;
  @ApiProperty({ type: 'integer' }) runningInstances!: number;
}

/** A version just published, with the older ones that still run cases (migrate them, or retire those versions). */
export class PublishedDefinitionDto extends DefinitionSummaryDto {
  @ApiProperty({ type: [RunningVersionDto] }) runningOnOlder!: RunningVersionDto[];
}

export class MigrationPlanDto {
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ type: 'integer' }) fromVersion!: number;
  @ApiProperty({ type: 'integer' }) toVersion!: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) stateMap?: Record<string, string>;
  @ApiPropertyOptional({ type: [String] }) instanceIds?: string[];
  @ApiPropertyOptional() keepClaims?: boolean;
  @ApiPropertyOptional() keepDeadlineStarts?: boolean;
}

export class MigrationTaskChangeDto {
  @ApiProperty() state!: string;
  @ApiProperty({ enum: ['kept', 'closed', 'opened'] }) change!: 'kept' | 'closed' | 'opened';
  @ApiPropertyOptional({ type: 'string', nullable: true }) assignee?: string | null;
  @ApiPropertyOptional({ description: "Why a claimed task is not kept" }) note?: string;
}

export class MigrationDeadlineChangeDto {
  @ApiProperty() key!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ enum: ['kept', 'restarted', 'armed', 'cancelled', 'passed'] }) change!: 'kept' | 'restarted' | 'armed' | 'cancelled' | 'passed';
  @ApiPropertyOptional() startAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) dueAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) previousDueAt?: string;
}

export class MigrationVerdictDto {
  @ApiProperty({ format: 'uuid' }) instanceId!: string;
  @ApiProperty({ type: 'string', nullable: true }) businessKey!: string | null;
  @ApiProperty({ type: [String] }) from!: string[];
  @ApiProperty({ type: [String], nullable: true }) to!: string[] | null;
  @ApiProperty() movable!: boolean;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: [MigrationTaskChangeDto], description: 'For a case that can move: its tasks kept (with the claim), closed or opened' }) tasks?: MigrationTaskChangeDto[];
  @ApiPropertyOptional({ type: [MigrationDeadlineChangeDto], description: 'For a case that can move: its deadlines kept, restarted, armed, cancelled or left passed' }) deadlines?: MigrationDeadlineChangeDto[];
}

/** dryRun: true — who can move and why not. */
export class MigrationDryRunDto {
  @ApiProperty({ type: MigrationPlanDto }) plan!: MigrationPlanDto;
  @ApiProperty({ type: [MigrationVerdictDto] }) instances!: MigrationVerdictDto[];
  @ApiProperty({ type: 'integer' }) movable!: number;
  @ApiProperty({ type: 'integer' }) blocked!: number;
}

/** The migration applied. */
export class MigrationResultDto {
  @ApiProperty({ type: [String], description: 'Ids of the instances moved' }) moved!: string[];
  @ApiProperty({ type: [MigrationVerdictDto] }) blocked!: MigrationVerdictDto[];
}
