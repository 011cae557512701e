import type { Principal } from '#libs/core';
import { AuditRepository, IdentityRepository } from '#libs/persistence';
import { businessKey, DEFAULT_PLAN, DEMO_PREFIX, DEMO_YEAR, PLANS, startOf, stepsOf } from './plan.js';
import { officeHours } from './clock.js';
import { Random } from './random.js';
import type { DemoServices, People } from './services.js';
import { Walker } from './walker.js';

/**
 * The demo year, all or nothing of it: refused on a database that holds cases of its own (they are
 * real work, and demo cases among them would mislead), a no-op on a database already seeded (so the
 * boot switch can stay on), otherwise every published workflow's cases told through the runtime,
 * every demo account given work in its inbox, and one `demo.seeded` entry in the audit log that
 * marks the database as a demo for good.
 */

export const DEMO_ACTION = 'demo.seeded';

export interface DemoSummary {
  cases: number;
  byWorkflow: Record<string, { cases: number; states: Record<string, number> }>;
  overdue: number;
  inbox: Record<string, number>;
  skipped: Record<string, string>;
}

export type DemoOutcome =
  | { status: 'seeded'; summary: DemoSummary }
  | { status: 'already'; seededAt: Date }
  | { status: 'refused'; cases: number };

export interface DemoOptions {
  /** The end of the demo year (default: now); every step lies before it. */
  now?: Date;
  log?: (line: string) => void;
}

const SEED = 20_261_216;
const MANAGERS = ['admin', 'auditor'];

export async function seedDemoYear(services: DemoServices, options: DemoOptions = {}): Promise<DemoOutcome> {
  const manager = services.database.manager;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const [marker] = await new AuditRepository().searchAudit(manager, { action: DEMO_ACTION, limit: 1 });
  if (marker) return { status: 'already', seededAt: marker.at };
  const existing = await countCases(services);
  if (existing > 0) return { status: 'refused', cases: existing };

  const people = await demoAccounts(services);
  const random = new Random(SEED);
  // The last step an hour before now: nothing in the history lies in the future.
  const walker = new Walker(services, people, random, new Date(now.getTime() - 3_600_000));
  const skipped: Record<string, string> = {};
  const definitions = (await services.definitions.listLatestPublished()).map((d) => d.key).sort();
  for (const key of definitions) {
    const plan = PLANS[key] === undefined ? DEFAULT_PLAN : PLANS[key];
    if (!plan) continue;
    let told = 0;
    for (let index = 0; index < plan.count; index++) {
      const story = { workflow: key, businessKey: businessKey(plan, index, key), start: officeHours(startOf(plan, index, random.int(-3, 3)), random), steps: stepsOf(plan, index), input: plan.input?.(index), index };
      if (story.start >= now) continue;
      const result = await walker.tell(story);
      if (result.error) skipped[key] = result.error;
      else told++;
    }
    log(`${key}: ${told} case(s)`);
  }
  await fillInboxes(services, people, walker, random, now, log);
  await claimSome(services, people, now);
  const summary = await summarise(services, people, now, skipped);
  await services.audit.record({ actor: { id: 'system', roles: ['system'] }, action: DEMO_ACTION, subjectType: 'database', data: { cases: summary.cases, year: DEMO_YEAR, businessKeys: `${DEMO_PREFIX}*` }, at: now });
  return { status: 'seeded', summary };
}

async function countCases(services: DemoServices): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await services.queries.list({ limit: 200, cursor });
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && count < 10_000);
  return count;
}

/** The accounts the embedded default made, one per role: username = the role's key. */
async function demoAccounts(services: DemoServices): Promise<People> {
  const users = await new IdentityRepository().listUsers(services.database.manager);
  const people: People = new Map();
  for (const u of users) {
    if (!u.active || !u.memberships.some((m) => m.role === u.username)) continue;
    people.set(u.username, { userId: u.id, username: u.username, displayName: u.displayName, memberships: u.memberships });
  }
  return people;
}

async function inboxSize(services: DemoServices, person: Principal, now: Date): Promise<number> {
  return (await services.tasks.inbox(person, { limit: 100 }, now)).items.length;
}

/** Tries of one workflow for one inbox: plans vary their cases by number (an event for 250 people, one for 80). */
const TRIES = 4;

/**
 * A case stopped where an account with an empty inbox has work: a story that runs until the account
 * has a task. Everyday workflows first, with cases started in the last weeks; a yearly one (the
 * campaign, the plan) last, as last year's, whose final steps run into this year.
 */
async function fillInboxes(services: DemoServices, people: People, walker: Walker, random: Random, now: Date, log: (line: string) => void): Promise<void> {
  let extra = 0;
  for (const person of people.values()) {
    const has = async () => (await inboxSize(services, person, now)) > 0;
    if (MANAGERS.includes(person.username) || (await has())) continue;
    const everyday: string[] = [];
    const yearly: string[] = [];
    for (const d of await services.definitions.listLatestPublished()) {
      const { workflow } = await services.definitions.byId(d.id);
      // Only a workflow with a task for the role can fill its inbox (some roles only send events).
      if (PLANS[d.key] === null || !taskRoles((workflow.definition as { machine?: unknown }).machine).has(person.username)) continue;
      (PLANS[d.key]?.yearly ? yearly : everyday).push(d.key);
    }
    for (const key of [...everyday.flatMap((k) => Array<string>(TRIES).fill(k)), ...yearly]) {
      const plan = PLANS[key] ?? DEFAULT_PLAN;
      const index = plan.count + extra++;
      const story = plan.yearly
        ? { start: officeHours(new Date(Date.UTC(DEMO_YEAR - 1, 0, 8, 2)), random), input: { ...plan.input?.(0), nam: DEMO_YEAR - 1 }, businessKey: `${DEMO_PREFIX}${plan.prefix}-${DEMO_YEAR - 1}-001` }
        : { start: officeHours(new Date(now.getTime() - (20 + (extra % 5) * 9) * 86_400_000), random), input: plan.input?.(index), businessKey: businessKey(plan, index, key) };
      await walker.tell({ workflow: key, ...story, steps: 60, index, until: has });
      if (await has()) break;
    }
    log(`${person.username}: ${(await has()) ? 'has' : everyday.length + yearly.length ? 'still has no' : 'no task of any workflow goes to it, so no'} inbox task`);
  }
}

/**
 * Every other account has taken one task, so that "my tasks" as well as "claimable" have something;
 * only tasks no other demo account is a candidate of, so that nobody's inbox is emptied by it.
 */
async function claimSome(services: DemoServices, people: People, now: Date): Promise<void> {
  let n = 0;
  for (const person of people.values()) {
    if (MANAGERS.includes(person.username) || n++ % 2 === 1) continue;
    const { items } = await services.tasks.inbox(person, { bucket: 'claimable', limit: 50 }, now);
    const own = items.find((t) => t.candidateRoles.every((r) => r === person.username || !people.has(r)));
    if (own && items.length > 1) await services.tasks.claim(own.id, person, now).catch(() => undefined);
  }
}

async function summarise(services: DemoServices, people: People, now: Date, skipped: Record<string, string>): Promise<DemoSummary> {
  const byWorkflow: DemoSummary['byWorkflow'] = {};
  let cases = 0;
  let cursor: string | undefined;
  do {
    const page = await services.queries.list({ limit: 200, cursor });
    for (const c of page.items) {
      cases++;
      const entry = (byWorkflow[c.definition.key] ??= { cases: 0, states: {} });
      entry.cases++;
      const state = c.status === 'done' ? `done:${c.activeStates.map((s) => s.path).join('+')}` : c.activeStates.map((s) => s.path).join('+');
      entry.states[state] = (entry.states[state] ?? 0) + 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const overdue = (await services.queries.list({ overdue: true, now, limit: 1000 })).items.length;
  const inbox: Record<string, number> = {};
  for (const person of people.values()) inbox[person.username] = await inboxSize(services, person, now);
  return { cases, byWorkflow, overdue, inbox, skipped };
}

/** The roles the tasks of a machine's states go to. */
function taskRoles(node: unknown, out = new Set<string>()): Set<string> {
  const state = node as { meta?: { task?: { roles?: string[] } }; states?: Record<string, unknown> } | undefined;
  for (const role of state?.meta?.task?.roles ?? []) out.add(role);
  for (const child of Object.values(state?.states ?? {})) taskRoles(child, out);
  return out;
}
