# slipway-expect: SLW-TF-014, SLW-TF-039
resource "aws_eks_cluster" "goat" {
  name     = "goat-eks"
  role_arn = aws_iam_role.eks.arn
  # slipway-expect: SLW-TF-016
  version  = "1.24"
  # slipway-expect: SLW-TF-013
  vpc_config {
    subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
  }
  # slipway-expect: SLW-TF-015
  enabled_cluster_log_types = []
}
