import { defineRule, each, NOTHING } from '../../rule.js';
import { at, isTrue, resources, setInBlock, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-041',
    slug: 'ecr-scan',
    target: 'terraform',
    pillar: 'security',
    severity: 'medium',
    title: 'Images not scanned on push',
    rationale: 'Scanning on push reports known vulnerabilities in every image the pipeline publishes, before it is deployed.',
    fixHint: 'Set `image_scanning_configuration { scan_on_push = true }` (or registry-level enhanced scanning).',
    wellArchitected: ['SEC06-BP01'],
    equivalents: { checkov: ['CKV_AWS_163'], trivy: ['AVD-AWS-0030'] },
    fixable: true,
  },
  check(mod) {
    if (resources(mod, 'aws_ecr_registry_scanning_configuration').length) return NOTHING;
    return each(resources(mod, 'aws_ecr_repository'), (repo) =>
      isTrue(value(mod, repo, 'image_scanning_configuration.0.scan_on_push'))
        ? null
        : at(repo, ['image_scanning_configuration', 'scan_on_push'], `aws_ecr_repository.${repo.name} does not scan images on push`, setInBlock(repo, 'image_scanning_configuration', 'scan_on_push', 'true')),
    );
  },
});
