# slipway-expect: SLW-TF-012
resource "aws_db_instance" "main" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  monitoring_interval = 0
}
