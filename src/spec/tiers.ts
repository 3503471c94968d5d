import type { Tier } from './component.js';

/**
 * The house sizing table (docs/tiers.md): resources per Low/Medium/High category, and
 * replica ranges per category × environment, as the seeds' banking case defined them.
 * `components[].scale` in slipway.yaml overrides any of it.
 */
export interface TierResources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}
export interface ReplicaRange {
  min: number;
  max: number;
}

export const TIER_RESOURCES: Record<Tier, TierResources> = {
  low: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  medium: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  high: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2', memory: '1Gi' } },
};

export const TIER_REPLICAS: Record<Tier, Record<'dev' | 'test' | 'prod', ReplicaRange>> = {
  low: { dev: { min: 1, max: 1 }, test: { min: 1, max: 2 }, prod: { min: 2, max: 3 } },
  medium: { dev: { min: 1, max: 2 }, test: { min: 1, max: 3 }, prod: { min: 2, max: 6 } },
  high: { dev: { min: 1, max: 2 }, test: { min: 2, max: 4 }, prod: { min: 3, max: 12 } },
};

/** CPU utilisation the HPA aims for; sizing keeps the same headroom. */
export const HPA_TARGET_CPU_PERCENT = 70;
