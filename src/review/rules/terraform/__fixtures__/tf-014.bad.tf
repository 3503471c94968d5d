# slipway-expect: SLW-TF-014
resource "aws_eks_cluster" "main" {
  name     = "shop"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids = var.subnets
  }
}
