# fixture-path: envs/dev/nodes.tf
resource "aws_eks_node_group" "apps" {
  cluster_name   = "shop-dev"
  instance_types = ["t4g.large", "m7g.large"]
  capacity_type  = "SPOT"
}

resource "aws_autoscaling_group" "workers" {
  min_size = 0
  max_size = 3
  mixed_instances_policy {
    instances_distribution {
      on_demand_percentage_above_base_capacity = 0
      spot_allocation_strategy                 = "price-capacity-optimized"
    }
  }
}
