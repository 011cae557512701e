import 'reflect-metadata';
import { EnvironmentError } from '#libs/config';

// Each command's module is loaded when it runs: `phoihop backup` need not load the engine, `validate` no database driver.
const commands = {
  audit: () => import('./commands/audit.js'),
  backup: () => import('./commands/backup.js'),
  design: () => import('./commands/design.js'),
  migrate: () => import('./commands/migrate.js'),
  remote: () => import('./commands/remote.js'),
  user: () => import('./commands/user.js'),
  validate: () => import('./commands/validate.js'),
};

const HELP = `phoihop — the Phối Hợp command line

Usage:
  phoihop migrate              apply pending database migrations (DATABASE_URL, or the embedded database under DATA_DIR)
  phoihop migrate --plan FILE [--dry-run] [--server URL]
                               move running instances to another version (plan: definitionKey, fromVersion, toVersion, stateMap)
  phoihop simulate FILE        paths through a definition, state and transition coverage, dead ends (exit 1 if any)
  phoihop diagram FILE [--lang vi|en]
                               Mermaid stateDiagram-v2 of a definition
  phoihop publish FILE [--server URL]
                               create a draft from the file and publish it on a running server
                               (remote commands use PHOIHOP_TOKEN, an admin API token, and PHOIHOP_SERVER)
  phoihop validate FILE...     check workflow definition files; prints every problem with its JSON pointer
  phoihop units load FILE      load org units (the ward's: workflows/seed/ward.json)
  phoihop user create --username NAME --role ROLE --unit UNIT [--display-name TEXT] [--password-stdin]
                               create a user (the first admin: --role admin --unit phuong-an-phong)
  phoihop audit verify [--checkpoint FILE [--public-key PEM]]
                               re-walk the audit ledger; check it against a signed checkpoint kept elsewhere
  phoihop audit export [--format ndjson|csv] [filters] > FILE
                               export history (progress on stderr); filters: --definition-key --event-type --actor --business-key --from --to
  phoihop backup --out FILE    logical backup (one consistent snapshot, gzip) of DATABASE_URL or the embedded database
  phoihop restore --in FILE [--force] [--check] [--skip-verify]
                               restore into an empty database (a new DATA_DIR gets a new cluster), in one transaction,
                               then verify every hash chain; --check only checks the file (docs/backups.md)
  phoihop help                 this text

Run inside the repository with: npx phoihop <command>  (or npm run phoihop -- <command>)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      const planned = await (await commands.remote()).migratePlan(rest);
      return planned >= 0 ? planned : (await commands.migrate()).migrate();
    }
    case 'simulate':
      return (await commands.design()).simulate(rest);
    case 'diagram':
      return (await commands.design()).diagram(rest);
    case 'publish':
      return (await commands.remote()).publish(rest);
    case 'validate':
      return (await commands.validate()).validate(rest);
    case 'user':
      return (await commands.user()).user(rest);
    case 'units':
      return (await commands.user()).units(rest);
    case 'audit':
      return (await commands.audit()).audit(rest);
    case 'backup':
      return (await commands.backup()).backup(rest);
    case 'restore':
      return (await commands.backup()).restore(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // The embedded server's refusals (by name: importing persistence here would load the driver for every command) say what to do in one sentence.
    console.error(error instanceof EnvironmentError || error?.name === 'EmbeddedPostgresError' ? error.message : error);
    process.exit(error instanceof EnvironmentError ? 2 : 1);
  },
);
