import { defineRule, each } from '../../rule.js';
import { cacheBehaviors } from './cloudfront.js';
import { at, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-019',
    slug: 'cloudfront-https',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'CloudFront serves plain HTTP',
    rationale: '`allow-all` lets viewers use HTTP: cookies and content travel in clear text and can be altered on the way.',
    fixHint: 'Set `viewer_protocol_policy = "redirect-to-https"` (or `https-only`) on every cache behaviour.',
    wellArchitected: ['SEC09-BP02'],
    equivalents: { checkov: ['CKV_AWS_34'], trivy: ['AVD-AWS-0012'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_cloudfront_distribution'), (d) =>
      cacheBehaviors(d)
        .filter((b) => b.body.viewer_protocol_policy === 'allow-all')
        .map((b) => at(d, b.path, `aws_cloudfront_distribution.${d.name} allows HTTP (viewer_protocol_policy allow-all)`)),
    );
  },
});
