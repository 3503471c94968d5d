resource "aws_iam_policy" "goat" {
  name = "goat-admin"
  # slipway-expect: SLW-TF-023
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" }
  ]
}
POLICY
}

# slipway-expect: SLW-TF-030, SLW-TF-039
resource "aws_kms_key" "logs" {
  description = "goat logs"
}

# slipway-expect: SLW-TF-031, SLW-TF-039
resource "aws_cloudwatch_log_group" "app" {
  name = "/goat/app"
}
