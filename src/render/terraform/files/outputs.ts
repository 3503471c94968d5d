import { output, raw, type Block } from '../hcl/model.js';
import type { TfContext } from '../context.js';

/** What the pipeline and the k8s overlays need from an apply. */
export function outputBlocks(ctx: TfContext): Block[] {
  const blocks = [
    output('cluster_name', { description: 'EKS cluster: aws eks update-kubeconfig --name <this>', value: raw('module.eks.cluster_name') }),
    output('ecr_repositories', {
      description: 'Component → image repository; the pipeline pushes here and pins the overlays to it',
      value: raw('{ for k, r in aws_ecr_repository.component : k => r.repository_url }'),
    }),
    output('alarm_topic_arn', { description: 'SNS topic of the CloudWatch alarms', value: raw('aws_sns_topic.alarms.arn') }),
    output('kms_key_arn', { description: 'Key encrypting this environment\'s data at rest', value: raw('aws_kms_key.main.arn') }),
  ];
  if (ctx.services.length) {
    const entries = ctx.services.map((t) => `${t} = aws_secretsmanager_secret.${t}.arn`).join(', ');
    blocks.push(output('connection_secrets', { description: 'Secrets Manager secrets with each backing service\'s url (synced into <app>-<type> Secrets)', value: raw(`{ ${entries} }`) }));
  }
  if (ctx.publicWorkloads.length) {
    blocks.push(output('cloudfront_domains', {
      description: 'Point each public host (CNAME) at its distribution',
      value: raw('{ for k, d in aws_cloudfront_distribution.component : local.public_hosts[k] => d.domain_name }'),
    }));
  }
  return blocks;
}
