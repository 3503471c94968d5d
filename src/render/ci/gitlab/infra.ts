import { clusterPolicies, installKubectl, reviewGate, stageBanner, terraformApply, terraformPlan, terraformValidate } from '../model/commands.js';
import type { CiPlan, InfraPipeline } from '../model/types.js';
import { AWS_ID_TOKEN, CHECKOUT, DEPLOY_TOOLS_IMAGE, environment, gated, NODE_IMAGE, OIDC, onBranch, TERRAFORM_IMAGE } from './shared.js';
import type { Job, Pipeline } from './types.js';

/**
 * One environment's Terraform: review and plan on every pipeline, apply (and the cluster
 * policies) on the deploy branch; a blocking manual apply where approval is needed.
 * The plan job's role is $TF_PLAN_ROLE_ARN (read-only), apply's is $AWS_ROLE_ARN scoped to the environment.
 */
export function infraPipeline(plan: CiPlan, p: InfraPipeline): Pipeline {
  const jobs: Record<string, Job> = {
    'quality-gate': { stage: 'quality-gate', image: NODE_IMAGE, script: [CHECKOUT, stageBanner('quality-gate'), ...installKubectl(), ...reviewGate()], timeout: '15m' },
    plan: {
      stage: 'plan',
      image: TERRAFORM_IMAGE,
      id_tokens: AWS_ID_TOKEN,
      variables: { AWS_ROLE_ARN: '$TF_PLAN_ROLE_ARN' },
      script: [stageBanner('validate'), ...OIDC, ...terraformValidate(p), stageBanner('plan'), ...terraformPlan(p)],
      timeout: '30m',
    },
    apply: {
      stage: 'apply',
      image: TERRAFORM_IMAGE,
      id_tokens: AWS_ID_TOKEN,
      rules: onBranch(plan.branch),
      ...gated(p.approval),
      environment: environment(p.env),
      resource_group: `terraform-${p.env}`,
      script: [
        ...(p.approval ? [stageBanner(`approve-${p.env}`)] : []),
        ...OIDC,
        ...terraformValidate(p),
        ...terraformPlan(p),
        stageBanner('apply'),
        ...terraformApply(p),
      ],
      timeout: '60m',
    },
    'cluster-policies': {
      stage: 'cluster-policies',
      image: DEPLOY_TOOLS_IMAGE,
      id_tokens: AWS_ID_TOKEN,
      rules: onBranch(plan.branch),
      // The policies change the environment's cluster too: where apply needs a person, so do they.
      ...gated(p.approval),
      environment: environment(p.env),
      script: [stageBanner('cluster-policies'), ...OIDC, ...clusterPolicies(p)],
      timeout: '10m',
    },
  };
  return { stages: ['quality-gate', 'plan', 'apply', 'cluster-policies'], variables: { AWS_REGION: plan.region, TF_IN_AUTOMATION: 'true' }, ...jobs };
}
