import { labelsOf, workloads } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

/** Labels that say who owns (and pays for) a workload. */
export const OWNER_LABELS = ['owner', 'team', 'cost-center', 'costcenter', 'cost_center', 'app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by'];

export default defineRule({
  meta: {
    id: 'SLW-K8S-036',
    slug: 'owner-labels',
    target: 'k8s',
    pillar: 'cost',
    severity: 'low',
    title: 'Workload has no owner or cost label',
    rationale: 'Cost allocation (Kubecost, OpenCost, AWS split cost allocation) and incident routing group by labels; unlabelled workloads are nobody\'s bill.',
    fixHint: 'Add `app.kubernetes.io/part-of: <application>` and an `owner` or `team` label (kustomize `commonLabels`/`labels` sets them everywhere).',
    wellArchitected: ['COST03-BP02'],
    equivalents: {},
  },
  check(set) {
    return each(workloads(set), (o) => {
      const labels = labelsOf(o.body);
      return OWNER_LABELS.some((l) => labels[l] !== undefined) ? null : at(o, ['metadata'], `${o.kind}/${o.name} has no owner, team, cost-center or app.kubernetes.io/part-of label`);
    });
  },
});
