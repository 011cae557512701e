import { ApiProperty } from '@nestjs/swagger';
import { LocalizedText } from '../../common/dto/common.dto.js';

export class DocumentFileDto {
  @ApiProperty({ format: 'uuid', description: 'Download it from GET /files/{id}/content' }) fileId!: string;
  @ApiProperty({ description: 'SHA-256 of the bytes (hex)' }) sha256!: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size!: number;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'quyet-dinh-giai-quyet', description: "The document's key in the definition" }) key!: string;
  @ApiProperty({ type: LocalizedText }) title!: LocalizedText;
  @ApiProperty({ example: '01/QĐ-UBND', description: 'Số and ký hiệu, from the register (gap-free per series, issuing body and year)' }) number!: string;
  @ApiProperty({ type: 'integer', description: 'The history row that recorded its number and digest' }) seq!: number;
  @ApiProperty({ description: 'The step (state) that issued it' }) state!: string;
  @ApiProperty({ description: 'The event that issued it' }) event!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: DocumentFileDto, description: 'The DOCX, as issued' }) docx!: DocumentFileDto;
  @ApiProperty({ type: DocumentFileDto, nullable: true, description: 'The PDF rendition; null while pending or when none can be made' }) pdf!: DocumentFileDto | null;
  @ApiProperty({ enum: ['pending', 'done', 'unavailable', 'failed'], description: 'pending: made shortly after the step; unavailable: LibreOffice is not installed; failed: three attempts failed' })
  pdfStatus!: 'pending' | 'done' | 'unavailable' | 'failed';
  @ApiProperty({ type: String, nullable: true, example: 'soffice not installed', description: 'Why there is no PDF (unavailable or failed)' }) pdfUnavailable!: string | null;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] }) items!: DocumentDto[];
}
