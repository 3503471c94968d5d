import { block, data, nested, raw, resource, tpl, type Block, type Nested } from '../hcl/model.js';
import { SECURITY_HEADERS } from '../../k8s/networking/ingress.js';
import { ACCESS_LOGS_BUCKET } from './bootstrap.js';

function managedRule(name: string, priority: number): Nested {
  return nested({
    name,
    priority,
    override_action: nested({ none: nested({}) }),
    statement: nested({ managed_rule_group_statement: nested({ name, vendor_name: 'AWS' }) }),
    visibility_config: visibility(name),
  });
}

function visibility(metric: string): Nested {
  return nested({ cloudwatch_metrics_enabled: true, metric_name: metric, sampled_requests_enabled: true });
}

const HSTS_MAX_AGE = Number(/max-age=(\d+)/.exec(SECURITY_HEADERS['Strict-Transport-Security'] ?? '')?.[1] ?? 31_536_000);

/**
 * Public components behind CloudFront and WAF (AWS managed rules + a per-IP rate limit),
 * HTTPS only with HSTS and the same security headers as the Ingress. CloudFront forwards
 * to the ingress-nginx load balancer (var.origin_domain_name) with the viewer's Host, so
 * the Ingress routes by host as in the cluster.
 */
export function edgeBlocks(): Block[] {
  return [
    block('locals', [], {
      public_components: raw('{ for k, c in local.components : k => c if c.public }'),
      public_hosts: raw('{ for k, c in local.components : k => var.environment == "prod" ? "${k}.${var.domain_name}" : "${k}.${var.environment}.${var.domain_name}" if c.public }'),
    }),
    resource('aws_wafv2_web_acl', 'edge', {
      provider: raw('aws.us_east_1'),
      name: tpl('${local.name}-edge'),
      scope: 'CLOUDFRONT',
      default_action: nested({ allow: nested({}) }),
      rule: [
        managedRule('AWSManagedRulesCommonRuleSet', 1),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2),
        managedRule('AWSManagedRulesAmazonIpReputationList', 3),
        nested({
          name: 'rate-limit',
          priority: 4,
          action: nested({ block: nested({}) }),
          statement: nested({ rate_based_statement: nested({ limit: 2000, aggregate_key_type: 'IP' }) }),
          visibility_config: visibility('rate-limit'),
        }),
      ],
      visibility_config: nested({ cloudwatch_metrics_enabled: true, metric_name: tpl('${local.name}-edge'), sampled_requests_enabled: true }),
    }),
    resource('aws_cloudfront_response_headers_policy', 'security', {
      name: tpl('${local.name}-security-headers'),
      security_headers_config: nested({
        strict_transport_security: nested({ access_control_max_age_sec: HSTS_MAX_AGE, include_subdomains: true, override: true }),
        content_type_options: nested({ override: true }),
        frame_options: nested({ frame_option: 'DENY', override: true }),
        referrer_policy: nested({ referrer_policy: 'strict-origin-when-cross-origin', override: true }),
      }),
    }),
    data('aws_s3_bucket', 'access_logs', { bucket: tpl(ACCESS_LOGS_BUCKET) }, 'Created by bootstrap/ with the state bucket.'),
    data('aws_cloudfront_cache_policy', 'disabled', { name: 'Managed-CachingDisabled' }),
    data('aws_cloudfront_cache_policy', 'optimized', { name: 'Managed-CachingOptimized' }),
    data('aws_cloudfront_origin_request_policy', 'all_viewer', { name: 'Managed-AllViewer' }),
    resource('aws_cloudfront_distribution', 'component', {
      for_each: raw('local.public_components'),
      enabled: true,
      comment: tpl('${local.name} ${each.key}'),
      aliases: raw('var.certificate_arn == "" ? [] : [local.public_hosts[each.key]]'),
      web_acl_id: raw('aws_wafv2_web_acl.edge.arn'),
      price_class: 'PriceClass_100',
      http_version: 'http2and3',
      origin: nested({
        origin_id: raw('each.key'),
        domain_name: raw('var.origin_domain_name'),
        custom_origin_config: nested({ http_port: 80, https_port: 443, origin_protocol_policy: 'https-only', origin_ssl_protocols: ['TLSv1.2'] }),
      }),
      default_cache_behavior: nested({
        target_origin_id: raw('each.key'),
        viewer_protocol_policy: 'redirect-to-https',
        allowed_methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
        cached_methods: ['GET', 'HEAD'],
        compress: true,
        cache_policy_id: raw('each.value.kind == "static" ? data.aws_cloudfront_cache_policy.optimized.id : data.aws_cloudfront_cache_policy.disabled.id'),
        origin_request_policy_id: raw('data.aws_cloudfront_origin_request_policy.all_viewer.id'),
        response_headers_policy_id: raw('aws_cloudfront_response_headers_policy.security.id'),
      }),
      restrictions: nested({ geo_restriction: nested({ restriction_type: 'none' }) }),
      logging_config: nested({ bucket: raw('data.aws_s3_bucket.access_logs.bucket_domain_name'), prefix: tpl('cloudfront/${each.key}/'), include_cookies: false }),
      viewer_certificate: nested({
        acm_certificate_arn: raw('var.certificate_arn == "" ? null : var.certificate_arn'),
        cloudfront_default_certificate: raw('var.certificate_arn == ""'),
        ssl_support_method: raw('var.certificate_arn == "" ? null : "sni-only"'),
        minimum_protocol_version: 'TLSv1.2_2021',
      }),
      tags: { Component: raw('each.key') },
    }),
    resource('aws_cloudfront_monitoring_subscription', 'component', {
      for_each: raw('aws_cloudfront_distribution.component'),
      distribution_id: raw('each.value.id'),
      monitoring_subscription: nested({ realtime_metrics_subscription_config: nested({ realtime_metrics_subscription_status: 'Enabled' }) }),
    }, 'Turns on the OriginLatency metric the p99 alarms read.'),
  ];
}
