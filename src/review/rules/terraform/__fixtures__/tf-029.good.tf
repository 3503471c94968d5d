resource "aws_lb" "web" {
  name    = "web"
  subnets = var.public_subnets
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}

resource "aws_lb" "nlb" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = var.public_subnets
}
