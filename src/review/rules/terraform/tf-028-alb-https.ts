import { blocks } from '../../parse/terraform-module.js';
import { defineRule, each } from '../../rule.js';
import { at, isExpression, resources, value } from './shared.js';

const MODERN_POLICY = /TLS13|TLS-1-2|FS-1-2|2021|2023|2025/;

export default defineRule({
  meta: {
    id: 'SLW-TF-028',
    slug: 'alb-https',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'Load balancer listener serves plain HTTP or old TLS',
    rationale: 'An HTTP listener that forwards (instead of redirecting to HTTPS) serves the app in clear text; an HTTPS listener on an old policy still accepts TLS 1.0/1.1.',
    fixHint: 'Make port 80 `redirect` to HTTPS (status HTTP_301) and use `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"` on HTTPS.',
    wellArchitected: ['SEC09-BP02'],
    equivalents: { checkov: ['CKV_AWS_2', 'CKV_AWS_103'], trivy: ['AVD-AWS-0054', 'AVD-AWS-0047'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_lb_listener', 'aws_alb_listener'), (l) => {
      const protocol = String(value(mod, l, 'protocol') ?? 'HTTP');
      if (protocol === 'HTTP') {
        const redirects = blocks(l.body, 'default_action').some((a) => a.type === 'redirect' && value(mod, a, 'redirect.0.protocol') === 'HTTPS');
        return redirects ? null : at(l, ['protocol'], `${l.type}.${l.name} serves HTTP without redirecting to HTTPS`);
      }
      if (protocol === 'HTTPS' || protocol === 'TLS') {
        const policy = value(mod, l, 'ssl_policy');
        if (isExpression(policy) || (typeof policy === 'string' && MODERN_POLICY.test(policy))) return null;
        return at(l, ['ssl_policy'], `${l.type}.${l.name} uses ${typeof policy === 'string' ? policy : 'the default SSL policy'}, which accepts TLS below 1.2`);
      }
      return null;
    });
  },
});
