# fixture-path: envs/prod/database.tf
resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.r7g.large"
  multi_az       = true
}
