import { block, nested, raw, resource, type Block, type Expr } from '../hcl/model.js';

/** Untagged layers go after a week; the newest tagged images stay for rollbacks. */
const LIFECYCLE = {
  rules: [
    { rulePriority: 1, description: 'Drop untagged images after 7 days', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } },
    { rulePriority: 2, description: 'Keep the 50 newest images', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 50 }, action: { type: 'expire' } },
  ],
};

/**
 * ECR repository per component, named like its image (docker renderer, k8s overlays):
 * scanned on push, immutable tags (a tag is a commit, forever), KMS-encrypted.
 */
export function registryBlocks(): Block[] {
  return [
    block('locals', [], { ecr_lifecycle: toExpr(LIFECYCLE) }),
    resource('aws_ecr_repository', 'component', {
      for_each: raw('local.components'),
      name: raw('each.value.image'),
      image_tag_mutability: 'IMMUTABLE',
      force_delete: raw('!local.is_prod'),
      image_scanning_configuration: nested({ scan_on_push: true }),
      encryption_configuration: nested({ encryption_type: 'KMS', kms_key: raw('aws_kms_key.main.arn') }),
      tags: { Component: raw('each.key') },
    }),
    resource('aws_ecr_lifecycle_policy', 'component', {
      for_each: raw('aws_ecr_repository.component'),
      repository: raw('each.value.name'),
      policy: raw('jsonencode(local.ecr_lifecycle)'),
    }),
  ];
}

/** JSON-shaped data as an HCL value (for jsonencode). */
export function toExpr(v: unknown): Expr {
  if (Array.isArray(v)) return v.map(toExpr);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toExpr(x)]));
  return v as Expr;
}
