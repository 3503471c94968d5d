resource "aws_eks_cluster" "main" {
  name     = "shop"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids              = var.subnets
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_cluster" "office" {
  name     = "office"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids          = var.subnets
    public_access_cidrs = ["203.0.113.0/24"]
  }
}
