import { block, call, module_, raw, type Block, type Body } from '../hcl/model.js';
import { SECURITY_HEADERS } from '../../k8s/networking/ingress.js';
import type { TfContext } from '../context.js';
import { MODULE_VERSIONS } from './network.js';

/**
 * EKS with one managed node group: on-demand in prod, spot (several instance types) in
 * non-prod. Secrets encrypted with the environment's KMS key; Container Insights on, so the
 * CloudWatch alarms (alarms.tf) have pod metrics.
 */
export function eksBlocks(): Block[] {
  return [
    module_('eks', {
      source: 'terraform-aws-modules/eks/aws',
      version: MODULE_VERSIONS.eks,
      cluster_name: raw('local.name'),
      cluster_version: raw('var.kubernetes_version'),
      vpc_id: raw('module.vpc.vpc_id'),
      subnet_ids: raw('module.vpc.private_subnets'),
      cluster_endpoint_public_access: true,
      cluster_endpoint_public_access_cidrs: raw('var.cluster_endpoint_public_access_cidrs'),
      enable_cluster_creator_admin_permissions: true,
      create_kms_key: false,
      cluster_encryption_config: { resources: ['secrets'], provider_key_arn: raw('aws_kms_key.main.arn') },
      cloudwatch_log_group_kms_key_id: raw('aws_kms_key.main.arn'),
      cluster_enabled_log_types: ['api', 'audit', 'authenticator'],
      cluster_addons: {
        coredns: {},
        'kube-proxy': {},
        'vpc-cni': { before_compute: true },
        'eks-pod-identity-agent': {},
        'aws-ebs-csi-driver': {},
        'amazon-cloudwatch-observability': {},
      },
      eks_managed_node_groups: {
        default: {
          instance_types: raw('var.node_instance_types'),
          capacity_type: raw('local.is_prod ? "ON_DEMAND" : "SPOT"'),
          min_size: raw('var.node_min_size'),
          max_size: raw('var.node_max_size'),
          desired_size: raw('var.node_desired_size'),
          iam_role_additional_policies: {
            CloudWatchAgentServerPolicy: 'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
            AmazonEBSCSIDriverPolicy: 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
          },
          labels: { 'slipway.dev/capacity': raw('local.is_prod ? "on-demand" : "spot"') },
        },
      },
    }),
  ];
}

const INGRESS_NGINX_VALUES = {
  controller: {
    config: {
      hsts: 'true',
      'hsts-include-subdomains': 'true',
      'use-forwarded-headers': 'true',
      'global-allowed-response-headers': Object.keys(SECURITY_HEADERS).join(','),
    },
    service: {
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      },
    },
  },
};

/**
 * Cluster add-ons through the EKS Blueprints module (IAM for each included): metrics-server
 * for the HPAs, cluster autoscaler for nodes, the AWS Load Balancer Controller, ingress-nginx
 * behind an NLB, the Prometheus operator stack for the PrometheusRules, Kyverno for the
 * house-rule policies (deploy/k8s/cluster).
 */
export function addonsBlocks(ctx: TfContext): Block[] {
  const body: Body = {
    source: 'aws-ia/eks-blueprints-addons/aws',
    version: MODULE_VERSIONS.addons,
    cluster_name: raw('module.eks.cluster_name'),
    cluster_endpoint: raw('module.eks.cluster_endpoint'),
    cluster_version: raw('module.eks.cluster_version'),
    oidc_provider_arn: raw('module.eks.oidc_provider_arn'),
    enable_metrics_server: true,
    enable_cluster_autoscaler: true,
    enable_aws_load_balancer_controller: true,
    enable_ingress_nginx: true,
    ingress_nginx: { values: raw('[local.ingress_nginx_values]') },
    enable_kube_prometheus_stack: true,
    ...(ctx.externalSecrets ? { enable_external_secrets: true } : {}),
    helm_releases: {
      kyverno: {
        namespace: 'kyverno',
        create_namespace: true,
        chart: 'kyverno',
        chart_version: '3.3.4',
        repository: 'https://kyverno.github.io/kyverno/',
      },
    },
  };
  return [
    block('locals', [], { ingress_nginx_values: call('yamlencode', INGRESS_NGINX_VALUES) }, 'HSTS on, and the security headers the Ingresses set (custom-headers) allowed.'),
    module_('eks_addons', body, 'Namespaces match deploy/k8s: ingress-nginx is where the NetworkPolicies expect the controller.'),
  ];
}
