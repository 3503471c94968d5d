import { defineRule, each } from '../../rule.js';
import { at, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-021',
    slug: 'cloudfront-waf',
    target: 'terraform',
    pillar: 'security',
    severity: 'medium',
    title: 'CloudFront without a web application firewall',
    rationale: 'A WAF in front of the app filters the common exploits, bad bots and floods before they reach (and cost) the origin.',
    fixHint: 'Associate an `aws_wafv2_web_acl` (scope CLOUDFRONT) through `web_acl_id`; AWS managed rule groups are a good start.',
    wellArchitected: ['SEC05-BP03'],
    equivalents: { checkov: ['CKV_AWS_68'], trivy: ['AVD-AWS-0011'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_cloudfront_distribution'), (d) =>
      d.body.web_acl_id ? null : at(d, [], `aws_cloudfront_distribution.${d.name} has no WAF (web_acl_id)`),
    );
  },
});
