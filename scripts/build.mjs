// Compiles every TypeScript source (not tests) to dist/ with swc, keeping the tree's layout.
// swc, not tsc, because `npm start` builds on every start and must stay fast; `npm run typecheck`
// is where the types are checked.
import { transformFile } from '@swc/core';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, mkdir, writeFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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
  // Always React's production build: jest's global setup runs this script with NODE_ENV=test, which
  // Vite would otherwise pass on to the bundle (React's development build, twice the size), and
  // `npm start` then serves whatever the last build made.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const { files, reused } = await precompress(join('dist', 'web'));
  await writeFile(stamp, new Date().toISOString());
  console.log(`built the web app into dist/web/ (${files} files pre-compressed with Brotli and gzip, ${reused} from the cache)`);
}

/**
 * Writes a Brotli (quality 11) and a gzip (level 9) sibling of every compressible file of the web
 * build (`app.js` -> `app.js.br`, `app.js.gz`), which the api serves by `Accept-Encoding`
 * (apps/api/src/common/web-app.ts). Quality 11 is slow (seconds for the diagram library), so the
 * results are kept by content digest in node_modules/.cache/phoihop-web: a rebuild compresses only
 * the chunks that changed. A sibling is written only when smaller than the file.
 */
async function precompress(dir) {
  const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;
  const cache = join('node_modules', '.cache', 'phoihop-web');
  await mkdir(cache, { recursive: true });
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  const files = [];
  const collect = async (d) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // .vite/manifest.json, .built: never served
      const path = join(d, entry.name);
      if (entry.isDirectory()) await collect(path);
      else if (COMPRESSIBLE.test(entry.name)) files.push(path);
    }
  };
  await collect(dir);
  const used = new Set();
  let hits = 0;
  await Promise.all(
    files.map(async (path) => {
      const data = await readFile(path);
      const digest = createHash('sha256').update('brotli 11, gzip 9\n').update(data).digest('hex'); // the settings are part of the key
      for (const [ext, compress] of [
        ['br', (d) => br(d, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: d.length } })],
        ['gz', (d) => gz(d, { level: 9 })],
      ]) {
        const cached = join(cache, `${digest}.${ext}`);
        used.add(`${digest}.${ext}`);
        let out = await readFile(cached).catch(() => null);
        if (out) hits++;
        else {
          out = await compress(data);
          // Whole or absent, even with another build running: written aside, then renamed.
          const aside = `${cached}.${process.pid}.tmp`;
          await writeFile(aside, out);
          await rename(aside, cached);
        }
        if (out.length < data.length) await writeFile(`${path}.${ext}`, out);
      }
    }),
  );
  // Forget what this build no longer has.
  for (const name of await readdir(cache)) if (!used.has(name) && !name.endsWith('.tmp')) await rm(join(cache, name), { force: true });
  return { files: files.length, reused: Math.floor(hits / 2) };
}
