import { coverageEnvPath, coverageGate, deploy, ecrLogin, imageBuildPush, installKubectl, manifestsDir, measureCoverage, renderManifests, reviewGate, variableName } from '../model/commands.js';
import { DEPLOY_TOOLS_IMAGE, NODE_IMAGE } from '../model/tool-image.js';
import type { CiPlan, ComponentPipeline } from '../model/types.js';
import { block, call, named, type Node } from './groovy.js';
import { approveStage, checkoutStage, dockerAgent, sh, stage, stageSteps, when } from './stages.js';

export const componentJenkinsfile = (p: ComponentPipeline) => `ci/jenkins/${p.name}.Jenkinsfile`;

/**
 * A declarative pipeline per component (a Jenkins job whose script path is this file).
 * Install, build and test run in the component's toolchain image on the agent's workspace;
 * the agent needs Docker and the AWS CLI, and an IAM role (no keys) that may push to $REGISTRY.
 */
export function componentPipeline(plan: CiPlan, p: ComponentPipeline): Node {
  const paths = [...p.watch.include, componentJenkinsfile(p)];
  const inDir = (nodes: Node[]): Node[] => (p.dir === '.' ? nodes : [call('dir', [p.dir], nodes)]);
  const toolStage = (name: string, nodes: Node[]) => stage(name, [dockerAgent(p.toolImage), when(paths), block('steps', inDir(nodes))]);
  const stages: Node[] = [
    checkoutStage(paths),
    toolStage('Install', stageSteps(p.install)),
    toolStage('Build', stageSteps(p.build)),
    toolStage('Test', [...stageSteps(p.test), sh(measureCoverage(p))]),
    stage('Quality gate', [dockerAgent(NODE_IMAGE), when(paths), block('steps', [sh([...installKubectl(), ...reviewGate()]), sh([`. ./${coverageEnvPath(p)}`, ...coverageGate()])])]),
    stage('Image', [when(paths, plan.branch), block('steps', [sh([ecrLogin(), ...imageBuildPush(p)])])]),
    stage('Render', [dockerAgent(DEPLOY_TOOLS_IMAGE), when(paths, plan.branch), block('steps', [sh(renderManifests(p))])]),
  ];
  for (const env of p.environments) {
    if (env.approval) stages.push(approveStage(env.name, p.name, paths, plan.branch));
    stages.push(stage(`Deploy ${env.name}`, [dockerAgent(DEPLOY_TOOLS_IMAGE), when(paths, plan.branch), block('steps', [sh(deploy(p, env, variableName(env.name, 'DEPLOY_ROLE_ARN')))])]));
  }
  return block('pipeline', [
    { raw: 'agent any' },
    block('options', [call('skipDefaultCheckout', []), call('disableConcurrentBuilds', []), named('timeout', { time: 3, unit: 'HOURS' }), call('buildDiscarder', [{ raw: "logRotator(numToKeepStr: '50')" }])]),
    block('environment', [{ raw: `AWS_REGION = '${plan.region}'` }]),
    block('stages', stages),
    block('post', [block('always', [named('archiveArtifacts', { artifacts: `${manifestsDir(p)}/*.yaml`, allowEmptyArchive: true })])]),
  ]);
}
