resource "aws_db_instance" "main" {
  engine              = "mysql"
  instance_class      = "db.t4g.small"
  publicly_accessible = false
}
