data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::shop-data/*"]
  }
  # slipway-expect: SLW-TF-023
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name = "admin"
  # slipway-expect: SLW-TF-023
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy" "legacy" {
  role = aws_iam_role.app.id
  # slipway-expect: SLW-TF-023
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::x"}]
}
EOT
}
