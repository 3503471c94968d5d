import { defineRule, each } from '../../rule.js';
import { asList, at, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-014',
    slug: 'eks-secrets-encryption',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'EKS secrets not envelope-encrypted',
    rationale: 'Without a KMS key for secrets, Kubernetes Secrets rest in etcd protected only by the disk encryption AWS manages for everyone.',
    fixHint: 'Add `encryption_config { resources = ["secrets"] provider { key_arn = aws_kms_key.eks.arn } }`.',
    wellArchitected: ['SEC08-BP01', 'SEC08-BP02'],
    equivalents: { checkov: ['CKV_AWS_58'], trivy: ['AVD-AWS-0039'] },
  },
  check(mod) {
    return each(resources(mod, 'aws_eks_cluster'), (c) =>
      asList(value(mod, c, 'encryption_config.0.resources')).includes('secrets') ? null : at(c, ['encryption_config'], `aws_eks_cluster.${c.name} does not encrypt secrets with a KMS key`),
    );
  },
});
