import { defineRule, each } from '../../rule.js';
import { at } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-DF-012',
    slug: 'no-ssh-port',
    target: 'dockerfile',
    pillar: 'security',
    severity: 'high',
    title: 'Port 22 (SSH) exposed',
    rationale:
      'An SSH daemon in a container is a second way in that bypasses the platform\'s access control and audit; containers are replaced, not logged into.',
    fixHint: 'Remove the SSH server and `EXPOSE 22`; use `kubectl exec` / `docker exec` for debugging.',
    wellArchitected: ['SEC06-BP03', 'SEC05-BP02'],
    equivalents: { checkov: ['CKV_DOCKER_1'], trivy: ['AVD-DS-0004'] },
  },
  check(doc) {
    const exposes = doc.instructions.filter((i) => i.keyword === 'EXPOSE');
    return each(exposes, (ins) => (ins.words.some((w) => /^22(\/tcp)?$/.test(w)) ? at(doc, ins, 'EXPOSE 22 publishes SSH') : null));
  },
});
