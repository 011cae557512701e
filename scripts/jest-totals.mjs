#!/usr/bin/env node
// Prints the plain closing lines CI recognises ("N passed, N failed") from jest's --json result
// files, because jest's own summary is not read outside jest. A missing or unreadable file counts
// as one failure: a run whose results cannot be read must not pass as a run of no tests.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    // A suite that failed to load has no failed test of its own: count it, or it would vanish.
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numRuntimeErrorTestSuites ?? 0} suites not run`);
  } catch (error) {
    failed += 1;
    console.log(`${file}: no readable jest result (${error instanceof Error ? error.message : error})`);
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
