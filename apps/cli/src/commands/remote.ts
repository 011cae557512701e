import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ValidationIssue } from '#libs/engine';
import { inlineTemplates } from '#libs/runtime';
import { EXIT, issueLine, run, UsageError } from '../cli.js';
import { publish as spec } from '../specs.js';

/**
 * Commands that act on a running server (`--server URL`, else PHOIHOP_SERVER, else
 * http://localhost:3000) with an API token (`PHOIHOP_TOKEN`, from POST /api/v1/me/tokens): publish a
 * definition file, check one, migrate instances.
 */
interface Server {
  url: string;
  token: string;
}

function server(url: string | undefined): Server {
  const token = process.env.PHOIHOP_TOKEN;
  if (!token) throw new UsageError('set PHOIHOP_TOKEN to an API token (POST /api/v1/me/tokens; an admin\'s to publish or migrate)');
  return { url: (url ?? process.env.PHOIHOP_SERVER ?? 'http://localhost:3000').replace(/\/$/, ''), token };
}

/** The server's refusal: its status and error code (`DUPLICATE`…), and the message with any issues. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

async function call<T = Record<string, unknown>>(s: Server, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${s.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: { code?: string; message?: string; details?: { issues?: ValidationIssue[] } } | null = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy's error page): the text says it
  }
  if (!res.ok) {
    const issues = json?.details?.issues ?? [];
    throw new ApiError(res.status, json?.code, `${res.status} ${json?.code ?? ''}: ${json?.message ?? text}${issues.length ? '\n' + issues.map((i) => issueLine(i)).join('\n') : ''}`);
  }
  return json as T;
}

const path = (key: string, version?: number) => `/definitions/${encodeURIComponent(key)}${version === undefined ? '' : `/versions/${version}`}`;

interface Summary {
  key: string;
  version: number;
  status: string;
  checksum: string | null;
  /** On publishing: the older versions that still run cases. */
  runningOnOlder?: Array<{ version: number; status: string; runningInstances: number }>;
}

interface Check {
  valid: boolean;
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
}

/** The server's check of a definition file (POST /definitions/validate), its templates read from beside it as the server's loader does. */
export async function remoteCheck(url: string | undefined): Promise<(source: unknown, dir: string) => Promise<Check>> {
  const s = server(url);
  return async (source, dir) => {
    const inlined = await inlineTemplates(source, dir);
    try {
      return await call<Check>(s, 'POST', '/definitions/validate', { source: inlined });
    } catch (error) {
      throw new Error(reason(error, s));
    }
  };
}

/** `phoihop publish FILE [--replace-draft] [--server URL]`: checks the file, makes it a draft (or takes the workflow's draft) and publishes it. */
export async function publish(args: string[]): Promise<number> {
  return run(spec, args, async ({ values, positionals: [file] }) => {
    const s = server(values.server);
    try {
      // Document templates travel inside the definition, read from beside the file as the server's loader does.
      const source = (await inlineTemplates(JSON.parse(await readFile(file, 'utf8')), dirname(file))) as { key?: unknown };
      const check = await call<Check>(s, 'POST', '/definitions/validate', { source });
      for (const issue of check.issues) console.log(issueLine(issue));
      for (const warning of check.warnings) console.log(issueLine(warning, true));
      if (!check.valid) {
        console.error(`✗ ${file}: ${check.issues.length} problem${check.issues.length === 1 ? '' : 's'}; nothing was sent to publish`);
        return EXIT.failed;
      }
      const key = String(source.key);
      let draft: Summary;
      let created = false;
      try {
        draft = await call<Summary>(s, 'POST', '/definitions', { source });
        created = true;
      } catch (error) {
        // One draft per workflow: take it when it is FILE already, or when asked to replace it.
        if (!(error instanceof ApiError && error.code === 'DUPLICATE')) throw error;
        const existing = (await call<{ items: Summary[] }>(s, 'GET', path(key))).items.find((v) => v.status === 'draft');
        if (!existing) throw error;
        const { source: theirs } = await call<{ source: unknown }>(s, 'GET', path(key, existing.version));
        if (isDeepStrictEqual(theirs, source)) {
          console.log(`${key} v${existing.version}: the draft on the server is ${file} already; publishing it`);
        } else if (values['replace-draft']) {
          await call(s, 'PUT', path(key, existing.version), { source });
          console.log(`${key} v${existing.version}: the draft on the server now holds ${file}`);
        } else {
          console.error(
            `✗ ${key} already has a draft, v${existing.version}, that differs from ${file}: nothing was changed.\n` +
              `  Run again with --replace-draft to replace the draft with ${file} and publish it, or delete the draft first (the web editor, or DELETE /api/v1${path(key, existing.version)}).`,
          );
          return EXIT.failed;
        }
        draft = existing;
      }
      let published: Summary;
      try {
        published = await call<Summary>(s, 'POST', `${path(key, draft.version)}/publish`);
      } catch (error) {
        // A draft made here and refused goes again, so that the file, once fixed, can be published as it is.
        const removed = created && (await call(s, 'DELETE', path(key, draft.version)).then(() => true, () => false));
        failed(error, s);
        if (removed) console.error(`  (the draft v${draft.version} made from ${file} was removed)`);
        return EXIT.failed;
      }
      console.log(`published ${published.key} v${published.version} (checksum ${published.checksum})`);
      for (const older of published.runningOnOlder ?? []) console.log(`  v${older.version} (${older.status}) still runs ${older.runningInstances} case${older.runningInstances === 1 ? '' : 's'}: migrate them (phoihop migrate --plan) or let them finish`);
      return EXIT.ok;
    } catch (error) {
      return failed(error, s);
    }
  });
}

interface DryRun {
  movable: number;
  blocked: number;
  instances: Array<{
    movable: boolean;
    instanceId: string;
    businessKey?: string | null;
    from: string[];
    to?: string[] | null;
    reason?: string;
    tasks?: Array<{ state: string; change: string; assignee?: string | null; note?: string }>;
    deadlines?: Array<{ key: string; state: string; change: string; dueAt?: string; previousDueAt?: string }>;
  }>;
}

interface Applied {
  moved: unknown[];
  blocked: Array<{ instanceId: string; reason: string }>;
}

/** `phoihop migrate --plan FILE [--dry-run]`: the plan is { definitionKey, fromVersion, toVersion, stateMap?, instanceIds? }. */
export async function migratePlan(options: { plan: string; dryRun: boolean; server?: string }): Promise<number> {
  const s = server(options.server);
  try {
    const { definitionKey, ...rest } = JSON.parse(await readFile(options.plan, 'utf8')) as { definitionKey: string; [k: string]: unknown };
    const body = { ...rest, dryRun: options.dryRun };
    if (options.dryRun) {
      const dry = await call<DryRun>(s, 'POST', `${path(definitionKey)}/migrations`, body);
      console.log(`${dry.movable} can move, ${dry.blocked} cannot`);
      for (const v of dry.instances) {
        console.log(`  ${v.movable ? '✓' : '✗'} ${v.instanceId} ${v.businessKey ?? ''} ${v.from.join(',')} → ${v.to?.join(',') ?? '-'}${v.reason ? `  (${v.reason})` : ''}`);
        // What the move does to the case's tasks (and who holds them) and its deadlines.
        for (const c of v.tasks ?? []) console.log(`      task ${c.state}: ${c.change}${c.assignee ? ` (${c.assignee})` : ''}${c.note ? ` — ${c.note}` : ''}`);
        for (const c of v.deadlines ?? []) {
          const due = c.dueAt && c.previousDueAt && c.dueAt !== c.previousDueAt ? `${c.previousDueAt} → ${c.dueAt}` : (c.dueAt ?? c.previousDueAt ?? '');
          console.log(`      deadline ${c.key} (${c.state}): ${c.change}${due ? `, due ${due}` : ''}`);
        }
      }
      // A dry run informs.
      return EXIT.ok;
    }
    const applied = await call<Applied>(s, 'POST', `${path(definitionKey)}/migrations`, body);
    console.log(`moved ${applied.moved.length}; blocked ${applied.blocked.length}`);
    for (const v of applied.blocked) console.log(`  ✗ ${v.instanceId}: ${v.reason}`);
    // An applied migration that left instances behind is a failure to look at.
    return applied.blocked.length > 0 ? EXIT.failed : EXIT.ok;
  } catch (error) {
    return failed(error, s);
  }
}

/** The server's refusal (its issues under it), or why it could not be reached. */
function reason(error: unknown, s: Server): string {
  const cause = error instanceof TypeError ? (error as { cause?: { message?: string } }).cause?.message : undefined;
  return `${(error as Error).message}${cause ? ` (${s.url}: ${cause})` : ''}`;
}

function failed(error: unknown, s: Server): number {
  console.error(`✗ ${reason(error, s)}`);
  return EXIT.failed;
}
