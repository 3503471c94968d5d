import type { AppSpec } from '../../spec/app-spec.js';
import { environmentNames, needsApproval } from '../../spec/environments.js';
import type { PipelineSpec, PipelineStage, PipelineStep, PipelineStepInput } from '../../spec/pipeline.js';

/** A step with the schema's defaults filled in. */
export function step(s: PipelineStepInput): PipelineStep {
  return { needs: [], env: {}, secrets: [], cache: true, retries: 0, with: {}, ...s } as PipelineStep;
}

/**
 * The pipeline a project gets when slipway.yaml has no `pipeline:` section, derived from the
 * components: install → build → test → quality gate → image (container components) → per
 * environment: [approval] → deploy → validate. Each environment's steps carry
 * `when.environment`, so `--env dev` stops after dev.
 */
export function defaultPipeline(spec: AppSpec): PipelineSpec {
  const many = spec.components.length > 1;
  const suffix = (name: string) => (many ? `-${name}` : '');
  const stages: PipelineStage[] = [];

  const build: PipelineStep[] = [];
  for (const c of spec.components) {
    if (c.commands.install) build.push(step({ id: `install${suffix(c.name)}`, uses: 'install', component: c.name }));
    if (c.commands.build) {
      build.push(step({ id: `build${suffix(c.name)}`, uses: 'build', component: c.name, needs: c.commands.install ? [`install${suffix(c.name)}`] : [] }));
    }
  }
  if (build.length) stages.push({ name: 'build', steps: build });

  const tests = spec.components.filter((c) => c.commands.test).map((c) => step({ id: `test${suffix(c.name)}`, uses: 'test', component: c.name }));
  if (tests.length) stages.push({ name: 'test', steps: tests });

  stages.push({ name: 'gate', steps: [step({ id: 'gate', uses: 'review-gate' })] });

  const images = spec.components
    .filter((c) => c.deploy?.mode === 'container')
    .map((c) => step({ id: `image${suffix(c.name)}`, uses: 'image-build', component: c.name }));
  if (images.length) stages.push({ name: 'image', steps: images });

  for (const env of environmentNames(spec)) {
    const when = { environment: [env] };
    const steps: PipelineStep[] = [];
    if (needsApproval(spec, env)) steps.push(step({ id: `approve-${env}`, uses: 'approval', environment: env, when }));
    steps.push(step({ id: `deploy-${env}`, uses: 'deploy', environment: env, when, needs: steps.map((s) => s.id) }));
    steps.push(step({ id: `validate-${env}`, uses: 'validate', environment: env, when, needs: [`deploy-${env}`] }));
    stages.push({ name: `deploy-${env}`, steps });
  }
  return { stages };
}
