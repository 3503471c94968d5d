import { defineRule, each } from '../../rule.js';
import { at, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-022',
    slug: 'cloudfront-logging',
    target: 'terraform',
    pillar: 'operational-excellence',
    severity: 'low',
    title: 'CloudFront access logs off',
    rationale: 'Edge logs are the only record of requests CloudFront answered from cache: without them errors, abuse and cache efficiency are invisible.',
    fixHint: 'Add a `logging_config` block with a log bucket.',
    wellArchitected: ['SEC04-BP01', 'OPS04-BP02'],
    equivalents: { checkov: ['CKV_AWS_86'], trivy: ['AVD-AWS-0010'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_cloudfront_distribution'), (d) => (d.body.logging_config ? null : at(d, [], `aws_cloudfront_distribution.${d.name} writes no access logs`)));
  },
});
