resource "aws_cloudfront_distribution" "site" {
  enabled = true
  viewer_certificate {
    # slipway-expect: SLW-TF-020
    cloudfront_default_certificate = true
  }
}

resource "aws_cloudfront_distribution" "shop" {
  enabled = true
  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.shop.arn
    ssl_support_method       = "sni-only"
    # slipway-expect: SLW-TF-020
    minimum_protocol_version = "TLSv1_2016"
  }
}
