import type { CiExporter } from '../exporter.js';
import type { CiPlan, ComponentPipeline } from '../model/types.js';
import { yamlFile } from '../yaml-file.js';
import { buildSteps, deployStep, infraApplySteps, infraPlanSteps, releaseSteps, type Watch } from './steps.js';
import type { BitbucketPipelines, Item, Step } from './types.js';

export const BITBUCKET_FILE = 'bitbucket-pipelines.yml';
const wrap = (steps: Step[]): Item[] => steps.map((step) => ({ step }));
const watch = (paths: string[]): Watch => ({ condition: { changesets: { includePaths: [...paths, BITBUCKET_FILE] } } });
/** Custom pipelines are started by a person: every step runs. */
const always: Watch = {};

/**
 * Bitbucket Pipelines reads one file. Pull requests build, test and plan; the deploy
 * branch runs every changed component (each step's `changesets` condition) through its
 * environments, infrastructure first; a custom pipeline per component and per environment's
 * infrastructure runs one of them by hand.
 */
export const bitbucketExporter: CiExporter = {
  target: 'bitbucket',
  title: 'Bitbucket Pipelines',
  export(plan) {
    return [yamlFile(BITBUCKET_FILE, 'pipelines per component and environment (docs/ci.md)', pipelines(plan))];
  },
  componentFile: () => BITBUCKET_FILE,
  infraFile: () => BITBUCKET_FILE,
  approvalHow: (env) => `a user with deploy permission on the Bitbucket deployment environment runs the paused manual step for \`${env}\``,
};

function deploymentName(plan: CiPlan, p: ComponentPipeline, env: string): string {
  return plan.components.length === 1 ? env : `${p.name}-${env}`;
}

function pipelines(plan: CiPlan): BitbucketPipelines {
  const envs = plan.components[0]?.environments ?? [];
  const pr: Step[] = [
    ...plan.components.flatMap((p) => buildSteps(p, watch(p.watch.include))),
    ...plan.infrastructure.flatMap((p) => infraPlanSteps(p, watch(p.watch))),
  ];
  // Everything that needs no approval first, so one component's waiting approval holds up no other.
  const main: Step[] = plan.components.flatMap((p) => [...buildSteps(p, watch(p.watch.include)), ...releaseSteps(p, watch(p.watch.include))]);
  for (const env of envs) {
    const infra = plan.infrastructure.find((i) => i.env === env.name);
    if (infra) main.push(...infraPlanSteps(infra, watch(infra.watch)), ...infraApplySteps(infra, watch(infra.watch)));
    for (const p of plan.components) {
      const e = p.environments.find((x) => x.name === env.name);
      if (e) main.push(deployStep(p, e, deploymentName(plan, p, env.name), watch(p.watch.include)));
    }
  }
  const custom: Record<string, Item[]> = {};
  for (const p of plan.components) {
    custom[p.name] = wrap([...buildSteps(p, always), ...releaseSteps(p, always), ...p.environments.map((e) => deployStep(p, e, deploymentName(plan, p, e.name), always))]);
  }
  for (const p of plan.infrastructure) custom[`infrastructure-${p.env}`] = wrap([...infraPlanSteps(p, always), ...infraApplySteps(p, always)]);
  return {
    image: 'atlassian/default-image:4',
    options: { 'max-time': 60 },
    // Image builds need more than the docker service's default 1 GB.
    definitions: { services: { docker: { memory: 3072 } } },
    pipelines: { 'pull-requests': { '**': wrap(pr) }, branches: { [plan.branch]: wrap(main) }, custom },
  };
}
