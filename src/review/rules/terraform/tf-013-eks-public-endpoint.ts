import { defineRule, each } from '../../rule.js';
import { asList, at, isFalse, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-013',
    slug: 'eks-public-endpoint',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'EKS API endpoint open to the internet',
    rationale: 'A public Kubernetes API endpoint open to 0.0.0.0/0 is one stolen kubeconfig or API-server bug away from the whole cluster.',
    fixHint: 'Set `vpc_config.endpoint_public_access = false` (private endpoint), or restrict `public_access_cidrs` to your office/VPN ranges.',
    wellArchitected: ['SEC05-BP01'],
    equivalents: { checkov: ['CKV_AWS_38', 'CKV_AWS_39'], trivy: ['AVD-AWS-0040', 'AVD-AWS-0041'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_eks_cluster'), (c) => {
      if (isFalse(value(mod, c, 'vpc_config.0.endpoint_public_access'))) return null;
      const cidrs = asList(value(mod, c, 'vpc_config.0.public_access_cidrs'));
      if (cidrs.length > 0 && !cidrs.includes('0.0.0.0/0')) return null;
      return at(c, ['vpc_config', 'public_access_cidrs'], `aws_eks_cluster.${c.name} exposes its API endpoint to any address`);
    });
  },
});
