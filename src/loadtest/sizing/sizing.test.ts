import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../spec/io.js';
import { HPA_TARGET_CPU_PERCENT, TIER_REPLICAS, TIER_RESOURCES } from '../../spec/tiers.js';
import { applyScale, scaleFromSizing } from './apply.js';
import { recommendSizing } from './sizing.js';

describe('sizing from a measured capacity', () => {
  it('plans each replica at the HPA target and covers the target rate', () => {
    // 200 req/s per instance × 70% = 140 planned; 1000 / 140 → 8 replicas; burst 2000 / 140 → 15.
    const s = recommendSizing({ capacityRps: 200, capacityIsLowerBound: false, targetRps: 1000, tier: 'medium' });
    expect(HPA_TARGET_CPU_PERCENT).toBe(70);
    expect(s.plannedRpsPerReplica).toBe(140);
    expect(s.replicas).toBe(8);
    expect(s.minReplicas).toBe(8);
    expect(s.maxReplicas).toBe(15);
    expect(s.requests).toEqual(TIER_RESOURCES.medium.requests);
    expect(s.explanation.join('\n')).toContain('⌈1000 / 140⌉ = 8');
  });

  it("never goes below the tier's production replica range", () => {
    const s = recommendSizing({ capacityRps: 1000, capacityIsLowerBound: false, targetRps: 10, tier: 'high' });
    expect(s.replicas).toBe(1);
    expect(s.minReplicas).toBe(TIER_REPLICAS.high.prod.min);
    expect(s.maxReplicas).toBe(TIER_REPLICAS.high.prod.max);
  });
});

describe('--apply writes components[].scale', () => {
  const yaml = `# our app
version: 1
name: shop
components:
  # the storefront
  - name: web
    path: .
    kind: web
    language: javascript
    runtime: node
    tier: low # small for now
    scale:
      targetRps: 300 # from the business plan
  - name: worker
    kind: worker
    language: javascript
    runtime: node
`;

  it('sets the sizing keys on the named component and keeps comments and other values', () => {
    const sizing = recommendSizing({ capacityRps: 100, capacityIsLowerBound: false, targetRps: 300, tier: 'low' });
    const out = applyScale(yaml, 'slipway.yaml', 'web', scaleFromSizing(sizing));
    expect(out).toContain('# our app');
    expect(out).toContain('# the storefront');
    expect(out).toContain('tier: low # small for now');
    expect(out).toContain('targetRps: 300 # from the business plan');
    const parsed = parseSpec(out, 'slipway.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.spec.components[0]?.scale).toEqual({ targetRps: 300, minReplicas: 5, maxReplicas: 9, cpu: '100m', memory: '128Mi', capacityRps: 100 });
    expect(parsed.spec.components[1]?.scale).toBeUndefined();
  });

  it('names the component it could not find', () => {
    expect(() => applyScale(yaml, 'slipway.yaml', 'api', { minReplicas: 2 })).toThrow(/no component named "api"/);
  });
});
