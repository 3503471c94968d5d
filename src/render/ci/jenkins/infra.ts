import { clusterPolicies, installKubectl, reviewGate, terraformApply, terraformPlan, terraformValidate, variableName } from '../model/commands.js';
import { DEPLOY_TOOLS_IMAGE, NODE_IMAGE, TERRAFORM_IMAGE } from '../model/tool-image.js';
import type { CiPlan, InfraPipeline } from '../model/types.js';
import { block, call, named, type Node } from './groovy.js';
import { approveStage, checkoutStage, dockerAgent, sh, stage, when } from './stages.js';

export const infraJenkinsfile = (p: InfraPipeline) => `ci/jenkins/infrastructure-${p.env}.Jenkinsfile`;

/**
 * One environment's Terraform: review, validate and plan on every branch; on the deploy
 * branch the saved plan — the one the approver saw — is applied, then the cluster policies.
 * Run it on agents whose IAM role may change that environment's account.
 */
export function infraPipeline(plan: CiPlan, p: InfraPipeline): Node {
  const paths = [...p.watch, infraJenkinsfile(p)];
  const tf = (name: string, lines: string[], branch?: string) => stage(name, [dockerAgent(TERRAFORM_IMAGE), when(paths, branch), block('steps', [sh(lines)])]);
  const stages: Node[] = [
    checkoutStage(paths),
    stage('Quality gate', [dockerAgent(NODE_IMAGE), when(paths), block('steps', [sh([...installKubectl(), ...reviewGate()])])]),
    tf('Validate', terraformValidate(p)),
    tf('Plan', terraformPlan(p)),
    ...(p.approval ? [approveStage(p.env, 'the infrastructure plan', paths, plan.branch)] : []),
    tf('Apply', terraformApply(p), plan.branch),
    stage('Cluster policies', [dockerAgent(DEPLOY_TOOLS_IMAGE), when(paths, plan.branch), block('steps', [sh(clusterPolicies(p, variableName(p.env, 'DEPLOY_ROLE_ARN')))])]),
  ];
  return block('pipeline', [
    { raw: 'agent any' },
    block('options', [call('skipDefaultCheckout', []), call('disableConcurrentBuilds', []), named('timeout', { time: 3, unit: 'HOURS' })]),
    block('environment', [{ raw: `AWS_REGION = '${plan.region}'` }, { raw: "TF_IN_AUTOMATION = 'true'" }]),
    block('stages', stages),
  ]);
}
