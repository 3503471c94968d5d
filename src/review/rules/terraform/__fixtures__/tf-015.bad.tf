resource "aws_eks_cluster" "main" {
  name                      = "shop"
  role_arn                  = aws_iam_role.eks.arn
  # slipway-expect: SLW-TF-015
  enabled_cluster_log_types = ["authenticator"]
  vpc_config {
    subnet_ids = var.subnets
  }
}
