import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { inlineTemplates } from '#libs/runtime';

/**
 * Commands that act on a running server (`--server URL`, default http://localhost:3000) with an
 * API token (`PHOIHOP_TOKEN`, from POST /api/v1/me/tokens): publish a definition file, migrate.
 */
function settings(args: string[]) {
  const i = args.indexOf('--server');
  const server = (i >= 0 ? args[i + 1] : process.env.PHOIHOP_SERVER) ?? 'http://localhost:3000';
  const token = process.env.PHOIHOP_TOKEN;
  if (!token) throw new Error('set PHOIHOP_TOKEN to an API token of an admin (POST /api/v1/me/tokens)');
  return { server: server.replace(/\/$/, ''), token };
}

async function call(s: { server: string; token: string }, method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.server}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${s.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const issues = (json?.details?.issues ?? []) as Array<{ path: string; code: string; message: string }>;
    throw new Error(`${res.status} ${json?.code ?? ''}: ${json?.message ?? text}${issues.length ? '\n' + issues.map((x) => `  ${x.path}  [${x.code}] ${x.message}`).join('\n') : ''}`);
  }
  return json;
}

/** `phoihop publish FILE`: creates a draft from the file and publishes it. */
export async function publish(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--server');
  if (!file) {
    console.error('usage: phoihop publish FILE [--server URL]   (PHOIHOP_TOKEN: an admin API token)');
    return 2;
  }
  try {
    const s = settings(args);
    // Document templates travel inside the definition, read from beside the file as the server's loader does.
    const source = await inlineTemplates(JSON.parse(await readFile(file, 'utf8')), dirname(file));
    const draft = await call(s, 'POST', '/definitions', { source });
    const published = await call(s, 'POST', `/definitions/${draft.key}/versions/${draft.version}/publish`);
    console.log(`published ${published.key} v${published.version} (checksum ${published.checksum})`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

/** `phoihop migrate --plan FILE [--dry-run]`: the plan is { definitionKey, fromVersion, toVersion, stateMap?, instanceIds? }. */
export async function migratePlan(args: string[]): Promise<number> {
  const i = args.indexOf('--plan');
  if (i < 0 || !args[i + 1]) return -1; // not a plan migration: the caller runs database migrations
  try {
    const s = settings(args);
    const plan = JSON.parse(await readFile(args[i + 1], 'utf8')) as { definitionKey: string; [k: string]: unknown };
    const { definitionKey, ...rest } = plan;
    const result = await call(s, 'POST', `/definitions/${definitionKey}/migrations`, { ...rest, dryRun: args.includes('--dry-run') });
    if (args.includes('--dry-run')) {
      console.log(`${result.movable} can move, ${result.blocked} cannot`);
      for (const v of result.instances) console.log(`  ${v.movable ? '✓' : '✗'} ${v.instanceId} ${v.businessKey ?? ''} ${v.from.join(',')} → ${v.to?.join(',') ?? '-'}${v.reason ? `  (${v.reason})` : ''}`);
    } else {
      console.log(`moved ${result.moved.length}; blocked ${result.blocked.length}`);
      for (const v of result.blocked) console.log(`  ✗ ${v.instanceId}: ${v.reason}`);
    }
    // A dry run informs; an applied migration that left instances behind is a failure to look at.
    return !args.includes('--dry-run') && result.blocked.length > 0 ? 1 : 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}
