import { bannerStage, coverageEnvPath, coverageGate, deploy, ecrLogin, enterDir, imageBuildPush, installKubectl, manifestsDir, measureCoverage, renderManifests, reviewGate, stageBanner } from '../model/commands.js';
import type { CiPlan, ComponentPipeline } from '../model/types.js';
import { AWS_ID_TOKEN, CHECKOUT, DEPLOY_TOOLS_IMAGE, DOCKER_IMAGE, environment, gated, NODE_IMAGE, OIDC, onBranch } from './shared.js';
import type { Job, Pipeline } from './types.js';

/**
 * A component's child pipeline: stages run in order (no `needs`, so every job waits for
 * everything before it); merge requests stop after the quality gate.
 */
export function componentPipeline(plan: CiPlan, p: ComponentPipeline): Pipeline {
  const jobs: Record<string, Job> = {
    build: {
      stage: 'build',
      image: p.toolImage,
      script: [
        CHECKOUT,
        ...enterDir(p),
        ...bannerStage('install', p.install),
        ...bannerStage('build', p.build),
        ...bannerStage('test', p.test),
        ...measureCoverage(p),
      ],
      // COVERAGE reaches the quality gate as a variable.
      artifacts: { reports: { dotenv: coverageEnvPath(p) } },
      timeout: '30m',
    },
    'quality-gate': { stage: 'quality-gate', image: NODE_IMAGE, script: [stageBanner('quality-gate'), ...installKubectl(), ...reviewGate(), ...coverageGate()], timeout: '15m' },
    // Not `image:`: at the top level that keyword is the default image of every job.
    'push-image': {
      stage: 'image',
      image: DOCKER_IMAGE,
      services: [`${DOCKER_IMAGE}-dind`],
      variables: { DOCKER_TLS_CERTDIR: '/certs' },
      id_tokens: AWS_ID_TOKEN,
      rules: onBranch(plan.branch),
      script: [stageBanner('image'), 'apk add --no-cache aws-cli', ...OIDC, ecrLogin(), ...imageBuildPush(p)],
      timeout: '30m',
    },
    render: {
      stage: 'render',
      image: DEPLOY_TOOLS_IMAGE,
      rules: onBranch(plan.branch),
      script: [stageBanner('render'), ...renderManifests(p)],
      artifacts: { paths: [`${manifestsDir(p)}/`], expire_in: '90 days' },
      timeout: '10m',
    },
  };
  const stages = ['build', 'quality-gate', 'image', 'render'];
  for (const env of p.environments) {
    const id = `deploy-${env.name}`;
    stages.push(id);
    jobs[id] = {
      stage: id,
      image: DEPLOY_TOOLS_IMAGE,
      id_tokens: AWS_ID_TOKEN,
      rules: onBranch(plan.branch),
      ...gated(env.approval),
      environment: environment(env.name),
      resource_group: `${p.name}-${env.name}`,
      script: [...(env.approval ? [stageBanner(`approve-${env.name}`)] : []), stageBanner(id), ...OIDC, ...deploy(p, env)],
      timeout: '30m',
    };
  }
  return { stages, variables: { AWS_REGION: plan.region, IMAGE_TAG: '$CI_COMMIT_SHA' }, ...jobs };
}
