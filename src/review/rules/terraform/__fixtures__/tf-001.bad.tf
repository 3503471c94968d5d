# slipway-expect: SLW-TF-001
resource "aws_s3_bucket" "uploads" {
  bucket = "shop-uploads"
}

resource "aws_s3_bucket" "assets" {
  bucket = "shop-assets"
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  # slipway-expect: SLW-TF-001
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
