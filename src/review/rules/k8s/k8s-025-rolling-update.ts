import { asObject, ofKind } from '../../parse/k8s.js';
import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-K8S-025',
    slug: 'rolling-update',
    target: 'k8s',
    pillar: 'reliability',
    severity: 'low',
    title: 'Deploys take every pod down at once',
    rationale: 'The Recreate strategy, or a rolling update with maxUnavailable of 100%, stops all old pods before new ones are ready: each deploy is an outage.',
    fixHint: 'Use `strategy.type: RollingUpdate` with `maxUnavailable: 0` (or 25%) and `maxSurge: 1`.',
    wellArchitected: ['OPS06-BP03', 'REL08-BP05'],
    equivalents: {},
  },
  check(set) {
    return each(ofKind(set, 'Deployment'), (obj) => {
      const strategy = asObject(asObject(obj.body.spec)?.strategy) ?? {};
      if (strategy.type === 'Recreate') return at(obj, ['spec', 'strategy', 'type'], `Deployment/${obj.name} uses the Recreate strategy`);
      const mu = asObject(strategy.rollingUpdate)?.maxUnavailable;
      const replicas = Number(asObject(obj.body.spec)?.replicas ?? 1);
      if (mu === '100%' || (typeof mu === 'number' && mu >= replicas && replicas > 1)) {
        return at(obj, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], `Deployment/${obj.name} allows every pod to be unavailable during a rollout`);
      }
      return null;
    });
  },
});
