import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DefinitionsService } from '#libs/runtime';
import type { DefinitionRecord } from '#libs/persistence';
import { DomainError, ErrorCode } from '#libs/runtime';

const summary = (d: DefinitionRecord) => ({
  id: d.id,
  key: d.key,
  version: d.version,
  status: d.status,
  title: d.title,
  checksum: d.checksum,
  createdAt: d.createdAt.toISOString(),
  publishedAt: d.publishedAt?.toISOString() ?? null,
});

const versionPipe = new ParseIntPipe({
  exceptionFactory: () =>
    new DomainError(ErrorCode.ValidationFailed, 'version must be a whole number', { problems: [{ field: 'version', reason: 'must be a whole number' }] }),
});

@ApiTags('definitions')
@Controller('definitions')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Get()
  @ApiOperation({ summary: 'Every workflow key with its newest version' })
  async list() {
    const rows = await this.definitions.list();
    return { items: rows.map((d) => ({ ...summary(d), versions: d.versions })) };
  }

  @Get(':key')
  @ApiOperation({ summary: 'The versions of one workflow, newest first' })
  async versions(@Param('key') key: string) {
    return { items: (await this.definitions.versions(key)).map(summary) };
  }

  @Get(':key/versions/:version')
  @ApiOperation({ summary: 'One version with its source' })
  async version(@Param('key') key: string, @Param('version', versionPipe) version: number) {
    const d = await this.definitions.version(key, version);
    return { ...summary(d), source: d.source };
  }
}
