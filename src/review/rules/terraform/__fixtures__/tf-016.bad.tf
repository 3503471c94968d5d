resource "aws_eks_cluster" "main" {
  name     = "shop"
  role_arn = aws_iam_role.eks.arn
  # slipway-expect: SLW-TF-016
  version  = var.k8s_version
  vpc_config {
    subnet_ids = var.subnets
  }
}

variable "k8s_version" {
  default = "1.27"
}
