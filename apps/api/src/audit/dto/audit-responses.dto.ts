import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANY_JSON, JSON_OBJECT, STATE_VALUE } from '../../common/dto/common.dto.js';

/** One transition, as the cross-instance search and its exports give it. */
export class AuditFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'The payload field (JSON pointer) that named it' }) field!: string;
}

/** A paper a step issued (generated documents, docs/documents.md). */
export class AuditDocumentDto {
  @ApiProperty({ description: "The definition's document key" }) key!: string;
  @ApiProperty({ description: 'Its number, e.g. 01/TB-UBND' }) number!: string;
  @ApiProperty({ format: 'uuid', description: 'The DOCX file' }) fileId!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: 'integer' }) size!: number;
}

export class AuditRowDto {
  @ApiProperty({ description: 'Global sequence number (a decimal string)' }) gseq!: string;
  @ApiProperty({ format: 'uuid' }) instanceId!: string;
  @ApiProperty() definitionKey!: string;
  @ApiProperty({ type: 'integer' }) definitionVersion!: number;
  @ApiProperty({ type: 'string', nullable: true }) businessKey!: string | null;
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() event!: string;
  @ApiProperty({ description: 'username' }) actor!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) units!: string[];
  @ApiProperty(STATE_VALUE({ nullable: true })) from!: unknown;
  @ApiProperty(STATE_VALUE()) to!: unknown;
  @ApiProperty(ANY_JSON({ description: 'The form as sent, confidential fields always "[giữ bí mật]" (the hash covers the stored values)' })) payload!: unknown;
  @ApiProperty({ type: 'string', nullable: true }) comment!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) requestId!: string | null;
  @ApiProperty() hash!: string;
  @ApiPropertyOptional({ type: [AuditFileDto], description: 'The documents this step attached (in the hash chain)' }) files?: AuditFileDto[];
  @ApiPropertyOptional({ type: [AuditDocumentDto], description: 'The papers this step issued, with their numbers (in the hash chain)' }) documents?: AuditDocumentDto[];
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditRowDto] }) items!: AuditRowDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

/** An action that is not a transition (a task claimed, a definition published, a failed sign-in…). */
export class AuditLogEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() gseq!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty(ANY_JSON()) actor!: unknown;
  @ApiProperty({ example: 'task.delegated' }) action!: string;
  @ApiProperty({ type: 'string', nullable: true }) subjectType!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) subjectId!: string | null;
  @ApiProperty(ANY_JSON()) data!: unknown;
  @ApiProperty({ type: 'string', nullable: true }) requestId!: string | null;
  @ApiProperty() hash!: string;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogEntryDto] }) items!: AuditLogEntryDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor!: string | null;
}

export class LedgerBreakDto {
  @ApiProperty() gseq!: string;
  @ApiProperty() kind!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true }) instanceId?: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) seq?: number | null;
  @ApiProperty() reason!: string;
}

export class LedgerVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'string', nullable: true }) sealedUpTo!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) head!: string | null;
  @ApiProperty({ type: 'integer' }) checked!: number;
  @ApiPropertyOptional({ type: LedgerBreakDto }) broken?: LedgerBreakDto;
}

export class LedgerEntryDto {
  @ApiProperty() gseq!: string;
  @ApiProperty({ enum: ['history', 'audit', 'gap'] }) kind!: 'history' | 'audit' | 'gap';
  @ApiProperty({ type: 'string', nullable: true }) rowHash!: string | null;
  @ApiProperty() chainHash!: string;
}

export class SealResultDto {
  @ApiProperty({ type: 'integer', description: 'Entries added' }) added!: number;
  @ApiProperty({ type: LedgerEntryDto, nullable: true }) head!: LedgerEntryDto | null;
}

export class ChainBreakDto {
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty() reason!: string;
}

export class FileCheckDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', description: 'The history row that attached it' }) seq!: number;
  @ApiProperty({ description: 'The payload field (JSON pointer)' }) field!: string;
  @ApiProperty({ description: 'The SHA-256 its history row recorded' }) sha256!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: 'Why it failed' }) reason?: string;
}

export class InstanceVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ format: 'uuid' }) instanceId!: string;
  @ApiProperty({ type: 'integer' }) rows!: number;
  @ApiProperty({ type: 'string', nullable: true }) head!: string | null;
  @ApiProperty({
    type: 'integer',
    description: 'Rows 1..sealedRows are sealed into the global ledger and each matches its ledger entry; later rows are younger than the last seal (0 when broken)',
  })
  sealedRows!: number;
  @ApiPropertyOptional({ type: ChainBreakDto }) broken?: ChainBreakDto;
  @ApiPropertyOptional({ type: [FileCheckDto], description: 'Every attached file, re-hashed from storage' }) files?: FileCheckDto[];
}

export class StateAtDto {
  @ApiProperty({ format: 'uuid' }) instanceId!: string;
  @ApiProperty({ type: 'integer' }) seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() event!: string;
  @ApiProperty(STATE_VALUE()) state!: unknown;
  @ApiProperty(JSON_OBJECT({ description: 'The replayed case data; a confidential field the caller may not read holds "[giữ bí mật]"' })) context!: Record<string, unknown>;
  @ApiProperty({ enum: ['active', 'done'] }) status!: 'active' | 'done';
}
