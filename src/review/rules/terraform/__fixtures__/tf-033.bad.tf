resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  # slipway-expect: SLW-TF-033
  type              = "gp2"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t4g.small"
  root_block_device {
    # slipway-expect: SLW-TF-033
    volume_type = "gp2"
  }
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  # slipway-expect: SLW-TF-033
  storage_type   = "gp2"
}
