/**
 * JSON Schemas for workflow definitions (see docs/definition-format.md).
 *
 * `definitionSchema` checks the shape of a whole definition. Guard and action references are
 * only checked for shape (`{ type, params }`) there; their params are checked per type against
 * `guardParamSchemas` / `actionParamSchemas` by the static checks, so that an error names the
 * exact reference. Plain data, no imports: tools may serve it as JSON.
 *
 * Where a message alone would not teach (alternatives, patterns, `{ type, params }` references),
 * a schema carries the standard annotations `description` (a noun phrase: what is expected) and
 * `examples` (a short example of each allowed shape); validation messages quote them (ajv.ts).
 */

/** Dotted path that reads a value: `context.…`, `payload.…`, `actor.…`, `event.…`. */
export const READ_PATH_PATTERN = '^(context|payload|actor|event)(\\.[A-Za-z0-9_$-]+)*$';
/** Dotted context path that is written (an optional `context.` prefix is accepted). */
export const WRITE_PATH_PATTERN = '^(context\\.)?[A-Za-z_$][A-Za-z0-9_$-]*(\\.[A-Za-z0-9_$-]+)*$';
export const EVENT_TYPE_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,63}$';
/** A step of a case: an event type, or `@start` (the start). */
export const STEP_NAME_PATTERN = '^(@start|[A-Za-z][A-Za-z0-9_]{0,63})$';
export const STATE_KEY_PATTERN = '^[A-Za-z_][A-Za-z0-9_-]{0,63}$';
export const STATE_ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
export const ROLE_PATTERN = '^[a-z][a-z0-9_-]{0,63}$';
export const DEFINITION_KEY_PATTERN = '^[a-z][a-z0-9-]{1,62}$';
export const DEADLINE_KEY_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
/** ISO-8601 duration, e.g. P3DT4H, PT30M, P1W. */
export const ISO_DURATION_PATTERN = '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$';
export const SCHEDULE_KEY_PATTERN = '^[a-z][a-z0-9-]{0,62}$';
/** Five-field cron: minute hour day-of-month month day-of-week (numbers, *, ranges, lists, steps). */
export const CRON_PATTERN = '^\\s*([0-9*,/-]+)(\\s+[0-9*,/-]+){4}\\s*$';
/** A read path of a `startChildren` input: also `item.…`, the list item the child is started for. */
export const CHILD_INPUT_PATH_PATTERN = '^(item|context|payload|actor|event)(\\.[A-Za-z0-9_$-]+)*$';
export const CHILD_GROUP_PATTERN = '^[a-z][A-Za-z0-9_-]{0,63}$';
/** What a report reads of a finished instance: its context, or its final output. */
export const REPORT_PATH_PATTERN = '^(context|output)(\\.[A-Za-z0-9_$-]+)+$';
export const REPORT_KEY_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
/** A context field as `fields` names it: a top-level key, or a dotted path into it. */
export const FIELD_PATH_PATTERN = '^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z0-9_$-]+)*$';
export const TOPIC_PATTERN = '^[a-z][A-Za-z0-9._-]{0,127}$';

/** The guard and action types of the vocabulary (vocabulary.ts implements them; specs keep the lists in step). */
export const GUARD_TYPE_NAMES: readonly string[] = ['hasRole', 'inUnit', 'compare', 'exists', 'notSameActor', 'all', 'any', 'not', 'childrenDone', 'expression'];
export const ACTION_TYPE_NAMES: readonly string[] = ['assign', 'increment', 'append', 'recordActor', 'notify', 'emit', 'startChildren', 'extendDeadline'];

const orList = (names: readonly string[]) => `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

const roleName = {
  type: 'string',
  pattern: ROLE_PATTERN,
  description: 'a role name (lowercase letters, digits, "-" and "_")',
  examples: ['truong-phong'],
} as const;

const eventType = {
  type: 'string',
  pattern: EVENT_TYPE_PATTERN,
  description: 'an event type (letters, digits and "_", starting with a letter)',
  examples: ['GUI_DUYET'],
} as const;

const stateKey = {
  type: 'string',
  pattern: STATE_KEY_PATTERN,
  description: 'a state key (letters, digits, "_" and "-")',
  examples: ['choDuyet'],
} as const;

const stepName = {
  type: 'string',
  pattern: STEP_NAME_PATTERN,
  description: `an event type, or "@start" (the start)`,
  examples: ['GUI_DUYET', '@start'],
} as const;

const readPath = {
  type: 'string',
  pattern: READ_PATH_PATTERN,
  description: 'a path under context, payload, actor or event',
  examples: ['payload.soTien', 'context.ketQua'],
} as const;

const writePath = {
  type: 'string',
  pattern: WRITE_PATH_PATTERN,
  description: 'a context path',
  examples: ['ketQua', 'hoSo.soTien'],
} as const;

const label = {
  type: 'object',
  description: 'a label in Vietnamese and English',
  examples: [{ vi: 'Duyệt', en: 'Approve' }],
  required: ['vi', 'en'],
  additionalProperties: false,
  properties: {
    vi: { type: 'string', pattern: '\\S', maxLength: 2000, description: 'text that is not blank' },
    en: { type: 'string', pattern: '\\S', maxLength: 2000, description: 'text that is not blank' },
  },
} as const;

/** A FEEL expression of the case (see expressions.ts): "=" and the expression. */
const expression = {
  type: 'string',
  pattern: '^=',
  minLength: 2,
  maxLength: 1001,
  description: 'a FEEL expression: "=" and the expression, e.g. "=donViXuLy"',
  examples: ['=donViXuLy', '=if phucTap then 45 else 30'],
} as const;

/** Who a notification tells by role: role names, or expressions of the case giving one or a list (a session's presider). */
const notifyRoles = { type: 'array', items: { if: { type: 'string', pattern: '^=' }, then: expression, else: roleName } } as const;

const duration = {
  type: 'object',
  examples: [{ days: 10 }, { workingDays: 5 }, { duration: 'PT4H' }],
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    days: { description: 'calendar days (0: by the end of the day), or an expression', if: { type: 'string' }, then: expression, else: { type: 'integer', minimum: 0, maximum: 36500 } },
    workingDays: { description: 'working days, or an expression', if: { type: 'string' }, then: expression, else: { type: 'integer', minimum: 1, maximum: 36500 } },
    duration: {
      description: 'an ISO-8601 duration, or an expression',
      examples: ['P3D', 'PT4H'],
      if: { type: 'string', pattern: '^=' },
      then: expression,
      else: { type: 'string', pattern: ISO_DURATION_PATTERN, description: 'an ISO-8601 duration', examples: ['P3D', 'PT4H'] },
    },
  },
} as const;

const operand = {
  type: 'object',
  examples: [{ path: 'payload.soTien' }, { value: 0 }],
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    path: readPath,
    value: {},
  },
} as const;

const ref = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', minLength: 1 },
    params: { type: 'object' },
  },
} as const;

// `description` labels the guard in diagrams (see design/mermaid.ts); `message` is what a person
// whose step the guard refused reads, under the payload `field` it concerns. Evaluation ignores both.
const guardRef = {
  ...ref,
  description: `a guard object of type ${orList(GUARD_TYPE_NAMES)}`,
  examples: [{ type: 'hasRole', params: { role: '...' } }],
  properties: {
    ...ref.properties,
    description: label,
    message: label,
    field: {
      type: 'string',
      pattern: '^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z0-9_$-]+)*$',
      description: 'the payload field the refusal concerns, as a dotted path without "payload."',
      examples: ['ngayThuLy'],
    },
  },
  dependencies: { field: ['message'] },
} as const;

const actionRef = {
  ...ref,
  description: `an action object of type ${orList(ACTION_TYPE_NAMES)}`,
  examples: [{ type: 'increment', params: { path: 'soLanTraLai' } }],
} as const;

const roleList = { type: 'array', items: roleName } as const;

const userRef = {
  description: 'a user id or an operand',
  examples: ['u-mai', { path: 'context.nguoiNop' }],
  if: { type: 'string' },
  then: { type: 'string', minLength: 1 },
  else: operand,
} as const;

const priority = { enum: ['low', 'normal', 'high', 'urgent'] } as const;

export const definitionSchema = {
  $id: 'https://phoihop.local/schemas/workflow-definition.json',
  type: 'object',
  required: ['key', 'title', 'events', 'machine'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    key: {
      type: 'string',
      pattern: DEFINITION_KEY_PATTERN,
      description: 'lowercase letters, digits and "-" (2 to 63, starting with a letter)',
      examples: ['khieu-nai'],
    },
    title: { $ref: '#/$defs/label' },
    description: { $ref: '#/$defs/label' },
    roles: {
      type: 'object',
      propertyNames: roleName,
      additionalProperties: { $ref: '#/$defs/label' },
    },
    inputSchema: { type: ['object', 'boolean'] },
    summary: {
      type: 'string',
      minLength: 1,
      maxLength: 300,
      description: 'one line that tells a case from the others in lists, with {field} placeholders of context fields',
      examples: ['{nguoiKhieuNai}: {noiDung}'],
    },
    fields: {
      type: 'object',
      description: 'how people see the case data: per context field (a dotted path allowed), its label, whether it is hidden, searched, and how it is shown',
      examples: [{ ngayNhan: { label: { vi: 'Ngày nhận đơn', en: 'Date received' }, format: 'date' } }],
      propertyNames: { type: 'string', pattern: FIELD_PATH_PATTERN, description: 'a context field, e.g. "nguoiKhieuNai" or "xacMinh.ketLuan"' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          label: { $ref: '#/$defs/label' },
          hidden: { type: 'boolean', description: 'true: the field is for the machine (a flag, a counter); no page shows it' },
          search: { type: 'boolean', description: 'true: the field\'s words find the case in search (never for confidential data)' },
          format: { enum: ['text', 'date', 'datetime', 'user', 'users', 'files', 'longText'], description: 'how the web shows the value' },
          confidential: {
            type: 'object',
            additionalProperties: false,
            description: 'kept secret: only these readers see the value, everywhere else it is masked (roles, in units when both are given; members of units; the actors of named steps: state paths or @start)',
            examples: [{ roles: ['chu-tich'], units: ['ubnd'], steps: ['@start', 'xuLyBanDau'] }],
            properties: {
              roles: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
              units: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
              steps: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 300 } },
            },
          },
        },
      },
    },
    values: {
      type: 'object',
      description: 'labels of the enum values people see, e.g. { "truc-tiep": { "vi": "Trực tiếp", "en": "In person" } }',
      propertyNames: { type: 'string', minLength: 1, maxLength: 200 },
      additionalProperties: { $ref: '#/$defs/label' },
    },
    startableBy: {
      type: 'object',
      required: ['roles'],
      additionalProperties: false,
      description: 'who may start a case, e.g. { "roles": ["can-bo-tiep-dan"], "units": ["bo-phan-tiep-cong-dan"] }',
      properties: {
        roles: { type: 'array', minItems: 1, uniqueItems: true, items: roleName },
        units: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 128 } },
      },
    },
    context: { type: 'object' },
    events: {
      type: 'object',
      propertyNames: eventType,
      additionalProperties: { $ref: '#/$defs/eventDefinition' },
    },
    machine: { $ref: '#/$defs/stateNode' },
    schedules: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        required: ['key', 'cron'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', pattern: SCHEDULE_KEY_PATTERN },
          label: { $ref: '#/$defs/label' },
          cron: { type: 'string', pattern: CRON_PATTERN, description: 'a five-field cron (minute hour day month weekday)', examples: ['0 7 * * 1-5'] },
          timezone: { type: 'string', enum: ['Asia/Ho_Chi_Minh', 'UTC'] },
          businessKey: { type: 'string', minLength: 1, maxLength: 200 },
          input: { type: 'object' },
          onDayOff: {
            type: 'string',
            enum: ['next-working-day', 'skip', 'run'],
            description: 'an occurrence on a day off of the ward calendar: start on the next working day at the same time (default), start nothing, or start on the day',
          },
        },
      },
    },
    documents: {
      type: 'array',
      maxItems: 30,
      items: {
        type: 'object',
        required: ['key', 'title', 'number', 'issuer', 'place'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,59}$' },
          title: { $ref: '#/$defs/label' },
          template: { type: 'string', minLength: 1, maxLength: 300 },
          templateData: { type: 'string', maxLength: 4_000_000, pattern: '^[A-Za-z0-9+/=]*$' },
          on: { type: 'string', pattern: EVENT_TYPE_PATTERN },
          onEnter: { type: 'string', minLength: 1, maxLength: 300 },
          number: {
            type: 'object',
            required: ['scheme'],
            additionalProperties: false,
            properties: {
              scheme: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\{seq\\}' },
              series: { type: 'string', minLength: 1, maxLength: 100 },
              field: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' },
            },
          },
          issuer: { type: 'string', minLength: 1, maxLength: 300 },
          place: { type: 'string', minLength: 1, maxLength: 100 },
          recipients: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 300 } },
          values: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string', maxLength: 1000 } } },
        },
      },
    },
    reporting: {
      type: 'object',
      additionalProperties: false,
      properties: {
        breakdowns: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            required: ['key', 'label', 'path'],
            additionalProperties: false,
            properties: {
              key: { type: 'string', pattern: REPORT_KEY_PATTERN },
              label: { $ref: '#/$defs/label' },
              path: { type: 'string', pattern: REPORT_PATH_PATTERN },
              values: { type: 'object', additionalProperties: { $ref: '#/$defs/label' } },
            },
          },
        },
        counters: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            required: ['key', 'label', 'path', 'equals'],
            additionalProperties: false,
            properties: {
              key: { type: 'string', pattern: REPORT_KEY_PATTERN },
              label: { $ref: '#/$defs/label' },
              path: { type: 'string', pattern: REPORT_PATH_PATTERN },
              equals: {},
            },
          },
        },
      },
    },
  },
  $defs: {
    label,
    duration,
    eventDefinition: {
      type: 'object',
      required: ['label', 'kind'],
      additionalProperties: false,
      properties: {
        label: { $ref: '#/$defs/label' },
        description: { $ref: '#/$defs/label' },
        kind: { enum: ['human', 'system', 'timer'] },
        schema: { type: ['object', 'boolean'] },
        sentBy: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          anyOf: [{ required: ['roles'] }, { required: ['actorsOf'] }],
          properties: {
            roles: { type: 'array', minItems: 1, items: roleName },
            units: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            actorsOf: { type: 'array', minItems: 1, items: stepName },
          },
        },
      },
    },
    guardRef,
    actionRef,
    actionList: {
      if: { type: 'array' },
      then: { type: 'array', items: { $ref: '#/$defs/actionRef' } },
      else: { $ref: '#/$defs/actionRef' },
    },
    target: {
      type: 'string',
      minLength: 1,
      maxLength: 1000,
      description: 'a target state: a sibling, ".child" or "#id.path"',
      examples: ['daDuyet'],
    },
    transitionObject: {
      type: 'object',
      description: 'a transition object',
      examples: [{ target: 'daDuyet', guard: '…', actions: '…' }],
      additionalProperties: false,
      properties: {
        target: {
          if: { type: 'array' },
          then: { type: 'array', minItems: 1, items: { $ref: '#/$defs/target' } },
          else: { $ref: '#/$defs/target' },
        },
        guard: { $ref: '#/$defs/guardRef' },
        actions: { $ref: '#/$defs/actionList' },
        reenter: { type: 'boolean' },
        description: { type: 'string' },
        meta: { type: 'object' },
      },
    },
    transition: {
      description: 'a target state, a transition object or a list of transition objects',
      examples: ['daDuyet', { target: 'daDuyet', guard: '…', actions: '…' }],
      if: { type: 'string' },
      then: { $ref: '#/$defs/target' },
      else: {
        if: { type: 'array' },
        then: { type: 'array', items: { $ref: '#/$defs/transitionObject' } },
        else: { $ref: '#/$defs/transitionObject' },
      },
    },
    task: {
      type: 'object',
      required: ['title', 'roles'],
      additionalProperties: false,
      properties: {
        title: { $ref: '#/$defs/label' },
        description: { $ref: '#/$defs/label' },
        roles: { ...roleList, minItems: 1, uniqueItems: true },
        units: { if: { type: 'string' }, then: expression, else: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 128 } } },
        assignee: expression,
        priority,
        outcomes: { type: 'array', uniqueItems: true, items: eventType },
      },
    },
    notify: {
      type: 'object',
      required: ['message'],
      additionalProperties: false,
      properties: {
        roles: notifyRoles,
        users: { type: 'array', items: { type: 'string', minLength: 1 } },
        message: { $ref: '#/$defs/label' },
      },
    },
    deadline: {
      type: 'object',
      required: ['key'],
      additionalProperties: false,
      properties: {
        key: { type: 'string', pattern: DEADLINE_KEY_PATTERN },
        label: { $ref: '#/$defs/label' },
        when: expression,
        after: { $ref: '#/$defs/duration' },
        before: { $ref: '#/$defs/duration' },
        from: {
          examples: ['entry', { context: 'ngayNhan' }],
          if: { type: 'string' },
          then: { const: 'entry' },
          else: {
            type: 'object',
            required: ['context'],
            additionalProperties: false,
            properties: { context: writePath },
          },
        },
        event: eventType,
        escalate: {
          type: 'object',
          additionalProperties: false,
          properties: {
            priority,
            addRoles: roleList,
            notify: { $ref: '#/$defs/notify' },
          },
        },
        reminders: {
          type: 'array',
          items: {
            type: 'object',
            required: ['before'],
            additionalProperties: false,
            properties: {
              before: { $ref: '#/$defs/duration' },
              message: { $ref: '#/$defs/label' },
            },
          },
        },
      },
    },
    stateMeta: {
      type: 'object',
      additionalProperties: false,
      properties: {
        label: { $ref: '#/$defs/label' },
        description: { $ref: '#/$defs/label' },
        task: { $ref: '#/$defs/task' },
        deadlines: { type: 'array', items: { $ref: '#/$defs/deadline' } },
        ui: { type: 'object' },
      },
    },
    stateNode: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: STATE_ID_PATTERN },
        type: { enum: ['parallel', 'final'] },
        initial: stateKey,
        states: {
          type: 'object',
          minProperties: 1,
          propertyNames: stateKey,
          additionalProperties: { $ref: '#/$defs/stateNode' },
        },
        on: {
          type: 'object',
          propertyNames: eventType,
          additionalProperties: { $ref: '#/$defs/transition' },
        },
        always: { $ref: '#/$defs/transition' },
        onDone: { $ref: '#/$defs/transition' },
        entry: { $ref: '#/$defs/actionList' },
        exit: { $ref: '#/$defs/actionList' },
        meta: { $ref: '#/$defs/stateMeta' },
        description: { type: 'string' },
        output: {},
        tags: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
  },
} as const;

/** Schemas of the params of each guard type. */
export const guardParamSchemas: Record<string, Record<string, unknown>> = {
  hasRole: {
    type: 'object',
    required: ['role'],
    additionalProperties: false,
    properties: { role: roleName },
  },
  inUnit: {
    type: 'object',
    required: ['unit'],
    additionalProperties: false,
    properties: { unit: { type: 'string', minLength: 1 } },
  },
  compare: {
    type: 'object',
    required: ['left', 'op', 'right'],
    additionalProperties: false,
    properties: {
      left: operand,
      op: { enum: ['==', '!=', '>', '>=', '<', '<=', 'in', 'notIn', 'contains'] },
      right: operand,
    },
  },
  exists: {
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: { path: readPath },
  },
  notSameActor: {
    type: 'object',
    additionalProperties: false,
    anyOf: [{ required: ['steps'] }, { required: ['path'] }],
    properties: {
      steps: { type: 'array', minItems: 1, items: stepName },
      path: readPath,
    },
  },
  all: {
    type: 'object',
    required: ['guards'],
    additionalProperties: false,
    properties: { guards: { type: 'array', minItems: 1, items: guardRef } },
  },
  any: {
    type: 'object',
    required: ['guards'],
    additionalProperties: false,
    properties: { guards: { type: 'array', minItems: 1, items: guardRef } },
  },
  not: {
    type: 'object',
    required: ['guard'],
    additionalProperties: false,
    properties: { guard: guardRef },
  },
  childrenDone: {
    type: 'object',
    required: ['group'],
    additionalProperties: false,
    properties: { group: { type: 'string', pattern: CHILD_GROUP_PATTERN } },
  },
  expression: {
    type: 'object',
    required: ['expression'],
    additionalProperties: false,
    properties: { expression },
  },
};

/** Schemas of the params of each action type. */
export const actionParamSchemas: Record<string, Record<string, unknown>> = {
  assign: {
    type: 'object',
    required: ['set'],
    additionalProperties: false,
    properties: {
      set: {
        type: 'object',
        minProperties: 1,
        propertyNames: writePath,
        additionalProperties: operand,
      },
    },
  },
  increment: {
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: {
      path: writePath,
      by: { type: 'number' },
    },
  },
  append: {
    type: 'object',
    required: ['path', 'item'],
    additionalProperties: false,
    properties: {
      path: writePath,
      item: operand,
    },
  },
  recordActor: {
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: { path: writePath },
  },
  notify: {
    type: 'object',
    required: ['message'],
    additionalProperties: false,
    properties: {
      roles: notifyRoles,
      users: { type: 'array', items: userRef },
      message: label,
    },
  },
  emit: {
    type: 'object',
    required: ['topic'],
    additionalProperties: false,
    properties: {
      topic: { type: 'string', pattern: TOPIC_PATTERN },
      data: { type: 'object', additionalProperties: operand },
    },
  },
  startChildren: {
    type: 'object',
    required: ['group', 'definition'],
    additionalProperties: false,
    properties: {
      group: { type: 'string', pattern: CHILD_GROUP_PATTERN },
      definition: { type: 'string', pattern: DEFINITION_KEY_PATTERN },
      forEach: writePath,
      where: expression,
      input: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          minProperties: 1,
          maxProperties: 1,
          additionalProperties: false,
          properties: { path: { type: 'string', pattern: CHILD_INPUT_PATH_PATTERN }, value: {} },
        },
      },
    },
  },
  extendDeadline: {
    type: 'object',
    required: ['deadline', 'by'],
    additionalProperties: false,
    properties: {
      deadline: { type: 'string', pattern: DEADLINE_KEY_PATTERN },
      by: duration,
      reason: operand,
    },
  },
};
