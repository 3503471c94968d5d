import type { ServiceType } from '../../../spec/component.js';
import { BACKING_SERVICES } from '../../k8s/backing/catalog.js';
import { raw, resource, tpl, type Block, type Expr } from '../hcl/model.js';

/** A security group admitting the EKS nodes (and so the pods) on the service's port only. */
export function securityGroup(type: ServiceType): Block[] {
  const port = BACKING_SERVICES[type].managedPort;
  return [
    resource('aws_security_group', type, {
      name: tpl(`\${local.name}-${type}`),
      description: `${type}: reachable from the cluster nodes only`,
      vpc_id: raw('module.vpc.vpc_id'),
    }),
    resource('aws_vpc_security_group_ingress_rule', `${type}_from_nodes`, {
      security_group_id: raw(`aws_security_group.${type}.id`),
      referenced_security_group_id: raw('module.eks.node_security_group_id'),
      ip_protocol: 'tcp',
      from_port: port,
      to_port: port,
    }),
  ];
}

/** A generated password, kept in state (encrypted in the S3 backend) and in Secrets Manager. */
export function password(type: ServiceType): Block {
  return resource('random_password', type, { length: 32, special: false });
}

/**
 * The connection Secret the components read: `<app>/<env>/<type>` in Secrets Manager, a JSON
 * object with `url` (and more) — External Secrets syncs it into the `<app>-<type>` Secret.
 */
export function connectionSecret(type: ServiceType, value: Record<string, Expr>): Block[] {
  return [
    resource('aws_secretsmanager_secret', type, {
      name: tpl(`\${local.app}/\${var.environment}/${type}`),
      description: `${type} connection for the app's components`,
      kms_key_id: raw('aws_kms_key.main.arn'),
      recovery_window_in_days: raw('local.is_prod ? 30 : 0'),
    }),
    resource('aws_secretsmanager_secret_version', type, {
      secret_id: raw(`aws_secretsmanager_secret.${type}.id`),
      secret_string: raw(`jsonencode(local.${type}_connection)`),
    }),
    { type: 'locals', labels: [], body: { [`${type}_connection`]: value } },
  ];
}

/** `Backup = "true"` puts a resource in the AWS Backup selection (backup.tf). */
export const BACKUP_TAG = { Backup: 'true' };

/** `<app>-<env>-<type>`: the cluster name the runbook tells operators to look for. */
export const clusterIdentifier = (type: ServiceType) => tpl(`\${local.name}-${type}`);
