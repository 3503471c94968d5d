import type { Command } from 'commander';
import pc from 'picocolors';
import type { Note } from '../../analyze/notes.js';
import { generate } from '../../generate/index.js';
import { loadProject } from '../../project/load.js';
import { RENDERER_IDS } from '../../render/renderer.js';

interface GenerateFlags {
  force?: boolean;
  diff?: boolean;
  target?: string;
  component?: string[];
  cacheMounts?: boolean;
}

const WHAT = [...RENDERER_IDS, 'all'];

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Write Dockerfile, compose.yaml, config/<env>.env, Kubernetes, Terraform, CI or runbook files from slipway.yaml')
    .argument('[what]', `${WHAT.join('|')}`, 'all')
    .argument('[dir]', 'repository directory', '.')
    .option('--force', 'replace files you wrote (without it, Slipway never overwrites them)')
    .option('--diff', 'show what would change; write nothing')
    .option('--target <ci>', 'CI system for `generate ci` (github, gitlab, jenkins, bitbucket, codebuild)')
    .option('--component <name...>', 'only these components')
    .option('--no-cache-mounts', 'Dockerfiles without RUN --mount=type=cache (for engines without BuildKit)')
    .action((whatArg: string, dirArg: string, flags: GenerateFlags) => {
      // `slipway generate ./app`: a directory in the first position means "all of it".
      const [what, dir] = WHAT.includes(whatArg) ? [whatArg, dirArg] : ['all', whatArg];
      const project = loadProject(dir);
      const result = generate(project.dir, project.spec, {
        what: [what],
        force: Boolean(flags.force),
        dryRun: Boolean(flags.diff),
        render: {
          ...(flags.target ? { target: flags.target } : {}),
          ...(flags.component ? { components: flags.component } : {}),
          cacheMounts: flags.cacheMounts !== false,
        },
      });
      if (project.origin === 'analysis') {
        process.stderr.write(`${pc.dim('note')}  no slipway.yaml: generated from a fresh analysis (\`slipway analyze --write\` saves it for editing)\n`);
      }
      printNotes(result.notes);
      if (flags.diff) {
        process.stdout.write(result.diff || 'nothing would change\n');
        for (const r of result.refused) process.stderr.write(`${pc.yellow('yours')} ${r.file.path}: written by you; only --force would replace it\n`);
        return;
      }
      for (const p of result.planned) {
        const done = result.written.includes(p) || p.action === 'unchanged';
        const label = p.action === 'conflict' ? 'replaced' : p.action === 'create' ? 'created' : p.action === 'update' ? 'updated' : 'unchanged';
        if (done) process.stdout.write(`${label.padEnd(9)} ${p.file.path}\n`);
      }
    });
}

function printNotes(notes: Note[]): void {
  for (const n of notes) {
    const tag = n.level === 'warn' ? pc.yellow('warn') : n.level === 'error' ? pc.red('error') : pc.dim('note');
    process.stderr.write(`${tag}  ${n.message}${n.hint ? `\n      ${pc.dim(n.hint)}` : ''}\n`);
  }
}
