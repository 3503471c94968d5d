resource "aws_db_instance" "main" {
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  # slipway-expect: SLW-TF-010
  backup_retention_period = 3
}

# slipway-expect: SLW-TF-010
resource "aws_db_instance" "reports" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}
