# slipway-expect: SLW-TF-027, SLW-TF-040, SLW-TF-039
resource "aws_instance" "web" {
  ami           = "ami-09a5b0b7edf08843d"
  # slipway-expect: SLW-TF-034
  instance_type = "t2.nano"
  vpc_security_group_ids = [aws_security_group.web.id]
  user_data     = <<USERDATA
#! /bin/bash
sudo apt-get update
export AWS_DEFAULT_REGION=us-west-2
echo "<h1>Deployed via Terraform</h1>" | sudo tee /var/www/html/index.html
USERDATA
}

# slipway-expect: SLW-TF-040, SLW-TF-039
resource "aws_ebs_volume" "web_host_storage" {
  availability_zone = "us-west-2a"
  size              = 1
}
