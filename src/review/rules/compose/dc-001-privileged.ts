import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DC-001',
    slug: 'privileged',
    target: 'compose',
    pillar: 'security',
    severity: 'critical',
    title: 'Privileged compose service',
    rationale: '`privileged: true` gives the container every capability and all host devices: root in it is root on the host.',
    fixHint: 'Remove `privileged`; add the single capability needed with `cap_add`.',
    wellArchitected: ['SEC03-BP02'],
    equivalents: {},
  },
  check(doc) {
    return each(doc.services, (s) => (s.body.privileged === true ? { location: at(doc, ['services', s.name, 'privileged']), message: `service ${s.name} is privileged` } : null));
  },
});
