import type { Command } from 'commander';
import pc from 'picocolors';
import type { EnvironmentStatus } from '../../deploy/target.js';
import { targetFor } from '../../deploy/targets/index.js';
import { loadProject } from '../../project/load.js';
import { environmentNames } from '../../spec/environments.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('What runs where: per environment, the live release, warm ones, instances and recent releases')
    .argument('[dir]', 'project directory', '.')
    .option('--env <env>', 'one environment (default: all)')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { env?: string; json?: boolean }) => {
      const project = loadProject(dir);
      const all: EnvironmentStatus[] = [];
      for (const env of opts.env ? [opts.env] : environmentNames(project.spec)) {
        all.push(await targetFor(project.spec, env).status({ spec: project.spec, projectDir: project.dir, env }));
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
      else for (const s of all) process.stdout.write(formatStatus(s));
    });
}

function formatStatus(s: EnvironmentStatus): string {
  const head = `${pc.bold(s.env)} (${s.target}): ${s.state}${s.url ? ` at ${s.url}` : ''}${s.live ? `, live ${s.live}` : ''}`;
  const lines = [head];
  for (const n of s.notes) lines.push(`  ${pc.yellow('note')} ${n}`);
  for (const i of s.instances) lines.push(`  ${i.component.padEnd(20)} ${i.release}  ${i.where}  ${i.state}`);
  for (const r of s.releases.slice(0, 10)) lines.push(`  ${r.id}  ${r.state.padEnd(7)} ${r.createdAt}${r.reason ? `  ${r.reason}` : ''}`);
  return `${lines.join('\n')}\n`;
}
