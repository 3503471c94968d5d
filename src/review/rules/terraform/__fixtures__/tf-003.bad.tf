# slipway-expect: SLW-TF-003
resource "aws_s3_bucket" "data" {
  bucket = "shop-data"
}
