# fixture-path: envs/prod/nodes.tf
resource "aws_eks_node_group" "apps" {
  cluster_name   = "shop"
  instance_types = ["m7g.large"]
  capacity_type  = "ON_DEMAND"
}
