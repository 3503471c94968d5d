provider "aws" {
  region = "eu-west-1"
}

# slipway-expect: SLW-TF-039
resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
  # slipway-expect: SLW-TF-039
  tags = {
    Name = "data"
  }
}
