resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "mails" {
  name              = "mails"
  kms_master_key_id = aws_kms_key.queues.arn
}
