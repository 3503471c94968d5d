import { defineRule, each } from '../../rule.js';
import { asList, at, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-015',
    slug: 'eks-logging',
    target: 'terraform',
    pillar: 'operational-excellence',
    severity: 'medium',
    title: 'EKS control-plane logs off',
    rationale: 'Without the api and audit logs there is no record of who changed what in the cluster, and no way to debug the control plane.',
    fixHint: 'Set `enabled_cluster_log_types = ["api", "audit", "authenticator"]`.',
    wellArchitected: ['SEC04-BP01', 'OPS04-BP02'],
    equivalents: { checkov: ['CKV_AWS_37'], trivy: ['AVD-AWS-0038'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_eks_cluster'), (c) => {
      const types = asList(value(mod, c, 'enabled_cluster_log_types')).map(String);
      const missing = ['api', 'audit'].filter((t) => !types.includes(t));
      return missing.length ? at(c, ['enabled_cluster_log_types'], `aws_eks_cluster.${c.name} does not log ${missing.join(' and ')}`) : null;
    });
  },
});
