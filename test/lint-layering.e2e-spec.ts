import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

/**
 * `npm run lint` holds the layering of docs/architecture.md: a lib importing a lib above it, or an
 * app, is an error. Proven on deliberately wrong imports, linted as if they were in the tree.
 */
describe('lint: the layering between libs', () => {
  const eslint = new ESLint();
  const problems = async (filePath: string, text: string) =>
    (await eslint.lintText(text, { filePath }))[0].messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

  it('refuses an import of a lib above (core -> runtime, runtime -> identity, engine -> anything)', async () => {
    expect(await problems('libs/core/src/wrong.ts', "import { TasksService } from '#libs/runtime';\nexport const x = TasksService;\n")).toEqual([
      expect.stringContaining('libs/core may import only #libs/engine, #libs/persistence'),
    ]);
    expect(await problems('libs/runtime/src/wrong.ts', "import { AuthService } from '#libs/identity';\nexport const x = AuthService;\n")).toHaveLength(1);
    expect(await problems('libs/engine/src/wrong.ts', "import { DomainError } from '#libs/core';\nexport const x = DomainError;\n")).toEqual([expect.stringContaining('no other lib')]);
    expect(await problems('libs/engine/src/wrong.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).toEqual([expect.stringContaining('The engine is pure')]);
  });

  it('refuses a lib importing an app', async () => {
    expect(await problems('libs/reports/src/wrong.ts', "import { createApp } from '../../../apps/api/src/create-app.js';\nexport const x = createApp;\n")).toHaveLength(1);
  });

  it('lets the layers below through', async () => {
    expect(await problems('libs/runtime/src/fine.ts', "import { DomainError } from '#libs/core';\nimport { step } from '#libs/engine';\nexport const x = [DomainError, step];\n")).toEqual([]);
    expect(await problems('libs/scheduler/src/fine.ts', "import { TimerFiring } from '#libs/runtime';\nexport const x = TimerFiring;\n")).toEqual([]);
  });
});
