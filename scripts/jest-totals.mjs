#!/usr/bin/env node
// Prints the plain closing lines CI recognises from jest's --json result files, because jest's own
// summary is not read outside jest: one line per suite run ("tests: N passed, N failed"), then the
// total alone ("N passed, N failed", with ", N skipped" when any). Arguments are LABEL=FILE.
// A missing or unreadable file, or a test file that failed to run, counts as a failure: a run whose
// results cannot be read must not pass as a run of no tests. Exits 1 on any failure or no test run.
import { readFileSync } from 'node:fs';

const line = (passed, failed, skipped) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
const total = { passed: 0, failed: 0, skipped: 0 };
for (const arg of process.argv.slice(2)) {
  const [label, file] = arg.includes('=') ? arg.split('=', 2) : ['suite', arg];
  let passed = 0;
  let failed = 1;
  let skipped = 0;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed = r.numPassedTests;
    // A test file that failed to load has no failed test of its own: count it, or it would vanish.
    failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  } catch (error) {
    console.error(`${label}: no readable jest result in ${file} (${error instanceof Error ? error.message : error})`);
  }
  console.log(`${label}: ${line(passed, failed, skipped)}`);
  total.passed += passed;
  total.failed += failed;
  total.skipped += skipped;
}
console.log(line(total.passed, total.failed, total.skipped));
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0;
