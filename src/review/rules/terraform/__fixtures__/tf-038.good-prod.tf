# fixture-path: envs/prod/compute.tf
resource "aws_instance" "build" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "c7g.4xlarge"
}
