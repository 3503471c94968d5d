import type { CiExporter } from '../exporter.js';
import type { CiPlan } from '../model/types.js';
import { yamlFile } from '../yaml-file.js';
import { componentPipeline } from './component.js';
import { infraPipeline } from './infra.js';
import { childPath } from './shared.js';
import type { Job, Pipeline } from './types.js';

const infraName = (env: string) => `infrastructure-${env}`;

/**
 * GitLab CI: .gitlab-ci.yml starts one child pipeline per component and per environment's
 * infrastructure, each only when files under its paths changed (or on a manual run).
 */
export const gitlabExporter: CiExporter = {
  target: 'gitlab',
  title: 'GitLab CI',
  export(plan) {
    return [
      yamlFile('.gitlab-ci.yml', 'one child pipeline per component and environment (docs/ci.md)', parent(plan)),
      ...plan.components.map((p) => yamlFile(childPath(p.name), `${p.name} pipeline`, componentPipeline(plan, p))),
      ...plan.infrastructure.map((p) => yamlFile(childPath(infraName(p.env)), `${p.env} infrastructure`, infraPipeline(plan, p))),
    ];
  },
  componentFile: (_plan, p) => childPath(p.name),
  infraFile: (_plan, p) => childPath(infraName(p.env)),
  approvalHow: (env) => `a member allowed to deploy to the protected environment \`${env}\` runs the manual \`deploy-${env}\` (or \`apply\`) job`,
};

function parent(plan: CiPlan): Pipeline {
  const trigger = (file: string, paths: string[]): Job => ({
    stage: 'pipelines',
    trigger: { include: [{ local: file }], strategy: 'depend' },
    // `changes` has no exclusions: a root component also runs when a nested one changed.
    rules: [{ if: '$CI_PIPELINE_SOURCE == "web"' }, { changes: { paths } }],
  });
  const jobs: Record<string, Job> = {};
  for (const p of plan.components) jobs[p.name] = trigger(childPath(p.name), [...p.watch.include, childPath(p.name)]);
  for (const p of plan.infrastructure) jobs[infraName(p.env)] = trigger(childPath(infraName(p.env)), [...p.watch, childPath(infraName(p.env))]);
  return {
    stages: ['pipelines'],
    // Merge request pipelines, and branch pipelines only where no merge request is open.
    workflow: {
      rules: [
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
        { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', when: 'never' },
        { if: '$CI_COMMIT_BRANCH' },
      ],
    },
    ...jobs,
  };
}
