import { Injectable, Logger } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { join } from 'node:path';
import { DefinitionsService } from './definitions.service.js';
import { DomainError } from '#libs/core';

export interface LoadReport {
  file: string;
  key?: string;
  version?: number;
  outcome: 'published' | 'unchanged' | 'invalid';
  problems?: unknown;
}

/** Publishes the definitions shipped in a folder (`workflows/` by default) when they are new or changed. */
@Injectable()
export class WorkflowLoaderService {
  private readonly logger = new Logger(WorkflowLoaderService.name);

  constructor(private readonly definitions: DefinitionsService) {}

  async loadFolder(folder: string): Promise<LoadReport[]> {
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    const reports: LoadReport[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const file = join(folder, name);
      let source: unknown;
      try {
        source = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        reports.push({ file, outcome: 'invalid', problems: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      try {
        source = await inlineTemplates(source, folder);
      } catch (error) {
        reports.push({ file, outcome: 'invalid', problems: `a document template cannot be read: ${(error as Error).message}` });
        continue;
      }
      try {
        const { definition, created } = await this.definitions.publish(source);
        reports.push({ file, key: definition.key, version: definition.version, outcome: created ? 'published' : 'unchanged' });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        reports.push({ file, outcome: 'invalid', problems: error.details?.issues ?? error.message });
      }
    }
    for (const r of reports) {
      if (r.outcome === 'invalid') this.logger.error(`${r.file} was not published: ${JSON.stringify(r.problems)}`);
      else this.logger.log(`${r.file}: ${r.key} v${r.version} ${r.outcome}`);
    }
    return reports;
  }
}

/**
 * Puts the bytes of each document's template file (a path relative to the workflows folder) into
 * the definition as base64 `templateData`, so that the published version carries its templates
 * and never changes when the file does; an edited template publishes a new version.
 */
export async function inlineTemplates(source: unknown, folder: string): Promise<unknown> {
  const def = source as { documents?: Array<{ template?: unknown; templateData?: unknown }> };
  if (!def || typeof def !== 'object' || !Array.isArray(def.documents)) return source;
  const root = resolve(folder);
  const documents = [];
  for (const d of def.documents) {
    if (!d || typeof d !== 'object' || typeof d.template !== 'string' || d.templateData !== undefined) {
      documents.push(d);
      continue;
    }
    const path = resolve(root, d.template);
    if (!path.startsWith(root + sep)) throw new Error(`the template "${d.template}" is outside the workflows folder`);
    documents.push({ ...d, templateData: (await readFile(path)).toString('base64') });
  }
  return { ...def, documents };
}
