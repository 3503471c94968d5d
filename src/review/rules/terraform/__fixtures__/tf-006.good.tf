resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "shop-access-logs"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}
