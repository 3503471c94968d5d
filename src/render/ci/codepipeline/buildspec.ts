import {
  bannerStage, clusterPolicies, coverageEnvPath, coverageGate, deploy, ecrLogin, enterDir, imageBuildPush, installKubectl, manifestsDir, measureCoverage, renderManifests, reviewGate,
  stageBanner, terraformApply, terraformInit, terraformPlan, terraformValidate,
} from '../model/commands.js';
import type { ComponentPipeline, DeployEnvironment, InfraPipeline } from '../model/types.js';

/** buildspec.yml, version 0.2: commands of one phase share a shell (directory and variables carry over). */
export interface Buildspec {
  version: 0.2;
  phases: Partial<Record<'install' | 'pre_build' | 'build' | 'post_build', { commands: string[] }>>;
  artifacts?: { files: string[] };
}

export const CI_DIR = 'ci/codepipeline';
export const buildspecPath = (unit: string, stage: string) => `${CI_DIR}/${unit}/buildspec-${stage}.yml`;

const checkout = `${stageBanner('checkout')} # CodePipeline's Source stage fetched the commit`;
/** The review gate needs Node.js (and kubectl); the deploy-tools and Terraform images are Alpine. */
const NODE_ON_ALPINE = 'apk add --no-cache nodejs npm';
/** A project started by hand (`aws codebuild start-build`) skips the pipeline's earlier stages: gate again before changing anything. */
const gateAgain = [stageBanner('quality-gate'), ...reviewGate()];
/** CodeBuild holds the project role; this profile lets kubectl and Terraform act as the environment's role instead. */
const assumeTargetRole = [
  'mkdir -p ~/.aws',
  `printf '[profile target]\\nrole_arn = %s\\ncredential_source = EcsContainer\\n' "$TARGET_ROLE_ARN" > ~/.aws/config`,
  'export AWS_PROFILE=target',
];

export function componentBuildspecs(p: ComponentPipeline): Record<string, Buildspec> {
  const cd = enterDir(p);
  const specs: Record<string, Buildspec> = {
    build: {
      version: 0.2,
      phases: {
        install: { commands: [checkout, ...cd, ...bannerStage('install', p.install)] },
        build: { commands: [...cd, ...bannerStage('build', p.build), ...bannerStage('test', p.test), ...measureCoverage(p)] },
      },
      artifacts: { files: [coverageEnvPath(p)] },
    },
    gate: {
      version: 0.2,
      phases: { install: { commands: installKubectl() }, build: { commands: [...gateAgain, `. "$CODEBUILD_SRC_DIR_build/${coverageEnvPath(p)}"`, ...coverageGate()] } },
    },
    image: { version: 0.2, phases: { build: { commands: [stageBanner('image'), ecrLogin(), ...imageBuildPush(p)] } } },
    render: { version: 0.2, phases: { build: { commands: [stageBanner('render'), ...renderManifests(p)] } }, artifacts: { files: [`${manifestsDir(p)}/*`] } },
  };
  for (const env of p.environments) specs[`deploy-${env.name}`] = deployBuildspec(p, env);
  return specs;
}

function deployBuildspec(p: ComponentPipeline, env: DeployEnvironment): Buildspec {
  return {
    version: 0.2,
    phases: {
      install: { commands: [NODE_ON_ALPINE] },
      pre_build: { commands: [...gateAgain, `cp -R "$CODEBUILD_SRC_DIR_manifests/manifests" .`] },
      build: { commands: [stageBanner(`deploy-${env.name}`), ...deploy(p, env, 'TARGET_ROLE_ARN')] },
    },
  };
}

export function infraBuildspecs(p: InfraPipeline): Record<string, Buildspec> {
  return {
    plan: {
      version: 0.2,
      phases: {
        install: { commands: [checkout, NODE_ON_ALPINE] },
        pre_build: { commands: gateAgain },
        build: { commands: [...assumeTargetRole, stageBanner('validate'), ...terraformValidate(p), stageBanner('plan'), ...terraformPlan(p)] },
      },
      artifacts: { files: [`${p.dir}/${p.planFile}`] },
    },
    apply: {
      version: 0.2,
      phases: {
        install: { commands: [NODE_ON_ALPINE] },
        pre_build: { commands: [...gateAgain, `cp "$CODEBUILD_SRC_DIR_plan/${p.dir}/${p.planFile}" ${p.dir}/`] },
        build: {
          commands: [...assumeTargetRole, terraformInit(p), stageBanner('apply'), ...terraformApply(p)],
        },
      },
    },
    'cluster-policies': {
      version: 0.2,
      phases: {
        install: { commands: [NODE_ON_ALPINE] },
        pre_build: { commands: gateAgain },
        build: { commands: [stageBanner('cluster-policies'), ...clusterPolicies(p, 'TARGET_ROLE_ARN')] },
      },
    },
  };
}
