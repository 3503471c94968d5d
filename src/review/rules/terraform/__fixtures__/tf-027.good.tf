resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t4g.small"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes"
  metadata_options {
    http_endpoint = "disabled"
  }
}
