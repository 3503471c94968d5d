import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import { TIER_REPLICAS, TIER_RESOURCES, type ReplicaRange } from '../../../spec/tiers.js';
import type { EnvProfile } from '../names.js';
import type { Workload } from '../workloads.js';
import { cpuMillis, maxQuantity, memoryBytes } from './quantity.js';

/** Requests and limits: the tier's, with `scale.cpu` / `scale.memory` overriding the requests. */
export function resourcesFor(w: Workload): IResourceRequirements {
  const tier = TIER_RESOURCES[w.tier];
  const cpu = w.component.scale?.cpu ?? tier.requests.cpu;
  const memory = w.component.scale?.memory ?? tier.requests.memory;
  return {
    requests: { cpu, memory },
    limits: { cpu: maxQuantity(tier.limits.cpu, cpu, cpuMillis), memory: maxQuantity(tier.limits.memory, memory, memoryBytes) },
  };
}

/**
 * Replica range per tier × environment. `scale.minReplicas` / `maxReplicas` (sized by
 * `slipway loadtest`) apply to prod, where the load test's figures matter; dev and test
 * keep the tier table so they stay cheap.
 */
export function replicasFor(w: Workload, profile: EnvProfile): ReplicaRange {
  const base = TIER_REPLICAS[w.tier][profile];
  if (profile !== 'prod') return base;
  const min = w.component.scale?.minReplicas ?? base.min;
  const max = Math.max(min, w.component.scale?.maxReplicas ?? base.max);
  return { min, max };
}
