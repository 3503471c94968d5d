resource "aws_eks_cluster" "main" {
  name     = "shop"
  role_arn = aws_iam_role.eks.arn
  version  = "1.31"
  vpc_config {
    subnet_ids = var.subnets
  }
}
