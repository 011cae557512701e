import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class UploadFileDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The document: PDF, DOCX, XLSX, ODT, JPEG, PNG or TIFF (decided by its bytes), at most FILE_MAX_BYTES' })
  file!: unknown;
}

export class FileDto {
  @ApiProperty({ format: 'uuid', description: 'Give it in a file field of an event payload to attach it' }) id!: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256 of the bytes (hex)' }) sha256!: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size!: number;
  @ApiProperty({ example: 'application/pdf', description: 'Decided from the bytes, not the name' }) contentType!: string;
  @ApiProperty({ example: 'Đơn khiếu nại.pdf', description: 'The name as sent, sanitised (no path, no control characters, NFC)' }) name!: string;
  @ApiProperty({ description: 'Username of the uploader' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The case it is attached to (absent while unbound)' }) instanceId?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'The history row that attached it' }) seq?: number;
  @ApiPropertyOptional({ description: 'The state (step) it was attached in' }) state?: string;
  @ApiPropertyOptional({ description: 'The event that attached it' }) event?: string;
  @ApiPropertyOptional({ description: 'The payload field (JSON pointer) that named it' }) field?: string;
  @ApiPropertyOptional({ format: 'date-time' }) boundAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When an unbound upload is removed' }) expiresAt?: string;
}

export class FileTypeDto {
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty({ example: 'PDF' }) label!: string;
  @ApiProperty({ type: [String], example: ['.pdf'] }) extensions!: string[];
}

export class FileLimitsDto {
  @ApiProperty({ type: 'integer', description: 'FILE_MAX_BYTES: the largest upload accepted' }) maxBytes!: number;
  @ApiProperty({ type: [FileTypeDto], description: 'What an upload may be (decided by its bytes)' }) types!: FileTypeDto[];
}

export class FileListDto {
  @ApiProperty({ type: [FileDto] }) items!: FileDto[];
}
