import type { ServiceType } from '../../../spec/component.js';
import { block, nested, raw, type Block, type Expr } from '../hcl/model.js';
import { profileOf, type TfContext } from '../context.js';
import { STATEFUL } from './stateful.js';

/** A variable, and the value each environment's tfvars gives it (undefined: keep the default). */
export interface VarDef {
  name: string;
  type: string;
  description: string;
  default?: Expr;
  validation?: { condition: string; error: string };
  value?: (env: string, index: number) => Expr | undefined;
  sensitive?: boolean;
}

/** Aurora engines; DocumentDB (mongodb) sizes itself per profile. */
const SQL: readonly ServiceType[] = ['postgres', 'mysql', 'mariadb'];
const CACHE: readonly ServiceType[] = ['redis', 'memcached'];
const prod = (env: string) => profileOf(env) === 'prod';

/** The variables this app's Terraform needs; service sizing only for the services it uses. */
export function variableDefs(ctx: TfContext): VarDef[] {
  const uses = (types: readonly ServiceType[]) => ctx.services.some((s) => types.includes(s));
  const defs: VarDef[] = [
    { name: 'environment', type: 'string', description: 'Environment name: dev, test, prod …', value: (e) => e,
      validation: { condition: 'can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))', error: 'environment: lower-case letters, digits and "-", up to 16 characters.' } },
    { name: 'profile', type: 'string', description: 'prod (3 AZ, on-demand, Multi-AZ, deletion protection) or non-prod (2 AZ, spot, serverless, business hours)',
      value: (e) => profileOf(e), validation: { condition: 'contains(["prod", "non-prod"], var.profile)', error: 'profile is "prod" or "non-prod".' } },
    { name: 'region', type: 'string', description: 'AWS region', default: 'us-east-1' },
    { name: 'vpc_cidr', type: 'string', description: 'VPC address range; one /16 per environment so they can be peered', value: (_e, i) => `10.${10 * (i + 1)}.0.0/16`,
      validation: { condition: 'can(cidrhost(var.vpc_cidr, 0))', error: 'vpc_cidr must be a CIDR block such as 10.10.0.0/16.' } },
    { name: 'cost_center', type: 'string', description: 'Cost-allocation tag CostCenter', default: ctx.app },
    { name: 'owner', type: 'string', description: 'Cost-allocation tag Owner: the team answering the alarms', default: 'platform' },
    { name: 'kubernetes_version', type: 'string', description: 'EKS Kubernetes version', default: '1.31' },
    { name: 'cluster_endpoint_public_access_cidrs', type: 'list(string)', description: 'Who may reach the Kubernetes API; narrow to the office/VPN and CI ranges', default: ['0.0.0.0/0'] },
    { name: 'node_instance_types', type: 'list(string)', description: 'Worker instance types; several for spot capacity',
      value: (e) => (prod(e) ? ['m6i.large', 'm5.large'] : ['t3.large', 't3a.large', 'm5.large']) },
    { name: 'node_min_size', type: 'number', description: 'Fewest worker nodes during working hours', value: (e) => (prod(e) ? 3 : 2) },
    { name: 'node_max_size', type: 'number', description: 'Most worker nodes the cluster autoscaler may add', value: (e) => (prod(e) ? 12 : 4) },
    { name: 'node_desired_size', type: 'number', description: 'Worker nodes at creation; the cluster autoscaler adjusts it', value: (e) => (prod(e) ? 3 : 2) },
    { name: 'business_hours', type: 'object({ time_zone = string, start = string, stop = string })',
      description: 'Non-prod only: worker nodes scale to zero outside these hours (cron, in time_zone)',
      default: { time_zone: 'UTC', start: '0 7 * * MON-FRI', stop: '0 20 * * MON-FRI' } },
    { name: 'alarm_email', type: 'string', description: 'Address subscribed to the alarm topic (empty: subscribe later)', default: '' },
  ];
  if (uses(STATEFUL)) {
    defs.push({ name: 'backup_retention_days', type: 'number', description: 'Days AWS Backup and the databases keep recovery points', value: (e) => (prod(e) ? 35 : e === 'dev' ? 3 : 7),
      validation: { condition: 'var.backup_retention_days >= 1 && var.backup_retention_days <= 35', error: 'backup_retention_days is 1–35 (the RDS limit).' } });
  }
  if (uses(SQL)) {
    defs.push(
      { name: 'db_instance_class', type: 'string', description: 'prod: provisioned database instances (reserve them); non-prod runs db.serverless', value: (e) => (prod(e) ? 'db.r6g.large' : 'db.serverless') },
      { name: 'db_max_capacity', type: 'number', description: 'Aurora Serverless v2 ceiling in ACUs (non-prod scales to 0 and pauses when idle)', value: (e) => (prod(e) ? 16 : 4) },
    );
  }
  if (uses(CACHE)) defs.push({ name: 'cache_node_type', type: 'string', description: 'ElastiCache node type', value: (e) => (prod(e) ? 'cache.r7g.large' : 'cache.t4g.small') });
  if (uses(['rabbitmq'])) defs.push({ name: 'mq_instance_type', type: 'string', description: 'Amazon MQ broker instance type', value: (e) => (prod(e) ? 'mq.m5.large' : 'mq.t3.micro') });
  if (uses(['kafka'])) defs.push({ name: 'kafka_instance_type', type: 'string', description: 'MSK broker instance type', value: (e) => (prod(e) ? 'kafka.m5.large' : 'kafka.t3.small') });
  if (uses(['opensearch', 'elasticsearch'])) defs.push({ name: 'search_instance_type', type: 'string', description: 'OpenSearch data node type', value: (e) => (prod(e) ? 'r6g.large.search' : 't3.small.search') });
  if (ctx.publicWorkloads.length) {
    defs.push(
      { name: 'domain_name', type: 'string', description: 'DNS zone of the public hosts (as in the k8s Ingress), e.g. shop.example.org', default: `${ctx.app}.example.com` },
      { name: 'origin_domain_name', type: 'string', description: 'DNS name of the ingress-nginx load balancer CloudFront forwards to (set after the first apply)', default: `origin.${ctx.app}.example.com` },
      { name: 'certificate_arn', type: 'string', description: 'ACM certificate in us-east-1 for the public hosts (empty: CloudFront default certificate, no custom aliases)', default: '' },
    );
  }
  return defs;
}

export function variableBlocks(defs: VarDef[]): Block[] {
  return defs.map((d) =>
    block('variable', [d.name], {
      description: d.description,
      type: raw(d.type),
      default: d.default,
      sensitive: d.sensitive,
      validation: d.validation ? nested({ condition: raw(d.validation.condition), error_message: d.validation.error }) : undefined,
    }),
  );
}

/** One tfvars file per environment: only values that differ from the defaults. */
export function tfvarsBody(defs: VarDef[], env: string, index: number): Record<string, Expr> {
  const out: Record<string, Expr> = {};
  for (const d of defs) {
    const v = d.value?.(env, index);
    if (v !== undefined) out[d.name] = v;
  }
  return out;
}
