resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m7g.large"
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.r7g.xlarge"
}

resource "aws_instance" "gpu" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "g5.xlarge"
}
