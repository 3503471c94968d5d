import { raw, resource, tpl, type Block } from '../hcl/model.js';

/**
 * Non-prod business hours: the node group scales to zero in the evening and back in the
 * morning on weekdays (weekends stay off). Prod keeps count = 0 of these.
 */
export function scheduleBlocks(): Block[] {
  const asg = raw('module.eks.eks_managed_node_groups["default"].node_group_autoscaling_group_names[0]');
  return [
    resource('aws_autoscaling_schedule', 'nodes_stop', {
      count: raw('local.is_prod ? 0 : 1'),
      scheduled_action_name: tpl('${local.name}-after-hours'),
      autoscaling_group_name: asg,
      recurrence: raw('var.business_hours.stop'),
      time_zone: raw('var.business_hours.time_zone'),
      min_size: 0,
      max_size: raw('var.node_max_size'),
      desired_capacity: 0,
    }),
    resource('aws_autoscaling_schedule', 'nodes_start', {
      count: raw('local.is_prod ? 0 : 1'),
      scheduled_action_name: tpl('${local.name}-business-hours'),
      autoscaling_group_name: asg,
      recurrence: raw('var.business_hours.start'),
      time_zone: raw('var.business_hours.time_zone'),
      min_size: raw('var.node_min_size'),
      max_size: raw('var.node_max_size'),
      desired_capacity: raw('var.node_desired_size'),
    }),
  ];
}
