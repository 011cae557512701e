import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '#libs/core';
import { DocumentsService } from '#libs/documents';
import { ApiErrors, ApiJson, SignedIn } from '../common/openapi.js';
import { CurrentPrincipal } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { DocumentListDto } from './dto/documents.dto.js';

@ApiTags('files')
@SignedIn()
@Controller('instances')
export class InstanceDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @ApiJson(DocumentListDto, { description: "The case's generated documents, in the order its steps issued them" })
  @ApiErrors(400, 404)
  @Get(':id/documents')
  @ApiOperation({ summary: "A case's generated documents: number, step, when, the DOCX and its PDF rendition (or why there is none)" })
  async list(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return { items: await this.documents.listForInstance(id, principal) };
  }
}
