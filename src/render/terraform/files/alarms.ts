import { ERROR_RATE, P99_LATENCY_SECONDS } from '../../k8s/monitoring/prometheus-rule.js';
import { raw, resource, tpl, type Block, type Body } from '../hcl/model.js';
import type { TfContext } from '../context.js';

const POD_ALARMS = [
  { name: 'cpu', metric: 'pod_cpu_utilization_over_pod_limit', statistic: 'Average', threshold: 80, periods: 3, what: 'CPU above 80% of the limit for 15 minutes' },
  { name: 'memory', metric: 'pod_memory_utilization_over_pod_limit', statistic: 'Average', threshold: 80, periods: 3, what: 'memory above 80% of the limit for 15 minutes' },
  { name: 'restarts', metric: 'pod_number_of_container_restarts', statistic: 'Maximum', threshold: 3, periods: 1, what: 'containers restarted more than 3 times' },
];

const EDGE_ALARMS: { name: string; metric: string; stat: Body; threshold: number; what: string }[] = [
  { name: 'http_5xx', metric: '5xxErrorRate', stat: { statistic: 'Average' }, threshold: ERROR_RATE * 100, what: `more than ${ERROR_RATE * 100}% of requests answered 5xx` },
  { name: 'latency_p99', metric: 'OriginLatency', stat: { extended_statistic: 'p99' }, threshold: P99_LATENCY_SECONDS * 1000, what: `p99 origin latency above ${P99_LATENCY_SECONDS * 1000} ms` },
];

const alarmSuffix = (name: string) => name.replace(/_/g, '-');

/** Alarm name suffixes (`<app>-<env>-<component>-<suffix>`): per pod, and at the edge for public components. */
export function alarmSuffixes(ctx: TfContext): { pod: string[]; edge: string[] } {
  return { pod: POD_ALARMS.map((a) => alarmSuffix(a.name)), edge: ctx.publicWorkloads.length ? EDGE_ALARMS.map((a) => alarmSuffix(a.name)) : [] };
}

const actions = (topic: string): Body => ({ alarm_actions: raw(`[${topic}]`), ok_actions: raw(`[${topic}]`) });

function podAlarm(name: string, metric: string, statistic: string, threshold: number, periods: number, what: string): Block {
  return resource('aws_cloudwatch_metric_alarm', name, {
    for_each: raw('local.components'),
    alarm_name: tpl(`\${local.name}-\${each.key}-${alarmSuffix(name)}`),
    alarm_description: tpl(`\${each.key}: ${what}. RUNBOOK.md, "Alarms".`),
    namespace: 'ContainerInsights',
    metric_name: metric,
    dimensions: { ClusterName: raw('module.eks.cluster_name'), Namespace: raw('local.namespace'), PodName: raw('each.key') },
    statistic,
    period: 300,
    evaluation_periods: periods,
    threshold,
    comparison_operator: 'GreaterThanThreshold',
    treat_missing_data: 'notBreaching',
    ...actions('aws_sns_topic.alarms.arn'),
    tags: { Component: raw('each.key') },
  });
}

/**
 * CloudWatch alarms per component to one SNS topic: CPU and memory against the pod limits
 * and container restarts (Container Insights); for public components, the 5xx rate and p99
 * origin latency at CloudFront (metrics and alarms in us-east-1, with their own topic).
 */
export function alarmBlocks(ctx: TfContext): Block[] {
  const blocks: Block[] = [
    resource('aws_sns_topic', 'alarms', { name: tpl('${local.name}-alarms'), kms_master_key_id: raw('aws_kms_key.main.id') }),
    resource('aws_sns_topic_subscription', 'alarms_email', {
      count: raw('var.alarm_email == "" ? 0 : 1'),
      topic_arn: raw('aws_sns_topic.alarms.arn'),
      protocol: 'email',
      endpoint: raw('var.alarm_email'),
    }),
    ...POD_ALARMS.map((a) => podAlarm(a.name, a.metric, a.statistic, a.threshold, a.periods, a.what)),
  ];
  if (!ctx.publicWorkloads.length) return blocks;
  const edge = (name: string, metric: string, stat: Body, threshold: number, what: string): Block =>
    resource('aws_cloudwatch_metric_alarm', name, {
      provider: raw('aws.us_east_1'),
      for_each: raw('aws_cloudfront_distribution.component'),
      alarm_name: tpl(`\${local.name}-\${each.key}-${alarmSuffix(name)}`),
      alarm_description: tpl(`\${each.key}: ${what}. RUNBOOK.md, "Alarms".`),
      namespace: 'AWS/CloudFront',
      metric_name: metric,
      dimensions: { DistributionId: raw('each.value.id'), Region: 'Global' },
      ...stat,
      period: 300,
      evaluation_periods: 2,
      threshold,
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'notBreaching',
      ...actions('aws_sns_topic.alarms_edge.arn'),
      tags: { Component: raw('each.key') },
    });
  blocks.push(
    resource('aws_sns_topic', 'alarms_edge', {
      provider: raw('aws.us_east_1'),
      name: tpl('${local.name}-alarms-edge'),
      kms_master_key_id: 'alias/aws/sns',
    }, 'CloudFront metrics exist only in us-east-1; alarms must notify a topic in their own region.'),
    resource('aws_sns_topic_subscription', 'alarms_edge_email', {
      provider: raw('aws.us_east_1'),
      count: raw('var.alarm_email == "" ? 0 : 1'),
      topic_arn: raw('aws_sns_topic.alarms_edge.arn'),
      protocol: 'email',
      endpoint: raw('var.alarm_email'),
    }),
    ...EDGE_ALARMS.map((a) => edge(a.name, a.metric, a.stat, a.threshold, a.what)),
  );
  return blocks;
}
