import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstBlockedDirectory } from './embedded-postgres.js';

/** Which directory the unprivileged `postgres` user would be stopped at (root starts the embedded server as it). */
describe('firstBlockedDirectory', () => {
  let base: string;
  let owner: { uid: number; gid: number };
  // Neither the owner nor in the owner's group: what `postgres` is to a clone in root's home directory.
  let stranger: { uid: number; gid: number };

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'phoihop-reach-'));
    await chmod(base, 0o755);
    await mkdir(join(base, 'private', 'clone', '.data'), { recursive: true });
    await chmod(join(base, 'private'), 0o700);
    await mkdir(join(base, 'passable', 'clone'), { recursive: true });
    await chmod(join(base, 'passable'), 0o711); // enter, not list: enough to reach what is below
    await mkdir(join(base, 'group-only'), { recursive: true });
    await chmod(join(base, 'group-only'), 0o750);
    const st = await stat(base);
    owner = { uid: st.uid, gid: st.gid };
    stranger = { uid: st.uid + 4242, gid: st.gid + 4242 };
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('names the private directory a stranger may not enter, with its mode', async () => {
    expect(await firstBlockedDirectory(join(base, 'private', 'clone', '.data', 'pg'), stranger)).toEqual({ dir: join(base, 'private'), mode: 0o700 });
  });

  it('lets the owner through, and a stranger through directories with search permission for others', async () => {
    expect(await firstBlockedDirectory(join(base, 'private', 'clone', '.data', 'pg'), owner)).toBeUndefined();
    expect(await firstBlockedDirectory(join(base, 'passable', 'clone', '.data', 'pg'), stranger)).toBeUndefined();
  });

  it('reads the group bit for a member of the directory’s group only', async () => {
    expect(await firstBlockedDirectory(join(base, 'group-only', 'x'), { uid: owner.uid + 4242, gid: owner.gid })).toBeUndefined();
    expect(await firstBlockedDirectory(join(base, 'group-only', 'x'), stranger)).toEqual({ dir: join(base, 'group-only'), mode: 0o750 });
  });

  it('stops at the first directory still to be created (we create it, open to all), and lets root through', async () => {
    expect(await firstBlockedDirectory(join(base, 'not-yet', 'private-later', 'pg'), stranger)).toBeUndefined();
    expect(await firstBlockedDirectory(join(base, 'private', 'clone'), { uid: 0, gid: 0 })).toBeUndefined();
  });
});
