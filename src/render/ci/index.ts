import type { AppSpec } from '../../spec/app-spec.js';
import type { RenderOptions, RenderResult, Renderer } from '../renderer.js';
import { planCi } from './model/plan.js';
import { CI_EXPORTERS } from './registry.js';
import { resolveTarget } from './targets.js';

export { CI_TARGETS, type CiExporter, type CiTarget } from './exporter.js';
export { CI_EXPORTERS } from './registry.js';
export { planCi } from './model/plan.js';
export { resolveTarget } from './targets.js';
export { componentStages, infraStages, type CiPlan, type ComponentPipeline, type InfraPipeline } from './model/types.js';

/**
 * `slipway generate ci [--target github|gitlab|jenkins|bitbucket|codepipeline]`: a pipeline
 * per component (only its path triggers it) and an infrastructure pipeline per environment,
 * for the CI the team uses. See docs/ci.md.
 */
export const ciRenderer: Renderer = {
  id: 'ci',
  description: 'CI pipelines per component and per environment\'s infrastructure (GitHub Actions, GitLab CI, Jenkins, Bitbucket, CodePipeline)',
  render(spec: AppSpec, opts: RenderOptions): RenderResult {
    const { target, notes: targetNotes } = resolveTarget(spec, opts);
    const { plan, notes } = planCi(spec, opts);
    return { files: CI_EXPORTERS[target].export(plan), notes: [...targetNotes, ...notes] };
  },
};
