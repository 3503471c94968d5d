resource "aws_cloudfront_distribution" "site" {
  enabled = true
  logging_config {
    bucket = aws_s3_bucket.edge_logs.bucket_domain_name
    prefix = "site/"
  }
}
