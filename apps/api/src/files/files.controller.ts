import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { takeOverResponse } from '../common/raw-response.js';
import { pipeline } from 'node:stream/promises';
import type { Principal } from '#libs/core';
import { ALLOWED_TYPES, TYPE_EXTENSIONS, contentDisposition, FILES_OPTIONS, FilesService, type FilesOptions } from '#libs/files';
import { ErrorResponseDto } from '../common/dto/common.dto.js';
import { ApiErrors, ApiJson, ApiMedia, CONTENT_DISPOSITION, REQUEST_ID, SignedIn, SignedInWrite } from '../common/openapi.js';
import { CurrentPrincipal } from '../common/request-context.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { FileDto, FileLimitsDto, FileListDto, UploadFileDto } from './dto/files.dto.js';
import { readUploadPart } from './multipart.js';

type AuthedRequest = FastifyRequest & { principal?: Principal };

@ApiTags('files')
@Controller('files')
export class FilesController {
  private readonly logger = new Logger('Files');

  constructor(
    private readonly files: FilesService,
    @Inject(FILES_OPTIONS) private readonly options: FilesOptions,
  ) {}

  @SignedInWrite()
  @ApiJson(FileDto, { status: 201, description: 'Stored (unbound until an event names it; removed after a day otherwise)' })
  @ApiErrors(400)
  @ApiResponse({ status: 413, description: 'FILE_TOO_LARGE: over FILE_MAX_BYTES (details.limit); nothing is stored', type: ErrorResponseDto, headers: REQUEST_ID })
  @ApiResponse({ status: 415, description: 'FILE_TYPE_REFUSED: the bytes are not an accepted type (details.detectedType, details.accepted)', type: ErrorResponseDto, headers: REQUEST_ID })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileDto })
  @Post()
  @ApiOperation({ summary: 'Upload a document (multipart field "file"), streamed to storage; attach it by giving its id in an event' })
  async upload(@Req() req: AuthedRequest, @CurrentPrincipal() principal: Principal) {
    const part = await readUploadPart(req.raw, this.options.maxBytes);
    try {
      const view = await this.files.upload(part.stream, part.filename, principal);
      await part.finished;
      return view;
    } catch (error) {
      part.stream.resume();
      await part.drain();
      throw error;
    }
  }

  @SignedIn()
  @ApiJson(FileLimitsDto, { description: 'The size limit and accepted types, for a form to show before anything is sent' })
  @ApiErrors(400)
  @Get('limits')
  @ApiOperation({ summary: 'What an upload may be: the size limit and the accepted types' })
  limits(): FileLimitsDto {
    return { maxBytes: this.options.maxBytes, types: [...ALLOWED_TYPES].map(([contentType, label]) => ({ contentType, label, extensions: TYPE_EXTENSIONS[contentType] ?? [] })) };
  }

  @SignedIn()
  @ApiJson(FileDto, { description: 'The file' })
  @ApiErrors(400, 404)
  @Get(':id')
  @ApiOperation({ summary: "A file's name, type, size, digest and the case step it is attached to" })
  info(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.files.info(id, principal);
  }

  @SignedIn()
  @ApiMedia(Object.fromEntries([...ALLOWED_TYPES].map(([type, label]) => [type, { type: 'string', format: 'binary', description: `${label}: the bytes, always as an attachment` }])), {
    description: 'The file, checked against its digest as it streams (a changed file is cut off, never served whole)',
    headers: {
      ...CONTENT_DISPOSITION,
      'X-Content-Type-Options': { description: 'nosniff', schema: { type: 'string' } },
      ETag: { required: true, description: 'The SHA-256 of the bytes, quoted', schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 404)
  @Get(':id/content')
  @ApiOperation({ summary: 'Download a file (Content-Disposition: attachment)' })
  async content(@Param('id', new UuidPipe('id')) id: string, @Req() req: AuthedRequest, @Res() reply: FastifyReply) {
    const { file, stream } = await this.files.open(id, req.principal, req.id);
    const res = takeOverResponse(reply);
    res.statusCode = 200;
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', contentDisposition(file.name));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Even opened directly, the bytes run no script and load nothing.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${file.sha256}"`);
    try {
      await pipeline(stream, res);
    } catch (error) {
      this.logger.error(`download of file ${file.id} cut off: ${(error as Error).message}`);
      res.destroy();
    }
  }
}

@ApiTags('files')
@SignedIn()
@Controller('instances')
export class InstanceFilesController {
  constructor(private readonly files: FilesService) {}

  @ApiJson(FileListDto, { description: "The case's attachments, in the order its steps attached them" })
  @ApiErrors(400, 404)
  @Get(':id/files')
  @ApiOperation({ summary: "A case's attachments: name, step, who, when, size, digest" })
  async list(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return { items: await this.files.listForInstance(id, principal) };
  }
}
