# fixture-path: envs/test/compute.tf
# slipway-expect: SLW-TF-036
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t4g.small"
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
}
