import 'reflect-metadata';
import { EnvironmentError } from '#libs/config';
import { answer, EXIT, overview, type Spec } from './cli.js';
import * as specs from './specs.js';

type Handler = (args: string[]) => Promise<number>;

// Each command's module is loaded when it runs: `phoihop backup` need not load the engine, `validate`
// no database driver, and `--help` or a refused argument (answered from specs.ts) loads none of them.
const commands: Record<string, { spec: Spec; load: () => Promise<Handler> }> = {
  migrate: { spec: specs.migrate, load: async () => (await import('./commands/migrate.js')).migrate },
  validate: { spec: specs.validate, load: async () => (await import('./commands/validate.js')).validate },
  simulate: { spec: specs.simulate, load: async () => (await import('./commands/design.js')).simulate },
  diagram: { spec: specs.diagram, load: async () => (await import('./commands/design.js')).diagram },
  publish: { spec: specs.publish, load: async () => (await import('./commands/remote.js')).publish },
  units: { spec: specs.units, load: async () => (await import('./commands/user.js')).units },
  user: { spec: specs.user, load: async () => (await import('./commands/user.js')).user },
  audit: { spec: specs.audit, load: async () => (await import('./commands/audit.js')).audit },
  backup: { spec: specs.backup, load: async () => (await import('./commands/backup.js')).backup },
  restore: { spec: specs.restore, load: async () => (await import('./commands/backup.js')).restore },
  demo: { spec: specs.demo, load: async () => (await import('./commands/demo.js')).demo },
};

const HELP = overview(Object.values(commands).map((c) => c.spec));

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(HELP);
    return EXIT.ok;
  }
  if (name === 'help') {
    // `phoihop help audit export` is `phoihop audit export --help`.
    const [topic, ...sub] = rest;
    if (topic === undefined) console.log(HELP);
    else if (Object.hasOwn(commands, topic)) answer(commands[topic].spec, [...sub, '--help']);
    else {
      console.error(`phoihop help: unknown command "${topic}"; the commands: ${Object.keys(commands).join(', ')}`);
      return EXIT.usage;
    }
    return EXIT.ok;
  }
  if (!Object.hasOwn(commands, name)) {
    console.error(`phoihop: unknown ${name.startsWith('-') ? 'option' : 'command'} "${name}"; the commands: ${Object.keys(commands).join(', ')}\nRun "phoihop help" for more.`);
    return EXIT.usage;
  }
  // Help, and arguments the command would refuse, are answered before its code is loaded.
  const { spec, load } = commands[name];
  return answer(spec, rest) ?? (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // The embedded server's refusals (by name: importing persistence here would load the driver for every command) say what to do in one sentence.
    console.error(error instanceof EnvironmentError || error?.name === 'EmbeddedPostgresError' ? error.message : error);
    process.exit(error instanceof EnvironmentError ? EXIT.usage : EXIT.failed);
  },
);
