# slipway-expect: SLW-TF-026, SLW-TF-039
resource "aws_vpc" "web_vpc" {
  cidr_block           = "172.16.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_security_group" "web" {
  name   = "goat-web"
  vpc_id = aws_vpc.web_vpc.id
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # slipway-expect: SLW-TF-024
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.web_vpc.id
  # slipway-expect: SLW-TF-025
  ingress {
    protocol  = "-1"
    from_port = 0
    to_port   = 0
    self      = true
  }
}

# slipway-expect: SLW-TF-029, SLW-TF-039
resource "aws_lb" "web" {
  name    = "goat-lb"
  subnets = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  # slipway-expect: SLW-TF-028
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
