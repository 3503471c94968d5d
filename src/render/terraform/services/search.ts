import { data, nested, raw, resource, tpl, type Block } from '../hcl/model.js';
import { connectionSecret, securityGroup } from './shared.js';

/**
 * OpenSearch (and Elasticsearch, which OpenSearch serves API-compatibly) → Amazon OpenSearch
 * Service in the VPC: three zone-aware data nodes in prod, one elsewhere; encrypted at rest
 * and between nodes, HTTPS only.
 */
export function searchBlocks(type: 'opensearch' | 'elasticsearch'): Block[] {
  // Domain names are at most 28 characters.
  const domain = `\${substr(local.name, 0, ${27 - type.length})}-${type}`;
  return [
    ...securityGroup(type),
    data('aws_iam_policy_document', type, {
      statement: nested({
        effect: 'Allow',
        actions: ['es:ESHttp*'],
        resources: [tpl(`arn:aws:es:\${var.region}:\${local.account_id}:domain/${domain}/*`)],
        principals: nested({ type: 'AWS', identifiers: raw('["arn:aws:iam::${local.account_id}:root"]') }),
      }),
    }),
    resource('aws_opensearch_domain', type, {
      domain_name: tpl(domain),
      engine_version: 'OpenSearch_2.15',
      cluster_config: nested({
        instance_type: raw('var.search_instance_type'),
        instance_count: raw('local.is_prod ? 3 : 1'),
        zone_awareness_enabled: raw('local.is_prod'),
        dynamic: nested({ for_each: raw('local.is_prod ? [3] : []'), content: nested({ availability_zone_count: raw('zone_awareness_config.value') }) }, ['zone_awareness_config']),
      }),
      vpc_options: nested({
        subnet_ids: raw('local.is_prod ? module.vpc.private_subnets : [module.vpc.private_subnets[0]]'),
        security_group_ids: raw(`[aws_security_group.${type}.id]`),
      }),
      ebs_options: nested({ ebs_enabled: true, volume_type: 'gp3', volume_size: raw('local.is_prod ? 100 : 10') }),
      encrypt_at_rest: nested({ enabled: true, kms_key_id: raw('aws_kms_key.main.key_id') }),
      node_to_node_encryption: nested({ enabled: true }),
      domain_endpoint_options: nested({ enforce_https: true, tls_security_policy: 'Policy-Min-TLS-1-2-2019-07' }),
      access_policies: raw(`data.aws_iam_policy_document.${type}.json`),
    }),
    ...connectionSecret(type, { url: tpl(`https://\${aws_opensearch_domain.${type}.endpoint}`) }),
  ];
}
