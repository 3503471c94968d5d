import {
  clusterPolicies, coverageEnvPath, coverageGate, deploy, ecrLogin, imageBuildPush, installKubectl, manifestsDir, measureCoverage, renderManifests, reviewGate, stageBanner,
  terraformApply, terraformPlan, terraformValidate, webIdentity,
} from '../model/commands.js';
import type { ComponentPipeline, DeployEnvironment, InfraPipeline, StageCommand } from '../model/types.js';
import type { Step } from './types.js';

const DEPLOY_TOOLS_IMAGE = 'alpine/k8s:1.33.4';
const TERRAFORM_IMAGE = 'hashicorp/terraform:1.11.4';
const NODE_IMAGE = 'node:22';
const oidc = webIdentity('BITBUCKET_STEP_OIDC_TOKEN');

/** Bitbucket has no per-pipeline path filter: each step carries the component's paths. */
export type Watch = Step['condition'] | undefined;

const stageLines = (id: string, cmd: StageCommand) => [stageBanner(id), ...(cmd.lines.length ? cmd.lines : [`echo "nothing to run: set ${cmd.missing} in slipway.yaml"`])];

export function buildSteps(p: ComponentPipeline, condition: Watch): Step[] {
  const when = condition ? { condition } : {};
  return [
    {
      name: `${p.name}: checkout, install, build, test`,
      image: p.toolImage,
      ...when,
      script: [
        `${stageBanner('checkout')} # Bitbucket cloned $BITBUCKET_COMMIT`,
        ...(p.dir === '.' ? [] : [`cd ${p.dir}`]),
        ...stageLines('install', p.install),
        ...stageLines('build', p.build),
        ...stageLines('test', p.test),
        ...measureCoverage(p),
      ],
      artifacts: [coverageEnvPath(p)],
    },
    { name: `${p.name}: quality gate`, image: NODE_IMAGE, ...when, script: [stageBanner('quality-gate'), ...installKubectl(), ...reviewGate(), `. ./${coverageEnvPath(p)}`, ...coverageGate()] },
  ];
}

export function releaseSteps(p: ComponentPipeline, condition: Watch): Step[] {
  const when = condition ? { condition } : {};
  return [
    {
      name: `${p.name}: image`,
      image: DEPLOY_TOOLS_IMAGE,
      services: ['docker'],
      oidc: true,
      ...when,
      script: [stageBanner('image'), 'export IMAGE_TAG="$BITBUCKET_COMMIT"', ...oidc, ecrLogin(), ...imageBuildPush(p)],
    },
    {
      name: `${p.name}: render manifests`,
      image: DEPLOY_TOOLS_IMAGE,
      ...when,
      script: [stageBanner('render'), 'export IMAGE_TAG="$BITBUCKET_COMMIT"', ...renderManifests(p)],
      artifacts: [`${manifestsDir(p)}/**`],
    },
  ];
}

/** A deployment environment may appear once per pipeline, so several components need one each. */
export function deployStep(p: ComponentPipeline, env: DeployEnvironment, deployment: string, condition: Watch): Step {
  return {
    name: `${p.name}: deploy ${env.name}`,
    image: DEPLOY_TOOLS_IMAGE,
    deployment,
    oidc: true,
    // A manual step is the approval: only users with deploy permission on the environment run it.
    ...(env.approval ? { trigger: 'manual' as const } : {}),
    ...(condition ? { condition } : {}),
    script: [...(env.approval ? [stageBanner(`approve-${env.name}`)] : []), stageBanner(`deploy-${env.name}`), ...oidc, ...deploy(p, env)],
  };
}

export function infraPlanSteps(p: InfraPipeline, condition: Watch): Step[] {
  const when = condition ? { condition } : {};
  return [
    { name: `infrastructure ${p.env}: quality gate`, image: NODE_IMAGE, ...when, script: [`${stageBanner('checkout')} # Bitbucket cloned $BITBUCKET_COMMIT`, stageBanner('quality-gate'), ...installKubectl(), ...reviewGate()] },
    {
      name: `infrastructure ${p.env}: plan`,
      image: TERRAFORM_IMAGE,
      oidc: true,
      ...when,
      script: [stageBanner('validate'), 'export AWS_ROLE_ARN="$TF_PLAN_ROLE_ARN"', ...oidc, ...terraformValidate(p), stageBanner('plan'), ...terraformPlan(p)],
    },
  ];
}

export function infraApplySteps(p: InfraPipeline, condition: Watch): Step[] {
  const when = condition ? { condition } : {};
  return [
    {
      name: `infrastructure ${p.env}: apply`,
      image: TERRAFORM_IMAGE,
      deployment: `infrastructure-${p.env}`,
      oidc: true,
      ...(p.approval ? { trigger: 'manual' as const } : {}),
      ...when,
      script: [...(p.approval ? [stageBanner(`approve-${p.env}`)] : []), ...oidc, ...terraformValidate(p), ...terraformPlan(p), stageBanner('apply'), ...terraformApply(p)],
    },
    { name: `infrastructure ${p.env}: cluster policies`, image: DEPLOY_TOOLS_IMAGE, oidc: true, ...when, script: [stageBanner('cluster-policies'), ...oidc, ...clusterPolicies(p)] },
  ];
}
