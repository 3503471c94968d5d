import { clusterPolicies, reviewGate, terraformApply, terraformPlan, terraformValidate, variableName } from '../model/commands.js';
import { TERRAFORM_VERSION } from '../model/tool-image.js';
import type { CiPlan, InfraPipeline } from '../model/types.js';
import { ACTIONS, RUNNER } from './actions.js';
import { approvalJob, awsCredentials, checkout, onBranch, run, triggers } from './steps.js';
import type { Job, Step, Workflow } from './types.js';

export const infraWorkflowPath = (p: InfraPipeline) => `.github/workflows/infrastructure-${p.env}.yml`;

const setupTerraform: Step = { name: 'Terraform', uses: ACTIONS.setupTerraform.ref, with: { terraform_version: TERRAFORM_VERSION, terraform_wrapper: false } };

/**
 * Terraform for one environment: review, fmt/validate and plan on every pull request (a
 * read-only role), apply on the deploy branch (the environment's role), approval first
 * where the environment needs it. State stays in the S3 backend of env/<env>.s3.tfbackend.
 */
export function infraWorkflow(plan: CiPlan, p: InfraPipeline): Workflow {
  const paths = [...p.watch, infraWorkflowPath(p)];
  const jobs: Record<string, Job> = {
    plan: {
      name: `infrastructure ${p.env}: review, validate, plan`,
      'runs-on': RUNNER,
      'timeout-minutes': 30,
      permissions: { contents: 'read', 'id-token': 'write' },
      steps: [
        checkout('checkout'),
        run('Well-Architected review (slipway review --gate)', reviewGate(), { id: 'quality-gate' }),
        setupTerraform,
        awsCredentials(variableName(p.env, 'TF_PLAN_ROLE_ARN')),
        run('fmt, init, validate', terraformValidate(p), { id: 'validate' }),
        run('Plan', terraformPlan(p), { id: 'plan' }),
      ],
    },
  };
  let previous = 'plan';
  if (p.approval) {
    const id = `approve-${p.env}`;
    jobs[id] = approvalJob(`infrastructure ${p.env}: approval`, previous, plan.branch, p.env, `infrastructure change $GITHUB_SHA approved for ${p.env}`);
    previous = id;
  }
  jobs['apply'] = {
    name: `infrastructure ${p.env}: apply`,
    needs: [previous],
    if: onBranch(plan.branch),
    'runs-on': RUNNER,
    'timeout-minutes': 60,
    permissions: { contents: 'read', 'id-token': 'write' },
    environment: { name: p.env },
    steps: [
      checkout(),
      setupTerraform,
      awsCredentials('TF_APPLY_ROLE_ARN'),
      run('init', terraformValidate(p)),
      run('Plan', terraformPlan(p)),
      run('Apply the plan', terraformApply(p), { id: 'apply' }),
      run('Cluster policies (Kyverno)', clusterPolicies(p), { id: 'cluster-policies' }),
    ],
  };
  return {
    name: `infrastructure ${p.env}`,
    on: triggers(plan.branch, paths),
    permissions: {},
    // Terraform holds a state lock, but queued runs read better than lock errors.
    concurrency: { group: `terraform-${p.app}-${p.env}`, 'cancel-in-progress': false },
    env: { AWS_REGION: plan.region, TF_IN_AUTOMATION: 'true' },
    jobs,
  };
}
