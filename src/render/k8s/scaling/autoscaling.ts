import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { HPA_TARGET_CPU_PERCENT, type ReplicaRange } from '../../../spec/tiers.js';
import { selectorLabels, workloadLabels } from '../names.js';
import type { Workload } from '../workloads.js';

const HPA_TARGET_MEMORY_PERCENT = 80;

/** autoscaling/v2 on CPU and memory; scale-down waits 5 minutes so a spike's tail is not dropped. */
export function hpa(app: string, w: Workload, range: ReplicaRange): IHorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: w.name, labels: workloadLabels(app, w) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: w.name },
      minReplicas: range.min,
      maxReplicas: range.max,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: HPA_TARGET_CPU_PERCENT } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: HPA_TARGET_MEMORY_PERCENT } } },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
    },
  };
}

/** One pod at a time may be evicted by a drain; with a single replica the drain still proceeds. */
export function pdb(app: string, w: Workload): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: w.name, labels: workloadLabels(app, w) },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(app, w) } },
  };
}
