import { get } from '../../parse/terraform-module.js';
import { defineRule, each } from '../../rule.js';
import { at, resources } from './shared.js';

/** Resource types that cost money and accept tags. */
export const TAGGABLE = [
  'aws_instance', 'aws_launch_template', 'aws_ebs_volume', 'aws_db_instance', 'aws_rds_cluster', 'aws_s3_bucket', 'aws_eks_cluster',
  'aws_eks_node_group', 'aws_lb', 'aws_alb', 'aws_ecs_cluster', 'aws_ecs_service', 'aws_elasticache_cluster', 'aws_elasticache_replication_group',
  'aws_sqs_queue', 'aws_sns_topic', 'aws_lambda_function', 'aws_dynamodb_table', 'aws_cloudfront_distribution', 'aws_nat_gateway',
  'aws_kms_key', 'aws_cloudwatch_log_group', 'aws_ecr_repository', 'aws_efs_file_system', 'aws_msk_cluster', 'aws_opensearch_domain', 'aws_vpc',
];
const COST_KEYS = /^(owner|team|cost[-_ ]?cent(er|re)|project|application|app|service)$/i;

export default defineRule({
  meta: {
    id: 'SLW-TF-039',
    slug: 'cost-tags',
    target: 'terraform',
    pillar: 'cost',
    severity: 'low',
    title: 'Resource has no cost allocation tags',
    rationale: 'Cost Explorer and budgets can only split the bill by tags; untagged resources end up in a "who pays for this?" bucket.',
    fixHint: 'Set `default_tags { tags = { Owner = …, Project = …, Environment = … } }` on the aws provider (or `tags` per resource).',
    wellArchitected: ['COST03-BP02'],
    equivalents: {},
  },
  check(mod) {
    const defaultTags = mod.providers.some((p) => p.type === 'aws' && get(p.body, 'default_tags.0.tags') !== undefined);
    return each(resources(mod, ...TAGGABLE), (r) => {
      if (defaultTags) return null;
      const tags = r.body.tags ?? r.body.tag;
      if (typeof tags === 'string') return null;
      const keys = Array.isArray(tags) ? tags.map((t) => String((t as Record<string, unknown>).key ?? '')) : Object.keys((tags as object) ?? {});
      return keys.some((k) => COST_KEYS.test(k)) ? null : at(r, tags ? ['tags'] : [], `${r.type}.${r.name} has no owner/project tag (and the provider sets no default_tags)`);
    });
  },
});
