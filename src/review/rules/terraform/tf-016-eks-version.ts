import { defineRule, each } from '../../rule.js';
import { at, resources, value } from './shared.js';

/** Oldest Kubernetes minor version in EKS standard support when this rule was last reviewed (docs/review.md). */
export const MIN_EKS_VERSION = '1.30';

export default defineRule({
  meta: {
    id: 'SLW-TF-016',
    slug: 'eks-version',
    target: 'terraform',
    pillar: 'operational-excellence',
    severity: 'medium',
    title: 'EKS cluster on an outdated Kubernetes version',
    rationale: 'Versions past standard support get no fixes and move to extended support, billed at six times the control-plane price.',
    fixHint: `Upgrade \`version\` to ${MIN_EKS_VERSION} or later, one minor version at a time.`,
    wellArchitected: ['OPS05-BP05', 'COST05-BP05'],
    equivalents: {},
  },
  check(mod) {
    return each(resources(mod, 'aws_eks_cluster'), (c) => {
      const v = value(mod, c, 'version');
      if (typeof v !== 'string' && typeof v !== 'number') return null;
      const m = /^(\d+)\.(\d+)$/.exec(String(v));
      if (!m) return null;
      const [maj, min] = MIN_EKS_VERSION.split('.').map(Number) as [number, number];
      const old = Number(m[1]) < maj || (Number(m[1]) === maj && Number(m[2]) < min);
      return old ? at(c, ['version'], `aws_eks_cluster.${c.name} runs Kubernetes ${String(v)} (older than ${MIN_EKS_VERSION})`) : null;
    });
  },
});
