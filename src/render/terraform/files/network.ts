import { module_, raw, type Block } from '../hcl/model.js';

/** Module versions Slipway writes against; `terraform init` downloads them. */
export const MODULE_VERSIONS = { vpc: '~> 5.16', eks: '~> 20.31', addons: '~> 1.19' } as const;

/**
 * VPC across the profile's AZs: public subnets for load balancers, private ones for nodes
 * and data. One NAT gateway per AZ in prod, a single shared one elsewhere.
 */
export function networkBlocks(): Block[] {
  return [
    module_('vpc', {
      source: 'terraform-aws-modules/vpc/aws',
      version: MODULE_VERSIONS.vpc,
      name: raw('local.name'),
      cidr: raw('var.vpc_cidr'),
      azs: raw('local.azs'),
      private_subnets: raw('[for i in range(local.az_count) : cidrsubnet(var.vpc_cidr, 4, i)]'),
      public_subnets: raw('[for i in range(local.az_count) : cidrsubnet(var.vpc_cidr, 8, 200 + i)]'),
      enable_nat_gateway: true,
      single_nat_gateway: raw('!local.is_prod'),
      one_nat_gateway_per_az: raw('local.is_prod'),
      enable_dns_hostnames: true,
      enable_flow_log: true,
      create_flow_log_cloudwatch_log_group: true,
      create_flow_log_cloudwatch_iam_role: true,
      flow_log_cloudwatch_log_group_kms_key_id: raw('aws_kms_key.main.arn'),
      public_subnet_tags: { 'kubernetes.io/role/elb': 1 },
      private_subnet_tags: { 'kubernetes.io/role/internal-elb': 1 },
    }, 'Private subnets take the first /20s; public ones small /24s at the top of the range.'),
  ];
}
