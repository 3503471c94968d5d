resource "aws_eks_cluster" "main" {
  name     = "shop"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids             = var.subnets
    endpoint_public_access = true
    # slipway-expect: SLW-TF-013
    public_access_cidrs    = ["0.0.0.0/0"]
  }
}

resource "aws_eks_cluster" "other" {
  name     = "other"
  role_arn = aws_iam_role.eks.arn
  # slipway-expect: SLW-TF-013
  vpc_config {
    subnet_ids = var.subnets
  }
}
