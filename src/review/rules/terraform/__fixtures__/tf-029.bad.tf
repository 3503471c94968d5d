# slipway-expect: SLW-TF-029
resource "aws_lb" "web" {
  name    = "web"
  subnets = var.public_subnets
}
