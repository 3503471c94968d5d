resource "aws_sqs_queue" "orders" {
  name = "orders"
  tags = { Team = "payments", Name = "orders" }
}

resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
  tags   = local.common_tags
}
