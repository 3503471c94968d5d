import type { Tier } from '../../spec/component.js';
import { HPA_TARGET_CPU_PERCENT, TIER_REPLICAS, TIER_RESOURCES, type TierResources } from '../../spec/tiers.js';

export interface SizingInput {
  /** Highest sustainable rate of one instance, measured at its tier's resources (the stress knee). */
  capacityRps: number;
  /** The knee was not reached: capacity is at least this much. */
  capacityIsLowerBound: boolean;
  targetRps: number;
  tier: Tier;
}

export interface SizingRecommendation {
  tier: Tier;
  capacityRps: number;
  capacityIsLowerBound: boolean;
  targetRps: number;
  /** Rate one replica is planned to carry: capacity at the HPA's target utilisation. */
  plannedRpsPerReplica: number;
  hpaTargetCpuPercent: number;
  burstFactor: number;
  /** Replicas that carry the target rate at the planned per-replica rate. */
  replicas: number;
  minReplicas: number;
  maxReplicas: number;
  requests: TierResources['requests'];
  limits: TierResources['limits'];
  /** The arithmetic, so the recommendation can be checked by hand. */
  explanation: string[];
}

/** Bursts the autoscaler must absorb above the target rate, as a multiple of it. */
const BURST_FACTOR = 2;

/**
 * replicas = ⌈target / (capacity × HPA target)⌉: each replica runs at the utilisation the
 * HPA aims for, keeping the same headroom. The minimum never drops below the tier's
 * production floor; the maximum absorbs a burst of BURST_FACTOR × target and never drops
 * below the tier's production ceiling. Requests are the tier's, since capacity was
 * measured at them.
 */
export function recommendSizing(input: SizingInput): SizingRecommendation {
  const hpa = HPA_TARGET_CPU_PERCENT;
  const planned = input.capacityRps * (hpa / 100);
  const replicas = Math.max(1, Math.ceil(input.targetRps / planned));
  const range = TIER_REPLICAS[input.tier].prod;
  const burstReplicas = Math.ceil((input.targetRps * BURST_FACTOR) / planned);
  const minReplicas = Math.max(replicas, range.min);
  const maxReplicas = Math.max(minReplicas, burstReplicas, range.max);
  const resources = TIER_RESOURCES[input.tier];
  const explanation = [
    `one instance sustains ${fmt(input.capacityRps)} req/s${input.capacityIsLowerBound ? ' or more (the knee was not reached)' : ''} at the ${input.tier} tier's resources (${resources.requests.cpu} CPU, ${resources.requests.memory})`,
    `planned per replica: ${fmt(input.capacityRps)} × ${hpa}% (HPA CPU target) = ${fmt(planned)} req/s`,
    `replicas for ${fmt(input.targetRps)} req/s: ⌈${fmt(input.targetRps)} / ${fmt(planned)}⌉ = ${replicas}`,
    `minReplicas = max(${replicas}, ${input.tier} prod floor ${range.min}) = ${minReplicas}`,
    `maxReplicas = max(min ${minReplicas}, burst ⌈${BURST_FACTOR} × ${fmt(input.targetRps)} / ${fmt(planned)}⌉ = ${burstReplicas}, ${input.tier} prod ceiling ${range.max}) = ${maxReplicas}`,
  ];
  return {
    tier: input.tier,
    capacityRps: input.capacityRps,
    capacityIsLowerBound: input.capacityIsLowerBound,
    targetRps: input.targetRps,
    plannedRpsPerReplica: Math.round(planned * 10) / 10,
    hpaTargetCpuPercent: hpa,
    burstFactor: BURST_FACTOR,
    replicas,
    minReplicas,
    maxReplicas,
    requests: resources.requests,
    limits: resources.limits,
    explanation,
  };
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));
