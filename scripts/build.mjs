// Compiles every TypeScript source (not tests) to dist/ with swc, keeping the tree's layout.
// swc, not tsc, because `npm start` builds on every start and must stay fast; `npm run typecheck`
// is where the types are checked.
import { transformFile } from '@swc/core';
import { execFileSync } from 'node:child_process';
import { readFile, mkdir, writeFile, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const roots = ['apps', 'libs', 'migrations', 'bench'];
const skip = /(\.spec|\.e2e-spec|\.test)\.ts$|\.d\.ts$/;
/** The web app is built by Vite (below), not by swc. */
const WEB = join('apps', 'web');
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
    if (entry.isDirectory()) {
      if (path !== WEB) yield* walk(path);
    }
    else if (entry.name.endsWith('.ts') && !skip.test(entry.name)) yield path;
  }
}

/** Newest modification time under `dir` (0 when it does not exist). */
async function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? await newest(path) : (await stat(path)).mtimeMs);
  }
  return max;
}

// Everything but the web app's build, which is redone only when its sources changed (it takes seconds).
for (const entry of await readdir('dist').catch(() => [])) if (entry !== 'web') await rm(join('dist', entry), { recursive: true, force: true });
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

const stamp = join('dist', 'web', '.built');
const builtAt = await stat(stamp).then((s) => s.mtimeMs, () => 0);
if ((await newest(WEB)) > builtAt || (await stat('package-lock.json')).mtimeMs > builtAt) {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
  await writeFile(stamp, new Date().toISOString());
  console.log('built the web app into dist/web/');
}
