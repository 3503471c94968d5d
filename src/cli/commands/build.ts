import type { Command } from 'commander';
import pc from 'picocolors';
import { buildComponents, detectEngine, type BuildEvent } from '../../engine/index.js';
import { displayPath, loadProject } from '../../project/load.js';

interface BuildFlags {
  push?: string;
  engine?: string;
  component?: string[];
  cache?: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('Build each component\'s image (tagged with the git commit, "-dirty" for uncommitted changes); --push sends it to a registry')
    .argument('[dir]', 'repository directory', '.')
    .option('--push <registry>', 'push to this registry, e.g. 127.0.0.1:5000 or ghcr.io/acme')
    .option('--engine <name>', 'docker, podman or buildah (default: $SLIPWAY_ENGINE, else the first that works)')
    .option('--component <name...>', 'only these components')
    .option('--no-cache', 'ignore the layer cache')
    .action(async (dir: string, flags: BuildFlags) => {
      const project = loadProject(dir);
      const engine = await detectEngine({ need: 'build', prefer: flags.engine });
      process.stdout.write(`${pc.dim(`engine: ${engine.name} ${engine.version}`)}\n`);
      const built = await buildComponents({
        projectDir: project.dir,
        spec: project.spec,
        engine,
        ...(flags.push ? { push: flags.push } : {}),
        ...(flags.component ? { components: flags.component } : {}),
        ...(flags.cache === false ? { noCache: true } : {}),
        onEvent: printBuildEvent,
      });
      if (built.length === 0) process.stdout.write('nothing to build\n');
    });
}

/** Build progress on stdout (also `slipway smoke`'s). */
export function printBuildEvent(e: BuildEvent): void {
  if (e.kind === 'start') process.stdout.write(`${pc.bold(e.component)}: building ${e.ref}  ${pc.dim(`(log: ${displayPath(e.log)})`)}\n`);
  else if (e.kind === 'step') process.stdout.write(`  ${pc.dim(e.text.slice(0, 150))}\n`);
  else if (e.kind === 'built') process.stdout.write(`${pc.green('built')}  ${e.ref} in ${(e.ms / 1000).toFixed(1)} s\n`);
  else process.stdout.write(`${pc.green('pushed')} ${e.ref} in ${(e.ms / 1000).toFixed(1)} s\n`);
}
