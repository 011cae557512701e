import { Injectable } from '@nestjs/common';
import { CalendarError } from '#libs/calendar';
import {
  activeStatePaths,
  CHILD_DONE_EVENT,
  compileWorkflow,
  deadlineSpecOf,
  EngineError,
  designWarnings,
  DryRunSession,
  explorePaths,
  SIM_START_AT,
  simulationActor,
  START_EVENT_TYPE,
  SYSTEM_ACTOR,
  toMermaid,
  validateDefinition,
  type CompiledWorkflow,
  type StateValue,
  type ValidationIssue,
  type WorkflowDefinition,
} from '#libs/engine';
import { canonicalJson, DefinitionsRepository, IdentityRepository, sha256, withAdvisoryLock, type DefinitionRecord, Database } from '#libs/persistence';
import { AuditTrail, type AuditActor, type Principal } from '#libs/core';
import { CalendarService } from './calendar.service.js';
import { planTimers, type DeadlineMap, type TimerPlan } from './deadline-plan.js';
import { answeredTask, deadlineFor, principalPersona, rolePersona, stepView, whyNotAllowed, whyNotStarter, type DryRunPersona, type DryRunRequest, type DryRunStepView, type Persona } from './dry-run-view.js';
import { DefinitionsService } from './definitions.service.js';
import { DomainError, ErrorCode } from '#libs/core';
import { jsonDiff } from './json-diff.js';

const KEY = /^[a-z][a-z0-9-]{1,62}$/;

export interface DefinitionCheck {
  valid: boolean;
  issues: ValidationIssue[];
  /** Worth knowing, not blocking: e.g. a role no user holds yet. */
  warnings: ValidationIssue[];
}

/** Which compound states a diagram draws as one node (toMermaid's `collapse` and `depth`). */
export interface DiagramFolding {
  collapse?: string[];
  depth?: number;
  /** `described`: only guards with a description (people's diagram); `all` by default. */
  guards?: 'all' | 'described';
}

/**
 * What admins do with definitions: drafts (the next version of a key, editable), validation,
 * publishing (immutable, checksummed, refused while invalid or while a reachable state is a dead
 * end), retiring (no new instances; running ones go on), and diffs between versions.
 */
@Injectable()
export class DefinitionAdminService {
  constructor(
    private readonly dataSource: Database,
    private readonly definitions: DefinitionsRepository,
    private readonly identity: IdentityRepository,
    private readonly catalogue: DefinitionsService,
    private readonly audit: AuditTrail,
    private readonly calendar: CalendarService,
  ) {}

  /** Every problem at once: JSON Schema, static checks; warnings for roles no user holds, and the engine's design warnings. */
  async check(source: unknown): Promise<DefinitionCheck> {
    const checked = validateDefinition(source);
    const issues = checked.valid ? this.catalogue.templateIssues(source as WorkflowDefinition) : checked.issues;
    const valid = issues.length === 0;
    const warnings: ValidationIssue[] = [];
    if (valid) {
      warnings.push(...designWarnings(source as WorkflowDefinition));
      const held = new Set((await this.identity.listUsers(this.dataSource.manager)).flatMap((u) => u.memberships.map((m) => m.role)));
      for (const role of Object.keys((source as { roles?: Record<string, unknown> }).roles ?? {})) {
        if (!held.has(role)) warnings.push({ path: `/roles/${role}`, code: 'role_not_held', message: `no user holds the role "${role}" yet: its tasks would wait for nobody` });
      }
    }
    return { valid, issues, warnings };
  }

  async createDraft(source: unknown, by: AuditActor): Promise<{ draft: DefinitionRecord; check: DefinitionCheck }> {
    const key = keyOf(source);
    return withAdvisoryLock(this.dataSource, `definitions:${key}`, () =>
      this.dataSource.transaction(async (m) => {
        if (await this.definitions.findDraft(m, key)) throw new DomainError(ErrorCode.Duplicate, `"${key}" already has a draft: edit it, or delete it first`, { field: 'key' });
        const draft = await this.definitions.insertDraft(m, { key, version: (await this.definitions.maxVersion(m, key)) + 1, title: titleOf(source), source, by: by.id });
        await this.audit.record({ actor: by, action: 'definition.draft_created', subjectType: 'definition', subjectId: `${key}@${draft.version}` }, m);
        return { draft, check: await this.check(source) };
      }),
    );
  }

  async updateDraft(key: string, version: number, source: unknown, by: AuditActor): Promise<{ draft: DefinitionRecord; check: DefinitionCheck }> {
    if (keyOf(source) !== key) throw invalid('source.key', `must be "${key}", the key in the path`);
    const draft = await this.draftOf(key, version);
    await this.definitions.updateDraft(this.dataSource.manager, draft.id, { title: titleOf(source), source, by: by.id });
    await this.audit.record({ actor: by, action: 'definition.draft_updated', subjectType: 'definition', subjectId: `${key}@${version}` });
    return { draft: (await this.definitions.findVersion(this.dataSource.manager, key, version))!, check: await this.check(source) };
  }

  async deleteDraft(key: string, version: number, by: AuditActor): Promise<void> {
    const draft = await this.draftOf(key, version);
    await this.definitions.deleteDraft(this.dataSource.manager, draft.id);
    await this.audit.record({ actor: by, action: 'definition.draft_deleted', subjectType: 'definition', subjectId: `${key}@${version}` });
  }

  /** Publishes a draft; answers it with the older versions that still run cases (to migrate or retire). */
  async publish(key: string, version: number, by: AuditActor, at = new Date()): Promise<DefinitionRecord & { runningOnOlder: Array<{ version: number; status: string; runningInstances: number }> }> {
    const draft = await this.draftOf(key, version);
    const check = await this.check(draft.source);
    if (!check.valid) {
      throw new DomainError(ErrorCode.DefinitionInvalid, `The draft cannot be published: ${check.issues.length} problem${check.issues.length === 1 ? '' : 's'}`, { issues: check.issues });
    }
    const paths = explorePaths(compileWorkflow(draft.source));
    if (paths.deadEnds.length) {
      throw new DomainError(ErrorCode.DefinitionUnsafe, 'The draft cannot be published: a reachable state has no way out', {
        deadEnds: paths.deadEnds.slice(0, 10),
      });
    }
    const checksum = sha256(canonicalJson(draft.source));
    const published = await this.dataSource.transaction(async (m) => {
      const v = await this.definitions.markPublished(m, draft.id, checksum, at, by.id);
      await this.audit.record({ actor: by, action: 'definition.published', subjectType: 'definition', subjectId: `${key}@${v}`, data: { checksum }, at }, m);
      return v;
    });
    const record = (await this.definitions.findVersion(this.dataSource.manager, key, published))!;
    return { ...record, runningOnOlder: await this.definitions.activeInstancesBelow(this.dataSource.manager, key, published) };
  }

  async retire(key: string, version: number, by: AuditActor, at = new Date()): Promise<DefinitionRecord & { runningInstances: number }> {
    const record = await this.catalogue.version(key, version);
    if (record.status !== 'published') throw new DomainError(ErrorCode.Conflict, `Only a published version can be retired; ${key}@${version} is ${record.status}`, {});
    await this.definitions.markRetired(this.dataSource.manager, record.id, at, by.id);
    await this.audit.record({ actor: by, action: 'definition.retired', subjectType: 'definition', subjectId: `${key}@${version}`, at });
    const running = await this.definitions.countActiveInstances(this.dataSource.manager, record.id);
    return { ...(await this.catalogue.version(key, version)), runningInstances: running };
  }

  async diff(key: string, from: number, to: number) {
    const [a, b] = await Promise.all([this.catalogue.version(key, from), this.catalogue.version(key, to)]);
    return { key, from, to, changes: jsonDiff(a.source, b.source) };
  }

  /**
   * Mermaid stateDiagram-v2 of a version (drafts too), with an instance's current states marked;
   * `collapse` (state paths or keys) and `depth` draw compound states as one node.
   */
  async diagram(key: string, version: number, opts: { instanceState?: unknown; lang?: 'vi' | 'en' } & DiagramFolding): Promise<string> {
    const record = await this.catalogue.version(key, version);
    return toMermaid(this.compile(record), {
      active: opts.instanceState === undefined ? undefined : activeStatePaths(opts.instanceState as StateValue),
      lang: opts.lang ?? 'vi',
      collapse: opts.collapse,
      depth: opts.depth,
      guards: opts.guards,
    });
  }

  /** Mermaid of a definition not saved yet (the editor's live preview); 400 listing its problems when it is invalid. */
  previewDiagram(source: unknown, lang: 'vi' | 'en' = 'vi', folding: DiagramFolding = {}): string {
    const { valid, issues } = validateDefinition(source);
    if (!valid) throw new DomainError(ErrorCode.DefinitionInvalid, `The definition has ${issues.length} problem(s); fix them to see its diagram`, { issues });
    return toMermaid(compileWorkflow(source), { lang, collapse: folding.collapse, depth: folding.depth });
  }

  /** Paths through a version and its state and transition coverage. */
  async paths(key: string, version: number) {
    return explorePaths(this.compile(await this.catalogue.version(key, version)));
  }

  /**
   * Steps a sandbox instance through events with simulated time; writes nothing. Each step is
   * taken as the caller, or as whoever it names (`as`: roles in units, or a user), and then follows
   * the rules of a real case (the open task's candidates, `sentBy`, `startableBy`); deadline and
   * child events are sent by the system, a deadline's event (without `at`) when it falls due. Each
   * step says the tasks opened with their candidates and due dates, the deadlines with reminders
   * and escalations, and the notifications, dated on the ward's working calendar.
   */
  async dryRun(key: string, version: number, body: DryRunRequest, caller: Principal): Promise<{ key: string; version: number; steps: DryRunStepView[] }> {
    const record = await this.catalogue.version(key, version);
    const wf = this.compile(record);
    const allUnits = simulationActor(wf).units;
    const personas = new Map<string, Persona>();
    const personaOf = async (as: DryRunPersona | undefined, field: string): Promise<Persona | undefined> => {
      if (!as) return undefined;
      if (as.user !== undefined) {
        const cached = personas.get(`user:${as.user}`);
        if (cached) return cached;
        const user = await this.identity.findUserByUsername(this.dataSource.manager, as.user);
        if (!user || !user.active) throw invalid(`${field}.user`, `is not an active user: "${as.user}"`);
        const persona = principalPersona({ userId: user.id, username: user.username, displayName: user.displayName, memberships: user.memberships }, true, user.username);
        personas.set(`user:${as.user}`, persona);
        return persona;
      }
      if (!as.roles?.length) throw invalid(`${field}.roles`, 'must name a role (or give a user)');
      return rolePersona({ roles: as.roles, units: as.units, id: as.id }, allUnits);
    };
    const callerPersona = principalPersona(caller, false);
    const starter = (await personaOf(body.as, 'as')) ?? callerPersona;
    const stepPersonas = await Promise.all(body.steps.map((s, i) => personaOf(s.as, `steps[${i}].as`)));
    const calendar = await this.calendar.current();
    let ids = 0;
    // The deadline as this simulated case has it (its length may come from the case); the step that armed it
    // already evaluated the same expressions, so one that fails here has refused that step first.
    const specOf = (k: string) => {
      try {
        return deadlineSpecOf(wf, k, session.state?.context ?? {}, session.at);
      } catch (err) {
        if (err instanceof EngineError) return undefined;
        throw err;
      }
    };
    let deadlines: DeadlineMap = {};
    /** The timers a step arms, on the working calendar; a DomainError (a deadline the calendar cannot compute) refuses the step. */
    const plan = (effects: DryRunStepView['effects'], at: string, fire?: { timerId: string; deadlineKey: string }): TimerPlan | { code: string; message: string } => {
      try {
        return planTimers({ effects: [...effects], deadlines, calendar, at, newId: () => `dry-${++ids}`, specOf, fire });
      } catch (err) {
        if (err instanceof DomainError || err instanceof CalendarError) return { code: err instanceof DomainError ? err.code : ErrorCode.DefinitionInvalid, message: err.message };
        throw err;
      }
    };

    const session = new DryRunSession(wf, { actor: starter.actor, startAt: body.startAt ?? SIM_START_AT });
    const views: DryRunStepView[] = [];
    const warnings: DryRunStepView['warnings'] = [];
    const cannotStart = whyNotStarter(wf, starter);
    if (cannotStart && starter.chosen) {
      const refused = session.refuse({ type: START_EVENT_TYPE, at: session.at }, { code: ErrorCode.Forbidden, message: cannotStart });
      return { key, version, steps: [stepView(wf, refused, starter, deadlines, undefined, { warnings })] };
    }
    if (cannotStart) warnings.push({ code: 'not_allowed', message: `a real case would refuse this start: ${cannotStart}` });
    let started = session.start(body.input, starter.actor);
    let startPlan: TimerPlan | undefined;
    if (started.ok) {
      const p = plan(started.effects, started.at);
      if ('arm' in p) {
        startPlan = p;
        deadlines = p.deadlines;
      } else started = session.revert(p);
    }
    views.push(stepView(wf, started, starter, deadlines, startPlan, { warnings }));
    if (!started.ok) return { key, version, steps: views };

    body.steps.forEach((s, i) => {
      const event = wf.definition.events[s.type];
      const engineEvent = event?.kind === 'timer' || s.type === CHILD_DONE_EVENT;
      const persona: Persona = stepPersonas[i] ?? (engineEvent ? { actor: SYSTEM_ACTOR, memberships: [], chosen: false, system: true } : starter);
      const before = session.state!;
      const stepWarnings: DryRunStepView['warnings'] = [];
      const answers = answeredTask(wf, before.value, s.type, persona, before.context);
      // A deadline's event falls due at the deadline (unless the step gives its own instant).
      const due = event?.kind === 'timer' ? deadlineFor(s.type, deadlines, specOf) : undefined;
      let at = s.at;
      if (!at && due && deadlines[due].dueAt > session.at) at = deadlines[due].dueAt;
      const why = whyNotAllowed(wf, before.value, s.type, persona, session.steps, before.context);
      if (why && persona.chosen) {
        const refused = session.refuse({ type: s.type, at }, { code: ErrorCode.Forbidden, message: why });
        views.push(stepView(wf, refused, persona, deadlines, undefined, { answers, warnings: stepWarnings }));
        return;
      }
      if (why) stepWarnings.push({ code: 'not_allowed', message: `a real case would refuse this step: ${why}` });
      const payload = s.payload ?? (due ? { deadline: due, dueAt: deadlines[due].dueAt } : undefined);
      let result = session.step({ type: s.type, payload, actor: persona.actor, at });
      let stepPlan: TimerPlan | undefined;
      if (result.ok) {
        const p = plan(result.effects, result.at, due ? { timerId: deadlines[due].timerId, deadlineKey: due } : undefined);
        if ('arm' in p) {
          stepPlan = p;
          deadlines = p.deadlines;
        } else result = session.revert(p);
      }
      views.push(stepView(wf, result, persona, deadlines, stepPlan, { answers, ...(due && result.ok ? { firesDeadline: due } : {}), warnings: stepWarnings }));
    });
    return { key, version, steps: views };
  }

  private compile(record: DefinitionRecord): CompiledWorkflow {
    const check = validateDefinition(record.source);
    if (!check.valid) throw new DomainError(ErrorCode.DefinitionInvalid, `${record.key}@${record.version} is invalid; fix the draft first`, { issues: check.issues });
    return compileWorkflow(record.source);
  }

  private async draftOf(key: string, version: number): Promise<DefinitionRecord> {
    const record = await this.catalogue.version(key, version);
    if (record.status !== 'draft') throw new DomainError(ErrorCode.Conflict, `${key}@${version} is ${record.status}: published versions never change; create a draft`, {});
    return record;
  }
}

function invalid(field: string, reason: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `${field} ${reason}`, { problems: [{ field, reason }] });
}

function keyOf(source: unknown): string {
  const key = (source as { key?: unknown })?.key;
  if (typeof key !== 'string' || !KEY.test(key)) throw invalid('source.key', 'must be a workflow key: lowercase letters, digits and dashes');
  return key;
}

function titleOf(source: unknown): { vi: string; en: string } {
  const title = (source as { title?: { vi?: unknown; en?: unknown } })?.title;
  return { vi: typeof title?.vi === 'string' ? title.vi : '', en: typeof title?.en === 'string' ? title.en : '' };
}
