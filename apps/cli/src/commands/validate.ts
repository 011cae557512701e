import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { designWarnings, validateDefinition, type ValidationIssue, type WorkflowDefinition } from '#libs/engine';
import { EXIT, issueLine, run } from '../cli.js';
import { validate as spec } from '../specs.js';

interface Check {
  valid: boolean;
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * `phoihop validate [--strict] [--server URL] FILE...`: prints each file's problems and warnings with
 * their JSON pointers; exit 1 when a file is invalid, or (--strict) has warnings.
 */
export async function validate(args: string[]): Promise<number> {
  return run(spec, args, async ({ values, positionals: files }) => {
    // The server's check (loaded only when asked for: it brings the runtime along).
    const remote = values.server === undefined ? undefined : await (await import('./remote.js')).remoteCheck(values.server);
    let failed = 0;
    for (const file of files) {
      let check: Check;
      try {
        const source: unknown = JSON.parse(await readFile(file, 'utf8'));
        check = remote ? await remote(source, dirname(file)) : localCheck(source);
      } catch (error) {
        console.log(`✗ ${file}: ${(error as Error).message}`);
        failed++;
        continue;
      }
      const { valid, issues, warnings } = check;
      if (!valid) console.log(`✗ ${file}: ${count(issues.length, 'problem')}${warnings.length ? `, ${count(warnings.length, 'warning')}` : ''}`);
      else if (warnings.length && values.strict) console.log(`✗ ${file}: ${count(warnings.length, 'warning')} (--strict: warnings fail)`);
      else console.log(`✓ ${file}${warnings.length ? ` (${count(warnings.length, 'warning')})` : ''}`);
      for (const issue of issues) console.log(issueLine(issue));
      for (const warning of warnings) console.log(issueLine(warning, true));
      if (!valid || (warnings.length && values.strict)) failed++;
    }
    return failed ? EXIT.failed : EXIT.ok;
  });
}

/** The engine's checks, on this machine: the problems, and the design warnings of a valid definition. */
function localCheck(source: unknown): Check {
  const { valid, issues } = validateDefinition(source);
  return { valid, issues, warnings: valid ? designWarnings(source as WorkflowDefinition) : [] };
}
