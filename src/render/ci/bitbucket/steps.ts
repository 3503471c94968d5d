import {
  bannerStage, clusterPolicies, coverageEnvPath, coverageGate, deploy, ecrLogin, enterDir, imageBuildPush, installKubectl, manifestsDir, measureCoverage, renderManifests, reviewGate,
  stageBanner, terraformApply, terraformPlan, terraformValidate, webIdentity,
} from '../model/commands.js';
import { DEPLOY_TOOLS_IMAGE, NODE_IMAGE, TERRAFORM_IMAGE } from '../model/tool-image.js';
import type { ComponentPipeline, DeployEnvironment, InfraPipeline } from '../model/types.js';
import type { Step } from './types.js';

const oidc = webIdentity('BITBUCKET_STEP_OIDC_TOKEN');
const checkout = `${stageBanner('checkout')} # Bitbucket cloned $BITBUCKET_COMMIT`;

/** Bitbucket has no per-pipeline path filter: each step carries the component's paths (`{}` where a person starts it). */
export type Watch = Pick<Step, 'condition'>;

export function buildSteps(p: ComponentPipeline, when: Watch): Step[] {
  return [
    {
      name: `${p.name}: checkout, install, build, test`,
      image: p.toolImage,
      ...when,
      script: [
        checkout,
        ...enterDir(p),
        ...bannerStage('install', p.install),
        ...bannerStage('build', p.build),
        ...bannerStage('test', p.test),
        ...measureCoverage(p),
      ],
      artifacts: [coverageEnvPath(p)],
    },
    { name: `${p.name}: quality gate`, image: NODE_IMAGE, ...when, script: [stageBanner('quality-gate'), ...installKubectl(), ...reviewGate(), `. ./${coverageEnvPath(p)}`, ...coverageGate()] },
  ];
}

export function releaseSteps(p: ComponentPipeline, when: Watch): Step[] {
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
export function deployStep(p: ComponentPipeline, env: DeployEnvironment, deployment: string, when: Watch): Step {
  return {
    name: `${p.name}: deploy ${env.name}`,
    image: DEPLOY_TOOLS_IMAGE,
    deployment,
    oidc: true,
    // A manual step is the approval: only users with deploy permission on the environment run it.
    ...(env.approval ? { trigger: 'manual' as const } : {}),
    ...when,
    script: [...(env.approval ? [stageBanner(`approve-${env.name}`)] : []), stageBanner(`deploy-${env.name}`), ...oidc, ...deploy(p, env)],
  };
}

export function infraPlanSteps(p: InfraPipeline, when: Watch): Step[] {
  return [
    { name: `infrastructure ${p.env}: quality gate`, image: NODE_IMAGE, ...when, script: [checkout, stageBanner('quality-gate'), ...installKubectl(), ...reviewGate()] },
    {
      name: `infrastructure ${p.env}: plan`,
      image: TERRAFORM_IMAGE,
      oidc: true,
      ...when,
      script: [stageBanner('validate'), 'export AWS_ROLE_ARN="$TF_PLAN_ROLE_ARN"', ...oidc, ...terraformValidate(p), stageBanner('plan'), ...terraformPlan(p)],
    },
  ];
}

export function infraApplySteps(p: InfraPipeline, when: Watch): Step[] {
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
