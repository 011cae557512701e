import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { start, type CompiledWorkflow, type Effect } from '#libs/engine';
import type { DefinitionRecord, NewInstance } from '#libs/persistence';
import { DefinitionsService } from './definitions.service.js';
import { callEngine, resultOrRefuse } from './engine-call.js';
import { DomainError, ErrorCode } from '#libs/core';
import { toInstanceView, type InstanceView } from './instance-view.js';
import type { RequestMeta, StartCommand } from './requests.js';
import { TimerPlanner } from './timer-planner.js';
import { buildStartWrite, type ChildLink, type HostEffect } from './transition-write.js';
import type { FileLink } from './file-binding.js';
import { holdsRoleIn } from '#libs/core';

/** Most children one transition may start (a runaway list is refused, not half started). */
export const MAX_CHILDREN_PER_TRANSITION = 1000;
/** Most levels of children started within one transition (a child starting children at once...). */
const MAX_CHILD_DEPTH = 5;

/**
 * The rows that starting an instance writes: the instance, and (for `startChildren` in its initial
 * states, or in any transition) its children and theirs, depth first, parents before children.
 */
@Injectable()
export class StartBuilder {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly timers: TimerPlanner,
  ) {}

  async build(
    command: StartCommand,
    meta: RequestMeta,
    record: DefinitionRecord,
    workflow: CompiledWorkflow,
    at: Date,
    parent: ChildLink | null = null,
    depth = 0,
    files: FileLink[] = [],
  ): Promise<{ row: NewInstance; view: InstanceView; children: NewInstance[] }> {
    const result = resultOrRefuse(callEngine(() => start(workflow, command.input, { actor: meta.actor, at: at.toISOString() })));
    const id = randomUUID();
    const plan = await this.timers.plan(workflow, result.effects, {}, result.state.context, at);
    const kids = await this.children({ id, definitionKey: record.key }, result.effects, meta, at, depth);
    const { row, instance } = buildStartWrite({
      id,
      definition: record,
      presentation: workflow.definition,
      businessKey: command.businessKey ?? null,
      input: command.input,
      result,
      plan,
      who: meta,
      at,
      parent,
      children: kids.links,
      files,
    });
    // A starter who asks for it and may do a first task gets it, as a clerk registering a letter goes on to record it.
    const starter = parent === null && command.claimFirstTask ? meta.principal : undefined;
    if (starter) for (const t of row.tasks.open) if (holdsRoleIn(starter.memberships, t.roles, t.units)) t.assignee = starter.username;
    return { row, view: toInstanceView(instance, workflow), children: kids.rows };
  }

  /** The children a transition's `child.start` effects call for, ready to insert with it. */
  async children(parent: { id: string; definitionKey: string }, effects: readonly HostEffect[], meta: RequestMeta, at: Date, depth: number) {
    const starts = effects.filter((e): e is Extract<Effect, { type: 'child.start' }> => e.type === 'child.start');
    const rows: NewInstance[] = [];
    const links: ChildLink[] = [];
    if (!starts.length) return { rows, links };
    if (starts.length > MAX_CHILDREN_PER_TRANSITION) {
      throw new DomainError(ErrorCode.InvalidPayload, `This step would start ${starts.length} child instances; at most ${MAX_CHILDREN_PER_TRANSITION} are allowed at once`, {
        issues: [{ path: '/payload', code: 'too_many_children', message: `at most ${MAX_CHILDREN_PER_TRANSITION} children per step` }],
      });
    }
    if (depth >= MAX_CHILD_DEPTH) {
      throw new DomainError(ErrorCode.DefinitionInvalid, `Child instances nest deeper than ${MAX_CHILD_DEPTH} levels within one step`, {});
    }
    for (const s of starts) {
      const def = await this.childDefinition(s.definitionKey);
      const link: ChildLink = { ...parent, group: s.group, key: s.key };
      let built;
      try {
        built = await this.build({ definitionKey: s.definitionKey, input: s.input }, meta, def.record, def.workflow, at, link, depth + 1);
      } catch (error) {
        if (error instanceof DomainError && error.code === ErrorCode.InvalidInput) {
          throw new DomainError(ErrorCode.InvalidInput, `Child "${s.key}" (${s.definitionKey}): ${error.message}`, { ...error.details, child: s.key });
        }
        throw error;
      }
      rows.push(built.row, ...built.children);
      links.push({ id: built.row.id, definitionKey: s.definitionKey, group: s.group, key: s.key });
    }
    return { rows, links };
  }

  private async childDefinition(key: string) {
    try {
      return await this.definitions.forStart(key);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.DefinitionNotFound) {
        throw new DomainError(ErrorCode.EventNotAccepted, `This step starts "${key}" instances, but no published version of "${key}" exists`, {
          allowedEvents: [],
          definitionKey: key,
        });
      }
      throw error;
    }
  }
}
