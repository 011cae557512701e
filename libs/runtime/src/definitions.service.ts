import { Injectable, Logger, Optional } from '@nestjs/common';
import { compileWorkflow, documentPlaceholderIssues, validateDefinition, type CompiledWorkflow, type ValidationIssue, type WorkflowDefinition } from '#libs/engine';
import { DocumentEngine } from './documents.js';
import { canonicalJson, DefinitionsRepository, sha256, withAdvisoryLock, type DefinitionRecord, Database } from '#libs/persistence';
import { AuditTrail, type AuditActor } from '#libs/core';
import { DomainError, ErrorCode } from '#libs/core';

export interface PublishResult {
  definition: DefinitionRecord;
  /** False when the newest version already had exactly this source. */
  created: boolean;
}

/**
 * Published workflow definitions and their compiled machines. Published versions never change, so a
 * compiled machine is cached for the life of the process by definition id.
 */
@Injectable()
export class DefinitionsService {
  private readonly logger = new Logger(DefinitionsService.name);
  private readonly compiled = new Map<string, Promise<{ record: DefinitionRecord; workflow: CompiledWorkflow }>>();
  /** The same machines by key and version (a case names its version so): no lookup of the id each time. */
  private readonly compiledByVersion = new Map<string, Promise<CompiledWorkflow>>();

  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsRepository,
    private readonly audit: AuditTrail,
    @Optional() private readonly documentEngine?: DocumentEngine,
  ) {}

  /**
   * What the engine cannot see of a definition's documents: every template's bytes are there and
   * are a DOCX whose placeholders each name a field (the engine checks the names it is given).
   */
  templateIssues(def: WorkflowDefinition): ValidationIssue[] {
    if (!def.documents?.length) return [];
    const issues: ValidationIssue[] = [];
    const placeholders: Record<string, string[]> = {};
    def.documents.forEach((d, i) => {
      const at = `/documents/${i}/templateData`;
      if (!d.templateData) {
        issues.push({ path: at, code: 'missing_template', message: `document "${d.key}" has no template bytes (base64 DOCX; the workflow loader fills it from the file "template" names)` });
        return;
      }
      if (!this.documentEngine) return;
      try {
        placeholders[d.key] = this.documentEngine.placeholders(Buffer.from(d.templateData, 'base64'));
      } catch (error) {
        issues.push({ path: at, code: 'invalid_template', message: `the template of "${d.key}" is not a usable DOCX template: ${(error as Error).message}` });
      }
    });
    return [...issues, ...documentPlaceholderIssues(def, placeholders)];
  }

  list() {
    return this.definitions.listLatest(this.dataSource.manager);
  }

  /** The newest published version of every key. */
  listLatestPublished(): Promise<DefinitionRecord[]> {
    return this.definitions.listLatestPublished(this.dataSource.manager);
  }

  async versions(key: string): Promise<DefinitionRecord[]> {
    const rows = await this.definitions.listVersions(this.dataSource.manager, key);
    if (rows.length === 0) throw new DomainError(ErrorCode.DefinitionNotFound, `No workflow definition has the key "${key}"`, { key });
    return rows;
  }

  async version(key: string, version: number): Promise<DefinitionRecord> {
    const row = await this.definitions.findVersion(this.dataSource.manager, key, version);
    if (!row) throw new DomainError(ErrorCode.DefinitionNotFound, `Workflow "${key}" has no version ${version}`, { key, version });
    return row;
  }

  /** The version new instances of `key` start on: the given one, or the newest published. */
  async forStart(key: string, version?: number): Promise<{ record: DefinitionRecord; workflow: CompiledWorkflow }> {
    const ref = await this.definitions.findStartRef(this.dataSource.manager, key, version);
    if (!ref || ref.status !== 'published') {
      throw new DomainError(
        ErrorCode.DefinitionNotFound,
        version === undefined ? `No published workflow definition has the key "${key}"` : `Workflow "${key}" has no published version ${version}`,
        { key, version },
      );
    }
    return this.byId(ref.id);
  }

  /** The compiled machine of a version by key and number, cached as `byId` is (published versions never change). */
  compiledVersion(key: string, version: number): Promise<CompiledWorkflow> {
    const name = `${key}@${version}`;
    let entry = this.compiledByVersion.get(name);
    if (!entry) {
      entry = this.version(key, version).then(async (record) => (await this.byId(record.id, record)).workflow);
      entry.catch(() => this.compiledByVersion.delete(name));
      this.compiledByVersion.set(name, entry);
    }
    return entry;
  }

  /** The compiled machine an instance is pinned to. */
  byId(id: string, known?: DefinitionRecord): Promise<{ record: DefinitionRecord; workflow: CompiledWorkflow }> {
    let entry = this.compiled.get(id);
    if (!entry) {
      entry = (async () => {
        const record = known ?? (await this.definitions.findById(this.dataSource.manager, id));
        if (!record) throw new DomainError(ErrorCode.DefinitionNotFound, `No workflow definition has the id ${id}`, { id });
        return { record, workflow: compileWorkflow(record.source) };
      })();
      entry.catch(() => this.compiled.delete(id));
      this.compiled.set(id, entry);
    }
    return entry;
  }

  /**
   * Publishes `source` as the next version of its key unless the newest version already has the same
   * canonical source. Serialised per key across processes by an advisory lock.
   */
  async publish(source: unknown, at = new Date(), by: AuditActor = { id: 'system', roles: ['system'] }): Promise<PublishResult> {
    const checked = validateDefinition(source);
    const issues = checked.valid ? this.templateIssues(source as WorkflowDefinition) : checked.issues;
    if (issues.length) {
      throw new DomainError(ErrorCode.DefinitionInvalid, `The workflow definition is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'})`, {
        issues,
      });
    }
    const definition = source as { key: string; title: { vi: string; en: string } };
    const checksum = sha256(canonicalJson(source));
    return withAdvisoryLock(this.dataSource, `definitions:${definition.key}`, () =>
      this.dataSource.transaction(async (manager) => {
        const latest = await this.definitions.findLatestVersion(manager, definition.key);
        if (latest && latest.checksum === checksum) return { definition: latest, created: false };
        const record = await this.definitions.insertPublished(manager, {
          key: definition.key,
          version: (await this.definitions.maxVersion(manager, definition.key)) + 1,
          title: definition.title,
          source,
          checksum,
          at,
        });
        await this.audit.record(
          { actor: by, action: 'definition.published', subjectType: 'definition', subjectId: `${record.key}@${record.version}`, data: { checksum }, at },
          manager,
        );
        this.logger.log(`published ${record.key} v${record.version}`);
        return { definition: record, created: true };
      }),
    );
  }
}
