resource "aws_db_instance" "main" {
  engine                       = "postgres"
  instance_class               = "db.t4g.micro"
  performance_insights_enabled = true
}

resource "aws_db_instance" "other" {
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  monitoring_interval = 60
  monitoring_role_arn = aws_iam_role.rds_monitoring.arn
}
