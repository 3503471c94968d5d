# slipway-expect: SLW-TF-018
resource "aws_sqs_queue" "orders" {
  name = "orders"
}
