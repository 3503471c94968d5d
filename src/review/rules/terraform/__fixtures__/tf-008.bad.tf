resource "aws_db_instance" "main" {
  engine              = "mysql"
  instance_class      = "db.t4g.small"
  # slipway-expect: SLW-TF-008
  publicly_accessible = true
}
