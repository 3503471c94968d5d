import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { bundleFingerprint } from '../../deploy/bundle-digest.js';
import { loadEnvironmentConfig } from '../../deploy/config.js';
import { formatDuration, parseDuration } from '../../deploy/duration.js';
import type { Artifact, DeployOptions, DeployOutcome } from '../../deploy/target.js';
import { targetFor } from '../../deploy/targets/index.js';
import { EXIT, UserError } from '../../errors.js';
import { loadProject } from '../../project/load.js';
import type { AppSpec } from '../../spec/app-spec.js';

export interface DeployFlags {
  env: string;
  release?: string;
  image?: string[];
  bake?: string;
  drain?: string;
  healthTimeout?: string;
  wait?: boolean;
  json?: boolean;
}

/** Options shared by deploy and rollback. */
export function deployOptions(o: Pick<DeployFlags, 'bake' | 'drain' | 'healthTimeout' | 'wait'>): DeployOptions {
  return {
    ...(o.bake ? { bakeMs: parseDuration(o.bake, '--bake') } : {}),
    ...(o.drain ? { drainMs: parseDuration(o.drain, '--drain') } : {}),
    ...(o.healthTimeout ? { healthTimeoutMs: parseDuration(o.healthTimeout, '--health-timeout') } : {}),
    ...(o.wait ? { waitForBake: true } : {}),
  };
}

export function registerDeploy(program: Command): void {
  program
    .command('deploy')
    .description('Deploy to an environment without a pipeline: blue/green with hooks, health check and automatic rollback')
    .argument('[dir]', 'project directory', '.')
    .requiredOption('--env <env>', 'environment (dev, test, prod or one from slipway.yaml)')
    .option('--release <dir>', 'directory to deploy, laid out like the repository (default: the project directory as it is)')
    .option('--image <ref...>', 'image to deploy (Kubernetes): REF for a single component, or COMPONENT=REF')
    .option('--bake <duration>', 'how long the old release stays warm while the error rate is watched (default 2m; 0 to skip)')
    .option('--drain <duration>', 'how long the old release may finish in-flight requests (default 30s)')
    .option('--health-timeout <duration>', 'how long the new release may take to become healthy (default 30s)')
    .option('--wait', 'wait for the bake window to end (the exit code then reflects a bake-time rollback)')
    .option('--json', 'print the outcome as JSON')
    .action(async (dir: string, opts: DeployFlags) => {
      const project = loadProject(dir);
      const config = loadEnvironmentConfig(project.dir, project.spec, opts.env);
      const log = (l: string): void => void (opts.json ? process.stderr : process.stdout).write(`${pc.dim('│')} ${l}\n`);
      for (const name of config.missingSecrets) log(`warning: secret ${name} has no value (config/${opts.env}.secrets.env or the environment)`);
      const outcome = await targetFor(project.spec, opts.env).deploy({
        spec: project.spec,
        projectDir: project.dir,
        env: opts.env,
        artifact: artifactFrom(project.dir, project.spec, opts),
        config: config.values,
        secretKeys: config.secretKeys,
        log,
        options: deployOptions(opts),
      });
      printOutcome(outcome, opts.json === true);
    });
}

export function printOutcome(o: DeployOutcome, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);
  else if (o.ok) process.stdout.write(`${pc.green('deployed')} release ${o.releaseId} in ${formatDuration(o.durationMs)}${o.url ? ` → ${o.url}` : ''}\n`);
  else {
    process.stdout.write(`${pc.red('failed')} release ${o.releaseId}: ${o.error ?? o.rolledBack?.reason ?? 'unknown reason'}\n`);
    if (o.rolledBack) process.stdout.write(`${o.rolledBack.to ? `rolled back: ${o.rolledBack.to} is serving` : 'nothing was serving before; nothing serves now'}${o.url ? ` (${o.url})` : ''}\n`);
  }
  if (!o.ok) process.exitCode = EXIT.failure;
}

function artifactFrom(projectDir: string, spec: AppSpec, opts: DeployFlags): Artifact {
  if (opts.release && opts.image) throw new UserError('give either --release or --image, not both', EXIT.usage);
  if (opts.image) {
    const images: Record<string, string> = {};
    for (const item of opts.image) {
      const eq = item.indexOf('=');
      if (eq > 0 && !item.slice(0, eq).includes('/')) images[item.slice(0, eq)] = item.slice(eq + 1);
      else if (spec.components.length === 1) images[spec.components[0]!.name] = item;
      else throw new UserError(`--image ${item}: this app has ${spec.components.length} components; write COMPONENT=REF`, EXIT.usage);
    }
    return { kind: 'image', images, digest: Object.values(images).join(',') };
  }
  const dir = resolve(opts.release ?? projectDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--release ${opts.release}: not a directory`, EXIT.usage);
  return { kind: 'bundle', dir, digest: bundleFingerprint(dir) };
}
