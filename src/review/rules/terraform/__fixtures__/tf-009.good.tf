# fixture-path: envs/staging/database.tf
resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.small"
  multi_az       = false
}
