import { Body, Controller, Delete, Get, Header, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { DefinitionRecord } from '#libs/persistence';
import { DefinitionAdminService, DefinitionsService, InstanceQueries, MigrationService } from '#libs/runtime';
import { actorOf, DomainError, ErrorCode, type Principal } from '#libs/core';
import { AdminOnly } from '../auth/auth.decorators.js';
import { CurrentPrincipal } from '../common/request-context.js';
import { DiagramQuery, DiffQuery, DryRunDto, MigrationDto, SourceDto, PreviewDiagramDto } from './dto/definitions.dto.js';
import { ApiEmpty, ApiErrors, ApiJson, ApiMedia, SignedIn } from '../common/openapi.js';
import { DefinitionCheckDto, DefinitionDiffDto, DefinitionLatestListDto, DefinitionVersionDto, DefinitionVersionListDto, DraftDto, DryRunResultDto, MigrationDryRunDto, MigrationResultDto, PathReportDto, PublishedDefinitionDto, RetiredDefinitionDto } from './dto/definition-responses.dto.js';

const summary = (d: DefinitionRecord) => ({
  id: d.id,
  key: d.key,
  version: d.version,
  status: d.status,
  title: d.title,
  checksum: d.checksum,
  createdAt: d.createdAt.toISOString(),
  publishedAt: d.publishedAt?.toISOString() ?? null,
  startableBy: (d.source as { startableBy?: { roles: string[]; units?: string[] } } | undefined)?.startableBy ?? null,
});

const versionPipe = new ParseIntPipe({
  exceptionFactory: () =>
    new DomainError(ErrorCode.ValidationFailed, 'version must be a whole number', { problems: [{ field: 'version', reason: 'must be a whole number' }] }),
});

@ApiTags('definitions')
@SignedIn()
@Controller('definitions')
export class DefinitionsController {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly admin: DefinitionAdminService,
    private readonly migrations: MigrationService,
    private readonly instances: InstanceQueries,
  ) {}

  @ApiJson(DefinitionCheckDto, { description: 'valid, every issue and warning' })
  @ApiErrors(400, 403, 413, 429)
  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Every problem of a definition at once, each with a JSON pointer; warnings for roles no user holds' })
  validate(@Body() dto: SourceDto) {
    return this.admin.check(dto.source);
  }

  @ApiMedia({ 'text/plain': { type: 'string', description: 'Mermaid stateDiagram-v2 source' } }, { description: 'The diagram' })
  @ApiErrors(400, 403, 413, 429)
  @Post('diagram')
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Mermaid stateDiagram-v2 of a definition not saved yet (the editor preview); 400 with its problems when invalid' })
  previewDiagram(@Body() dto: PreviewDiagramDto) {
    return this.admin.previewDiagram(dto.source, dto.lang, { collapse: dto.collapse, depth: dto.depth });
  }

  @ApiJson(DraftDto, { status: 201, description: 'The draft, with its check' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Create a draft: the next version of its key, editable until published' })
  async createDraft(@Body() dto: SourceDto, @CurrentPrincipal() p: Principal) {
    const { draft, check } = await this.admin.createDraft(dto.source, actorOf(p));
    return { ...summary(draft), source: draft.source, check };
  }

  @ApiJson(DraftDto, { description: 'The draft, with its check' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Put(':key/versions/:version')
  @AdminOnly()
  @ApiOperation({ summary: 'Edit a draft (published versions never change)' })
  async updateDraft(@Param('key') key: string, @Param('version', versionPipe) version: number, @Body() dto: SourceDto, @CurrentPrincipal() p: Principal) {
    const { draft, check } = await this.admin.updateDraft(key, version, dto.source, actorOf(p));
    return { ...summary(draft), source: draft.source, check };
  }

  @ApiOperation({ summary: 'Delete a draft (published versions never change)' })
  @ApiEmpty('Deleted')
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Delete(':key/versions/:version')
  @AdminOnly()
  @HttpCode(204)
  async deleteDraft(@Param('key') key: string, @Param('version', versionPipe) version: number, @CurrentPrincipal() p: Principal) {
    await this.admin.deleteDraft(key, version, actorOf(p));
  }

  @ApiJson(PublishedDefinitionDto, { description: 'Published, with the older versions that still run cases' })
  @ApiErrors(400, 403, 404, 409, 413, 422, 429)
  @Post(':key/versions/:version/publish')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: immutable, checksummed; refused while invalid or while a reachable state has no way out' })
  async publish(@Param('key') key: string, @Param('version', versionPipe) version: number, @CurrentPrincipal() p: Principal) {
    const published = await this.admin.publish(key, version, actorOf(p));
    return { ...summary(published), runningOnOlder: published.runningOnOlder };
  }

  @ApiJson(RetiredDefinitionDto, { description: 'Retired, with how many instances still run on it' })
  @ApiErrors(400, 403, 404, 409, 413, 429)
  @Post(':key/versions/:version/retire')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a version: no new instances; running ones go on' })
  async retire(@Param('key') key: string, @Param('version', versionPipe) version: number, @CurrentPrincipal() p: Principal) {
    const r = await this.admin.retire(key, version, actorOf(p));
    return { ...summary(r), runningInstances: r.runningInstances };
  }

  @ApiJson(DefinitionDiffDto, { description: 'The changes' })
  @ApiErrors(400, 404)
  @Get(':key/diff')
  @ApiOperation({ summary: 'What changed between two versions, by JSON pointer' })
  diff(@Param('key') key: string, @Query() q: DiffQuery) {
    return this.admin.diff(key, q.from, q.to);
  }

  @ApiMedia({ 'text/plain': { type: 'string', description: 'Mermaid stateDiagram-v2 source' } }, { description: 'The diagram' })
  @ApiErrors(400, 404)
  @Get(':key/versions/:version/diagram')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Mermaid stateDiagram-v2 (nested and parallel states, readable guards, deadlines); ?instance=ID marks its current state; ?collapse=…&depth=N fold compound states' })
  async diagram(@Param('key') key: string, @Param('version', versionPipe) version: number, @Query() q: DiagramQuery, @CurrentPrincipal() p: Principal) {
    const state = q.instance ? (await this.instances.get(q.instance, p)).state : undefined;
    return this.admin.diagram(key, version, { instanceState: state, lang: q.lang, collapse: q.collapse, depth: q.depth, guards: q.guards });
  }

  @ApiJson(PathReportDto, { description: 'Paths, coverage and dead ends' })
  @ApiErrors(400, 404)
  @Get(':key/versions/:version/paths')
  @ApiOperation({ summary: 'Paths through the workflow, shortest path to each state, state and transition coverage, dead ends' })
  paths(@Param('key') key: string, @Param('version', versionPipe) version: number) {
    return this.admin.paths(key, version);
  }

  @ApiJson(DryRunResultDto, { description: 'Each step: accepted or refused, who acted, the state, context and effects after it, the tasks with their candidates and due dates, deadlines with reminders and escalations, notifications' })
  @ApiErrors(400, 403, 404, 413, 429)
  @Post(':key/versions/:version/dry-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Step a sandbox instance through chosen events with simulated time, as the caller, a role or a test user; nothing is written' })
  dryRun(@Param('key') key: string, @Param('version', versionPipe) version: number, @Body() dto: DryRunDto, @CurrentPrincipal() p: Principal) {
    return this.admin.dryRun(key, version, dto, p);
  }

  @ApiExtraModels(MigrationDryRunDto, MigrationResultDto)
  @ApiMedia({ 'application/json': { oneOf: [{ $ref: getSchemaPath(MigrationDryRunDto) }, { $ref: getSchemaPath(MigrationResultDto) }] } }, { description: 'dryRun: who can move and why not; otherwise who moved and who is blocked' })
  @ApiErrors(400, 403, 404, 409, 413, 422, 429)
  @Post(':key/migrations')
  @AdminOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move running instances to another version by a state map; dryRun lists who can move and why not' })
  migrate(@Param('key') key: string, @Body() dto: MigrationDto, @CurrentPrincipal() p: Principal) {
    const plan = { definitionKey: key, fromVersion: dto.fromVersion, toVersion: dto.toVersion, stateMap: dto.stateMap, instanceIds: dto.instanceIds, keepClaims: dto.keepClaims, keepDeadlineStarts: dto.keepDeadlineStarts };
    return dto.dryRun ? this.migrations.dryRun(plan) : this.migrations.apply(plan, actorOf(p));
  }

  @ApiJson(DefinitionLatestListDto, { description: 'The workflows' })
  @Get()
  @ApiOperation({ summary: 'Every workflow key with its newest version' })
  async list() {
    const rows = await this.definitions.list();
    return { items: rows.map((d) => ({ ...summary(d), versions: d.versions, roles: (d.source as { roles?: Record<string, { vi: string; en: string }> } | undefined)?.roles ?? {} })) };
  }

  @ApiJson(DefinitionVersionListDto, { description: 'The versions' })
  @ApiErrors(404)
  @Get(':key')
  @ApiOperation({ summary: 'The versions of one workflow, newest first' })
  async versions(@Param('key') key: string) {
    return { items: (await this.definitions.versions(key)).map(summary) };
  }

  @ApiJson(DefinitionVersionDto, { description: 'The version with its source' })
  @ApiErrors(400, 404)
  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version with its source' })
  async version(@Param('key') key: string, @Param('version', versionPipe) version: number) {
    const d = await this.definitions.version(key, version);
    return { ...summary(d), source: d.source };
  }
}
