# slipway-expect: SLW-TF-021, SLW-TF-022, SLW-TF-039
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = aws_s3_bucket.data.bucket_regional_domain_name
    origin_id   = "s3"
  }
  default_cache_behavior {
    target_origin_id       = "s3"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    # slipway-expect: SLW-TF-019
    viewer_protocol_policy = "allow-all"
  }
  viewer_certificate {
    # slipway-expect: SLW-TF-020
    cloudfront_default_certificate = true
  }
}

# slipway-expect: SLW-TF-017, SLW-TF-018, SLW-TF-039
resource "aws_sqs_queue" "orders" {
  name = "goat-orders"
}

# slipway-expect: SLW-TF-037, SLW-TF-039
resource "aws_ecr_repository" "app" {
  name                 = "goat-app"
  image_tag_mutability = "MUTABLE"
  image_scanning_configuration {
    # slipway-expect: SLW-TF-041
    scan_on_push = false
  }
}
