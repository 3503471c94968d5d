# slipway-expect: SLW-TF-011
resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}

resource "aws_rds_cluster" "analytics" {
  engine              = "aurora-postgresql"
  # slipway-expect: SLW-TF-011
  deletion_protection = false
}
