# slipway-expect: SLW-TF-030
resource "aws_kms_key" "data" {
  description = "data"
}
