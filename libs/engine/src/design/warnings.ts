/**
 * Warnings on a valid definition: things that run, but that an author most likely did not mean.
 * They do not stop publishing; the admin tools show them beside the errors.
 */
import { ptr } from '../json.js';
import { presentationWarnings } from './presentation-checks.js';
import type { StateNodeDefinition, ValidationIssue, WorkflowDefinition } from '../types.js';

/** Event types some state's task lists as an outcome. */
function taskOutcomes(node: StateNodeDefinition, out = new Set<string>()): Set<string> {
  for (const o of node.meta?.task?.outcomes ?? []) out.add(o);
  for (const child of Object.values(node.states ?? {})) taskOutcomes(child, out);
  return out;
}

export function designWarnings(def: WorkflowDefinition): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const outcomes = taskOutcomes(def.machine);
  for (const [type, ev] of Object.entries(def.events)) {
    if (ev.kind !== 'human') continue;
    const at = `/events/${ptr(type)}`;
    if (!outcomes.has(type) && !ev.sentBy) {
      warnings.push({
        path: at,
        code: 'human_event_without_sender',
        message: `no task lists "${type}" as an outcome and it has no "sentBy": anyone who can see the case may send it`,
      });
    }
    if (ev.schema === undefined) {
      warnings.push({
        path: at,
        code: 'human_event_without_schema',
        message: `"${type}" has no "schema": its payload may be only {} or { "ghiChu": text of at most 2000 characters }`,
      });
    }
  }
  return [...warnings, ...presentationWarnings(def)];
}
