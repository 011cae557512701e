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

/** SQL and the driver stay in libs/persistence: nothing else imports typeorm or pg (tests, benchmarks and migrations excepted). */
describe('lint: the database behind persistence', () => {
  const eslint = new ESLint();
  const problems = async (filePath: string, text: string) =>
    (await eslint.lintText(text, { filePath }))[0].messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);

  it('refuses typeorm, @nestjs/typeorm and pg outside libs/persistence, type imports included', async () => {
    expect(await problems('libs/reports/src/wrong.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n")).toEqual([expect.stringContaining('SQL and the driver stay in libs/persistence')]);
    expect(await problems('libs/runtime/src/wrong.ts', "import type { EntityManager } from 'typeorm';\nexport type X = EntityManager;\n")).toHaveLength(1);
    expect(await problems('apps/api/src/wrong.ts', "import pg from 'pg';\nexport const x = pg;\n")).toHaveLength(1);
    expect(await problems('apps/cli/src/wrong.ts', "import { TypeOrmModule } from '@nestjs/typeorm';\nexport const x = TypeOrmModule;\n")).toHaveLength(1);
  });

  it('keeps the layering rule working beside it', async () => {
    const messages = (await eslint.lintText("import { TasksService } from '#libs/runtime';\nimport pg from 'pg';\nexport const x = [TasksService, pg];\n", { filePath: 'libs/core/src/wrong.ts' }))[0].messages;
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['@typescript-eslint/no-restricted-imports', 'no-restricted-imports']);
  });

  it('lets persistence, the migrations, tests and benchmarks through', async () => {
    expect(await problems('libs/persistence/src/fine.ts', "import pg from 'pg';\nexport const x = pg;\n")).toEqual([]);
    expect(await problems('migrations/fine.ts', "import type { QueryRunner } from 'typeorm';\nexport type X = QueryRunner;\n")).toEqual([]);
    expect(await problems('test/fine.e2e-spec.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n")).toEqual([]);
    expect(await problems('bench/fine.ts', "import pg from 'pg';\nexport const x = pg;\n")).toEqual([]);
  });
});
