import type { Command } from 'commander';
import pc from 'picocolors';
import { buildComponents, detectEngine, readImagesRecord, smokeTest } from '../../engine/index.js';
import { EXIT, UserError } from '../../errors.js';
import { displayPath, loadProject } from '../../project/load.js';
import { printBuildEvent } from './build.js';

interface SmokeFlags {
  env: string;
  engine?: string;
  build?: boolean;
  component?: string[];
  stopTimeout: string;
}

export function registerSmoke(program: Command): void {
  program
    .command('smoke')
    .description('Run each image with an environment\'s config and backing services, wait until it answers, then stop it and report how long the stop took')
    .argument('[dir]', 'repository directory', '.')
    .option('--env <name>', 'environment whose config/<env>.env the containers get', 'dev')
    .option('--engine <name>', 'docker or podman (default: $SLIPWAY_ENGINE, else the first that works)')
    .option('--no-build', 'use the images of the last `slipway build` instead of building')
    .option('--component <name...>', 'only these components')
    .option('--stop-timeout <seconds>', 'grace period between the stop signal and SIGKILL', '10')
    .action(async (dir: string, flags: SmokeFlags) => {
      const graceSeconds = Number(flags.stopTimeout);
      if (!Number.isInteger(graceSeconds) || graceSeconds < 0) throw new UserError(`--stop-timeout takes whole seconds, not "${flags.stopTimeout}"`, EXIT.usage);
      const project = loadProject(dir);
      const engine = await detectEngine({ need: 'run', prefer: flags.engine });
      let images: Record<string, string>;
      if (flags.build === false) {
        images = Object.fromEntries(Object.entries(readImagesRecord(project.dir)).map(([k, v]) => [k, v.ref]));
      } else {
        const built = await buildComponents({
          projectDir: project.dir,
          spec: project.spec,
          engine,
          ...(flags.component ? { components: flags.component } : {}),
          onEvent: (e) => {
            if (e.kind !== 'step') printBuildEvent(e);
          },
        });
        images = Object.fromEntries(built.map((b) => [b.component, b.ref]));
      }
      const result = await smokeTest({
        projectDir: project.dir,
        spec: project.spec,
        engine,
        env: flags.env,
        images,
        graceSeconds,
        ...(flags.component ? { components: flags.component } : {}),
        onLine: (l) => process.stdout.write(`  ${pc.dim(l)}\n`),
      });
      for (const c of result.components) {
        const head = c.ok ? pc.green('PASS') : pc.red('FAIL');
        process.stdout.write(`${head} ${c.component} (${c.image})${c.ok ? `: ${c.url} → ${c.status}` : `: ${c.reason}`}\n`);
        if (c.healthcheck) process.stdout.write(`     image HEALTHCHECK: ${c.healthcheck}\n`);
        process.stdout.write(`     runs as: ${c.user ? `user ${c.user}` : pc.yellow('root (the image sets no USER)')}\n`);
        if (c.stop) {
          const how = c.stop.killed ? pc.yellow(`did not exit on its stop signal within ${graceSeconds} s: killed`) : `exited on its stop signal, code ${c.stop.exitCode}`;
          process.stdout.write(`     stop: ${(c.stop.ms / 1000).toFixed(2)} s (${how})\n`);
        }
        if (!c.ok && c.lastLogs.length) process.stdout.write(`     last log lines:\n${c.lastLogs.map((l) => `     │ ${l}`).join('\n')}\n`);
      }
      for (const s of result.skipped) process.stdout.write(`${pc.dim('skip')} ${s.component}: ${s.why}\n`);
      process.stdout.write(`${pc.dim(`log: ${displayPath(result.log)}`)}\n`);
      if (!result.ok) process.exitCode = EXIT.failure;
    });
}
