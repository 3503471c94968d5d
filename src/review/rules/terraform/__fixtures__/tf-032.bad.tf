provider "aws" {
  region     = "eu-west-1"
  # slipway-expect: SLW-TF-032
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "app"
  # slipway-expect: SLW-TF-032
  password       = "Sup3rS3cret!"
}

variable "api_token" {
  # slipway-expect: SLW-TF-032
  default = "tok_7f9c2ba4e88f827d6160"
}
