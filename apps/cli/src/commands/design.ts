import { readFile } from 'node:fs/promises';
import { compileWorkflow, DefinitionError, explorePaths, toMermaid } from '#libs/engine';
import { EXIT, issueLine, run } from '../cli.js';
import { diagram as diagramSpec, simulate as simulateSpec } from '../specs.js';

async function load(file: string) {
  return compileWorkflow(JSON.parse(await readFile(file, 'utf8')));
}

/** `phoihop simulate FILE`: paths through the workflow, coverage, and dead ends. */
export async function simulate(args: string[]): Promise<number> {
  return run(simulateSpec, args, async ({ positionals: [file] }) => {
    try {
      const report = explorePaths(await load(file));
      const pct = (r: number) => `${Math.round(r * 100)} %`;
      console.log(`states covered: ${pct(report.stateCoverage.ratio)} (${report.stateCoverage.covered.length}/${report.stateCoverage.covered.length + report.stateCoverage.uncovered.length})`);
      if (report.stateCoverage.uncovered.length) console.log(`  never reached: ${report.stateCoverage.uncovered.join(', ')}`);
      console.log(`transitions covered: ${pct(report.transitionCoverage.ratio)}`);
      if (report.transitionCoverage.uncovered.length) console.log(`  never taken: ${report.transitionCoverage.uncovered.join('; ')}`);
      console.log(`paths (${report.paths.length}):`);
      for (const p of report.paths.slice(0, 50)) console.log(`  ${p.steps.map((s) => s.event).join(' → ') || '(start)'}  ⇒  ${p.end.join(', ')}${p.done ? ' ✓' : ''}`);
      if (report.deadEnds.length) {
        console.log(`dead ends (${report.deadEnds.length}):`);
        for (const d of report.deadEnds) console.log(`  ${d.state.join(', ')} after ${d.steps.map((s) => s.event).join(' → ') || '(the start)'}`);
        return EXIT.failed;
      }
      return EXIT.ok;
    } catch (error) {
      return failed(error);
    }
  });
}

/** `phoihop diagram FILE [--lang en]`: Mermaid stateDiagram-v2 on stdout. */
export async function diagram(args: string[]): Promise<number> {
  return run(diagramSpec, args, async ({ values, positionals: [file] }) => {
    try {
      console.log(toMermaid(await load(file), { lang: (values.lang ?? 'vi') as 'vi' | 'en' }));
      return EXIT.ok;
    } catch (error) {
      return failed(error);
    }
  });
}

function failed(error: unknown): number {
  if (error instanceof DefinitionError) {
    console.error(`the definition is invalid; run phoihop validate on it:\n${error.issues.map((i) => issueLine(i)).join('\n')}`);
  } else {
    console.error((error as Error).message);
  }
  return EXIT.failed;
}
