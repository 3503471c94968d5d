import { posix } from 'node:path';
import type { Note } from '../../../analyze/notes.js';
import { EXIT, UserError } from '../../../errors.js';
import type { AppSpec } from '../../../spec/app-spec.js';
import type { Component } from '../../../spec/component.js';
import { environmentNames, needsApproval } from '../../../spec/environments.js';
import { dockerLayout } from '../../docker/layout.js';
import { K8S_DIR, namespaceName } from '../../k8s/names.js';
import { planWorkloads } from '../../k8s/workloads.js';
import { TERRAFORM_DIR } from '../../terraform/context.js';
import type { RenderOptions } from '../../renderer.js';
import { toolImage } from './tool-image.js';
import type { CiPlan, ComponentPipeline, DeployEnvironment, InfraPipeline, StageCommand } from './types.js';

/** Root manifests a workspace member's install reads (its lockfile lives at the root). */
const WORKSPACE_ROOT_FILES: Record<string, string[]> = {
  npm: ['package.json', 'package-lock.json'],
  pnpm: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'],
  yarn: ['package.json', 'yarn.lock', '.yarnrc.yml'],
  bun: ['package.json', 'bun.lock', 'bun.lockb'],
};

const clusterName = (app: string, env: string) => `${app}-${env}`;

/**
 * App Spec → the pipelines to export: one per component (its path filter, toolchain,
 * commands, image and environments) and one per environment for the infrastructure.
 * Throws UserError for what no pipeline can be made of, naming the slipway.yaml key.
 */
export function planCi(spec: AppSpec, opts: RenderOptions): { plan: CiPlan; notes: Note[] } {
  const only = opts.components;
  if (spec.components.length === 0) {
    throw new UserError('slipway.yaml has no components: there is nothing to build a pipeline for', EXIT.usage, 'add one under `components:` (`slipway analyze --write` finds them)');
  }
  const unknown = (only ?? []).filter((n) => !spec.components.some((c) => c.name === n));
  if (unknown.length) {
    throw new UserError(`no component named ${unknown.map((n) => `"${n}"`).join(', ')} in slipway.yaml`, EXIT.usage, `components: ${spec.components.map((c) => c.name).join(', ')}`);
  }
  // Same checks and defaults as the manifests the pipeline deploys (port, tier, services).
  const { workloads, notes } = planWorkloads(spec, 'ci');
  const environments = environmentNames(spec).map((env): DeployEnvironment => ({
    name: env,
    namespace: namespaceName(spec.name, env),
    cluster: clusterName(spec.name, env),
    overlay: `${K8S_DIR}/overlays/${env}`,
    approval: needsApproval(spec, env),
  }));
  const components = workloads
    .filter((w) => !only?.length || only.includes(w.name))
    .map((w): ComponentPipeline => {
      const c = w.component;
      const key = `components[${w.index}]`;
      const dir = posix.normalize(c.path || '.');
      const tools = toolImage(c, key);
      const layout = dockerLayout(spec, c);
      const stage = (name: 'install' | 'build' | 'test', prelude: string[] = []): StageCommand => {
        const cmd = c.commands[name];
        return cmd ? { lines: [...prelude, cmd] } : { lines: prelude, missing: `${key}.commands.${name}` };
      };
      return {
        app: spec.name,
        name: c.name,
        key,
        dir,
        watch: watchPaths(spec, c, dir),
        toolImage: tools.image,
        install: stage('install', tools.prelude),
        build: stage('build'),
        test: stage('test'),
        image: { name: layout.image, dockerfile: layout.dockerfile, context: layout.context },
        workload: w.kind === 'job' ? 'Job' : 'Deployment',
        release: c.commands.release,
        environments,
        siblings: spec.components.filter((o) => o.name !== c.name).map((o) => o.name),
      };
    });
  for (const p of components) {
    if (!p.test.lines.length) notes.push({ level: 'warn', message: `${p.name}: no test command, so the pipeline's test stage runs nothing`, hint: `set ${p.key}.commands.test in slipway.yaml` });
  }
  const infrastructure = environments.map(({ name: env, approval, cluster }): InfraPipeline => ({
    app: spec.name,
    env,
    approval,
    dir: TERRAFORM_DIR,
    backendConfig: `env/${env}.s3.tfbackend`,
    varFile: `env/${env}.tfvars`,
    planFile: `${env}.tfplan`,
    cluster,
    clusterPolicies: `${K8S_DIR}/cluster`,
    watch: [`${TERRAFORM_DIR}/**`, `${K8S_DIR}/cluster/**`],
  }));
  return { plan: { app: spec.name, branch: stringOption(opts, 'branch') ?? 'main', region: stringOption(opts, 'region') ?? 'us-east-1', components, infrastructure }, notes };
}

/** Its directory, its manifest in the base and, for workspace members, the root lockfile; minus nested components. */
function watchPaths(spec: AppSpec, c: Component, dir: string): ComponentPipeline['watch'] {
  const include = [dir === '.' ? '**' : `${dir}/**`, `${K8S_DIR}/base/${c.name}.yaml`];
  if (dir !== '.' && c.packageManager) include.push(...(WORKSPACE_ROOT_FILES[c.packageManager] ?? []));
  const exclude = spec.components
    .map((o) => posix.normalize(o.path || '.'))
    .filter((d) => d !== dir && (dir === '.' ? d !== '.' : d.startsWith(`${dir}/`)))
    .map((d) => `${d}/**`);
  return { include: [...new Set(include)], exclude: [...new Set(exclude)] };
}

function stringOption(opts: RenderOptions, name: string): string | undefined {
  const v = opts[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^[A-Za-z0-9][-A-Za-z0-9_./]*$/.test(v)) throw new UserError(`ci: option ${name} must be a plain name, got ${JSON.stringify(v)}`, EXIT.usage);
  return v;
}
