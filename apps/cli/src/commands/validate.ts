import { readFile } from 'node:fs/promises';
import { designWarnings, validateDefinition, type WorkflowDefinition } from '#libs/engine';

/** Validates definition files; prints each problem and warning with its JSON pointer; exit 1 when any file is invalid (warnings do not fail). */
export async function validate(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: phoihop validate FILE...');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let source: unknown;
    try {
      source = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      console.log(`✗ ${file}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const { valid, issues } = validateDefinition(source);
    if (valid) {
      const warnings = designWarnings(source as WorkflowDefinition);
      console.log(`✓ ${file}${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}`);
      for (const w of warnings) console.log(`    ${w.path || '/'}  warning [${w.code}] ${w.message}`);
      continue;
    }
    failed++;
    console.log(`✗ ${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`);
    for (const issue of issues) console.log(`    ${issue.path || '/'}  [${issue.code}] ${issue.message}`);
  }
  return failed ? 1 : 0;
}
