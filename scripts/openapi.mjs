// Writes the API's OpenAPI document (the one served at /api/docs/openapi.json) to a file, without a
// database: the app is created in Nest's preview mode from the build in dist/ (`npm run build`).
// Usage: node scripts/openapi.mjs [out]   (default dist/openapi.json)
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import 'reflect-metadata';

const out = resolve(process.argv[2] ?? 'dist/openapi.json');
const { standaloneOpenApiDocument } = await import('../dist/apps/api/src/openapi-document.js');
const document = await standaloneOpenApiDocument();
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(`OpenAPI document: ${out} (${Object.values(document.paths).reduce((n, ops) => n + Object.keys(ops).length, 0)} operations)`);
