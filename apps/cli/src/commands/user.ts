import { readFile } from 'node:fs/promises';
import { IdentityRepository, createDataSource } from '#libs/persistence';
import { hashPassword, passwordProblem, roleProblem, usernameProblem } from '#libs/identity';
import { withDatabase } from '../database.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const USAGE = `usage: phoihop user create --username NAME --role ROLE --unit UNIT [--display-name TEXT] [--password-stdin]
  The password is read from standard input (one line) or from PHOIHOP_PASSWORD; the unit must exist
  (phoihop units load FILE seeds them, e.g. workflows/seed/ward.json).`;

/** `phoihop user create`: the first admin of a real deployment (the embedded default seeds demo accounts instead). */
export async function user(args: string[]): Promise<number> {
  if (args[0] !== 'create') {
    console.error(USAGE);
    return 2;
  }
  const username = option(args, 'username');
  const role = option(args, 'role');
  const unit = option(args, 'unit');
  if (!username || !role || !unit) {
    console.error(USAGE);
    return 2;
  }
  // The rules of the api's user routes: no engine name (`system`) as a username or a role.
  const badName = usernameProblem(username);
  if (badName) {
    console.error(`username: ${badName}`);
    return 2;
  }
  const badRole = roleProblem(role);
  if (badRole) {
    console.error(`role: ${badRole}`);
    return 2;
  }
  const password = args.includes('--password-stdin') ? (await readStdin()).split('\n')[0] : process.env.PHOIHOP_PASSWORD;
  if (!password) {
    console.error('give the password on standard input with --password-stdin, or in PHOIHOP_PASSWORD');
    return 2;
  }
  const problem = passwordProblem(password, username);
  if (problem) {
    console.error(`password ${problem}`);
    return 2;
  }
  return withDatabase(async (url) => {
    const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const repo = new IdentityRepository();
      if (!(await repo.listUnits(ds.manager)).some((u) => u.key === unit)) {
        console.error(`no org unit "${unit}": load units first (phoihop units load workflows/seed/ward.json)`);
        return 1;
      }
      if (await repo.findUserByUsername(ds.manager, username)) {
        console.error(`a user named "${username}" already exists`);
        return 1;
      }
      const created = await repo.insertUser(ds.manager, {
        username,
        displayName: option(args, 'display-name') ?? username,
        passwordHash: await hashPassword(password),
        memberships: [{ role, unit }],
      });
      console.log(`created ${created.username} (${created.id}) with ${role} in ${unit}`);
      return 0;
    } finally {
      await ds.destroy();
    }
  });
}

/** `phoihop units load FILE`: org units from a seed file (the ward's are in workflows/seed/ward.json). */
export async function units(args: string[]): Promise<number> {
  if (args[0] !== 'load' || !args[1]) {
    console.error('usage: phoihop units load FILE');
    return 2;
  }
  const seed = JSON.parse(await readFile(args[1], 'utf8')) as { units: Array<{ key: string; name: { vi: string; en: string }; parentKey: string | null }> };
  return withDatabase(async (url) => {
    const ds = await createDataSource({ url, poolSize: 2, applicationName: 'phoihop-cli' }).initialize();
    try {
      const repo = new IdentityRepository();
      for (const u of seed.units) await repo.upsertUnit(ds.manager, u);
      console.log(`loaded ${seed.units.length} org units`);
      return 0;
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
