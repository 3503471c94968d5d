provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Owner       = "shop-team"
      Project     = "shop"
      Environment = "prod"
    }
  }
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
}
