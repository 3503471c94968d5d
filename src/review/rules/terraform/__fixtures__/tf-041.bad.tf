resource "aws_ecr_repository" "web" {
  name = "shop/web"
  image_scanning_configuration {
    # slipway-expect: SLW-TF-041
    scan_on_push = false
  }
}

# slipway-expect: SLW-TF-041
resource "aws_ecr_repository" "api" {
  name = "shop/api"
}
