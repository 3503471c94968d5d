resource "aws_cloudwatch_log_group" "app" {
  name              = "/shop/app"
  retention_in_days = 30
}
