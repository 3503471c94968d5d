resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  # slipway-expect: SLW-TF-034
  instance_type = "m5.large"
}

resource "aws_db_instance" "main" {
  engine         = "postgres"
  # slipway-expect: SLW-TF-034
  instance_class = var.db_class
}

variable "db_class" {
  default = "db.r5.xlarge"
}

resource "aws_eks_node_group" "apps" {
  cluster_name   = "shop"
  # slipway-expect: SLW-TF-034
  instance_types = ["c6i.large", "c7g.large"]
}
