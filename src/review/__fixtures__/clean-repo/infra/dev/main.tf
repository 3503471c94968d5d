provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Project     = "shop"
      Owner       = "shop-team"
      Environment = "dev"
    }
  }
}

variable "cluster_name" {
  type = string
}

variable "node_role_arn" {
  type = string
}

variable "subnets" {
  type = list(string)
}

resource "aws_eks_node_group" "apps" {
  cluster_name    = var.cluster_name
  node_group_name = "apps"
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.subnets
  capacity_type   = "SPOT"
  instance_types  = ["t4g.large", "m7g.large"]
  scaling_config {
    desired_size = 2
    min_size     = 0
    max_size     = 3
  }
}

resource "aws_autoscaling_schedule" "night" {
  scheduled_action_name  = "night"
  autoscaling_group_name = aws_eks_node_group.apps.resources[0].autoscaling_groups[0].name
  min_size               = 0
  max_size               = 0
  desired_capacity       = 0
  recurrence             = "0 20 * * MON-FRI"
}

resource "aws_autoscaling_schedule" "morning" {
  scheduled_action_name  = "morning"
  autoscaling_group_name = aws_eks_node_group.apps.resources[0].autoscaling_groups[0].name
  min_size               = 0
  max_size               = 3
  desired_capacity       = 2
  recurrence             = "0 7 * * MON-FRI"
}
