import { actorOf, DomainError, type Principal } from '#libs/core';
import { TasksRepository, TimersRepository } from '#libs/persistence';
import { SYSTEM_ACTOR, type InstanceView } from '#libs/runtime';
import { later } from './clock.js';
import { transitionsFor, satisfy } from './guards.js';
import { buildPayload } from './payloads.js';
import type { Random } from './random.js';
import type { DemoServices, People } from './services.js';

/**
 * One case's story: started at a past instant, then moved on by whoever may act (the task's
 * candidates, the event's `sentBy`, the roles its guards ask for), one step every few working days,
 * with its deadlines firing when their time comes, as the worker would fire them. Each step goes
 * through the same commands as `POST /instances/:id/events`; a step the definition refuses (a guard,
 * the four-eyes rule) is simply not taken and another is tried, so the walk follows whatever the
 * published definition allows today.
 */

export interface Story {
  workflow: string;
  businessKey: string;
  start: Date;
  /** How many steps people take before the story stops (deadlines fire regardless). */
  steps: number;
  input?: Record<string, unknown>;
  /** The case's number in its workflow (varies the texts). */
  index: number;
  /** Stop as soon as this holds (the story that gives someone an inbox task). */
  until?: () => Promise<boolean>;
}

export interface Told {
  id?: string;
  steps: number;
  error?: string;
}

type Json = Record<string, any>;

/** Events that end a case early (withdrawn, forwarded, refused, postponed): one case in five takes them, as a ward sees. */
const ENDINGS = /^(RUT|HUY|DUNG|TRA_LAI_DON|KHONG_PHE_DUYET|CHUYEN_DON|HUONG_DAN|DOI_LICH|HOAN_HOP|HOAN_HOI_NGHI)/;

/** Roles that act for their own unit (its head, the Front committee): guards check the unit they belong to. */
const UNIT_HEADS = ['truong-phong', 'mttq'];

/** The payload fields a refusal says the register numbers itself. */
function numberedFields(error: DomainError): string[] {
  const problems = (error.details?.problems ?? []) as Array<{ field?: string; reason?: string }>;
  return problems.filter((p) => p.field?.startsWith('payload/') && /numbered by the system/.test(p.reason ?? '')).map((p) => p.field!.slice('payload/'.length));
}

export class Walker {
  private readonly timerRows = new TimersRepository();
  private readonly taskRows = new TasksRepository();

  constructor(
    private readonly services: DemoServices,
    private readonly people: People,
    private readonly random: Random,
    /** No step is taken at or after this instant: the demo year ends just before now. */
    private readonly end: Date,
  ) {}

  async tell(story: Story): Promise<Told> {
    const { workflow } = await this.services.definitions.forStart(story.workflow);
    const definition = workflow.definition as Json;
    const started = await this.start(story, definition);
    if ('error' in started) return { steps: 0, error: started.error };
    const root = started.view.id;
    let at = story.start;
    let steps = 0;
    const taken = new Map<string, number>();
    // The letters a reception session takes in and the models a campaign registers are cases too:
    // a story that runs its course gives each child a few steps of its own.
    const budget = async () => story.steps + (story.steps > 2 ? 6 * ((await this.services.queries.get(root)).children?.length ?? 0) : 0);
    while (steps < (await budget()) && !(story.until && (await story.until()))) {
      const next = later(at, this.random);
      if (next >= this.end) break;
      await this.fireDue(root, next, at);
      at = next;
      if (await this.stepAny(root, at, story, taken)) {
        steps++;
        continue;
      }
      // Nobody can act: the case waits for a deadline (a registration period, a report due date).
      const waiting = await this.nextTimer(root, at);
      if (!waiting || waiting >= this.end) break;
      at = waiting;
    }
    // What fell due since the last step has fired by now on a running server: so it has here.
    await this.fireDue(root, this.end, at);
    return { id: root, steps };
  }

  private async start(story: Story, definition: Json): Promise<{ view: InstanceView } | { error: string }> {
    const starters = this.starters(definition);
    let last = 'nobody may start it';
    for (const starter of starters) {
      for (let variant = 0; variant < 3; variant++) {
        const units = starter ? this.unitsFor(starter) : [];
        const generated = buildPayload(definition.inputSchema, { workflow: story.workflow, at: story.start, units, random: this.random, variant, index: story.index });
        const input = { ...generated, ...story.input };
        try {
          const meta = starter ? { actor: actorOf(starter), principal: starter, now: story.start } : { actor: SYSTEM_ACTOR, now: story.start };
          const view = (await this.services.commands.start({ definitionKey: story.workflow, businessKey: story.businessKey, input }, meta)).body;
          await this.services.children.reportPendingChildren(story.start);
          return { view };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          last = `${error.code}: ${error.message}`;
        }
      }
    }
    return { error: last };
  }

  /** Who starts a case: a holder of `startableBy`, the schedule (system) for scheduled workflows, else the first task's people. */
  private starters(definition: Json): Array<Principal | undefined> {
    const out: Array<Principal | undefined> = [];
    for (const role of definition.startableBy?.roles ?? []) this.add(out, this.people.get(role));
    if (definition.schedules?.length) out.push(undefined);
    for (const role of rolesOf(definition.machine?.states?.[definition.machine?.initial]?.meta?.task)) this.add(out, this.people.get(role));
    if (!definition.startableBy) for (const role of Object.keys(definition.roles ?? {})) this.add(out, this.people.get(role));
    return out.length ? out : [undefined];
  }

  private add(list: Array<Principal | undefined>, person: Principal | undefined): void {
    if (person && !list.includes(person)) list.push(person);
  }

  /** The case and its running children, each given a chance to move; true when one did. */
  private async stepAny(root: string, at: Date, story: Story, taken: Map<string, number>): Promise<boolean> {
    const family = await this.family(root);
    for (const view of this.random.shuffle(family)) {
      if (await this.step(view, at, story, taken)) return true;
    }
    return false;
  }

  private async step(view: InstanceView, at: Date, story: Story, taken: Map<string, number>): Promise<boolean> {
    if (view.status !== 'active' || view.allowedEvents.length === 0) return false;
    const { workflow } = await this.services.definitions.forStart(view.definition.key, view.definition.version);
    const definition = workflow.definition as Json;
    const open = (await this.taskRows.listByInstance(this.services.database.manager, view.id)).filter((t) => t.status === 'open');
    for (const type of this.order(view.allowedEvents, taken, view.id, !story.until && story.index % 5 === 3)) {
      const schema = definition.events?.[type]?.schema;
      const validate = workflow.payloadValidators.get(type);
      const transitions = transitionsFor(definition.machine, view.activeStates.map((s) => s.path), type);
      // Fields the register numbers itself (a decision's number): the refusal names them, the next try leaves them out.
      const omitted = new Set<string>();
      for (const person of this.senders(type, definition, open)) {
        for (let variant = 0; variant < 3; variant++) {
          const generated = buildPayload(schema, { workflow: view.definition.key, at, units: this.unitsFor(person), random: this.random, variant, index: story.index });
          // Mostly the first branch (the definitions list the usual way first); now and then one drawn at random, so that outcomes vary.
          const branch = variant === 0 && this.random.next() < 0.3 ? this.random.int(0, 7) : variant;
          const payload = satisfy(generated, transitions, view.context, branch);
          for (const field of omitted) delete payload[field];
          const issues = validate ? validate(payload) : [];
          if (issues.length) {
            if (process.env.PHOIHOP_DEMO_DEBUG) console.error(`  ${view.definition.key} ${type} v${variant}: payload ${JSON.stringify(issues).slice(0, 300)}`);
            continue;
          }
          try {
            await this.services.commands.send(view.id, { type, payload }, { actor: actorOf(person), principal: person, now: at });
            await this.services.children.reportPendingChildren(at);
            taken.set(`${view.id}:${type}`, (taken.get(`${view.id}:${type}`) ?? 0) + 1);
            return true;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            const numbered = numberedFields(error);
            if (numbered.length) {
              numbered.forEach((f) => omitted.add(f));
              variant--;
              continue;
            }
            if (process.env.PHOIHOP_DEMO_DEBUG) console.error(`  ${view.definition.key} ${view.activeStates.map((s) => s.path).join('+')} ${type} by ${person.username} v${variant}: ${error.code} ${error.message} ${JSON.stringify(error.details ?? {})}`.slice(0, 600));
          }
        }
      }
    }
    return false;
  }

  /**
   * The units a person's forms name: a unit's head names their own; anyone else (who assigns work to
   * a unit) names a unit whose head has a demo account, so that the case can go on.
   */
  private unitsFor(person: Principal): string[] {
    const own = person.memberships.map((m) => m.unit);
    const heads = this.random.shuffle(UNIT_HEADS.flatMap((r) => this.people.get(r)?.memberships.map((m) => m.unit) ?? []));
    return person.memberships.some((m) => UNIT_HEADS.includes(m.role)) ? [...own, ...heads] : [...heads, ...own];
  }

  /** Events in the order to try: fresh ones first, at random, then loops (returned, resubmitted) at most twice; early endings only in the stories that end early. */
  private order(events: string[], taken: Map<string, number>, id: string, endings: boolean): string[] {
    const count = (e: string) => taken.get(`${id}:${e}`) ?? 0;
    const fresh = this.random.shuffle(events.filter((e) => count(e) === 0 && !ENDINGS.test(e)));
    const again = this.random.shuffle(events.filter((e) => count(e) > 0 && count(e) < 2 && !ENDINGS.test(e)));
    const early = endings ? this.random.shuffle(events.filter((e) => ENDINGS.test(e))) : [];
    // A case already routed to forwarding or guidance has only such events left: they are its way on.
    const only = fresh.length + again.length === 0 ? events.filter((e) => ENDINGS.test(e) && count(e) < 2) : [];
    return [...early, ...fresh, ...again, ...only.filter((e) => !early.includes(e))];
  }

  /** Who might send `type`: the open task's candidates, then the event's `sentBy`, then whoever its guards name. */
  private senders(type: string, definition: Json, open: Array<{ outcomes: string[]; candidateRoles: string[]; candidateUnits: string[] }>): Principal[] {
    const roles = new Set<string>();
    for (const task of open) if (task.outcomes.includes(type)) task.candidateRoles.forEach((r) => roles.add(r));
    for (const role of definition.events?.[type]?.sentBy?.roles ?? []) roles.add(role);
    for (const role of guardRoles(definition.machine, type)) roles.add(role);
    const people = [...roles].map((r) => this.people.get(r)).filter((p): p is Principal => !!p);
    return people.length ? people : [...this.people.values()].filter((p) => !['admin', 'auditor'].includes(p.username));
  }

  /** The case and its children still running (a campaign's nominations, a reception session's letters). */
  private async family(root: string): Promise<InstanceView[]> {
    const view = await this.services.queries.get(root);
    const children = await Promise.all((view.children ?? []).filter((c) => c.status === 'active').map((c) => this.services.queries.get(c.id)));
    return [view, ...children];
  }

  private async familyIds(root: string): Promise<string[]> {
    return (await this.family(root)).map((v) => v.id);
  }

  private async pending(root: string) {
    const out = [];
    for (const id of await this.familyIds(root)) {
      out.push(...(await this.timerRows.listByInstance(this.services.database.manager, id)).filter((t) => t.status === 'pending'));
    }
    return out.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  }

  private async nextTimer(root: string, after: Date): Promise<Date | undefined> {
    return (await this.pending(root)).find((t) => t.fireAt > after)?.fireAt;
  }

  /**
   * Fires, in due order and each at its own instant, the timers of the case and its children due by
   * `until`; a timer armed already late (counted from a date the case holds) fires at `floor`, the
   * last step, so that the history never goes back in time.
   */
  private async fireDue(root: string, until: Date, floor: Date): Promise<void> {
    // A deadline whose event the definition refuses stays pending for the admins to see, as on a server.
    const refused = new Set<string>();
    for (let guard = 0; guard < 200; guard++) {
      const [next] = (await this.pending(root)).filter((t) => t.fireAt <= until && !refused.has(t.id));
      if (!next) return;
      const at = next.fireAt > floor ? next.fireAt : floor;
      const outcome = await this.services.timers.fireTimer(next.id, next.jobId, at).catch(() => refused.add(next.id) && undefined);
      await this.services.children.reportPendingChildren(at);
      if (outcome === 'stale') await this.cancelStale(next.id, at);
      floor = at;
    }
  }

  private async cancelStale(id: string, at: Date): Promise<void> {
    await this.timerRows.cancel(this.services.database.manager, id, at);
  }
}

function rolesOf(task: Json | undefined): string[] {
  return Array.isArray(task?.roles) ? task.roles : [];
}

/** Roles named by `hasRole` guards on the transitions of `type`, anywhere in the machine. */
function guardRoles(machine: Json | undefined, type: string): string[] {
  const roles: string[] = [];
  const visitGuards = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visitGuards);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    if (o.type === 'hasRole' && typeof o.params?.role === 'string') roles.push(o.params.role);
    if (o.type === 'hasRole' && Array.isArray(o.params?.roles)) roles.push(...o.params.roles);
    Object.values(o).forEach(visitGuards);
  };
  const visitStates = (state: Json | undefined): void => {
    if (!state) return;
    if (state.on?.[type]) visitGuards(state.on[type]);
    for (const child of Object.values<Json>(state.states ?? {})) visitStates(child);
  };
  visitStates(machine);
  return [...new Set(roles)];
}
