import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The web app's server types (apps/web/src/api/schema.d.ts) are generated from the OpenAPI document;
// this fails when the API changed and the committed file was not regenerated. The global setup has
// built dist/, which the generator reads.
describe('web types', () => {
  it('apps/web/src/api/schema.d.ts is what the OpenAPI document generates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phoihop-web-types-'));
    try {
      const fresh = join(dir, 'schema.d.ts');
      execFileSync(process.execPath, ['apps/web/scripts/openapi-types.mjs', fresh], { stdio: 'pipe' });
      const [expected, committed] = await Promise.all([readFile(fresh, 'utf8'), readFile('apps/web/src/api/schema.d.ts', 'utf8').catch(() => '')]);
      if (committed !== expected) {
        const a = committed.split('\n');
        const b = expected.split('\n');
        const line = a.findIndex((l, i) => l !== b[i]);
        throw new Error(
          `apps/web/src/api/schema.d.ts is out of date with the API's OpenAPI document (first difference at line ${line + 1}: ` +
            `${JSON.stringify(a[line] ?? '')} where ${JSON.stringify(b[line] ?? '')} is generated). Run \`npm run openapi:types\` and commit the result.`,
        );
      }
      expect(committed).toBe(expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
