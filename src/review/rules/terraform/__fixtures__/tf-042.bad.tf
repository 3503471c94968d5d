# slipway-expect: SLW-TF-042
resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}

resource "aws_lb" "web" {
  name = "web"
}
