# fixture-path: envs/dev/nodes.tf
resource "aws_eks_node_group" "apps" {
  cluster_name   = "shop-dev"
  instance_types = ["t4g.large", "m7g.large"]
  # slipway-expect: SLW-TF-035
  capacity_type  = "ON_DEMAND"
}

# slipway-expect: SLW-TF-035
resource "aws_autoscaling_group" "workers" {
  min_size = 1
  max_size = 3
}
