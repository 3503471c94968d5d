# fixture-path: envs/dev/compute.tf
resource "aws_instance" "build" {
  ami           = "ami-0123456789abcdef0"
  # slipway-expect: SLW-TF-038
  instance_type = "c7g.4xlarge"
}
