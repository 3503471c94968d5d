# slipway-expect: SLW-TF-022
resource "aws_cloudfront_distribution" "site" {
  enabled = true
}
