import { defineRule, each } from '../../rule.js';
import { at, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-025',
    slug: 'default-security-group',
    target: 'terraform',
    pillar: 'security',
    severity: 'medium',
    title: 'Default security group allows traffic',
    rationale: 'Resources launched without a security group land in the VPC default group; if it allows traffic, forgetting a setting opens a path.',
    fixHint: 'Manage `aws_default_security_group` with no ingress and no egress rules, and give every resource its own group.',
    wellArchitected: ['SEC05-BP02'],
    equivalents: { checkov: ['CKV2_AWS_12'], trivy: ['AVD-AWS-0173'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_default_security_group'), (sg) =>
      sg.body.ingress || sg.body.egress ? at(sg, [sg.body.ingress ? 'ingress' : 'egress'], `aws_default_security_group.${sg.name} allows traffic`) : null,
    );
  },
});
