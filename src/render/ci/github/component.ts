import { coverageEnv, coverageGate, deploy, imageBuildPush, manifestsDir, measureCoverage, renderManifests, reviewGate } from '../model/commands.js';
import type { CiPlan, ComponentPipeline } from '../model/types.js';
import { ACTIONS, RUNNER } from './actions.js';
import { approvalJob, awsCredentials, checkout, onBranch, run, stageStep, triggers } from './steps.js';
import type { Job, Workflow } from './types.js';

export const componentWorkflowPath = (p: ComponentPipeline) => `.github/workflows/${p.name}.yml`;

/**
 * One workflow per component: build → quality-gate → image → render → deploy per
 * environment (approval jobs before gated ones). Pull requests stop after the gate.
 */
export function componentWorkflow(plan: CiPlan, p: ComponentPipeline): Workflow {
  const self = componentWorkflowPath(p);
  const paths = [...p.watch.include, self, ...p.watch.exclude.map((x) => `!${x}`)];
  const jobs: Record<string, Job> = {
    build: {
      name: `${p.name}: checkout, install, build, test`,
      'runs-on': RUNNER,
      'timeout-minutes': 30,
      permissions: { contents: 'read' },
      container: { image: p.toolImage },
      ...(p.dir === '.' ? {} : { defaults: { run: { 'working-directory': p.dir } } }),
      outputs: { coverage: '${{ steps.coverage.outputs.COVERAGE }}' },
      steps: [
        checkout('checkout'),
        stageStep('install', 'Install', p.install),
        stageStep('build', 'Build', p.build),
        stageStep('test', 'Test', p.test),
        run('Measure coverage', [...measureCoverage(p), `cat ${coverageEnv(p)} >> "$GITHUB_OUTPUT"`], { id: 'coverage' }),
      ],
    },
    'quality-gate': {
      name: `${p.name}: quality gate`,
      needs: ['build'],
      'runs-on': RUNNER,
      'timeout-minutes': 15,
      permissions: { contents: 'read' },
      steps: [
        checkout(),
        run('Well-Architected review (slipway review --gate)', reviewGate(), { id: 'quality-gate' }),
        run('Coverage', coverageGate(), { id: 'coverage-gate', env: { COVERAGE: '${{ needs.build.outputs.coverage }}', MIN_COVERAGE: '${{ vars.MIN_COVERAGE }}' } }),
      ],
    },
    image: {
      name: `${p.name}: image`,
      needs: ['quality-gate'],
      if: onBranch(plan.branch),
      'runs-on': RUNNER,
      'timeout-minutes': 30,
      permissions: { contents: 'read', 'id-token': 'write' },
      outputs: { registry: '${{ steps.ecr.outputs.registry }}' },
      steps: [
        checkout(),
        awsCredentials('AWS_ROLE_ARN'),
        { id: 'ecr', name: 'Log in to Amazon ECR', uses: ACTIONS.ecrLogin.ref },
        run(`Build and push ${p.image.name}`, imageBuildPush(p), { id: 'image', env: { REGISTRY: '${{ steps.ecr.outputs.registry }}' } }),
      ],
    },
    render: {
      name: `${p.name}: render manifests`,
      needs: ['image'],
      if: onBranch(plan.branch),
      'runs-on': RUNNER,
      'timeout-minutes': 10,
      permissions: { contents: 'read' },
      steps: [
        checkout(),
        run('Pin the image and render each environment', renderManifests(p), { id: 'render', env: { REGISTRY: '${{ needs.image.outputs.registry }}' } }),
        {
          name: 'Keep the manifests',
          uses: ACTIONS.uploadArtifact.ref,
          with: { name: artifactName(p), path: `${manifestsDir(p)}/`, 'if-no-files-found': 'error', 'retention-days': 90 },
        },
      ],
    },
  };
  let previous = 'render';
  for (const env of p.environments) {
    if (env.approval) {
      const id = `approve-${env.name}`;
      jobs[id] = approvalJob(`${p.name}: approval for ${env.name}`, previous, plan.branch, env.name, `release $IMAGE_TAG of ${p.name} approved for ${env.name}`);
      previous = id;
    }
    const id = `deploy-${env.name}`;
    jobs[id] = {
      name: `${p.name}: deploy ${env.name}`,
      needs: [previous],
      if: onBranch(plan.branch),
      'runs-on': RUNNER,
      'timeout-minutes': 30,
      permissions: { contents: 'read', 'id-token': 'write' },
      environment: { name: env.name },
      steps: [
        { name: 'Fetch the rendered manifests', uses: ACTIONS.downloadArtifact.ref, with: { name: artifactName(p), path: manifestsDir(p) } },
        awsCredentials('AWS_ROLE_ARN'),
        run(`Apply, wait for the rollout, roll back if it fails`, deploy(p, env)),
      ],
    };
    previous = id;
  }
  return {
    name: p.name,
    on: triggers(plan.branch, paths),
    permissions: {},
    // One run per ref at a time: deploys queue instead of racing each other.
    concurrency: { group: `${p.name}-\${{ github.ref }}`, 'cancel-in-progress': false },
    env: { AWS_REGION: plan.region, IMAGE_TAG: '${{ github.sha }}' },
    jobs,
  };
}

const artifactName = (p: ComponentPipeline) => `manifests-${p.name}`;
