import { readFile } from 'node:fs/promises';
import { compileWorkflow, DefinitionError, explorePaths, toMermaid } from '#libs/engine';

async function load(file: string | undefined) {
  if (!file) throw new UsageError();
  return compileWorkflow(JSON.parse(await readFile(file, 'utf8')));
}

export class UsageError extends Error {}

/** `phoihop simulate FILE`: paths through the workflow, coverage, and dead ends. */
export async function simulate(args: string[]): Promise<number> {
  try {
    const report = explorePaths(await load(args[0]));
    const pct = (r: number) => `${Math.round(r * 100)} %`;
    console.log(`states covered: ${pct(report.stateCoverage.ratio)} (${report.stateCoverage.covered.length}/${report.stateCoverage.covered.length + report.stateCoverage.uncovered.length})`);
    if (report.stateCoverage.uncovered.length) console.log(`  never reached: ${report.stateCoverage.uncovered.join(', ')}`);
    console.log(`transitions covered: ${pct(report.transitionCoverage.ratio)}`);
    if (report.transitionCoverage.uncovered.length) console.log(`  never taken: ${report.transitionCoverage.uncovered.join('; ')}`);
    console.log(`paths (${report.paths.length}):`);
    for (const p of report.paths.slice(0, 50)) console.log(`  ${p.steps.map((s) => s.event).join(' → ') || '(start)'}  ⇒  ${p.end.join(', ')}${p.done ? ' ✓' : ''}`);
    if (report.deadEnds.length) {
      console.log(`dead ends (${report.deadEnds.length}):`);
      for (const d of report.deadEnds) console.log(`  ${d.state.join(', ')} after ${d.steps.map((s) => s.event).join(' → ')}`);
      return 1;
    }
    return 0;
  } catch (error) {
    return report(error, 'usage: phoihop simulate FILE');
  }
}

/** `phoihop diagram FILE [--lang en]`: Mermaid stateDiagram-v2 on stdout. */
export async function diagram(args: string[]): Promise<number> {
  try {
    const lang = args.includes('--lang') ? (args[args.indexOf('--lang') + 1] as 'vi' | 'en') : 'vi';
    console.log(toMermaid(await load(args[0]), { lang }));
    return 0;
  } catch (error) {
    return report(error, 'usage: phoihop diagram FILE [--lang vi|en]');
  }
}

function report(error: unknown, usage: string): number {
  if (error instanceof UsageError) {
    console.error(usage);
    return 2;
  }
  if (error instanceof DefinitionError) {
    console.error(`the definition is invalid; run phoihop validate on it:\n${error.issues.map((i) => `  ${i.path}  [${i.code}] ${i.message}`).join('\n')}`);
    return 1;
  }
  console.error((error as Error).message);
  return 1;
}
