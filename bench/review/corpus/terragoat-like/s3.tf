# slipway-expect: SLW-TF-001, SLW-TF-003, SLW-TF-004, SLW-TF-005, SLW-TF-006, SLW-TF-039
resource "aws_s3_bucket" "data" {
  bucket        = "goat-data-${var.environment}"
  # slipway-expect: SLW-TF-002
  acl           = "public-read"
  force_destroy = true
}

resource "aws_s3_bucket_object" "customers" {
  bucket = aws_s3_bucket.data.id
  key    = "customer-master.xlsx"
  source = "resources/customer-master.xlsx"
}

# slipway-expect: SLW-TF-003, SLW-TF-005, SLW-TF-039
resource "aws_s3_bucket" "logs" {
  bucket = "goat-logs-${var.environment}"
  acl    = "log-delivery-write"
  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  # slipway-expect: SLW-TF-001
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
