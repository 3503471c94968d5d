# slipway-expect: SLW-TF-031
resource "aws_cloudwatch_log_group" "app" {
  name = "/shop/app"
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/shop/audit"
  # slipway-expect: SLW-TF-031
  retention_in_days = 0
}
