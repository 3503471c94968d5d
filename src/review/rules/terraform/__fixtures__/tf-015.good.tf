resource "aws_eks_cluster" "main" {
  name                      = "shop"
  role_arn                  = aws_iam_role.eks.arn
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
  vpc_config {
    subnet_ids = var.subnets
  }
}
