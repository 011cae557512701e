import { readFile } from 'node:fs/promises';
import { compileWorkflow, DefinitionError, explorePaths, toMermaid } from '#libs/engine';
import { EXIT, issueLine, run, UsageError } from '../cli.js';
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
      // Each state or transition not reached, with why (the same reasons as the API and the web give).
      for (const r of report.stateCoverage.reasons) console.log(`  never reached: ${r.item} (${r.code}): ${r.reason}`);
      console.log(`transitions covered: ${pct(report.transitionCoverage.ratio)}`);
      for (const r of report.transitionCoverage.reasons) console.log(`  never taken: ${r.item} (${r.code}): ${r.reason}`);
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

/** `phoihop diagram FILE [--lang en] [--collapse STATE,STATE] [--depth N]`: Mermaid stateDiagram-v2 on stdout. */
export async function diagram(args: string[]): Promise<number> {
  return run(diagramSpec, args, async ({ values, positionals: [file] }) => {
    if (values.depth !== undefined && !/^[1-9][0-9]{0,2}$/.test(values.depth)) throw new UsageError(`--depth must be a whole number from 1, not "${values.depth}"`);
    const collapse = values.collapse?.split(',').map((s) => s.trim()).filter(Boolean);
    let wf;
    try {
      wf = await load(file);
    } catch (error) {
      return failed(error);
    }
    // A state path (xuLy.thamDinh) or key (thamDinh): a name the definition lacks is a typo, not a no-op.
    const names = new Set([...wf.states.keys()].flatMap((path) => [path, path.slice(path.lastIndexOf('.') + 1)]));
    const unknown = (collapse ?? []).filter((name) => !name || !names.has(name));
    if (unknown.length) throw new UsageError(`--collapse: ${file} has no state ${unknown.map((n) => `"${n}"`).join(', ')}`);
    console.log(toMermaid(wf, { lang: (values.lang ?? 'vi') as 'vi' | 'en', collapse, depth: values.depth === undefined ? undefined : Number(values.depth) }));
    return EXIT.ok;
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
