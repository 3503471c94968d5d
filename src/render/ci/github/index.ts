import type { CiExporter } from '../exporter.js';
import { yamlFile } from '../yaml-file.js';
import { PINNED_VERSIONS } from './actions.js';
import { componentWorkflow, componentWorkflowPath } from './component.js';
import { infraWorkflow, infraWorkflowPath } from './infra.js';

/** GitHub Actions: a workflow per component and per environment's infrastructure. */
export const githubExporter: CiExporter = {
  target: 'github',
  title: 'GitHub Actions',
  export(plan) {
    return [
      ...plan.components.map((p) => yamlFile(componentWorkflowPath(p), `${p.name} pipeline (docs/ci.md)`, componentWorkflow(plan, p), PINNED_VERSIONS)),
      ...plan.infrastructure.map((p) => yamlFile(infraWorkflowPath(p), `${p.env} infrastructure (docs/ci.md)`, infraWorkflow(plan, p), PINNED_VERSIONS)),
    ];
  },
  componentFile: (_plan, p) => componentWorkflowPath(p),
  infraFile: (_plan, p) => infraWorkflowPath(p),
  approvalHow: (env) => `a required reviewer of the GitHub environment \`${env}-approval\` approves the waiting \`approve-${env}\` job (Actions → the run → Review deployments)`,
};
