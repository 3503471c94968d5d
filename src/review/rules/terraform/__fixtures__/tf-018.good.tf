resource "aws_sqs_queue" "orders" {
  name = "orders"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_failed.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "orders_failed" {
  name = "orders-failed"
}
