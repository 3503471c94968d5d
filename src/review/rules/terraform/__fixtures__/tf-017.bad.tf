# slipway-expect: SLW-TF-017
resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue" "mails" {
  name                    = "mails"
  # slipway-expect: SLW-TF-017
  sqs_managed_sse_enabled = false
}
