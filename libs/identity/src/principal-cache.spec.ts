import { describe, expect, it } from '@jest/globals';
import type { ChannelWatcher, LiveChannel } from '#libs/persistence';
import { IDENTITY_CHANNEL, PrincipalCache, type PrincipalState } from './principal-cache.js';

/**
 * The cache's own rules, with the channel played by hand (test/principal-cache.e2e-spec.ts runs it
 * on a real database across two processes). Times are given, never waited for.
 */
describe('PrincipalCache', () => {
  const state = (credentialsVersion = 0): PrincipalState => ({
    principal: { userId: 'u1', username: 'can-bo', displayName: 'Cán bộ', memberships: [{ role: 'chuyen-vien', unit: 'phuong-an-phong' }] },
    credentialsVersion,
    session: null,
  });

  /** A cache and the watcher it gave the channel (the channel is up once `up()` is called). */
  const setUp = (seconds = 5) => {
    let watcher: ChannelWatcher | undefined;
    let channel: string | undefined;
    const fake = {
      watch: async (name: string, w: ChannelWatcher) => {
        channel = name;
        watcher = w;
        return () => undefined;
      },
      sync: async () => true,
    } as unknown as LiveChannel;
    const cache = new PrincipalCache(fake, { jwtSecret: 'x', accessTtlSeconds: 900, maxFailures: 5, lockoutWindowMs: 60_000, principalCacheSeconds: seconds });
    return { cache, watcher: () => watcher!, channel: () => channel };
  };

  it('serves nothing until the process LISTENs, then what it stored, until its lifetime ends', async () => {
    const { cache, watcher, channel } = setUp();
    expect(await cache.lookup('u1', 's1', 1_000)).toBeUndefined();
    expect(channel()).toBe(IDENTITY_CHANNEL);
    cache.store('u1', 's1', state(), cache.reading(), 1_000);
    expect(cache.size).toBe(0);
    watcher().up();
    cache.store('u1', 's1', state(), cache.reading(), 1_000);
    expect(await cache.lookup('u1', 's1', 5_999)).toEqual(state());
    expect(await cache.lookup('u1', 's2', 5_999)).toBeUndefined();
    expect(await cache.lookup('u1', 's1', 6_000)).toBeUndefined();
  });

  it('a notification drops every session of its user; a read begun before it stores nothing', async () => {
    const { cache, watcher } = setUp();
    await cache.lookup('u1', null, 0);
    watcher().up();
    cache.store('u1', 's1', state(), cache.reading(), 0);
    cache.store('u1', 's2', state(), cache.reading(), 0);
    cache.store('u2', 's3', state(), cache.reading(), 0);
    const before = cache.reading();
    watcher().message('u1');
    expect(await cache.lookup('u1', 's1', 0)).toBeUndefined();
    expect(await cache.lookup('u1', 's2', 0)).toBeUndefined();
    expect(await cache.lookup('u2', 's3', 0)).toBeDefined();
    // What that read found may be from before the change: not kept.
    cache.store('u1', 's1', state(), before, 0);
    expect(await cache.lookup('u1', 's1', 0)).toBeUndefined();
    cache.store('u1', 's1', state(1), cache.reading(), 0);
    expect(await cache.lookup('u1', 's1', 0)).toEqual(state(1));
  });

  it('a lost connection empties the cache and stops it until the connection is back', async () => {
    const { cache, watcher } = setUp();
    await cache.lookup('u1', null, 0);
    watcher().up();
    cache.store('u1', 's1', state(), cache.reading(), 0);
    const before = cache.reading();
    watcher().down();
    expect(cache.live).toBe(false);
    expect(await cache.lookup('u1', 's1', 0)).toBeUndefined();
    cache.store('u1', 's1', state(), cache.reading(), 0);
    watcher().up();
    expect(cache.size).toBe(0);
    cache.store('u1', 's1', state(), before, 0);
    expect(cache.size).toBe(0);
    cache.store('u1', 's1', state(), cache.reading(), 0);
    expect(await cache.lookup('u1', 's1', 0)).toEqual(state());
  });

  it('a lifetime of 0 turns it off: it never listens nor keeps anything', async () => {
    const { cache, watcher } = setUp(0);
    expect(await cache.lookup('u1', null, 0)).toBeUndefined();
    expect(watcher()).toBeUndefined();
    cache.store('u1', null, state(), cache.reading(), 0);
    expect(cache.size).toBe(0);
  });
});
