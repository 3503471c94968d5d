# slipway-expect: SLW-TF-037
resource "aws_ecr_repository" "web" {
  name = "shop/web"
}
