resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  # slipway-expect: SLW-TF-007
  storage_encrypted = false
}

# slipway-expect: SLW-TF-007
resource "aws_rds_cluster" "analytics" {
  engine = "aurora-postgresql"
}
