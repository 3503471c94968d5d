import { coverageEnvPath, coverageGate, deploy, ecrLogin, imageBuildPush, installKubectl, manifestsDir, measureCoverage, renderManifests, reviewGate, stageBanner, webIdentity } from '../model/commands.js';
import type { CiPlan, ComponentPipeline, StageCommand } from '../model/types.js';
import { AWS_ID_TOKEN, DEPLOY_TOOLS_IMAGE, DOCKER_IMAGE, NODE_IMAGE, onBranch, tier } from './shared.js';
import type { Job, Pipeline } from './types.js';

/**
 * A component's child pipeline: stages run in order (no `needs`, so every job waits for
 * everything before it); merge requests stop after the quality gate.
 */
export function componentPipeline(plan: CiPlan, p: ComponentPipeline): Pipeline {
  const cd = p.dir === '.' ? [] : [`cd ${p.dir}`];
  const stageLines = (id: string, cmd: StageCommand) => [stageBanner(id), ...(cmd.lines.length ? cmd.lines : [`echo "nothing to run: set ${cmd.missing} in slipway.yaml"`])];
  const jobs: Record<string, Job> = {
    build: {
      stage: 'build',
      image: p.toolImage,
      script: [
        `${stageBanner('checkout')} # the runner checked out $CI_COMMIT_SHA`,
        ...cd,
        ...stageLines('install', p.install),
        ...stageLines('build', p.build),
        ...stageLines('test', p.test),
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
      script: [stageBanner('image'), 'apk add --no-cache aws-cli', ...webIdentity('AWS_ID_TOKEN'), ecrLogin(), ...imageBuildPush(p)],
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
      // Blocking manual job: only a person allowed to deploy to the protected environment starts it.
      ...(env.approval ? { when: 'manual' as const, allow_failure: false } : {}),
      environment: { name: env.name, deployment_tier: tier(env.name) },
      resource_group: `${p.name}-${env.name}`,
      script: [...(env.approval ? [stageBanner(`approve-${env.name}`)] : []), stageBanner(id), ...webIdentity('AWS_ID_TOKEN'), ...deploy(p, env)],
      timeout: '30m',
    };
  }
  return { stages, variables: { AWS_REGION: plan.region, IMAGE_TAG: '$CI_COMMIT_SHA' }, ...jobs };
}
