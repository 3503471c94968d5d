import { envProfile } from '../../k8s/names.js';
import { replicasFor, resourcesFor } from '../../k8s/workload/resources.js';
import type { RunbookContext } from '../context.js';
import { code, para, section, table } from '../markdown.js';

export function scaleSection(ctx: RunbookContext): string[] {
  const scaled = ctx.workloads.filter((w) => w.kind !== 'job');
  const prod = ctx.plan.components[0]!.environments.at(-1)!;
  const w = scaled[0];
  return section('Scale', [
    ...para('Each component scales between a minimum and a maximum number of pods on CPU and memory (HorizontalPodAutoscaler, 70% CPU target); the tier sets both and the requests (docs/tiers.md).'),
    ...table(
      ['component', 'tier', 'CPU request / limit', 'memory request / limit', ...ctx.envs.map((e) => `pods in ${e}`)],
      scaled.map((x) => {
        const r = resourcesFor(x);
        return [x.name, x.tier, `${r.requests?.['cpu']} / ${r.limits?.['cpu']}`, `${r.requests?.['memory']} / ${r.limits?.['memory']}`, ...ctx.envs.map((e) => `${replicasFor(x, envProfile(e)).min}–${replicasFor(x, envProfile(e)).max}`)];
      }),
    ),
    ...(w
      ? [
          ...para('For a surge, now (lasts until the next deploy re-applies the overlay):'),
          ...code([`kubectl -n ${prod.namespace} patch hpa ${w.name} --type merge -p '{"spec":{"minReplicas":${replicasFor(w, 'prod').min * 2},"maxReplicas":${replicasFor(w, 'prod').max * 2}}}'`, `kubectl -n ${prod.namespace} get hpa ${w.name} --watch`]),
          ...para(
            `For good: measure, then write the bounds into slipway.yaml (\`components[${w.index}].scale\`) and regenerate.`,
            'Nodes follow pods (cluster autoscaler); their instance types and counts are in deploy/terraform/env/<env>.tfvars.',
          ),
          ...code([`slipway loadtest --env test --profile stress --apply   # finds the knee, writes components[].scale`, 'slipway generate k8s && git commit -am "scale from load test"']),
        ]
      : para('No long-running components: jobs run once per release.')),
  ]);
}
