/**
 * Validation of workflow definitions: JSON-ness, then the JSON Schema (Ajv, allErrors), then
 * static checks (targets, event catalogue, vocabulary params, roles, outcomes, deadlines, loops).
 * Never throws: every problem becomes a ValidationIssue with a JSON pointer and a code.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import { ajvIssues, createAjv, toIssueValidator } from './ajv.js';
import { actionParamSchemas, definitionSchema, guardParamSchemas } from './definition.schema.js';
import { designChecks } from './design/checks.js';
import { presentationIssues } from './design/presentation-checks.js';
import type { NodeInfo } from './node-info.js';
import { FORBIDDEN_SEGMENTS, isPlainObject, ptr, scanJson, splitPath } from './json.js';
import { START_STEP, type ActionRef, type DurationDefinition, type GuardRef, type Operand, type StateNodeDefinition, type TransitionObject, type ValidationIssue, type WorkflowDefinition } from './types.js';
import { expressionIssues, isExpression } from './expressions.js';
import { SUMMARY_PLACEHOLDER } from './presentation.js';

/** Roles every definition may name without declaring them. */
export const BUILTIN_ROLES: readonly string[] = ['admin', 'auditor', 'system'];

/** Keys of XState configs a definition may not use inside `machine`. */
export const FORBIDDEN_MACHINE_KEYS: ReadonlySet<string> = new Set([
  'after',
  'invoke',
  'delays',
  'history',
  'activities',
  'actors',
  'guards',
  'actions',
  'schemas',
  'types',
  'context',
  'input',
  'options',
  'version',
  'src',
  'onError',
  'onSnapshot',
  'target',
  'predictableActionArguments',
  'preserveActionOrder',
]);

export type { NodeInfo } from './node-info.js';

export interface Analysis {
  issues: ValidationIssue[];
  definition?: WorkflowDefinition;
  machineId?: string;
  root?: NodeInfo;
  nodes?: NodeInfo[];
  ajv?: Ajv;
  payloadValidators?: Map<string, (data: unknown) => ValidationIssue[]>;
  inputValidator?: (data: unknown) => ValidationIssue[];
}

// ---------------------------------------------------------------------------------------------
// Lazily compiled, shared validators for the definition format itself (static schemas).

let definitionValidator: ValidateFunction | undefined;
let guardValidators: Map<string, ValidateFunction> | undefined;
let actionValidators: Map<string, ValidateFunction> | undefined;

function formatValidators() {
  if (!definitionValidator || !guardValidators || !actionValidators) {
    // Verbose: errors carry the failing schema and value, so messages name what was expected there.
    const ajv = createAjv({ verbose: true });
    definitionValidator = ajv.compile(definitionSchema as object);
    guardValidators = new Map(Object.entries(guardParamSchemas).map(([k, s]) => [k, ajv.compile(s)]));
    actionValidators = new Map(Object.entries(actionParamSchemas).map(([k, s]) => [k, ajv.compile(s)]));
  }
  return { definitionValidator, guardValidators, actionValidators };
}

let sharedMetaAjv: Ajv | undefined;

/** Validates user schemas against the JSON Schema meta-schema; never compiles user schemas. */
function metaAjv(): Ajv {
  return (sharedMetaAjv ??= createAjv());
}

// ---------------------------------------------------------------------------------------------

export function analyzeDefinition(input: unknown): Analysis {
  const scan = scanJson(input);
  if (scan) return { issues: [{ path: scan.path, code: scan.code, message: scan.message }] };

  const { definitionValidator: validate } = formatValidators();
  if (!validate(input)) {
    const issues = ajvIssues(validate.errors).map((i) => {
      if (i.code === 'unknown_key' && i.path.startsWith('/machine/')) {
        const last = i.path.slice(i.path.lastIndexOf('/') + 1);
        if (FORBIDDEN_MACHINE_KEYS.has(last)) {
          return { ...i, code: 'forbidden_key', message: `"${last}" is not allowed in a definition's machine` };
        }
      }
      if (i.code === 'invalid_value' && /\/type$/.test(i.path) && i.path.startsWith('/machine')) {
        return { ...i, message: `state type must be "parallel" or "final" (history states are not supported)` };
      }
      return i;
    });
    return { issues };
  }
  return new StaticChecker(input as WorkflowDefinition).run();
}

class StaticChecker {
  private readonly issues: ValidationIssue[] = [];
  private readonly nodes: NodeInfo[] = [];
  private readonly idMap = new Map<string, NodeInfo>();
  private readonly roles: Set<string>;
  private readonly events: Set<string>;
  private readonly deadlines = new Map<string, NodeInfo>();
  /** Child group -> definition it starts, and the groups `childrenDone` waits for (with where). */
  private readonly childGroups = new Map<string, string>();
  private readonly waitedGroups: Array<{ group: string; at: string }> = [];
  private readonly machineId: string;
  private root!: NodeInfo;

  constructor(private readonly def: WorkflowDefinition) {
    this.roles = new Set([...Object.keys(def.roles ?? {}), ...BUILTIN_ROLES]);
    this.events = new Set(Object.keys(def.events));
    this.machineId = def.machine.id ?? def.key;
  }

  private add(path: string, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Schedule keys are unique, and the input a schedule starts instances with must pass inputSchema. */
  private checkSchedules(inputValidator: ((data: unknown) => ValidationIssue[]) | undefined): void {
    const seen = new Set<string>();
    (this.def.schedules ?? []).forEach((schedule, i) => {
      if (seen.has(schedule.key)) this.add(`/schedules/${i}/key`, 'duplicate_key', `schedule key "${schedule.key}" is used twice`);
      seen.add(schedule.key);
      for (const issue of inputValidator?.(schedule.input ?? {}) ?? []) {
        this.add(`/schedules/${i}${issue.path}`, 'invalid_schedule_input', `the schedule's input breaks inputSchema: ${issue.message}`);
      }
    });
  }

  /**
   * Document keys are unique; each is produced by a declared event or by entering a declared state
   * (exactly one), and numbered into a payload field that its event declares and does not require.
   */
  private checkDocuments(): void {
    const seen = new Set<string>();
    const states = new Map(this.nodes.map((n) => [n.path, n]));
    (this.def.documents ?? []).forEach((d, i) => {
      const at = `/documents/${i}`;
      if (seen.has(d.key)) this.add(`${at}/key`, 'duplicate_key', `document key "${d.key}" is used twice`);
      seen.add(d.key);
      if ((d.on === undefined) === (d.onEnter === undefined)) {
        this.add(at, 'document_trigger', `document "${d.key}" needs exactly one of "on" (the event that issues it, e.g. "on": "THU_LY") and "onEnter" (the state whose entry issues it, e.g. "onEnter": "daThuLy")`);
        return;
      }
      if (!d.templateData && !d.template) this.add(`${at}/template`, 'missing_template', `document "${d.key}" names no template (a DOCX file "template", or its bytes "templateData")`);
      if (d.onEnter !== undefined) {
        const node = states.get(d.onEnter);
        if (!node || node.path === '') {
          this.add(`${at}/onEnter`, 'unknown_state', `document "${d.key}" is issued on entering "${d.onEnter}", which is not a state of the machine (write its dotted path, e.g. "giaiQuyet.xacMinh")`);
        } else if (node.segs.every((_, k) => states.get(node.segs.slice(0, k).join('.'))?.def.initial === node.segs[k])) {
          this.add(`${at}/onEnter`, 'initial_state', `document "${d.key}" is issued on entering "${d.onEnter}", which the case enters when it starts: no step issues it (issue it with "on" and the first event instead)`);
        }
        if (d.number.field !== undefined) {
          this.add(`${at}/number/field`, 'number_field_on_enter', `document "${d.key}" is issued on entering a state, so no payload carries its number: leave "field" out (templates read the number as {so})`);
        }
        return;
      }
      const event = this.def.events[d.on!];
      if (!event) {
        this.add(`${at}/on`, 'unknown_event', `document "${d.key}" is produced by "${d.on}", which is not in the event catalogue`);
        return;
      }
      const field = d.number.field;
      if (field !== undefined && (event.kind === 'timer' || event.kind === 'system')) {
        this.add(`${at}/number/field`, 'number_field_system_event', `"${d.on}" is sent by ${event.kind === 'timer' ? 'a deadline' : 'the system'}, whose payload carries no number: leave "field" out (templates read the number as {so})`);
      } else if (field !== undefined) {
        const props = payloadProperties(event.schema);
        if (!props.has(field)) this.add(`${at}/number/field`, 'unknown_field', `the number field "${field}" is not a property of ${d.on}'s payload schema`);
        const required = (event.schema as { required?: unknown } | undefined)?.required;
        if (Array.isArray(required) && required.includes(field)) {
          this.add(`${at}/number/field`, 'number_field_required', `the number field "${field}" is filled by the system, so ${d.on}'s payload schema may not require it`);
        }
      }
    });
  }

  run(): Analysis {
    this.root = this.buildTree(this.def.machine, '', [], '/machine', undefined);
    this.idMap.set(this.machineId, this.root);
    for (const n of this.nodes) this.checkIds(n);
    for (const n of this.nodes) this.checkStructure(n);
    for (const n of this.nodes) this.collectDeadlines(n);
    const alwaysEdges = new Map<NodeInfo, { to: NodeInfo; ptr: string }[]>();
    for (const n of this.nodes) this.checkTransitions(n, alwaysEdges);
    for (const n of this.nodes) this.checkMeta(n);
    this.checkSenders();
    this.checkConfidential();
    this.checkChildGroups();
    if (!this.issues.length) this.checkAlwaysCycles(alwaysEdges);
    // Design checks (unreachable states, dead ends, tasks and deadlines that do nothing): only on a
    // structurally sound tree, so that every target resolves and every path is meaningful.
    if (!this.issues.length) {
      for (const i of designChecks(this.def, this.root, this.nodes, (n, t) => this.resolveTarget(n, t))) this.issues.push(i);
    }
    // User schemas: checked against the meta-schema by a shared Ajv (its meta-schema validator is
    // compiled once), then compiled by an Ajv of this definition's own, so `$id`s never collide.
    const ajv = createAjv({ validateSchema: false });
    const compileUserSchema = (schema: unknown, at: string, prefix: string) => {
      try {
        const meta = metaAjv();
        if (!meta.validateSchema(schema as object)) {
          const detail = (meta.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
          this.add(at, 'invalid_schema', `not a valid JSON Schema: ${detail}`);
          return undefined;
        }
        return toIssueValidator(ajv.compile(schema as object), prefix);
      } catch (err) {
        this.add(at, 'invalid_schema', errorMessage(err));
        return undefined;
      }
    };
    const payloadValidators = new Map<string, (data: unknown) => ValidationIssue[]>();
    for (const [type, ev] of Object.entries(this.def.events)) {
      if (ev.schema === undefined) continue;
      const v = compileUserSchema(ev.schema, `/events/${ptr(type)}/schema`, '/payload');
      if (v) payloadValidators.set(type, v);
    }
    let inputValidator: ((data: unknown) => ValidationIssue[]) | undefined;
    if (this.def.inputSchema !== undefined) {
      inputValidator = compileUserSchema(this.def.inputSchema, '/inputSchema', '/input');
    }
    this.checkSchedules(inputValidator);
    this.checkDocuments();
    for (const i of presentationIssues(this.def)) this.issues.push(i);
    return {
      issues: this.issues,
      definition: this.def,
      machineId: this.machineId,
      root: this.root,
      nodes: this.nodes,
      ajv,
      payloadValidators,
      inputValidator,
    };
  }

  // -- tree ------------------------------------------------------------------------------------

  private buildTree(def: StateNodeDefinition, key: string, segs: string[], pointer: string, parent: NodeInfo | undefined): NodeInfo {
    const hasChildren = !!def.states && Object.keys(def.states).length > 0;
    const kind: NodeInfo['kind'] = def.type === 'final' ? 'final' : def.type === 'parallel' ? 'parallel' : hasChildren ? 'compound' : 'atomic';
    const handles = new Set(parent?.handles ?? []);
    for (const t of Object.keys(def.on ?? {})) handles.add(t);
    const node: NodeInfo = {
      key,
      segs,
      path: segs.join('.'),
      ptr: pointer,
      def,
      parent,
      children: new Map(),
      kind,
      handles,
    };
    this.nodes.push(node);
    for (const [k, child] of Object.entries(def.states ?? {})) {
      node.children.set(k, this.buildTree(child, k, [...segs, k], `${pointer}/states/${ptr(k)}`, node));
    }
    return node;
  }

  private checkIds(n: NodeInfo): void {
    if (n.def.id === undefined || n === this.root) return;
    const existing = this.idMap.get(n.def.id);
    if (existing) {
      this.add(`${n.ptr}/id`, 'duplicate_state_id', `state id "${n.def.id}" is already used by ${existing.ptr}`);
    } else {
      this.idMap.set(n.def.id, n);
    }
  }

  private checkStructure(n: NodeInfo): void {
    const d = n.def;
    if (n === this.root) {
      if (d.type === 'final') this.add('/machine/type', 'invalid_state', 'the machine root cannot be a final state');
      if (d.onDone !== undefined) this.add('/machine/onDone', 'forbidden_key', 'the machine root cannot have onDone');
    }
    if (n.kind === 'final') {
      for (const k of ['states', 'initial', 'on', 'always', 'onDone'] as const) {
        if (d[k] !== undefined) this.add(`${n.ptr}/${k}`, 'invalid_state', `a final state cannot have "${k}"`);
      }
      if (d.meta?.task) this.add(`${n.ptr}/meta/task`, 'invalid_state', 'a final state cannot open a task');
      if (d.meta?.deadlines?.length) {
        this.add(`${n.ptr}/meta/deadlines`, 'invalid_state', 'a final state cannot have deadlines');
      }
      return;
    }
    if (n.kind === 'parallel') {
      if (!n.children.size) this.add(`${n.ptr}/states`, 'required', 'a parallel state needs child states (regions)');
      if (d.initial !== undefined) {
        this.add(`${n.ptr}/initial`, 'invalid_initial', 'a parallel state has no initial state: all regions are entered');
      }
    } else if (n.kind === 'compound') {
      if (d.initial === undefined) this.add(`${n.ptr}/initial`, 'required', 'a state with child states needs "initial"');
      else if (!n.children.has(d.initial)) {
        this.add(`${n.ptr}/initial`, 'invalid_initial', `"${d.initial}" is not a child state of this state`);
      }
    } else {
      if (d.initial !== undefined) {
        this.add(`${n.ptr}/initial`, 'invalid_initial', 'a state without child states cannot have "initial"');
      }
      if (d.onDone !== undefined) {
        this.add(`${n.ptr}/onDone`, 'invalid_state', 'onDone needs child states (it fires when they reach a final state)');
      }
    }
  }

  private collectDeadlines(n: NodeInfo): void {
    (n.def.meta?.deadlines ?? []).forEach((dl, i) => {
      const other = this.deadlines.get(dl.key);
      if (other) {
        this.add(`${n.ptr}/meta/deadlines/${i}/key`, 'duplicate_deadline_key', `deadline key "${dl.key}" is already used in ${other.ptr}`);
      } else {
        this.deadlines.set(dl.key, n);
      }
    });
  }

  // -- transitions -----------------------------------------------------------------------------

  private checkTransitions(n: NodeInfo, alwaysEdges: Map<NodeInfo, { to: NodeInfo; ptr: string }[]>): void {
    const d = n.def;
    for (const [type, t] of Object.entries(d.on ?? {})) {
      const base = `${n.ptr}/on/${ptr(type)}`;
      if (!this.events.has(type)) {
        this.add(base, 'unknown_event', `event "${type}" is not declared in "events"`);
      }
      for (const item of normalizeTransitions(t, base)) this.checkTransition(n, item.t, item.ptr);
    }
    if (d.onDone !== undefined) {
      for (const item of normalizeTransitions(d.onDone, `${n.ptr}/onDone`)) this.checkTransition(n, item.t, item.ptr);
    }
    if (d.always !== undefined) {
      for (const item of normalizeTransitions(d.always, `${n.ptr}/always`)) {
        const targets = this.checkTransition(n, item.t, item.ptr);
        if (!item.t.guard) {
          if (!item.t.target) {
            this.add(item.ptr, 'always_loop', 'an "always" transition without guard and target would loop forever');
          } else {
            const list = alwaysEdges.get(n) ?? [];
            for (const to of targets) list.push({ to, ptr: item.ptr });
            alwaysEdges.set(n, list);
          }
        }
      }
    }
    this.checkActionList(d.entry, `${n.ptr}/entry`);
    this.checkActionList(d.exit, `${n.ptr}/exit`);
  }

  /** Returns the resolved target nodes. */
  private checkTransition(n: NodeInfo, t: NormalizedTransition['t'], base: string): NodeInfo[] {
    const resolved: NodeInfo[] = [];
    if (t.target !== undefined) {
      const list = Array.isArray(t.target) ? t.target : [t.target];
      list.forEach((target, i) => {
        const p = t.__fromString ? base : Array.isArray(t.target) ? `${base}/target/${i}` : `${base}/target`;
        const r = this.resolveTarget(n, target);
        if (typeof r === 'string') this.add(p, 'invalid_target', r);
        else resolved.push(r);
      });
    }
    if (t.guard) this.checkGuard(t.guard, `${base}/guard`);
    this.checkActionList(t.actions, `${base}/actions`);
    return resolved;
  }

  /** Mirrors XState v5's target resolution: sibling path, `.child` path or `#id(.path)`. */
  private resolveTarget(source: NodeInfo, target: string): NodeInfo | string {
    let start: NodeInfo | undefined;
    let rest: string;
    if (target.startsWith('#')) {
      const [id, ...more] = target.slice(1).split('.');
      start = this.idMap.get(id);
      if (!start) return `no state has id "${id}"`;
      rest = more.join('.');
      if (!more.length) return start;
    } else if (target.startsWith('.')) {
      start = source;
      rest = target.slice(1);
    } else {
      if (!source.parent) return `"${target}" cannot be a target of the machine root; use ".${target}" or "#id"`;
      start = source.parent;
      rest = target;
    }
    let cur = start;
    for (const seg of rest.split('.')) {
      const next = seg ? cur.children.get(seg) : undefined;
      if (!next) {
        const where = cur.path ? `state "${cur.path}"` : 'the machine root';
        return `"${target}" does not resolve: ${where} has no child state "${seg}"`;
      }
      cur = next;
    }
    return cur;
  }

  // -- guards and actions ----------------------------------------------------------------------

  private checkGuard(ref: GuardRef, base: string): void {
    const { guardValidators } = formatValidators();
    const validate = guardValidators.get(ref.type);
    if (!validate) {
      this.add(`${base}/type`, 'unknown_guard', `unknown guard "${ref.type}"; known: ${[...guardValidators.keys()].join(', ')}`);
      return;
    }
    const params = (ref.params ?? {}) as Record<string, any>;
    if (!validate(params)) {
      for (const i of ajvIssues(validate.errors, `${base}/params`)) {
        this.add(i.path, 'invalid_params', `${ref.type}: ${i.message}`);
      }
      return;
    }
    switch (ref.type) {
      case 'hasRole':
        this.checkRole(params.role, `${base}/params/role`);
        break;
      case 'compare':
        this.checkOperand(params.left, `${base}/params/left`);
        this.checkOperand(params.right, `${base}/params/right`);
        break;
      case 'exists':
        this.checkPath(params.path, `${base}/params/path`);
        break;
      case 'notSameActor':
        if (params.path !== undefined) this.checkPath(params.path, `${base}/params/path`);
        this.checkSteps(params.steps, `${base}/params/steps`);
        break;
      case 'all':
      case 'any':
        (params.guards as GuardRef[]).forEach((g, i) => this.checkGuard(g, `${base}/params/guards/${i}`));
        break;
      case 'not':
        this.checkGuard(params.guard as GuardRef, `${base}/params/guard`);
        break;
      case 'childrenDone':
        this.waitedGroups.push({ group: params.group, at: `${base}/params/group` });
        break;
      case 'expression':
        this.checkExpression(params.expression, `${base}/params/expression`);
        break;
    }
  }

  /** A group waited for must be started somewhere, and one group starts one definition. */
  private checkChildGroups(): void {
    for (const w of this.waitedGroups) {
      if (!this.childGroups.has(w.group)) this.add(w.at, 'unknown_child_group', `no startChildren action starts the group "${w.group}"`);
    }
  }

  private checkActionList(list: ActionRef | ActionRef[] | undefined, base: string): void {
    if (list === undefined) return;
    if (Array.isArray(list)) list.forEach((a, i) => this.checkAction(a, `${base}/${i}`));
    else this.checkAction(list, base);
  }

  private checkAction(ref: ActionRef, base: string): void {
    const { actionValidators } = formatValidators();
    const validate = actionValidators.get(ref.type);
    if (!validate) {
      this.add(`${base}/type`, 'unknown_action', `unknown action "${ref.type}"; known: ${[...actionValidators.keys()].join(', ')}`);
      return;
    }
    const params = (ref.params ?? {}) as Record<string, any>;
    if (!validate(params)) {
      for (const i of ajvIssues(validate.errors, `${base}/params`)) {
        this.add(i.path, 'invalid_params', `${ref.type}: ${i.message}`);
      }
      return;
    }
    const p = `${base}/params`;
    switch (ref.type) {
      case 'assign':
        for (const [key, op] of Object.entries(params.set as Record<string, Operand>)) {
          this.checkPath(key, `${p}/set/${ptr(key)}`);
          this.checkOperand(op, `${p}/set/${ptr(key)}`);
        }
        break;
      case 'increment':
      case 'recordActor':
        this.checkPath(params.path, `${p}/path`);
        break;
      case 'append':
        this.checkPath(params.path, `${p}/path`);
        this.checkOperand(params.item, `${p}/item`);
        break;
      case 'notify': {
        (params.roles ?? []).forEach((r: string, i: number) => (isExpression(r) ? this.checkExpression(r, `${p}/roles/${i}`) : this.checkRole(r, `${p}/roles/${i}`)));
        (params.users ?? []).forEach((u: unknown, i: number) => {
          if (isPlainObject(u)) this.checkOperand(u as Operand, `${p}/users/${i}`);
          else if (isExpression(u)) this.checkExpression(u, `${p}/users/${i}`);
        });
        if (!(params.roles?.length || params.users?.length)) {
          this.add(p, 'invalid_params', 'notify: give at least one of "roles" or "users"');
        }
        break;
      }
      case 'emit':
        for (const [key, op] of Object.entries((params.data ?? {}) as Record<string, Operand>)) {
          this.checkOperand(op, `${p}/data/${ptr(key)}`);
        }
        break;
      case 'startChildren': {
        const known = this.childGroups.get(params.group);
        if (known !== undefined && known !== params.definition) {
          this.add(`${p}/definition`, 'child_group_conflict', `group "${params.group}" already starts "${known}"; use another group for "${params.definition}"`);
        }
        this.childGroups.set(params.group, params.definition);
        if (params.forEach) this.checkPath(params.forEach, `${p}/forEach`);
        if (params.where !== undefined) {
          if (!params.forEach) this.add(`${p}/where`, 'invalid_params', 'startChildren: "where" chooses among the items of "forEach", so it needs "forEach"');
          this.checkExpression(params.where, `${p}/where`);
        }
        for (const [key, op] of Object.entries((params.input ?? {}) as Record<string, Operand>)) this.checkOperand(op, `${p}/input/${ptr(key)}`);
        break;
      }
      case 'extendDeadline':
        if (!this.deadlines.has(params.deadline)) {
          this.add(`${p}/deadline`, 'unknown_deadline', `no state declares a deadline with key "${params.deadline}"`);
        }
        if (params.reason) this.checkOperand(params.reason, `${p}/reason`);
        this.checkDurationExpressions(params.by, `${p}/by`);
        break;
    }
  }

  private checkOperand(op: Operand, base: string): void {
    if ('path' in op && typeof op.path === 'string') this.checkPath(op.path, `${base}/path`);
  }

  private checkPath(path: string, at: string): void {
    for (const seg of splitPath(path)) {
      if (FORBIDDEN_SEGMENTS.has(seg)) {
        this.add(at, 'invalid_path', `path segment "${seg}" is not allowed`);
        return;
      }
    }
  }

  /** Steps named by separation of duties or `sentBy.actorsOf` are declared events (or `@start`). */
  private checkSteps(steps: string[] | undefined, at: string): void {
    (steps ?? []).forEach((step, i) => {
      if (step !== START_STEP && !this.events.has(step)) this.add(`${at}/${i}`, 'unknown_event', `step "${step}" is not an event declared in "events" (or "${START_STEP}")`);
    });
  }

  private checkSenders(): void {
    (this.def.startableBy?.roles ?? []).forEach((r, i) => this.checkRole(r, `/startableBy/roles/${i}`));
    for (const [type, ev] of Object.entries(this.def.events)) {
      if (!ev.sentBy) continue;
      const at = `/events/${ptr(type)}/sentBy`;
      if (ev.kind !== 'human') this.add(at, 'sent_by_not_human', `only human events name who may send them; "${type}" is a ${ev.kind} event`);
      (ev.sentBy.roles ?? []).forEach((r, i) => this.checkRole(r, `${at}/roles/${i}`));
      this.checkSteps(ev.sentBy.actorsOf, `${at}/actorsOf`);
    }
  }

  /**
   * Confidential fields name who may read them (roles declared or built in, steps that are states of
   * the machine or `@start`) and stay out of what everyone reads: the summary (lists, notifications,
   * e-mails) and the search text.
   */
  private checkConfidential(): void {
    const states = new Set(this.nodes.map((n) => n.path).filter(Boolean));
    const summary = new Set([...(this.def.summary ?? '').matchAll(SUMMARY_PLACEHOLDER)].map((m) => m[1]));
    for (const [path, field] of Object.entries(this.def.fields ?? {})) {
      const mark = field.confidential;
      if (!mark) continue;
      const at = `/fields/${ptr(path)}/confidential`;
      if (!mark.roles?.length && !mark.units?.length && !mark.steps?.length) {
        this.add(at, 'confidential_without_readers', `"${path}" is confidential but names no reader: give "roles", "units" or "steps" (the people who handle the case)`);
      }
      (mark.roles ?? []).forEach((r, i) => this.checkRole(r, `${at}/roles/${i}`));
      (mark.units ?? []).forEach((u, i) => {
        if (!UNIT_PATTERN.test(u)) this.add(`${at}/units/${i}`, 'unknown_unit', `"${u}" is not an org unit code (lower case letters, digits and hyphens)`);
      });
      (mark.steps ?? []).forEach((step, i) => {
        if (step !== START_STEP && !states.has(step)) {
          this.add(`${at}/steps/${i}`, 'unknown_state', `step "${step}" is not a state of the machine (a dotted state path such as "xuLy.xacMinh", or "${START_STEP}")`);
        }
      });
      if (field.search) this.add(`/fields/${ptr(path)}/search`, 'confidential_field_searched', `"${path}" is confidential, so its words may not find the case (anyone could search for them): drop "search"`);
      (this.def.reporting?.breakdowns ?? []).forEach((b, i) => {
        const read = b.path.replace(/^context\./, '');
        if (read === path || read.startsWith(`${path}.`) || path.startsWith(`${read}.`)) {
          this.add(`/reporting/breakdowns/${i}/path`, 'confidential_field_reported', `the report breaks cases down by "${b.path}", which is confidential: the report would print its values`);
        }
      });
      for (const placeholder of summary) {
        if (placeholder === path || placeholder.startsWith(`${path}.`) || path.startsWith(`${placeholder}.`)) {
          this.add('/summary', 'confidential_field_in_summary', `the summary shows {${placeholder}}, which is confidential: lists, notifications and e-mails would show it to everyone`);
        }
      }
    }
  }

  private checkRole(role: string, at: string): void {
    if (!this.roles.has(role)) {
      this.add(at, 'unknown_role', `role "${role}" is not declared in "roles" (built-in: ${BUILTIN_ROLES.join(', ')})`);
    }
  }

  // -- meta: tasks and deadlines ---------------------------------------------------------------

  /** Event types accepted while `n` is active: its own, its ancestors' and its descendants'. */
  private accepted(n: NodeInfo): Set<string> {
    const out = new Set(n.handles);
    const walk = (m: NodeInfo) => {
      for (const c of m.children.values()) {
        for (const t of Object.keys(c.def.on ?? {})) out.add(t);
        walk(c);
      }
    };
    walk(n);
    return out;
  }

  private checkMeta(n: NodeInfo): void {
    const meta = n.def.meta;
    if (!meta) return;
    const base = `${n.ptr}/meta`;
    if (meta.task) {
      meta.task.roles.forEach((r, i) => this.checkRole(r, `${base}/task/roles/${i}`));
      if (typeof meta.task.units === 'string') this.checkExpression(meta.task.units, `${base}/task/units`);
      if (meta.task.assignee !== undefined) this.checkExpression(meta.task.assignee, `${base}/task/assignee`);
      const accepted = this.accepted(n);
      (meta.task.outcomes ?? []).forEach((o, i) => {
        const at = `${base}/task/outcomes/${i}`;
        if (!this.events.has(o)) this.add(at, 'unknown_event', `event "${o}" is not declared in "events"`);
        else if (!accepted.has(o)) {
          this.add(at, 'outcome_not_accepted', `outcome "${o}" is not accepted in state "${n.path}" or its descendants`);
        }
      });
    }
    (meta.deadlines ?? []).forEach((dl, i) => {
      const at = `${base}/deadlines/${i}`;
      if (dl.event !== undefined) {
        if (!this.events.has(dl.event)) this.add(`${at}/event`, 'unknown_event', `event "${dl.event}" is not declared in "events"`);
        else if (!this.accepted(n).has(dl.event)) {
          this.add(`${at}/event`, 'deadline_event_not_accepted', `deadline event "${dl.event}" is not accepted in state "${n.path}" or its descendants`);
        }
      }
      if ((dl.after === undefined) === (dl.before === undefined)) {
        this.add(at, 'deadline_span', `deadline "${dl.key}" needs exactly one of "after" (counted forward, e.g. "after": { "workingDays": 10 }) and "before" (counted back from a date in the case, e.g. "before": { "workingDays": 2 }, "from": { "context": "ngaySuKien" })`);
      } else if (dl.before !== undefined && typeof dl.from !== 'object') {
        this.add(`${at}/from`, 'deadline_before_needs_date', `deadline "${dl.key}" is counted back ("before"), so it needs the date it counts back from: "from": { "context": "ngaySuKien" }`);
      }
      if (typeof dl.from === 'object') this.checkPath(dl.from.context, `${at}/from/context`);
      this.checkSpan(dl.after ?? dl.before, `${at}/${dl.after !== undefined ? 'after' : 'before'}/duration`);
      (dl.reminders ?? []).forEach((r, j) => this.checkSpan(r.before, `${at}/reminders/${j}/before/duration`));
      if (dl.when !== undefined) this.checkExpression(dl.when, `${at}/when`);
      this.checkDurationExpressions(dl.after, `${at}/after`);
      this.checkDurationExpressions(dl.before, `${at}/before`);
      (dl.reminders ?? []).forEach((r, j) => this.checkDurationExpressions(r.before, `${at}/reminders/${j}/before`));
      (dl.escalate?.notify?.users ?? []).forEach((u, j) => isExpression(u) && this.checkExpression(u, `${at}/escalate/notify/users/${j}`));
      (dl.escalate?.addRoles ?? []).forEach((r, j) => this.checkRole(r, `${at}/escalate/addRoles/${j}`));
      (dl.escalate?.notify?.roles ?? []).forEach((r, j) =>
        isExpression(r) ? this.checkExpression(r, `${at}/escalate/notify/roles/${j}`) : this.checkRole(r, `${at}/escalate/notify/roles/${j}`),
      );
    });
  }

  /** A FEEL expression of the definition (expressions.ts): its syntax and the limits that keep it cheap. */
  private checkExpression(expression: unknown, at: string): void {
    if (!isExpression(expression)) return; // the schema has said what is wrong
    for (const issue of expressionIssues(expression)) this.add(at, issue.code, `${issue.message}; see docs/definition-format.md#expressions`);
  }

  private checkDurationExpressions(span: DurationDefinition | undefined, at: string): void {
    if (!isPlainObject(span)) return;
    for (const [unit, value] of Object.entries(span)) if (isExpression(value)) this.checkExpression(value, `${at}/${unit}`);
  }

  /**
   * An ISO duration is bounded like `days` (36500): a limit the calendar cannot count would be
   * refused at run time, case by case, instead of here.
   */
  private checkSpan(span: DurationDefinition | undefined, at: string): void {
    const iso = span && 'duration' in span ? span.duration : undefined;
    if (typeof iso !== 'string' || isExpression(iso)) return;
    const days = isoDurationDays(iso);
    if (days > MAX_SPAN_DAYS) {
      this.add(at, 'duration_too_long', `the duration ${iso} is about ${Math.round(days)} days; a time limit may be at most ${MAX_SPAN_DAYS} days (100 years), e.g. "P2Y" or { "days": 730 }`);
    }
  }

  // -- eventless loops -------------------------------------------------------------------------

  /** States that become active when `target` is entered: itself, its ancestors, its default descendants. */
  private entered(target: NodeInfo): NodeInfo[] {
    const out: NodeInfo[] = [];
    for (let a: NodeInfo | undefined = target; a; a = a.parent) out.push(a);
    const down = (m: NodeInfo) => {
      if (m.kind === 'parallel') {
        for (const c of m.children.values()) {
          out.push(c);
          down(c);
        }
      } else if (m.kind === 'compound' && m.def.initial) {
        const c = m.children.get(m.def.initial);
        if (c) {
          out.push(c);
          down(c);
        }
      }
    };
    down(target);
    return out;
  }

  private checkAlwaysCycles(edges: Map<NodeInfo, { to: NodeInfo; ptr: string }[]>): void {
    const graph = new Map<NodeInfo, NodeInfo[]>();
    for (const [from, list] of edges) {
      const next: NodeInfo[] = [];
      for (const { to } of list) for (const m of this.entered(to)) if (edges.has(m)) next.push(m);
      graph.set(from, next);
    }
    const state = new Map<NodeInfo, 1 | 2>();
    const reported = new Set<NodeInfo>();
    const visit = (n: NodeInfo): boolean => {
      state.set(n, 1);
      for (const m of graph.get(n) ?? []) {
        const s = state.get(m);
        if (s === 1 || (s === undefined && visit(m))) {
          if (!reported.has(n)) {
            reported.add(n);
            this.add(edges.get(n)![0].ptr, 'always_loop', `unguarded "always" transitions form a cycle through state "${n.path}"`);
          }
          state.set(n, 2);
          return true;
        }
      }
      state.set(n, 2);
      return false;
    };
    for (const n of graph.keys()) if (!state.has(n)) visit(n);
  }
}

type NormalizedTransition = { t: TransitionObject & { __fromString?: boolean }; ptr: string };

function normalizeTransitions(t: unknown, base: string): NormalizedTransition[] {
  if (typeof t === 'string') return [{ t: { target: t, __fromString: true }, ptr: base }];
  if (Array.isArray(t)) return t.map((x, i) => ({ t: x as TransitionObject, ptr: `${base}/${i}` }));
  return [{ t: t as TransitionObject, ptr: base }];
}

/** The longest time limit, as for `days` and `workingDays` in the schema. */
/** An org unit's code, as the ward's units are named ("ubnd", "van-phong-hdnd-ubnd"). */
const UNIT_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_SPAN_DAYS = 36500;

/** An ISO-8601 duration's length in days, counting a year as 365.25 days and a month as 31 (an upper bound is what matters). */
function isoDurationDays(iso: string): number {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) return 0;
  const [y, mo, w, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0));
  return y * 365.25 + mo * 31 + w * 7 + d + h / 24 + mi / 1440 + sec / 86400;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The names built into every document template (the number, the date, the issuer, the recipients). */
export const DOCUMENT_BUILTINS: readonly string[] = ['so', 'ngay', 'thang', 'nam', 'diaDanhNgay', 'coQuan', 'coQuanCapTren', 'noiNhan', 'tenVanBan', 'maHoSo'];

function payloadProperties(schema: unknown): Set<string> {
  const props = isPlainObject(schema) && isPlainObject(schema.properties) ? Object.keys(schema.properties) : [];
  return new Set(props);
}

/**
 * The placeholders of each document's template (read from the DOCX by the host, which hands the
 * engine names, not bytes) must name a built-in, a context field, a start input field or a field of
 * the producing event's payload; any other is an issue naming it.
 */
export function documentPlaceholderIssues(def: WorkflowDefinition, placeholders: Record<string, readonly string[]>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  (def.documents ?? []).forEach((d, i) => {
    const payload = d.on !== undefined ? payloadProperties(def.events[d.on]?.schema) : [];
    const known = new Set([...DOCUMENT_BUILTINS, ...Object.keys(def.context ?? {}), ...payloadProperties(def.inputSchema), ...payload]);
    const names = d.on !== undefined ? `built-in, context field or field of ${d.on}'s payload` : 'built-in, context field or start input field';
    for (const name of placeholders[d.key] ?? []) {
      if (!known.has(name)) {
        issues.push({ path: `/documents/${i}/templateData`, code: 'unknown_placeholder', message: `the template of "${d.key}" has the placeholder {${name}}, which names no ${names}` });
      }
    }
  });
  return issues;
}
