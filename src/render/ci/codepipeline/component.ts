import { raw, type Block } from '../../terraform/hcl/model.js';
import { tfName } from '../../terraform/context.js';
import { DEPLOY_TOOLS_IMAGE, NODE_IMAGE } from '../model/tool-image.js';
import type { ComponentPipeline } from '../model/types.js';
import { buildspecPath, CI_DIR } from './buildspec.js';
import { CODEBUILD_IMAGE, pipelineBlock, projectBlock, type Action, type Project } from './pipeline.js';

/** CodeBuild projects of a component, one per stage that runs commands. */
export function componentProjects(p: ComponentPipeline): Record<string, Project> {
  const project = (stage: string, image: string, extra: Partial<Project> = {}): Project => ({
    id: tfName(`${p.name}_${stage}`),
    // Named after the image (<app>-<component>, or the app itself for a one-component app).
    name: `${p.image.name}-${stage}`,
    buildspec: buildspecPath(p.name, stage),
    image,
    ...extra,
  });
  const projects: Record<string, Project> = {
    build: project('build', p.toolImage),
    gate: project('gate', NODE_IMAGE, { variables: { MIN_COVERAGE: raw('var.min_coverage') } }),
    image: project('image', CODEBUILD_IMAGE, { privileged: true, variables: { REGISTRY: raw('var.registry') } }),
    render: project('render', DEPLOY_TOOLS_IMAGE, { variables: { REGISTRY: raw('var.registry') } }),
  };
  for (const env of p.environments) {
    projects[`deploy-${env.name}`] = project(`deploy-${env.name}`, DEPLOY_TOOLS_IMAGE, { variables: { TARGET_ROLE_ARN: raw(`var.environment_role_arns[${JSON.stringify(env.name)}]`) } });
  }
  return projects;
}

/** The component's release pipeline and its pull-request pipeline (build and gate only). */
export function componentBlocks(p: ComponentPipeline, projects: Record<string, Project>): Block[] {
  const paths = { include: [...p.watch.include, `${CI_DIR}/${p.name}/**`], exclude: p.watch.exclude };
  const checks: Action[] = [
    { stage: 'Build', project: projects['build']!, output: 'build' },
    { stage: 'QualityGate', project: projects['gate']!, inputs: ['source', 'build'] },
  ];
  const release: Action[] = [
    ...checks,
    { stage: 'Image', project: projects['image']! },
    { stage: 'Render', project: projects['render']!, output: 'manifests' },
  ];
  for (const env of p.environments) {
    if (env.approval) release.push({ stage: `Approve-${env.name}` });
    release.push({ stage: `Deploy-${env.name}`, project: projects[`deploy-${env.name}`]!, inputs: ['source', 'manifests'] });
  }
  return [
    ...Object.values(projects).map(projectBlock),
    pipelineBlock(p.name, p.image.name, paths, release, false),
    pipelineBlock(`${p.name}_pull_requests`, `${p.image.name}-pull-requests`, paths, checks, true),
  ];
}
