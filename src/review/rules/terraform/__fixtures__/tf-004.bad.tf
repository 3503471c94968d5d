# slipway-expect: SLW-TF-004
resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
}

resource "aws_s3_bucket" "docs" {
  bucket = "shop-docs"
}

resource "aws_s3_bucket_versioning" "docs" {
  bucket = aws_s3_bucket.docs.id
  versioning_configuration {
    # slipway-expect: SLW-TF-004
    status = "Suspended"
  }
}
