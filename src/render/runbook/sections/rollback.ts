import type { RunbookContext } from '../context.js';
import { code, para, section, sub } from '../markdown.js';

export function rollbackSection(ctx: RunbookContext): string[] {
  const prod = ctx.plan.components[0]!.environments.at(-1)!;
  const deployments = ctx.plan.components.filter((p) => p.workload === 'Deployment');
  const jobs = ctx.plan.components.filter((p) => p.workload === 'Job');
  return section('Roll back', [
    ...para('The pipeline rolls back by itself when a rollout does not become ready. To go back by hand:'),
    ...sub('Kubernetes', [
      ...code([
        ...deployments.flatMap((p) => [
          `kubectl -n ${prod.namespace} rollout history deployment/${p.name}`,
          `kubectl -n ${prod.namespace} rollout undo deployment/${p.name}                    # the release before`,
          `kubectl -n ${prod.namespace} rollout undo deployment/${p.name} --to-revision=<n>`,
          `kubectl -n ${prod.namespace} rollout status deployment/${p.name}`,
        ]),
      ]),
      ...para(
        'An undo outlives only until the next deploy: to stay on an old release, revert the commit and let the pipeline ship it.',
        ...jobs.map((p) => `\`${p.name}\` is a Job: re-run the pipeline of the commit you want (it replaces the Job).`),
      ),
    ]),
    ...sub('On this machine', [
      ...code([
        `slipway status . --env ${prod.name}     # releases: live, warm, older`,
        `slipway rollback . --env ${prod.name}   # instant while the previous release is still warm`,
        `slipway rollback . --env ${prod.name} --to <release>`,
      ]),
    ]),
    ...sub('Infrastructure', [
      ...para('Revert the Terraform commit: the infrastructure pipeline plans and applies the revert (with its approval where needed). Never edit resources in the console: the next apply undoes it.'),
    ]),
  ]);
}
