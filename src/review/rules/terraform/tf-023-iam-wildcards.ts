import { defineRule, each } from '../../rule.js';
import { iamStatements } from './iam.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-023',
    slug: 'iam-wildcards',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'IAM policy allows every action',
    rationale: 'In an identity policy, `"Action": "*"`, or `service:*` on every resource, grants far more than any workload needs: one leaked credential becomes an account takeover. (Resource-based policies, which name a Principal, are scoped to their resource and are not flagged for `Resource: "*"`.)',
    fixHint: 'List the actions and the resource ARNs the workload uses (IAM Access Analyzer can generate a policy from CloudTrail).',
    wellArchitected: ['SEC03-BP02'],
    equivalents: { checkov: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV_AWS_355'], trivy: ['AVD-AWS-0057'] },
  },
  check(mod) {
    return each(iamStatements(mod), ({ owner, statements }) =>
      statements
        // Resource-based policies (key, bucket, queue policies) scope `Resource: "*"` to their resource.
        .filter((s) => s.effect === 'Allow' && !s.resourceBased)
        .filter((s) => s.actions.includes('*') || (s.actions.some((a) => /^[\w-]+:\*$/.test(a)) && s.resources.includes('*')))
        .map((s) => ({ location: s.location, message: `${owner.kind === 'data' ? 'data.' : ''}${owner.type}.${owner.name} allows ${s.actions.filter((a) => a.includes('*')).join(', ')}${s.resources.includes('*') ? ' on every resource' : ''}` })),
    );
  },
});
