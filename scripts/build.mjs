// Compiles every TypeScript source (not tests) to dist/ with swc, keeping the tree's layout.
// swc, not tsc, because `npm start` builds on every start and must stay fast; `npm run typecheck`
// is where the types are checked.
import { transformFile } from '@swc/core';
import { readFile, mkdir, writeFile, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const roots = ['apps', 'libs', 'migrations', 'bench'];
const skip = /(\.spec|\.e2e-spec|\.test)\.ts$|\.d\.ts$/;
const swcrc = JSON.parse(await readFile('.swcrc', 'utf8'));

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) yield path;
  }
}

await rm('dist', { recursive: true, force: true });
const jobs = [];
for (const root of roots) {
  for await (const file of walk(root)) {
    jobs.push(
      (async () => {
        const out = join('dist', file.replace(/\.ts$/, '.js'));
        const { code, map } = await transformFile(file, {
          ...swcrc,
          swcrc: false,
          filename: file,
          sourceFileName: relative(dirname(out), file),
        });
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, code + `\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
        if (map) await writeFile(out + '.map', map);
      })(),
    );
  }
}
await Promise.all(jobs);
console.log(`built ${jobs.length} files into dist/`);
