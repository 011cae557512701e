import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { takeOverResponse } from '../common/raw-response.js';
import { AuditSearchService, InstanceAuditService, LedgerService } from '#libs/audit';
import type { Principal } from '#libs/core';
import { AdminOnly } from '../auth/auth.decorators.js';
import { CurrentPrincipal, Meta } from '../common/request-context.js';
import type { RequestMeta } from '#libs/runtime';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AuditLogQuery, ExportQuery, HistorySearchPage, StateAtQuery, type HistorySearchQuery } from './dto/audit.dto.js';
import { ApiErrors, ApiJson, ApiMedia, CONTENT_DISPOSITION, SignedIn } from '../common/openapi.js';
import { AuditLogPageDto, AuditPageDto, InstanceVerificationDto, LedgerVerificationDto, SealResultDto, StateAtDto } from './dto/audit-responses.dto.js';

const filters = (q: HistorySearchQuery) => ({ ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined });

@ApiTags('audit')
@SignedIn()
@Controller()
export class AuditController {
  constructor(
    private readonly search: AuditSearchService,
    private readonly ledger: LedgerService,
    private readonly instances: InstanceAuditService,
  ) {}

  @ApiJson(AuditPageDto, { description: 'A page of transitions, in global order' })
  @ApiErrors(400, 403)
  @Get('audit')
  @AdminOnly()
  @ApiOperation({ summary: 'Transitions across instances by actor, unit, definition, event, business key and time (admins and auditors)' })
  history(@Query() q: HistorySearchPage) {
    return this.search.search(filters(q), { afterGseq: q.cursor, limit: q.limit ?? 50 });
  }

  @ApiJson(AuditLogPageDto, { description: 'A page of audit log entries' })
  @ApiErrors(400, 403)
  @Get('audit/log')
  @AdminOnly()
  @ApiOperation({ summary: 'Actions that are not transitions: tasks claimed or delegated, definitions published, users, tokens, calendar, failed sign-ins' })
  log(@Query() q: AuditLogQuery) {
    return this.search.searchLog({ actor: q.actor, action: q.action, subject: q.subject, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined }, { afterId: q.cursor, limit: q.limit ?? 50 });
  }

  @ApiMedia({ 'application/x-ndjson': { type: 'string', description: 'One AuditRowDto as JSON per line' }, 'text/csv': { type: 'string', description: 'UTF-8 with BOM, one row per transition' } }, { description: 'Every transition of the search (format=ndjson, the default, or csv)', headers: CONTENT_DISPOSITION })
  @ApiErrors(400, 403)
  @Get('audit/export')
  @AdminOnly()
  @ApiOperation({ summary: 'Every transition of a search, streamed as NDJSON or CSV (UTF-8 with BOM)' })
  async export(@Query() q: ExportQuery, @Res() reply: FastifyReply) {
    const format = q.format ?? 'ndjson';
    const res = takeOverResponse(reply);
    res.statusCode = 200;
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="phoihop-audit.${format === 'csv' ? 'csv' : 'ndjson'}"`);
    try {
      await this.search.export(filters(q), format, res);
    } finally {
      res.end();
    }
  }

  @ApiJson(LedgerVerificationDto, { description: 'ok, or the first broken entry and why' })
  @ApiErrors(403)
  @Get('audit/verify')
  @AdminOnly()
  @ApiOperation({ summary: 'Re-walk the global ledger: ok, or the first broken entry and why' })
  verify() {
    return this.ledger.verify();
  }

  @ApiJson(SealResultDto, { description: 'How many entries were added, and the head of the ledger' })
  @ApiErrors(403, 413, 429)
  @Post('audit/seal')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Seal the rows written so far into the ledger now (the worker does it every interval)' })
  async seal() {
    return { added: await this.ledger.seal(), head: (await this.ledger.head()) ?? null };
  }

  @ApiJson(InstanceVerificationDto, { description: 'ok, or the first broken row and why' })
  @ApiErrors(400, 404)
  @Get('instances/:id/history/verify')
  @ApiOperation({ summary: "Check one instance's hash chain and replay it: ok, or the first broken row and why" })
  verifyInstance(@Param('id', new UuidPipe('id')) id: string, @CurrentPrincipal() p: Principal) {
    return this.instances.verify(id, p);
  }

  @ApiJson(StateAtDto, { description: 'The state and context after that row' })
  @ApiErrors(400, 404, 409)
  @Get('instances/:id/state')
  @ApiOperation({ summary: 'The instance as it was after history row `seq`, or at instant `at`, rebuilt by replay' })
  stateAt(@Param('id', new UuidPipe('id')) id: string, @Query() q: StateAtQuery, @Meta() meta: RequestMeta & { principal: Principal }) {
    return this.instances.stateAt(id, { seq: q.seq, at: q.at ? new Date(q.at) : undefined }, meta.principal, meta.requestId);
  }
}
