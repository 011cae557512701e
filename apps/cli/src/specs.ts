import { command, type GroupSpec } from './cli.js';

/**
 * Every command's arguments, options, help and exit codes, in one place that loads nothing else: the
 * help is printed from here without loading the engine or a database driver.
 */

const SERVER = 'the running server (default: PHOIHOP_SERVER, else http://localhost:3000)';
const REMOTE_ENV = {
  PHOIHOP_TOKEN: 'an API token (POST /api/v1/me/tokens)',
  PHOIHOP_SERVER: 'the server when --server is not given',
};
const DATABASE_ENV = {
  DATABASE_URL: 'the PostgreSQL database; when unset, the embedded one under DATA_DIR',
  DATA_DIR: 'the embedded database\'s directory (default ./.data)',
};

export const migrate = command({
  name: 'migrate',
  summary: 'apply pending database migrations, or move running instances to another version',
  usage: ['migrate', 'migrate --plan FILE [--dry-run] [--server URL]'],
  description: `Without --plan: applies the pending migrations to DATABASE_URL, or to the embedded database
under DATA_DIR (created when there is none).
With --plan: moves the running instances of one version to another on a running server. The plan is
{ "definitionKey", "fromVersion", "toVersion", "stateMap"?, "instanceIds"? } (docs/admins.md).`,
  options: {
    plan: { type: 'string', value: 'FILE', description: 'the migration plan (JSON); the instances move on the server, not here' },
    'dry-run': { type: 'boolean', description: 'with --plan: list who can move and why not; nothing moves' },
    server: { type: 'string', value: 'URL', description: `with --plan: ${SERVER}` },
  },
  environment: { ...DATABASE_ENV, PHOIHOP_TOKEN: 'with --plan: an admin\'s API token', PHOIHOP_SERVER: REMOTE_ENV.PHOIHOP_SERVER },
  exits: {
    0: 'the database is up to date; with --plan, every instance moved (a dry run: the list was printed)',
    1: 'a migration failed, or the server refused the plan, or (not a dry run) some instances could not move',
    2: '--dry-run or --server without --plan',
  },
});

export const simulate = command({
  name: 'simulate',
  summary: 'paths through a definition, state and transition coverage, dead ends',
  usage: ['simulate FILE'],
  arguments: [{ name: 'FILE', description: 'a workflow definition (JSON)' }],
  options: {},
  exits: { 0: 'no dead end', 1: 'a reachable state has no way out, or the file is unreadable or invalid' },
});

export const diagram = command({
  name: 'diagram',
  summary: 'a Mermaid stateDiagram-v2 of a definition, on standard output',
  usage: ['diagram FILE [--lang vi|en] [--collapse STATE,STATE] [--depth N]'],
  description: `Guards are drawn as their description, or read from their params ("soNguoi > 200",
"có vai trò chu-tich"); deadlines, reminders and escalations are notes on their states. A large
workflow reads better with its compound states collapsed: each is drawn as one node, and the
transitions of the states inside it attach to that node.`,
  arguments: [{ name: 'FILE', description: 'a workflow definition (JSON)' }],
  options: {
    lang: { type: 'string', value: 'vi|en', choices: ['vi', 'en'], description: 'the labels\' language (default vi)' },
    collapse: { type: 'string', value: 'STATE,STATE', description: 'draw these compound states as one node (state paths such as xuLy.thamDinh, or keys)' },
    depth: { type: 'string', value: 'N', description: 'draw only N levels of states: those deeper are folded into their ancestor' },
  },
  exits: { 0: 'the diagram was printed', 1: 'the file is unreadable or invalid', 2: '--depth is not a whole number from 1, or --collapse names a state FILE lacks' },
});

export const publish = command({
  name: 'publish',
  summary: 'publish a definition file as the next version of its workflow, on a running server',
  usage: ['publish FILE [--replace-draft] [--server URL]'],
  description: `Checks FILE on the server (its problems and warnings are printed; an invalid file is not sent
further), makes it a draft and publishes the draft. Document templates named in FILE are read from
beside it. When the workflow already has a draft (one per key): a draft the same as FILE is
published; a different one is left alone unless --replace-draft. A draft this command made and
the server then refused to publish is removed again.`,
  arguments: [{ name: 'FILE', description: 'a workflow definition (JSON)' }],
  options: {
    'replace-draft': { type: 'boolean', description: 'replace the workflow\'s existing draft with FILE, then publish it' },
    server: { type: 'string', value: 'URL', description: SERVER },
  },
  environment: { PHOIHOP_TOKEN: 'an admin\'s API token (POST /api/v1/me/tokens)', PHOIHOP_SERVER: REMOTE_ENV.PHOIHOP_SERVER },
  exits: {
    0: 'published (the new version, its checksum and any warnings are printed)',
    1: 'the file is unreadable or invalid, the server refused (e.g. a reachable dead end), or the workflow\nhas a different draft and --replace-draft was not given',
  },
});

export const validate = command({
  name: 'validate',
  summary: 'check workflow definition files: every problem and warning with its JSON pointer',
  usage: ['validate [--strict] [--server URL] FILE...'],
  description: `Problems (the JSON Schema, then the static checks) make a file invalid. Warnings (e.g. a human
event with no sender rule or no schema) are printed and do not fail, unless --strict.
Here, nothing leaves this machine; with --server the files are checked by a running server instead,
which adds what only it knows: roles no user holds yet, and the document templates.`,
  arguments: [{ name: 'FILE', description: 'a workflow definition (JSON); several may be given', variadic: true }],
  options: {
    strict: { type: 'boolean', description: 'a file with warnings fails too (exit 1)' },
    server: { type: 'string', value: 'URL', description: 'check on this running server (POST /api/v1/definitions/validate)' },
  },
  environment: { PHOIHOP_TOKEN: 'with --server: an API token (POST /api/v1/me/tokens)' },
  exits: {
    0: 'every file is valid (warnings, if any, were printed)',
    1: 'a file is unreadable or invalid, or (--strict) has warnings; or the server could not be asked',
  },
});

export const units = {
  name: 'units',
  summary: 'org units',
  commands: {
    load: command({
      name: 'units load',
      summary: 'load org units from a seed file (the ward\'s: workflows/seed/ward.json)',
      usage: ['units load FILE'],
      description: 'Adds the units of FILE, and updates those already there, in DATABASE_URL or the embedded database.',
      arguments: [{ name: 'FILE', description: 'a seed file: { "units": [{ "key", "name": { "vi", "en" }, "parentKey" }] }' }],
      options: {},
      environment: DATABASE_ENV,
      exits: { 0: 'the units were loaded', 1: 'the file is unreadable, or the database refused' },
    }),
  },
} satisfies GroupSpec;

export const user = {
  name: 'user',
  summary: 'users',
  commands: {
    create: command({
      name: 'user create',
      summary: 'create a user (the first admin: --role admin --unit phuong-an-phong)',
      usage: ['user create --username NAME --role ROLE --unit UNIT [--display-name TEXT] [--password-stdin]'],
      description: `The password is read from standard input (its first line) with --password-stdin, or from
PHOIHOP_PASSWORD. The unit must exist (phoihop units load workflows/seed/ward.json).`,
      options: {
        username: { type: 'string', value: 'NAME', required: true, description: 'the sign-in name' },
        role: { type: 'string', value: 'ROLE', required: true, description: 'the role held: admin, auditor, a workflow\'s role…' },
        unit: { type: 'string', value: 'UNIT', required: true, description: 'the org unit the role is held in' },
        'display-name': { type: 'string', value: 'TEXT', description: 'the name shown (default: the username)' },
        'password-stdin': { type: 'boolean', description: 'read the password from standard input' },
      },
      environment: { ...DATABASE_ENV, PHOIHOP_PASSWORD: 'the password, without --password-stdin' },
      // The rules of the api's user routes.
      exits: {
        0: 'the user was created',
        1: 'the unit does not exist, or the username is taken',
        2: 'a username, role or password the rules refuse (a reserved name, a short password…), or no password',
      },
    }),
  },
} satisfies GroupSpec;

export const audit = {
  name: 'audit',
  summary: 'the audit ledger and the history',
  commands: {
    verify: command({
      name: 'audit verify',
      summary: 're-walk the audit ledger; check it against a signed checkpoint kept elsewhere',
      usage: ['audit verify [--checkpoint FILE [--public-key PEM_FILE]] [--digest GSEQ:HASH]'],
      options: {
        checkpoint: { type: 'string', value: 'FILE', description: 'a checkpoint (.data/checkpoints/checkpoint-*.json) the ledger must still match' },
        'public-key': { type: 'string', value: 'PEM_FILE', description: 'with --checkpoint: the key its signature must verify with' },
        digest: {
          type: 'string',
          value: 'GSEQ:HASH',
          description: 'a ledger digest printed on the dashboard or a periodic report and kept with the papers (the hash may be cut to its first 16 characters or more)',
        },
      },
      environment: DATABASE_ENV,
      exits: { 0: 'the ledger is intact (and matches the checkpoint and the digest)', 1: 'the ledger is broken, or differs from the checkpoint or the digest, or the signature does not verify' },
    }),
    export: command({
      name: 'audit export',
      summary: 'export the history to standard output (progress on standard error)',
      usage: ['audit export [--format ndjson|csv] [--definition-key K] [--event-type T] [--actor U] [--business-key B] [--from ISO] [--to ISO] > FILE'],
      options: {
        format: { type: 'string', value: 'ndjson|csv', choices: ['ndjson', 'csv'], description: 'the format (default ndjson)' },
        'definition-key': { type: 'string', value: 'K', description: 'one workflow\'s instances' },
        'event-type': { type: 'string', value: 'T', description: 'one kind of step' },
        actor: { type: 'string', value: 'U', description: 'one person\'s steps' },
        'business-key': { type: 'string', value: 'B', description: 'one case' },
        from: { type: 'string', value: 'ISO', description: 'steps at or after this time (ISO 8601)' },
        to: { type: 'string', value: 'ISO', description: 'steps before this time (ISO 8601)' },
      },
      environment: DATABASE_ENV,
      exits: { 0: 'exported', 1: 'the database refused' },
    }),
  },
} satisfies GroupSpec;

export const backup = command({
  name: 'backup',
  summary: 'a logical backup (one consistent snapshot, gzip) of DATABASE_URL or the embedded database',
  usage: ['backup --out FILE'],
  description: 'Attachments kept outside the database (FILE_STORE) are written into the backup too. See docs/backups.md.',
  options: {
    out: { type: 'string', value: 'FILE', required: true, description: 'the backup file; it must not exist yet' },
    format: { type: 'string', value: 'phoihop', description: 'the built-in format, the only one written here' },
  },
  environment: { ...DATABASE_ENV, FILE_STORE: 'where the attachments are kept' },
  exits: { 0: 'the backup was written', 1: 'refused (the file exists, there is no database) or failed' },
});

export const restore = command({
  name: 'restore',
  summary: 'restore a backup into an empty database, then verify every hash chain',
  usage: ['restore --in FILE [--force] [--check] [--skip-verify]'],
  description: `Restores FILE into DATABASE_URL, or the embedded database under DATA_DIR (a new DATA_DIR gets a
new cluster), in one transaction. See docs/backups.md.`,
  options: {
    in: { type: 'string', value: 'FILE', required: true, description: 'the backup file' },
    force: { type: 'boolean', description: 'also accept a database that holds no workflow instances, erasing what a first start seeded there' },
    check: { type: 'boolean', description: 'only read and check the file; no database is touched' },
    'skip-verify': { type: 'boolean', description: 'do not verify the hash chains, attachments and ledger afterwards' },
  },
  environment: { ...DATABASE_ENV, FILE_STORE: 'where the attachments go' },
  exits: { 0: 'restored and verified (--check: the file is complete and intact)', 1: 'refused (the database is not empty), a damaged file, or a broken chain' },
});

export const demo = command({
  name: 'demo',
  summary: 'fill an empty embedded database with a demo ward year (cases DEMO-…, tasks, deadlines)',
  usage: ['demo'],
  description: `Brings the embedded database under DATA_DIR up as \`npm start\` would (migrations, the workflows
in WORKFLOWS_DIR, the ward's units and one demo account per role), then tells a believable year of
phường An Phong through the runtime: complaints, denunciations, petitions, reception sessions,
proposal appraisals, the annual plan, a Dân vận khéo campaign with its nominations… in every kind
of state, some overdue, with work in every demo account's inbox. Every case's business key starts
with DEMO-, and the audit log gets one "demo.seeded" entry. A database already seeded is left as
it is (exit 0); one that holds any other case is refused (exit 1). See docs/demo.md.`,
  options: {},
  environment: {
    DATA_DIR: 'the embedded database\'s directory (default ./.data)',
    WORKFLOWS_DIR: 'the definitions to publish (default ./workflows)',
    DEMO_PASSWORD: 'the demo accounts\' password when they are created (else a random one, kept in DATA_DIR)',
    DATABASE_URL: 'must be unset: demo data goes only into the embedded database',
  },
  exits: {
    0: 'the demo year was seeded, or the database already held it (nothing was added)',
    1: 'refused: DATABASE_URL is set, or the database holds real cases; or the database failed',
  },
});
