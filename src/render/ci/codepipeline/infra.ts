import { raw, type Block } from '../../terraform/hcl/model.js';
import { tfName } from '../../terraform/context.js';
import { DEPLOY_TOOLS_IMAGE, TERRAFORM_IMAGE } from '../model/tool-image.js';
import type { CiPlan, InfraPipeline } from '../model/types.js';
import { buildspecPath, CI_DIR } from './buildspec.js';
import { pipelineBlock, projectBlock, type Action, type Project } from './pipeline.js';

export const infraUnit = (p: InfraPipeline) => `infrastructure-${p.env}`;

export function infraProjects(plan: CiPlan, p: InfraPipeline): Record<string, Project> {
  const role = { TARGET_ROLE_ARN: raw(`var.environment_role_arns[${JSON.stringify(p.env)}]`) };
  const project = (stage: string, image: string): Project => ({
    id: tfName(`${infraUnit(p)}_${stage}`),
    name: `${plan.app}-${infraUnit(p)}-${stage}`,
    buildspec: buildspecPath(infraUnit(p), stage),
    image,
    variables: { ...role, TF_IN_AUTOMATION: 'true' },
  });
  return { plan: project('plan', TERRAFORM_IMAGE), apply: project('apply', TERRAFORM_IMAGE), 'cluster-policies': project('cluster-policies', DEPLOY_TOOLS_IMAGE) };
}

/** Plan on pull requests; on the branch: plan, approval where needed, apply that plan, cluster policies. */
export function infraBlocks(plan: CiPlan, p: InfraPipeline, projects: Record<string, Project>): Block[] {
  const paths = { include: [...p.watch, `${CI_DIR}/${infraUnit(p)}/**`], exclude: [] };
  const planned: Action = { stage: 'Plan', project: projects['plan']!, output: 'plan' };
  const release: Action[] = [
    planned,
    ...(p.approval ? [{ stage: `Approve-${p.env}` }] : []),
    { stage: 'Apply', project: projects['apply']!, inputs: ['source', 'plan'] },
    { stage: 'ClusterPolicies', project: projects['cluster-policies']! },
  ];
  return [
    ...Object.values(projects).map(projectBlock),
    pipelineBlock(infraUnit(p), `${plan.app}-${infraUnit(p)}`, paths, release, false),
    pipelineBlock(`${infraUnit(p)}_pull_requests`, `${plan.app}-${infraUnit(p)}-pull-requests`, paths, [planned], true),
  ];
}
