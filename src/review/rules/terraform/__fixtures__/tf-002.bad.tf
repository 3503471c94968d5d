resource "aws_s3_bucket" "site" {
  bucket = "shop-site"
  # slipway-expect: SLW-TF-002
  acl    = "public-read"
}

resource "aws_s3_bucket" "drop" {
  bucket = "shop-drop"
}

resource "aws_s3_bucket_acl" "drop" {
  bucket = aws_s3_bucket.drop.id
  # slipway-expect: SLW-TF-002
  acl    = "public-read-write"
}
