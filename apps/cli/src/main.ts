import 'reflect-metadata';
import { EnvironmentError } from '#libs/config';
import { audit } from './commands/audit.js';
import { diagram, simulate } from './commands/design.js';
import { migrate } from './commands/migrate.js';
import { migratePlan, publish } from './commands/remote.js';
import { units, user } from './commands/user.js';
import { validate } from './commands/validate.js';

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
  phoihop help                 this text

Run inside the repository with: npx phoihop <command>  (or npm run phoihop -- <command>)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      const planned = await migratePlan(rest);
      return planned >= 0 ? planned : migrate();
    }
    case 'simulate':
      return simulate(rest);
    case 'diagram':
      return diagram(rest);
    case 'publish':
      return publish(rest);
    case 'validate':
      return validate(rest);
    case 'user':
      return user(rest);
    case 'units':
      return units(rest);
    case 'audit':
      return audit(rest);
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
    console.error(error instanceof EnvironmentError ? error.message : error);
    process.exit(error instanceof EnvironmentError ? 2 : 1);
  },
);
