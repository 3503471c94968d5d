import type { Command } from 'commander';
import { analyzeProject, displayPath } from '../../project/load.js';
import { writeSpecText, SPEC_FILE } from '../../spec/io.js';
import { printAnalysis } from '../print-analysis.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Read the README and manifests (nothing is executed) and describe the app as an App Spec')
    .argument('[dir]', 'repository directory', '.')
    .option('--json', 'print the App Spec as JSON (a stable contract for other tools)')
    .option('--write', `write ${SPEC_FILE} (your values and comments in an existing file are kept)`)
    .action((dir: string, opts: { json?: boolean; write?: boolean }) => {
      const analyzed = analyzeProject(dir);
      if (opts.write) {
        const file = writeSpecText(analyzed.dir, analyzed.yaml);
        if (!opts.json) process.stdout.write(`wrote ${displayPath(file)}\n`);
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(analyzed.spec, null, 2)}\n`);
      else printAnalysis(analyzed, process.stdout);
    });
}
