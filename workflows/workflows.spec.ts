import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { validateDefinition } from '#libs/engine';

/** The admins' validator over every shipped workflow: CI refuses a definition it would refuse. */
describe('shipped workflows', () => {
  const files = readdirSync('workflows').filter((f) => f.endsWith('.json'));

  it('there is at least one', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates with no issue', (file) => {
    const { valid, issues } = validateDefinition(JSON.parse(readFileSync(`workflows/${file}`, 'utf8')));
    expect(issues).toEqual([]);
    expect(valid).toBe(true);
  });
});
