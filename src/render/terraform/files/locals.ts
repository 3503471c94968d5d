import { block, data, raw, tpl, type Block } from '../hcl/model.js';
import type { TfContext } from '../context.js';
import { imageName } from '../../k8s/names.js';

/** Names, the profile switches and the component table every other file reads. */
export function localsBlocks(ctx: TfContext): Block[] {
  const components: Record<string, Record<string, string | boolean>> = {};
  for (const w of ctx.workloads) components[w.name] = { kind: w.kind, tier: w.tier, public: w.public, image: imageName(ctx.app, w.name) };
  return [
    data('aws_availability_zones', 'available', { state: 'available' }),
    data('aws_caller_identity', 'current', {}),
    block('locals', [], {
      app: ctx.app,
      name: tpl('${local.app}-${var.environment}'),
      namespace: tpl('${local.app}-${var.environment}'),
      is_prod: raw('var.profile == "prod"'),
      az_count: raw('local.is_prod ? 3 : 2'),
      azs: raw('slice(data.aws_availability_zones.available.names, 0, local.az_count)'),
      account_id: raw('data.aws_caller_identity.current.account_id'),
      tags: {
        Application: raw('local.app'),
        Environment: raw('var.environment'),
        CostCenter: raw('var.cost_center'),
        Owner: raw('var.owner'),
        ManagedBy: 'slipway',
      },
      components,
    }, 'Everything below switches on local.is_prod: one code path, two cost profiles.'),
  ];
}
