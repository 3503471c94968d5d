# slipway-expect: SLW-TF-005
resource "aws_s3_bucket" "logs" {
  bucket = "shop-logs"
}
