# slipway-expect: SLW-TF-006
resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
}
