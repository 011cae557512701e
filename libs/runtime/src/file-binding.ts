import { activeStatePaths, declaresFiles, fileReferences, type CompiledWorkflow, type JsonSchema } from '#libs/engine';
import { DomainError, ErrorCode } from '#libs/core';
import { FilesRepository, type InstanceRecord, type Tx } from '#libs/persistence';
import type { FileToBind } from './transition-write.js';

/** A file as its history row records it (inside the hash chain): which, its digest and size, its name, the field. */
export interface FileLink {
  id: string;
  sha256: string;
  size: number;
  name: string;
  contentType: string;
  field: string;
}

/** Per compiled workflow, the schemas (events' and the start input's) that declare a file field: most declare none, and their data skip the walk. */
const withFiles = new WeakMap<CompiledWorkflow, Map<string, boolean>>();

function filesIn(workflow: CompiledWorkflow, key: string, schema: JsonSchema | undefined, data: unknown): Array<{ field: string; id: string }> {
  if (!schema || data === undefined || data === null) return [];
  let known = withFiles.get(workflow);
  if (!known) withFiles.set(workflow, (known = new Map()));
  let declares = known.get(key);
  if (declares === undefined) known.set(key, (declares = declaresFiles(schema)));
  return declares ? fileReferences(schema, data) : [];
}

/** The files an event's payload names, by the event's schema (`format: "phoihop-file"`). */
export function referencedFiles(workflow: CompiledWorkflow, eventType: string, payload: unknown): Array<{ field: string; id: string }> {
  return filesIn(workflow, `event:${eventType}`, workflow.definition.events[eventType]?.schema as JsonSchema | undefined, payload);
}

/** The files a start's input names, by the definition's `inputSchema`. */
export function inputFiles(workflow: CompiledWorkflow, input: unknown): Array<{ field: string; id: string }> {
  return filesIn(workflow, 'input', workflow.definition.inputSchema as JsonSchema | undefined, input);
}

/** The step a file is bound in: the instance's innermost active states (a parallel machine has several). */
function stepOf(instance: InstanceRecord, taskState: string | undefined): string {
  if (taskState) return taskState;
  return activeStatePaths(instance.stateValue as never).join(',');
}

/**
 * Checks, under the rows' locks and in the event's transaction, that every file the payload names
 * may be attached by this sender: it exists and is either their own unbound upload or already
 * bound to this same case. Anything else is one and the same 400 naming the field, so that an id
 * reveals nothing about someone else's files.
 */
export async function resolveFileLinks(
  repo: FilesRepository,
  manager: Tx,
  refs: Array<{ field: string; id: string }>,
  instance: InstanceRecord,
  actorId: string,
  taskState: string | undefined,
): Promise<{ links: FileLink[]; bind: FileToBind[] }> {
  return attachable(repo, manager, refs, { instanceId: instance.id, actorId, step: stepOf(instance, taskState), under: 'payload' });
}

/** The same check for the files a start's input names: a case that does not exist yet holds none, so each must be the starter's own upload, and each is to be bound. */
export async function resolveStartFiles(repo: FilesRepository, manager: Tx, refs: Array<{ field: string; id: string }>, actorId: string): Promise<FileLink[]> {
  return (await attachable(repo, manager, refs, { instanceId: null, actorId, step: '', under: 'input' })).links;
}

async function attachable(
  repo: FilesRepository,
  manager: Tx,
  refs: Array<{ field: string; id: string }>,
  by: { instanceId: string | null; actorId: string; step: string; under: 'payload' | 'input' },
): Promise<{ links: FileLink[]; bind: FileToBind[] }> {
  const rows = new Map((await repo.lockForBinding(manager, [...new Set(refs.map((r) => r.id))])).map((f) => [f.id, f]));
  const problems = refs
    .filter((r) => {
      const f = rows.get(r.id);
      return !f || (f.instanceId === null ? f.uploadedBy !== by.actorId : f.instanceId !== by.instanceId);
    })
    .map((r) => ({ field: `${by.under}${r.field}`, reason: `no file ${r.id} that you uploaded${by.instanceId ? ' (or that this case holds)' : ''} exists` }));
  if (problems.length) {
    throw new DomainError(ErrorCode.ValidationFailed, `The ${by.under} names files that cannot be attached: ${problems.map((p) => p.field).join(', ')}`, { problems });
  }
  const links = refs.map((r) => {
    const f = rows.get(r.id)!;
    return { id: f.id, sha256: f.sha256, size: f.size, name: f.name, contentType: f.contentType, field: r.field };
  });
  const bind = refs.filter((r) => rows.get(r.id)!.instanceId === null).map((r) => ({ id: r.id, field: r.field, state: by.step }));
  return { links, bind };
}
