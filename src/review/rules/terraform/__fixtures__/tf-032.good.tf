provider "aws" {
  region = "eu-west-1"
}

resource "aws_db_instance" "main" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  username                    = "app"
  manage_master_user_password = true
}

resource "aws_db_instance" "legacy" {
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  password       = random_password.db.result
}

variable "api_token" {
  sensitive = true
}

variable "password_length" {
  default = 24
}
