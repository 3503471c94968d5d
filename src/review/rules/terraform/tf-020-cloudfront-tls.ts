import { defineRule, each } from '../../rule.js';
import { at, isExpression, isTrue, resources, value } from './shared.js';

const OK = /^TLSv1\.2_20(18|19|21)|^TLSv1\.3/;

export default defineRule({
  meta: {
    id: 'SLW-TF-020',
    slug: 'cloudfront-tls',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'CloudFront accepts TLS older than 1.2',
    rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated by every browser; accepting them only serves attackers and scanners.',
    fixHint: 'Use your own certificate with `minimum_protocol_version = "TLSv1.2_2021"` (the default CloudFront certificate allows TLSv1).',
    wellArchitected: ['SEC09-BP02'],
    equivalents: { checkov: ['CKV_AWS_174'], trivy: ['AVD-AWS-0013'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_cloudfront_distribution'), (d) => {
      if (isTrue(value(mod, d, 'viewer_certificate.0.cloudfront_default_certificate'))) {
        return at(d, ['viewer_certificate', 'cloudfront_default_certificate'], `aws_cloudfront_distribution.${d.name} uses the default certificate, which allows TLSv1`);
      }
      const v = value(mod, d, 'viewer_certificate.0.minimum_protocol_version');
      if (isExpression(v) || (typeof v === 'string' && OK.test(v))) return null;
      return at(d, ['viewer_certificate', 'minimum_protocol_version'], `aws_cloudfront_distribution.${d.name} accepts ${typeof v === 'string' ? v : 'TLS below 1.2'}`);
    });
  },
});
