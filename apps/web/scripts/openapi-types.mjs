// Generates the web app's server types (apps/web/src/api/schema.d.ts) from the API's OpenAPI
// document, built in Nest's preview mode from dist/ (no database). `npm run openapi:types` builds
// dist first and runs this; test/web-types.e2e-spec.ts runs it into a temporary file and fails when
// the committed file differs.
// Usage: node apps/web/scripts/openapi-types.mjs [out]   (default apps/web/src/api/schema.d.ts)
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import 'reflect-metadata';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const out = resolve(process.argv[2] ?? resolve(root, 'apps/web/src/api/schema.d.ts'));
const { standaloneOpenApiDocument } = await import(resolve(root, 'dist/apps/api/src/openapi-document.js'));
const document = await standaloneOpenApiDocument();

const BANNER = `// Generated from the API's OpenAPI document by \`npm run openapi:types\` (openapi-typescript).
// Do not edit: change the DTOs in apps/api, then regenerate. test/web-types.e2e-spec.ts fails when
// this file and the document disagree.
`;

const ast = await openapiTS(document, { alphabetize: false, exportType: false });
await mkdir(dirname(out), { recursive: true });
// Formatted like the rest of the repository (prettier's settings for this path).
const target = resolve(root, 'apps/web/src/api/schema.d.ts');
const text = await format(BANNER + astToString(ast), { ...(await resolveConfig(target)), filepath: target });
await writeFile(out, text);
console.log(`Web types: ${out}`);
