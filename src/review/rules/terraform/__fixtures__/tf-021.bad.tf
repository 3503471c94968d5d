# slipway-expect: SLW-TF-021
resource "aws_cloudfront_distribution" "site" {
  enabled = true
}
