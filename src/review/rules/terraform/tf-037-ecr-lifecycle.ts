import { defineRule, each } from '../../rule.js';
import { at, pointsAt, resources } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-037',
    slug: 'ecr-lifecycle',
    target: 'terraform',
    pillar: 'cost',
    severity: 'low',
    title: 'Container registry keeps every image',
    rationale: 'A pipeline pushes an image per commit; without a lifecycle policy the repository grows (and bills) forever.',
    fixHint: 'Add an `aws_ecr_lifecycle_policy` expiring untagged images after a few days and keeping the last N releases.',
    wellArchitected: ['COST04-BP05', 'SUS04-BP03'],
    equivalents: {},
  },
  check(mod) {
    const policies = resources(mod, 'aws_ecr_lifecycle_policy');
    return each(resources(mod, 'aws_ecr_repository'), (repo) =>
      policies.some((p) => pointsAt(p, 'repository', repo)) ? null : at(repo, [], `aws_ecr_repository.${repo.name} has no lifecycle policy`),
    );
  },
});
