import { Injectable, Optional } from '@nestjs/common';
import { confidentialAt, confidentialFields, maskConfidential, START_STEP, type CompiledWorkflow, type ConfidentialField } from '#libs/engine';
import { InstancesRepository, TasksRepository, Database, type TaskRecord } from '#libs/persistence';
import { actorOf, AuditTrail, holdsRoleIn, isAdmin, type Principal } from '#libs/core';
import { DefinitionsService } from './definitions.service.js';
import { DocumentEngine } from './documents.js';
import { InstanceQueries } from './instance-queries.service.js';
import { instanceNotFound } from './requests.js';
import type { HistoryView, InstanceView } from './instance-view.js';

/** Where a person read confidential values (the `via` of a `confidential.read` entry). */
export type ConfidentialVia = 'instance' | 'event' | 'history' | 'replay' | 'file';

/** The audit action of a read of confidential values in clear. */
export const CONFIDENTIAL_READ = 'confidential.read';

/** Who reads one case, against its definition's marks. */
export interface ConfidentialReader {
  mayRead(field: ConfidentialField): boolean;
  /** An admin reading everything because CONFIDENTIAL_ADMIN_EXEMPT is set (the log says so). */
  exempt: boolean;
}

const NOBODY: ConfidentialReader = { mayRead: () => false, exempt: false };

/**
 * The one place that decides who reads a case's confidential fields (`fields.<path>.confidential`)
 * and masks them for everyone else, and the one place that writes a person's read of them in clear
 * to the audit log (`confidential.read`: who, when, which case, which fields, by which route).
 *
 * A person reads a field when they hold one of its `roles` (in one of its `units` when both are
 * given), belong to one of its `units` (when it names no roles), or acted on one of its `steps` of
 * this very case: the assignee or the completer of a task of that state (or a state inside it), or
 * the starter for `@start`. A task's mere candidates do not read: they read once they take the task.
 * Admins and auditors are not exempt; with CONFIDENTIAL_ADMIN_EXEMPT admins read everything, and
 * each such read is logged as exempt. Lists, audit search and exports, notifications, e-mails and
 * webhooks are for no one in particular: always masked.
 */
@Injectable()
export class ConfidentialReads {
  private adminExempt = false;
  /** Per compiled workflow and document key, the confidential fields its template prints. */
  private readonly printed = new WeakMap<CompiledWorkflow, Map<string, string[]>>();

  constructor(
    private readonly database: Database,
    private readonly definitions: DefinitionsService,
    private readonly tasks: TasksRepository,
    private readonly audit: AuditTrail,
    private readonly queries: InstanceQueries,
    private readonly instances: InstancesRepository,
    @Optional() private readonly documents?: DocumentEngine,
  ) {}

  /** CONFIDENTIAL_ADMIN_EXEMPT, set once at boot (default: admins are not exempt). */
  setAdminExempt(exempt: boolean): void {
    this.adminExempt = exempt;
  }

  get adminsExempt(): boolean {
    return this.adminExempt;
  }

  /** Who `principal` is for the marks of this case (its id and starter). */
  async readerOf(instance: { id: string; startedBy: string }, workflow: CompiledWorkflow, principal: Principal): Promise<ConfidentialReader> {
    const fields = confidentialFields(workflow.definition);
    if (!fields.length) return NOBODY;
    if (this.adminExempt && isAdmin(principal)) return { mayRead: () => true, exempt: true };
    let tasks: TaskRecord[] | undefined;
    const needsTasks = fields.some((f) => (f.mark.steps ?? []).some((s) => s !== START_STEP));
    if (needsTasks) tasks = await this.tasks.listByInstance(this.database.manager, instance.id);
    const me = principal.username;
    const actedOn = (step: string) =>
      step === START_STEP
        ? instance.startedBy === me
        : (tasks ?? []).some((t) => (t.state === step || t.state.startsWith(`${step}.`)) && (t.assignee === me || t.completedBy === me));
    return {
      exempt: false,
      mayRead: ({ mark }) =>
        (mark.roles?.length ? holdsRoleIn(principal.memberships, mark.roles, mark.units ?? []) : false) ||
        (!mark.roles?.length && mark.units?.length ? principal.memberships.some((m) => mark.units!.includes(m.unit)) : false) ||
        (mark.steps ?? []).some(actedOn),
    };
  }

  /** One case as a person reads it (GET, an event's answer): masked where they may not read, the rest logged. */
  async instanceView(view: InstanceView, principal: Principal, via: ConfidentialVia, requestId?: string): Promise<InstanceView> {
    const workflow = await this.workflowOf(view.definition);
    if (!confidentialFields(workflow.definition).length) return view;
    const reader = await this.readerOf(view, workflow, principal);
    const { value, revealed } = maskConfidential(workflow.definition, view.context, (f) => reader.mayRead(f));
    await this.logRead(view.id, view.definition, revealed, reader, principal, via, requestId);
    return { ...view, context: value };
  }

  /** Cases in a list: for finding, not reading; always masked (open the case to read it). */
  async listed(views: InstanceView[]): Promise<InstanceView[]> {
    return Promise.all(
      views.map(async (view) => {
        const workflow = await this.workflowOf(view.definition);
        return { ...view, context: maskConfidential(workflow.definition, view.context).value };
      }),
    );
  }

  /** History rows of one case as a person reads them: payloads masked where they may not read, the rest logged once. */
  async historyViews(instance: { id: string; startedBy: string; definition: { key: string; version: number } }, items: HistoryView[], principal: Principal, requestId?: string): Promise<HistoryView[]> {
    const workflow = await this.workflowOf(instance.definition);
    if (!confidentialFields(workflow.definition).length) return items;
    const reader = await this.readerOf(instance, workflow, principal);
    const revealed = new Set<string>();
    const out = items.map((item) => {
      const masked = maskConfidential(workflow.definition, item.event.payload, (f) => reader.mayRead(f));
      masked.revealed.forEach((f) => revealed.add(f));
      return masked.value === item.event.payload ? item : { ...item, event: { ...item.event, payload: masked.value } };
    });
    await this.logRead(instance.id, instance.definition, [...revealed], reader, principal, 'history', requestId);
    return out;
  }

  /** A page of one case's history as a person reads it (`GET /instances/:id/history`). */
  async history(id: string, page: { afterSeq?: number; limit?: number }, principal: Principal, requestId?: string): Promise<{ items: HistoryView[]; nextAfterSeq: number | null }> {
    const result = await this.queries.historyOf(id, page, principal);
    return { ...result, items: await this.historyViews(await this.caseOf(id), result.items, principal, requestId) };
  }

  /** A context rebuilt by replay, as a person reads it (`GET /instances/:id/state`). */
  async replayed<T extends { instanceId: string; context: Record<string, unknown> }>(state: T, principal: Principal, requestId?: string): Promise<T> {
    return { ...state, context: await this.replayedContext(await this.caseOf(state.instanceId), state.context, principal, requestId) };
  }

  /** What the marks need of a case: its id, starter and definition version. */
  private async caseOf(id: string): Promise<{ id: string; startedBy: string; definition: { key: string; version: number } }> {
    const instance = await this.instances.findById(this.database.manager, id);
    if (!instance) throw instanceNotFound(id);
    return { id, startedBy: instance.startedBy, definition: { key: instance.definitionKey, version: instance.definitionVersion } };
  }

  private async replayedContext(instance: { id: string; startedBy: string; definition: { key: string; version: number } }, context: Record<string, unknown>, principal: Principal, requestId?: string) {
    const workflow = await this.workflowOf(instance.definition);
    if (!confidentialFields(workflow.definition).length) return context;
    const reader = await this.readerOf(instance, workflow, principal);
    const { value, revealed } = maskConfidential(workflow.definition, context, (f) => reader.mayRead(f));
    await this.logRead(instance.id, instance.definition, revealed, reader, principal, 'replay', requestId);
    return value;
  }

  /**
   * Whether `principal` may open a file bound to a case (its bytes): an attachment given in a
   * confidential field, or a paper whose template prints one (a notice addressed to the denouncer),
   * shows those values, so it is for their readers only; opening it is a read, and logged as one.
   * Other files follow the case's own visibility (the caller checks it).
   */
  async mayOpenFile(file: { id: string; instanceId: string; field: string | null }, principal: Principal, requestId?: string): Promise<boolean> {
    const instance = await this.caseOf(file.instanceId);
    const workflow = await this.workflowOf(instance.definition);
    const shown = this.shownByFile(workflow, file.field ?? '');
    if (!shown.length) return true;
    const reader = await this.readerOf(instance, workflow, principal);
    const fields = confidentialFields(workflow.definition).filter((f) => shown.includes(f.path));
    if (!fields.every((f) => reader.mayRead(f))) return false;
    await this.logRead(instance.id, instance.definition, shown, reader, principal, 'file', requestId, { fileId: file.id });
    return true;
  }

  /** The confidential fields a bound file shows: by its field (`/tepDinhKem/0`), or `documents/<key>[/pdf]` by its template. */
  private shownByFile(workflow: CompiledWorkflow, field: string): string[] {
    const fields = confidentialFields(workflow.definition);
    if (!fields.length) return [];
    const doc = /^documents\/([^/]+)(?:\/pdf)?$/.exec(field);
    if (!doc) {
      const path = field.replace(/^\//, '').split('/').join('.');
      return path ? confidentialAt(fields, path).map((f) => f.path) : [];
    }
    let byKey = this.printed.get(workflow);
    if (!byKey) this.printed.set(workflow, (byKey = new Map()));
    let shown = byKey.get(doc[1]);
    if (!shown) {
      const template = workflow.definition.documents?.find((d) => d.key === doc[1])?.templateData;
      let names: string[];
      try {
        names = template && this.documents ? this.documents.placeholders(Buffer.from(template, 'base64')) : [];
      } catch {
        names = fields.map((f) => f.path); // a template that cannot be read: assume it prints everything
      }
      shown = fields.filter((f) => names.some((n) => confidentialAt([f], n).length)).map((f) => f.path);
      byKey.set(doc[1], shown);
    }
    return shown;
  }

  /** A value of a case for no one in particular (audit search and exports, systems): every confidential field masked. */
  async forNoOne<T>(definition: { key: string; version: number }, value: T): Promise<T> {
    const workflow = await this.workflowOf(definition).catch(() => undefined);
    return workflow ? maskConfidential(workflow.definition, value).value : value;
  }

  private workflowOf(definition: { key: string; version: number }): Promise<CompiledWorkflow> {
    return this.definitions.compiledVersion(definition.key, definition.version);
  }

  /** Every read in clear is written down; nothing is written when nothing was revealed. */
  private async logRead(
    instanceId: string,
    definition: { key: string; version: number },
    fields: string[],
    reader: ConfidentialReader,
    principal: Principal,
    via: ConfidentialVia,
    requestId?: string,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (!fields.length) return;
    await this.audit.record({
      actor: actorOf(principal),
      action: CONFIDENTIAL_READ,
      subjectType: 'instance',
      subjectId: instanceId,
      data: {
        definition: `${definition.key}@${definition.version}`,
        fields,
        via,
        ...extra,
        ...(reader.exempt ? { exempt: 'admin', setting: 'CONFIDENTIAL_ADMIN_EXEMPT' } : {}),
      },
      requestId,
    });
  }
}
