# slipway-expect: SLW-TF-027
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t4g.small"
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes"
  metadata_options {
    http_endpoint = "enabled"
    # slipway-expect: SLW-TF-027
    http_tokens   = "optional"
  }
}
