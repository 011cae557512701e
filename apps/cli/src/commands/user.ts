import { readFile } from 'node:fs/promises';
import { IdentityRepository, createDataSource } from '#libs/persistence';
import { hashPassword, passwordProblem, roleProblem, usernameProblem } from '#libs/identity';
import { EXIT, group, run, type Parsed } from '../cli.js';
import { withDatabase } from '../database.js';
import { units as unitsSpec, user as userSpec } from '../specs.js';

/** `phoihop user create`: the first admin of a real deployment (the embedded default seeds demo accounts instead). */
export async function user(args: string[]): Promise<number> {
  return group(userSpec, args, { create: (rest) => run(userSpec.commands.create, rest, create) });
}

async function create({ values }: Parsed<typeof userSpec.commands.create.options>): Promise<number> {
  const { username, role, unit } = values;
  // The rules of the api's user routes: no engine name (`system`) as a username or a role.
  const badName = usernameProblem(username);
  if (badName) {
    console.error(`username: ${badName}`);
    return EXIT.usage;
  }
  const badRole = roleProblem(role);
  if (badRole) {
    console.error(`role: ${badRole}`);
    return EXIT.usage;
  }
  const password = values['password-stdin'] ? (await readStdin()).split('\n')[0] : process.env.PHOIHOP_PASSWORD;
  if (!password) {
    console.error('give the password on standard input with --password-stdin, or in PHOIHOP_PASSWORD');
    return EXIT.usage;
  }
  const problem = passwordProblem(password, username);
  if (problem) {
    console.error(`password ${problem}`);
    return EXIT.usage;
  }
  return withDatabase(async (url) => {
    const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const repo = new IdentityRepository();
      if (!(await repo.listUnits(ds.manager)).some((u) => u.key === unit)) {
        console.error(`no org unit "${unit}": load units first (phoihop units load workflows/seed/ward.json)`);
        return EXIT.failed;
      }
      if (await repo.findUserByUsername(ds.manager, username)) {
        console.error(`a user named "${username}" already exists`);
        return EXIT.failed;
      }
      const created = await repo.insertUser(ds.manager, {
        username,
        displayName: values['display-name'] ?? username,
        passwordHash: await hashPassword(password),
        memberships: [{ role, unit }],
      });
      console.log(`created ${created.username} (${created.id}) with ${role} in ${unit}`);
      return EXIT.ok;
    } finally {
      await ds.destroy();
    }
  });
}

/** `phoihop units load FILE`: org units from a seed file (the ward's are in workflows/seed/ward.json). */
export async function units(args: string[]): Promise<number> {
  return group(unitsSpec, args, { load: (rest) => run(unitsSpec.commands.load, rest, load) });
}

async function load({ positionals: [file] }: Parsed<typeof unitsSpec.commands.load.options>): Promise<number> {
  let seed: { units: Array<{ key: string; name: { vi: string; en: string }; parentKey: string | null }> };
  try {
    seed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`✗ ${file}: ${(error as Error).message}`);
    return EXIT.failed;
  }
  return withDatabase(async (url) => {
    const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const repo = new IdentityRepository();
      for (const u of seed.units) await repo.upsertUnit(ds.manager, u);
      console.log(`loaded ${seed.units.length} org units`);
      return EXIT.ok;
    } finally {
      await ds.destroy();
    }
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
