import { defineRule, each } from '../../rule.js';
import { at, isExpression, resources, setInBlock, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-027',
    slug: 'imdsv2',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'Instance metadata accepts IMDSv1',
    rationale: 'IMDSv1 answers any request from the instance, so one server-side request forgery in the app hands out the instance role\'s credentials (the Capital One breach).',
    fixHint: 'Set `metadata_options { http_tokens = "required" }`.',
    wellArchitected: ['SEC06-BP02', 'SEC02-BP02'],
    equivalents: { checkov: ['CKV_AWS_79'], trivy: ['AVD-AWS-0028'] },
    fixable: true,
  },
  check(mod) {
    return each(resources(mod, 'aws_instance', 'aws_launch_template', 'aws_launch_configuration'), (r) => {
      const tokens = value(mod, r, 'metadata_options.0.http_tokens');
      if (tokens === 'required' || isExpression(tokens)) return null;
      if (value(mod, r, 'metadata_options.0.http_endpoint') === 'disabled') return null;
      return at(r, ['metadata_options', 'http_tokens'], `${r.type}.${r.name} allows IMDSv1 (http_tokens is not "required")`, setInBlock(r, 'metadata_options', 'http_tokens', '"required"'));
    });
  },
});
