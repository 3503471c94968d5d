resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "shop-legacy"
  versioning {
    enabled = true
  }
}
