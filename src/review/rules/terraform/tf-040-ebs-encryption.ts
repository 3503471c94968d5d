import { blocks } from '../../parse/terraform-module.js';
import { defineRule, each, NOTHING } from '../../rule.js';
import { at, isExpression, isTrue, resources, value } from './shared.js';

export default defineRule({
  meta: {
    id: 'SLW-TF-040',
    slug: 'ebs-encryption',
    target: 'terraform',
    pillar: 'security',
    severity: 'high',
    title: 'EBS volume not encrypted',
    rationale: 'Unencrypted volumes leave their data readable in snapshots shared by mistake and on retired hardware.',
    fixHint: 'Set `encrypted = true` on volumes and block devices, or enable `aws_ebs_encryption_by_default` for the account and region.',
    wellArchitected: ['SEC08-BP02'],
    equivalents: { checkov: ['CKV_AWS_3', 'CKV_AWS_8'], trivy: ['AVD-AWS-0026', 'AVD-AWS-0131'] },
  },
  check(mod) {
    if (resources(mod, 'aws_ebs_encryption_by_default').some((r) => value(mod, r, 'enabled') !== false)) return NOTHING;
    const devices: { r: (typeof mod.resources)[number]; path: string[]; encrypted: unknown }[] = [];
    for (const r of resources(mod, 'aws_ebs_volume')) devices.push({ r, path: ['encrypted'], encrypted: value(mod, r, 'encrypted') });
    for (const r of resources(mod, 'aws_instance', 'aws_launch_configuration')) {
      for (const kind of ['root_block_device', 'ebs_block_device']) {
        blocks(r.body, kind).forEach((b, i) => devices.push({ r, path: [kind, String(i), 'encrypted'], encrypted: value(mod, b, 'encrypted') }));
      }
      if (r.type === 'aws_instance' && !r.body.root_block_device) devices.push({ r, path: ['root_block_device'], encrypted: undefined });
    }
    for (const r of resources(mod, 'aws_launch_template')) {
      blocks(r.body, 'block_device_mappings').forEach((b, i) => devices.push({ r, path: ['block_device_mappings', String(i), 'ebs', 'encrypted'], encrypted: value(mod, b, 'ebs.0.encrypted') }));
    }
    return each(devices, ({ r, path, encrypted }) =>
      isTrue(encrypted) || isExpression(encrypted) ? null : at(r, path, `${r.type}.${r.name} has an unencrypted ${path[0] === 'encrypted' ? 'volume' : path[0]!.replace(/_/g, ' ')}`),
    );
  },
});
