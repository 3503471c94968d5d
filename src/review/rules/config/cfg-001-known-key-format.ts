import { defineRule, each } from '../../rule.js';
import { knownKeyFormat } from '../secrets.js';

export default defineRule({
  meta: {
    id: 'SLW-CFG-001',
    slug: 'known-key-format',
    target: 'config',
    pillar: 'security',
    severity: 'critical',
    title: 'Committed credential with a known key format',
    rationale: 'An AWS key, GitHub or Slack token, Stripe key or private key in a committed file is usable by anyone who can read the repository, its forks and its history.',
    fixHint: 'Revoke the credential now, remove it from the file (and from history), and load it from the environment or a secret store.',
    wellArchitected: ['SEC02-BP03'],
    equivalents: { trivy: ['aws-access-key-id', 'github-pat', 'slack-access-token', 'stripe-secret-token', 'private-key'], checkov: ['CKV_SECRET_2'] },
  },
  check(doc) {
    return each(doc.entries, (e) => {
      const f = knownKeyFormat(e.value);
      return f ? { location: { file: doc.path, line: e.line, column: e.column }, message: `${e.key} holds a ${f.name}` } : null;
    });
  },
});
